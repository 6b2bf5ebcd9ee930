package vn.quizfest.server.game;

/**
 * Which live format a game plays (see {@link GameFormat}). Team play by unit is not a format: it is an
 * option that works inside any of these.
 */
public enum GameFormatKind {

	/** The classic, host-paced game: the host moves on, speed scoring and streaks. */
	HOSTED,

	/** Rung chuông vàng: a wrong or missing answer eliminates; rescue rules bring players back. */
	ELIMINATION,

	/** Olympia-style rounds: a few contestants press a buzzer, the first to press answers. */
	BUZZER
}
