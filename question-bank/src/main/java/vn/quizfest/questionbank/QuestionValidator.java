package vn.quizfest.questionbank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule book for a valid question, used by the REST API, every import format and the seed
 * bank. Each broken rule is a {@link Violation} with a catalog code ({@code questionbank/messages}),
 * so callers report it in the user's language.
 */
public final class QuestionValidator {

	public static final int MAX_TEXT = 1000;

	public static final int MAX_OPTION = 200;

	public static final int MIN_OPTIONS = 2;

	public static final int MAX_OPTIONS = 6;

	public static final int MAX_ACCEPTED = 10;

	public static final int MAX_ACCEPTED_LENGTH = 100;

	public static final int MIN_TIME_LIMIT = 5;

	public static final int MAX_TIME_LIMIT = 240;

	public static final int MAX_EXPLANATION = 2000;

	public static final int MAX_URL = 500;

	/** The address of an image uploaded to this server (contest-server's /api/images). */
	public static final java.util.regex.Pattern OWN_IMAGE = java.util.regex.Pattern.compile("/api/images/[0-9a-f]{64}");

	public static final int MAX_TAGS = 10;

	public static final int MAX_TAG = 40;

	public static final int MAX_AUTHOR = 100;

	/** A broken rule: the field it concerns, its catalog code and the code's arguments. */
	public record Violation(String field, String code, List<Object> args) {

		public Violation {
			args = List.copyOf(args);
		}

		static Violation of(String field, String code, Object... args) {
			return new Violation(field, code, List.of(args));
		}
	}

	private QuestionValidator() {
	}

	public static List<Violation> validate(Question question) {
		List<Violation> violations = new ArrayList<>();
		text(violations, "text", question.text(), MAX_TEXT, true);
		text(violations, "explanation", question.explanation(), MAX_EXPLANATION, false);
		text(violations, "source", question.source(), MAX_URL, false);
		text(violations, "imageUrl", question.imageUrl(), MAX_URL, false);
		ownImage(violations, question.imageUrl());
		text(violations, "author", question.author(), MAX_AUTHOR, false);
		if (question.timeLimitSeconds() < MIN_TIME_LIMIT || question.timeLimitSeconds() > MAX_TIME_LIMIT) {
			violations.add(Violation.of("timeLimitSeconds", "question.time-limit.range", MIN_TIME_LIMIT, MAX_TIME_LIMIT));
		}
		if (question.difficulty() < 1 || question.difficulty() > 3) {
			violations.add(Violation.of("difficulty", "question.difficulty.range"));
		}
		if (question.tags().size() > MAX_TAGS) {
			violations.add(Violation.of("tags", "question.tags.too-many", MAX_TAGS));
		}
		for (String tag : question.tags()) {
			if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) {
				violations.add(Violation.of("tags", "question.tag.invalid", MAX_TAG));
				break;
			}
		}
		answer(violations, question);
		return violations;
	}

	private static void answer(List<Violation> violations, Question question) {
		List<String> options = question.options();
		AnswerKey key = question.answer();
		switch (question.type()) {
			case SINGLE_CHOICE, MULTIPLE_SELECT, ORDERING, POLL -> options(violations, options, MIN_OPTIONS, MAX_OPTIONS);
			case TRUE_FALSE -> options(violations, options, 2, 2);
			case TYPE_ANSWER, NUMERIC -> {
				if (!options.isEmpty()) {
					violations.add(Violation.of("options", "question.options.not-allowed"));
				}
			}
		}
		switch (question.type()) {
			case SINGLE_CHOICE, TRUE_FALSE -> {
				if (key.correct().size() != 1) {
					violations.add(Violation.of("correct", "question.correct.exactly-one"));
				}
				indexes(violations, key.correct(), options.size());
			}
			case MULTIPLE_SELECT -> {
				if (key.correct().isEmpty()) {
					violations.add(Violation.of("correct", "question.correct.at-least-one"));
				}
				indexes(violations, key.correct(), options.size());
			}
			case ORDERING -> {
				Set<Integer> seen = new HashSet<>(key.correct());
				boolean permutation = key.correct().size() == options.size() && seen.size() == options.size()
						&& seen.stream().allMatch(i -> i != null && i >= 0 && i < options.size());
				if (!permutation) {
					violations.add(Violation.of("correct", "question.correct.ordering"));
				}
			}
			case TYPE_ANSWER -> {
				if (key.accepted().isEmpty() || key.accepted().size() > MAX_ACCEPTED) {
					violations.add(Violation.of("accepted", "question.accepted.count", MAX_ACCEPTED));
				}
				for (String accepted : key.accepted()) {
					if (accepted == null || accepted.isBlank() || accepted.length() > MAX_ACCEPTED_LENGTH) {
						violations.add(Violation.of("accepted", "question.accepted.invalid", MAX_ACCEPTED_LENGTH));
						break;
					}
				}
			}
			case NUMERIC -> {
				if (key.value() == null || !Double.isFinite(key.value())) {
					violations.add(Violation.of("value", "question.value.required"));
				}
				if (key.tolerance() != null && (!Double.isFinite(key.tolerance()) || key.tolerance() < 0)) {
					violations.add(Violation.of("tolerance", "question.tolerance.invalid"));
				}
			}
			case POLL -> {
				if (!key.correct().isEmpty()) {
					violations.add(Violation.of("correct", "question.correct.poll"));
				}
			}
		}
	}

	private static void options(List<Violation> violations, List<String> options, int min, int max) {
		if (options.size() < min || options.size() > max) {
			violations.add(Violation.of("options", "question.options.count", min, max));
		}
		for (String option : options) {
			if (option == null || option.isBlank() || option.length() > MAX_OPTION) {
				violations.add(Violation.of("options", "question.option.invalid", MAX_OPTION));
				return;
			}
		}
	}

	private static void indexes(List<Violation> violations, List<Integer> correct, int optionCount) {
		if (new HashSet<>(correct).size() != correct.size()
				|| correct.stream().anyMatch(i -> i == null || i < 0 || i >= optionCount)) {
			violations.add(Violation.of("correct", "question.correct.out-of-range", optionCount));
		}
	}

	/**
	 * Phones load a question's image from this server only: no javascript: or data: URL a page could
	 * run or render, no outside address that would learn every player's IP.
	 */
	private static void ownImage(List<Violation> violations, String value) {
		if (value != null && !value.isBlank() && value.length() <= MAX_URL && !OWN_IMAGE.matcher(value).matches()) {
			violations.add(Violation.of("imageUrl", "question.image-url.not-own"));
		}
	}

	private static void text(List<Violation> violations, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(Violation.of(field, "question." + field + ".required"));
			}
		}
		else if (value.length() > max) {
			violations.add(Violation.of(field, "question.field.too-long", max));
		}
	}
}
