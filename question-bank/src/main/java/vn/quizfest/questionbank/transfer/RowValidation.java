package vn.quizfest.questionbank.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionValidator;
import vn.quizfest.questionbank.QuestionValidator.Violation;

/** Runs the shared {@link QuestionValidator} on an imported row and names the column of each violation. */
final class RowValidation {

	/** Names the column of a file for a validator field; {@code option} is the option's index for "options". */
	interface Columns {

		@Nullable String name(String field, int option);
	}

	private static final Set<String> ANSWER_FIELDS = Set.of("options", "correct", "accepted", "value", "tolerance");

	private RowValidation() {
	}

	/**
	 * The violations of a question as issues of its row. When the row's type could not be read the
	 * question carries a stand-in type, so its answer fields are not judged.
	 */
	static List<ImportIssue> check(Question question, boolean typeKnown, int row, Columns columns) {
		List<ImportIssue> issues = new ArrayList<>();
		for (Violation violation : QuestionValidator.validate(question)) {
			if (!typeKnown && ANSWER_FIELDS.contains(violation.field())) {
				continue;
			}
			int option = violation.field().equals("options") ? optionAt(question, violation.code()) : -1;
			issues.add(new ImportIssue(row, columns.name(violation.field(), option), violation.code(), violation.args()));
		}
		return issues;
	}

	/** The option column where the problem is: the first bad option, or where one is missing or extra. */
	private static int optionAt(Question question, String code) {
		List<String> options = question.options();
		if (code.equals("question.option.invalid")) {
			for (int i = 0; i < options.size(); i++) {
				String option = options.get(i);
				if (option == null || option.isBlank() || option.length() > QuestionValidator.MAX_OPTION) {
					return i;
				}
			}
		}
		if (code.equals("question.options.count")) {
			return Math.min(options.size(), QuestionValidator.MAX_OPTIONS - 1);
		}
		return 0;
	}
}
