package vn.quizfest.questionbank.transfer;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.Question;

/**
 * A question read from one row of a file, before it is checked against the others and the bank.
 *
 * @param row the row as the user sees it
 * @param groupKey rows with the same key are language versions of one question; {@code null}: a group of its own
 * @param question the question, without bank and translation group yet
 * @param textColumn the column to name in a duplicate report
 * @param keyColumn the column to name when a key has two versions in one language
 * @param issues what is wrong with the row; empty when it is valid
 */
record Candidate(int row, @Nullable String groupKey, Question question, @Nullable String textColumn,
		@Nullable String keyColumn, List<ImportIssue> issues) {

	Candidate {
		issues = List.copyOf(issues);
	}

	boolean valid() {
		return issues.isEmpty();
	}
}
