package vn.quizfest.questionbank.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.TextNormalizer;
import vn.quizfest.questionbank.Topic;

/**
 * Values of the model's enums as people write them in a spreadsheet: the enum name, or its label in
 * Vietnamese or English, compared with {@link TextNormalizer#fold} (case, diacritics and spacing
 * ignored, underscores read as spaces).
 */
final class Labels {

	private static final List<Locale> LOCALES = List.of(Catalog.VIETNAMESE, Locale.ENGLISH);

	private Labels() {
	}

	static String of(Enum<?> value, Locale locale) {
		return Catalog.text(locale, code(value));
	}

	static String difficulty(int difficulty, Locale locale) {
		return Catalog.text(locale, "question.difficulty." + difficulty);
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
		String folded = fold(text);
		for (E value : type.getEnumConstants()) {
			if (fold(value.name()).equals(folded)) {
				return Optional.of(value);
			}
			for (Locale locale : LOCALES) {
				if (fold(of(value, locale)).equals(folded)) {
					return Optional.of(value);
				}
			}
		}
		return Optional.empty();
	}

	/** A language by its code ({@code vi}, {@code en}), name or label. */
	static Optional<Language> language(String text) {
		String folded = fold(text);
		for (Language language : Language.values()) {
			if (language.code().equals(folded)) {
				return Optional.of(language);
			}
		}
		return parse(Language.class, text);
	}

	/** A difficulty by its number (1 to 3, also {@code 2.0}) or label; empty when it is neither. */
	static Optional<Integer> difficulty(String text) {
		String folded = fold(text);
		for (int difficulty = 1; difficulty <= 3; difficulty++) {
			for (Locale locale : LOCALES) {
				if (fold(difficulty(difficulty, locale)).equals(folded)) {
					return Optional.of(difficulty);
				}
			}
		}
		return Optional.empty();
	}

	/** The labels offered in the template's drop-down list for a column. */
	static List<String> choices(Class<? extends Enum<?>> type, Locale locale) {
		List<String> labels = new ArrayList<>();
		for (Enum<?> value : type.getEnumConstants()) {
			labels.add(of(value, locale));
		}
		return labels;
	}

	private static String code(Enum<?> value) {
		String prefix;
		if (value instanceof Language) {
			prefix = "question.language.";
		}
		else if (value instanceof QuestionType) {
			prefix = "question.type.";
		}
		else if (value instanceof Topic) {
			prefix = "question.topic.";
		}
		else if (value instanceof Points) {
			prefix = "question.points.";
		}
		else if (value instanceof QuestionStatus) {
			prefix = "question.status.";
		}
		else {
			throw new IllegalArgumentException("No label for " + value.getClass());
		}
		return prefix + value.name();
	}

	private static String fold(String text) {
		return TextNormalizer.fold(text.replace('_', ' '));
	}
}
