package vn.quizfest.server.limits;

/** What is limited; the sizes come from {@link LimitSettings}. */
public enum Limit {

	/**
	 * Unknown PINs per address, over {@code GET /api/pins/...} and joins on {@code /ws/play} together.
	 * Only misses count: a class behind one NAT address types the right PIN.
	 */
	PIN_MISSES,

	/** Joins per address and game per second (the key names both). */
	JOIN_RATE,

	/** Joins per address and game over the whole game (the key names both): the player cap. */
	JOINS_PER_GAME
}
