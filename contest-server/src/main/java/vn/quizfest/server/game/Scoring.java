package vn.quizfest.server.game;

/**
 * Points for one answer (see docs/scoring.md). Speed mode: round(P x (1 - (t/T)/2)) for a fully
 * correct answer, scaled by the credit of a partly correct one; accuracy mode: P x credit. The
 * streak bonus adds 100 for each correct answer in a row before this one, at most 500.
 */
public final class Scoring {

	public static final int BASE_POINTS = 1000;

	public static final int STREAK_STEP = 100;

	public static final int STREAK_CAP = 500;

	private static final long CREDIT_UNIT = 60;

	private Scoring() {
	}

	/**
	 * @param base P: 1000, 2000 for double points, 0 for no points
	 * @param credit 0..1 from {@link Grading}
	 * @param responseMillis t: the server's receive time minus the server's open time
	 * @param limitMillis T: the question's time limit
	 */
	public static int answerPoints(ScoringMode mode, int base, double credit, long responseMillis, long limitMillis) {
		if (credit <= 0 || base <= 0) {
			return 0;
		}
		// Credits are fractions with a denominator of at most 6 (options), so 60ths are exact; whole
		// numbers then round halves up exactly, where doubles sometimes land just below .5.
		long num = Math.round(Math.min(credit, 1) * CREDIT_UNIT);
		if (mode == ScoringMode.ACCURACY) {
			return (int) Math.floorDiv(2L * base * num + CREDIT_UNIT, 2L * CREDIT_UNIT);
		}
		long t = Math.max(0, Math.min(responseMillis, limitMillis));
		long twoT = 2 * limitMillis;
		// round(P x (1 - (t/T)/2) x credit) = round(P x (2T - t) x num / (2T x 60))
		return (int) Math.floorDiv(2L * base * (twoT - t) * num + twoT * CREDIT_UNIT, 2L * twoT * CREDIT_UNIT);
	}

	/** The bonus for a correct answer that follows {@code streakBefore} correct answers in a row. */
	public static int streakBonus(int streakBefore) {
		return Math.min(STREAK_STEP * streakBefore, STREAK_CAP);
	}
}
