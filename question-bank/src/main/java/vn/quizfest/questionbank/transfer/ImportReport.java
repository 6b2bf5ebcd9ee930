package vn.quizfest.questionbank.transfer;

import java.util.List;

/**
 * What an import or a dry run found and did.
 *
 * @param format the file's format
 * @param rowsRead the question rows read (blank rows and the header are not counted)
 * @param imported the questions stored (always 0 for a dry run)
 * @param errors file-level issues (row 0, or the row of a formula cell) or invalid rows
 * @param duplicates rows left out because the same question (same text, ignoring case, diacritics and
 * spacing, in the same language) is already in the bank or earlier in the file
 * @param written whether the import went ahead and stored its questions (possibly none, when every row
 * was a duplicate); {@code false} for a dry run, a bad file, or invalid rows without {@code validRowsOnly}
 */
public record ImportReport(QuestionFormat format, int rowsRead, int imported, List<ImportIssue> errors,
		List<ImportIssue> duplicates, boolean written) {

	public ImportReport {
		errors = List.copyOf(errors);
		duplicates = List.copyOf(duplicates);
	}

	static ImportReport rejected(QuestionFormat format, List<ImportIssue> issues) {
		return new ImportReport(format, 0, 0, issues, List.of(), false);
	}
}
