package vn.quizfest.server.game.format.buzzer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rounds and rules of a buzzer game. Every component may be left out (null) and takes its
 * documented default, so a partial request and settings stored by an older build both read.
 *
 * @param rounds the rounds in order; their question counts add up to the game's questions. Empty:
 *        every question is a common warm-up buzzer question
 * @param pressWindowMillis presses this long after the first are ordered and shown with their time
 *        behind the first; later ones are refused (default 500)
 * @param answerSeconds time the contestant who pressed has to answer (default 5)
 * @param buzzSeconds how long the buzzers stay open for a steal or after a reopen (default 5)
 * @param afterWrong what a wrong answer to a common buzzer question does (default {@code REOPEN})
 * @param starWrongLoses whether a wrong answer on the star of hope loses the question's value
 *        (default true; the published rules disagree, so the organiser chooses)
 * @param warmupRight points for a right warm-up answer (default 10)
 * @param warmupWrong points lost for a wrong warm-up answer (default 5)
 * @param accelerationPoints points of the first, second, ... right acceleration answers
 *        (default 40, 30, 20, 10)
 */
public record BuzzerSettings(@Nullable List<BuzzerRound> rounds, @Nullable Integer pressWindowMillis,
		@Nullable Integer answerSeconds, @Nullable Integer buzzSeconds, @Nullable AfterWrong afterWrong,
		@Nullable Boolean starWrongLoses, @Nullable Integer warmupRight, @Nullable Integer warmupWrong,
		@Nullable List<Integer> accelerationPoints) {

	public static final int MIN_CONTESTANTS = 2;

	public static final int MAX_CONTESTANTS = 8;

	/** The two values a contestant may pick for a finish question. */
	public static final int FINISH_LOW = 20;

	public static final int FINISH_HIGH = 30;

	/** What a wrong answer to a common buzzer question does. */
	public enum AfterWrong {

		/** The next contestant in press order (within the window) answers; nobody left closes the question. */
		NEXT_IN_ORDER,

		/** The buzzers open again for those who have not answered yet. */
		REOPEN
	}

	public BuzzerSettings {
		rounds = rounds == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rounds));
		pressWindowMillis = pressWindowMillis == null ? 500 : pressWindowMillis;
		answerSeconds = answerSeconds == null ? 5 : answerSeconds;
		buzzSeconds = buzzSeconds == null ? 5 : buzzSeconds;
		afterWrong = afterWrong == null ? AfterWrong.REOPEN : afterWrong;
		starWrongLoses = starWrongLoses == null ? Boolean.TRUE : starWrongLoses;
		warmupRight = warmupRight == null ? 10 : warmupRight;
		warmupWrong = warmupWrong == null ? 5 : warmupWrong;
		accelerationPoints = accelerationPoints == null ? List.of(40, 30, 20, 10)
				: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(accelerationPoints));
	}

	/**
	 * Throws {@link IllegalArgumentException} when a value is out of its range. Called by
	 * {@code GameSettings}, so that a bad request is refused as {@code game.settings.invalid}.
	 */
	public void check() {
		if (rounds.stream().anyMatch(java.util.Objects::isNull) || rounds.size() > 20) {
			throw new IllegalArgumentException("rounds: at most 20, none empty");
		}
		if (pressWindowMillis < 0 || pressWindowMillis > 5_000) {
			throw new IllegalArgumentException("pressWindowMillis must be 0..5000");
		}
		if (answerSeconds < 1 || answerSeconds > 120 || buzzSeconds < 1 || buzzSeconds > 120) {
			throw new IllegalArgumentException("answerSeconds and buzzSeconds must be 1..120");
		}
		if (warmupRight < 0 || warmupRight > 1000 || warmupWrong < 0 || warmupWrong > 1000) {
			throw new IllegalArgumentException("warmupRight and warmupWrong must be 0..1000");
		}
		if (accelerationPoints.isEmpty() || accelerationPoints.size() > MAX_CONTESTANTS
				|| accelerationPoints.stream().anyMatch(p -> p == null || p < 0 || p > 1000)) {
			throw new IllegalArgumentException("accelerationPoints: 1..8 values of 0..1000");
		}
	}

	public static BuzzerSettings defaults() {
		return new BuzzerSettings(null, null, null, null, null, null, null, null, null);
	}

	public BuzzerSettings withRounds(List<BuzzerRound> newRounds) {
		return new BuzzerSettings(newRounds, pressWindowMillis, answerSeconds, buzzSeconds, afterWrong, starWrongLoses,
				warmupRight, warmupWrong, accelerationPoints);
	}

	public BuzzerSettings withAfterWrong(AfterWrong rule) {
		return new BuzzerSettings(rounds, pressWindowMillis, answerSeconds, buzzSeconds, rule, starWrongLoses,
				warmupRight, warmupWrong, accelerationPoints);
	}

	public BuzzerSettings withStarWrongLoses(boolean loses) {
		return new BuzzerSettings(rounds, pressWindowMillis, answerSeconds, buzzSeconds, afterWrong, loses,
				warmupRight, warmupWrong, accelerationPoints);
	}

	/** Throws {@link IllegalArgumentException} when the rounds do not cover exactly this many questions. */
	public void checkCovers(int questionCount) {
		if (rounds().isEmpty()) {
			return;
		}
		int sum = rounds().stream().mapToInt(BuzzerRound::questions).sum();
		if (sum != questionCount) {
			throw new IllegalArgumentException(
					"the buzzer rounds take " + sum + " questions but the game has " + questionCount);
		}
	}
}
