package vn.quizfest.server.game;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.TextNormalizer;

/**
 * Whether a submission fits a question's shape, and how right it is. Credit runs from 0 to 1; only
 * a fully right answer counts as correct (for streaks and the correct count).
 */
public final class Grading {

	/** The grade of one submission: {@code credit} scales the points, {@code correct} is full credit. */
	public record Grade(boolean correct, double credit) {

		static final Grade WRONG = new Grade(false, 0);

		static final Grade RIGHT = new Grade(true, 1);
	}

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private Grading() {
	}

	/** Checks the submission has the shape the question type expects; returns a reason code or null. */
	public static @Nullable String shapeError(GameQuestion question, Submission submission) {
		int options = question.question().options().size();
		return switch (question.type()) {
			case SINGLE_CHOICE, TRUE_FALSE, POLL -> submission.choice() != null && inRange(submission.choice(), options)
					? null : "BAD_ANSWER";
			case MULTIPLE_SELECT -> {
				List<Integer> choices = submission.choices();
				yield choices != null && !choices.isEmpty() && choices.size() <= options
						&& new HashSet<>(choices).size() == choices.size()
						&& choices.stream().allMatch(i -> i != null && inRange(i, options)) ? null : "BAD_ANSWER";
			}
			case ORDERING -> {
				List<Integer> order = submission.order();
				yield order != null && order.size() == options && new HashSet<>(order).size() == options
						&& order.stream().allMatch(i -> i != null && inRange(i, options)) ? null : "BAD_ANSWER";
			}
			case TYPE_ANSWER -> submission.text() != null && !submission.text().isBlank()
					&& submission.text().length() <= 200 ? null : "BAD_ANSWER";
			case NUMERIC -> submission.value() != null && Double.isFinite(submission.value()) ? null : "BAD_ANSWER";
		};
	}

	public static Grade grade(GameQuestion question, Submission submission, boolean ignoreDiacritics) {
		AnswerKey key = question.question().answer();
		return switch (question.type()) {
			case SINGLE_CHOICE, TRUE_FALSE -> key.correct().contains(submission.choice()) ? Grade.RIGHT : Grade.WRONG;
			case POLL -> Grade.WRONG;
			case MULTIPLE_SELECT -> multipleSelect(key.correct(), submission.choices());
			case ORDERING -> key.correct().equals(submission.order()) ? Grade.RIGHT : Grade.WRONG;
			case TYPE_ANSWER -> typeAnswer(key.accepted(), submission.text(), ignoreDiacritics);
			case NUMERIC -> numeric(key, submission.value());
		};
	}

	/**
	 * Partial credit: (right options picked - wrong options picked) / right options, never below zero.
	 * Picking everything therefore earns nothing when half the options are wrong.
	 */
	static Grade multipleSelect(List<Integer> correct, @Nullable List<Integer> picked) {
		if (picked == null || correct.isEmpty()) {
			return Grade.WRONG;
		}
		Set<Integer> right = new HashSet<>(correct);
		long hits = picked.stream().filter(right::contains).count();
		long misses = picked.size() - hits;
		double credit = Math.max(0, (double) (hits - misses) / right.size());
		return new Grade(hits == right.size() && misses == 0, credit);
	}

	static Grade typeAnswer(List<String> accepted, @Nullable String text, boolean ignoreDiacritics) {
		if (text == null) {
			return Grade.WRONG;
		}
		String given = normalise(text, ignoreDiacritics);
		for (String candidate : accepted) {
			if (normalise(candidate, ignoreDiacritics).equals(given)) {
				return Grade.RIGHT;
			}
		}
		return Grade.WRONG;
	}

	/** Case and surrounding or repeated spaces never matter; diacritics only when the game says so. */
	static String normalise(String text, boolean ignoreDiacritics) {
		if (ignoreDiacritics) {
			return TextNormalizer.fold(text);
		}
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		return SPACES.matcher(composed.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

	static Grade numeric(AnswerKey key, @Nullable Double value) {
		if (value == null || key.value() == null) {
			return Grade.WRONG;
		}
		double tolerance = key.tolerance() == null ? 0 : key.tolerance();
		// A few ulps of slack so that decimals at the edge of the tolerance (0.3 +- 0.1) still count,
		// scaled to the numbers so that large values keep their precision.
		double slack = 4 * Math.ulp(Math.max(Math.abs(value), Math.abs(key.value())));
		return Math.abs(value - key.value()) <= tolerance + slack ? Grade.RIGHT : Grade.WRONG;
	}

	private static boolean inRange(int index, int size) {
		return index >= 0 && index < size;
	}

	static boolean isChoice(QuestionType type) {
		return type == QuestionType.SINGLE_CHOICE || type == QuestionType.TRUE_FALSE || type == QuestionType.POLL
				|| type == QuestionType.MULTIPLE_SELECT;
	}
}
