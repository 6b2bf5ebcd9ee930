package vn.quizfest.loadtest;

/**
 * Deterministic random numbers: a uniform number from (seed, player, question, purpose) with no
 * state per player, so ten thousand players need no Random object each and a run repeats exactly.
 */
final class Dice {

	static final int MISSING = 1;

	static final int WRONG = 2;

	static final int THINK_A = 3;

	static final int THINK_B = 4;

	static final int DROP = 5;

	static final int DROP_QUESTION = 6;

	static final int DROP_BEFORE = 7;

	static final int PICK = 8;

	/** Buzzer rounds: a contestant's reaction before pressing, and whether the host judges it right. */
	static final int PRESS = 9;

	static final int JUDGE = 10;

	private final long seed;

	Dice(long seed) {
		this.seed = seed;
	}

	/** A uniform number in [0, 1). */
	double roll(int player, int question, int purpose) {
		long x = seed;
		x = mix(x ^ (player * 0x9E3779B97F4A7C15L));
		x = mix(x ^ ((question + 1L) * 0xC2B2AE3D27D4EB4FL));
		x = mix(x ^ (purpose * 0x165667B19E3779F9L));
		return (x >>> 11) * 0x1.0p-53;
	}

	private static long mix(long z) {
		// SplitMix64's finaliser.
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
