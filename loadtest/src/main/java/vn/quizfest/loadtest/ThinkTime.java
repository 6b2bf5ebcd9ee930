package vn.quizfest.loadtest;

/**
 * How long a player thinks before answering: log-normal (most answer fast, a few take long, as
 * players on a phone do), clamped to [min, max] seconds. Drawn from two uniform numbers so that
 * each choice is a pure function of the run's seed, the player and the question.
 *
 * @param medianSeconds the median think time
 * @param sigma the spread of the underlying normal distribution (0 gives the median every time)
 */
public record ThinkTime(double medianSeconds, double sigma, double minSeconds, double maxSeconds) {

	public static final ThinkTime DEFAULT = new ThinkTime(2.5, 0.6, 1, 8);

	public ThinkTime {
		if (!(medianSeconds > 0) || !(sigma >= 0) || !(minSeconds >= 0) || !(maxSeconds >= minSeconds)
				|| maxSeconds > 600) {
			throw new Options.OptionsException("--think needs median > 0, sigma >= 0 and 0 <= min <= max <= 600 seconds.");
		}
	}

	/** Parses "MEDIAN,SIGMA[,MIN,MAX]" (seconds). */
	public static ThinkTime parse(String value) {
		String[] parts = value.split(",");
		if (parts.length != 2 && parts.length != 4) {
			throw new Options.OptionsException("--think takes MEDIAN,SIGMA or MEDIAN,SIGMA,MIN,MAX in seconds, not '"
					+ value + "'.");
		}
		double median = Options.decimal("--think median", parts[0], 0.001, 600);
		double sigma = Options.decimal("--think sigma", parts[1], 0, 5);
		double min = parts.length == 4 ? Options.decimal("--think min", parts[2], 0, 600) : DEFAULT.minSeconds;
		double max = parts.length == 4 ? Options.decimal("--think max", parts[3], 0, 600) : DEFAULT.maxSeconds;
		return new ThinkTime(median, sigma, min, max);
	}

	/**
	 * A think time in milliseconds, before scaling.
	 *
	 * @param u1 a uniform number in [0, 1)
	 * @param u2 another, independent of u1
	 */
	public long millis(double u1, double u2) {
		// Box-Muller: a standard normal from two uniforms.
		double normal = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
		double seconds = medianSeconds * Math.exp(sigma * normal);
		seconds = Math.max(minSeconds, Math.min(maxSeconds, seconds));
		return Math.round(seconds * 1000);
	}
}
