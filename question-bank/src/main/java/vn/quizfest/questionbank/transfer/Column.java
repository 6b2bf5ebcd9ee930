package vn.quizfest.questionbank.transfer;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.quizfest.questionbank.QuestionValidator;
import vn.quizfest.questionbank.TextNormalizer;

/**
 * The columns of the project's spreadsheet template (XLSX and CSV), in their order. A heading is
 * recognised in Vietnamese or English, case, diacritics and a trailing {@code *} ignored.
 */
enum Column {

	KEY("key"), LANGUAGE("language"), TYPE("type"), TEXT("text"), OPTION_1(1), OPTION_2(2), OPTION_3(3), OPTION_4(4),
	OPTION_5(5), OPTION_6(6), CORRECT("correct"), ACCEPTED("accepted"), VALUE("value"), TOLERANCE("tolerance"),
	EXPLANATION("explanation"), TIME_LIMIT("timeLimit"), POINTS("points"), DIFFICULTY("difficulty"), TOPIC("topic"),
	TAGS("tags"), IMAGE_URL("imageUrl"), SOURCE("source"), STATUS("status");

	/** Without these a file cannot describe a question; the others have defaults. */
	static final Set<Column> REQUIRED = EnumSet.of(TYPE, TEXT, OPTION_1, OPTION_2, CORRECT);

	static final List<Column> OPTIONS = List.of(OPTION_1, OPTION_2, OPTION_3, OPTION_4, OPTION_5, OPTION_6);

	/** Time limit of a row that leaves it empty, as in the starter questions. */
	static final int DEFAULT_TIME_LIMIT = 20;

	private static final List<Locale> LOCALES = List.of(Catalog.VIETNAMESE, Locale.ENGLISH);

	private final String id;

	private final int option;

	Column(String id) {
		this.id = id;
		this.option = 0;
	}

	Column(int option) {
		this.id = "option";
		this.option = option;
	}

	/** The heading in the given language. */
	String label(Locale locale) {
		return option > 0 ? Catalog.text(locale, "transfer.column.option", option)
				: Catalog.text(locale, "transfer.column." + id);
	}

	/** How to fill the column in, for the template's instructions sheet. */
	String help(Locale locale) {
		String code = "transfer.column." + id + ".help";
		return switch (this) {
			case TEXT -> Catalog.text(locale, code, QuestionValidator.MAX_TEXT);
			case OPTION_1, OPTION_2, OPTION_3, OPTION_4, OPTION_5, OPTION_6 ->
				Catalog.text(locale, code, QuestionValidator.MAX_OPTION);
			case EXPLANATION -> Catalog.text(locale, code, QuestionValidator.MAX_EXPLANATION);
			case TIME_LIMIT -> Catalog.text(locale, code, QuestionValidator.MIN_TIME_LIMIT,
					QuestionValidator.MAX_TIME_LIMIT, DEFAULT_TIME_LIMIT);
			case TAGS -> Catalog.text(locale, code, QuestionValidator.MAX_TAGS);
			default -> Catalog.text(locale, code);
		};
	}

	/** Whether a heading names this column, in either language. */
	boolean matches(String heading) {
		String folded = foldHeading(heading);
		if (folded.equals(TextNormalizer.fold(option > 0 ? id + option : id))) {
			return true;
		}
		for (Locale locale : LOCALES) {
			if (folded.equals(foldHeading(label(locale)))) {
				return true;
			}
		}
		return false;
	}

	/** Which language a heading is written in, if it names any column. */
	static Locale languageOf(String heading) {
		String folded = foldHeading(heading);
		for (Column column : values()) {
			if (folded.equals(foldHeading(column.label(Locale.ENGLISH)))
					&& !folded.equals(foldHeading(column.label(Catalog.VIETNAMESE)))) {
				return Locale.ENGLISH;
			}
		}
		return Catalog.VIETNAMESE;
	}

	static Column option(int index) {
		return OPTIONS.get(index);
	}

	private static String foldHeading(String heading) {
		String folded = TextNormalizer.fold(heading);
		while (folded.endsWith("*")) {
			folded = folded.substring(0, folded.length() - 1).trim();
		}
		return folded;
	}
}
