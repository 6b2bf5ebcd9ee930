package vn.quizfest.questionbank.transfer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One problem found in an imported file, as a catalog code ({@code questionbank/messages}) with its
 * arguments, so that the caller words it in the user's language.
 *
 * @param row the row as the user sees it: the spreadsheet row number in Excel (the header is row 1), the
 * record number in a CSV file, the position (from 1) in a JSON file's {@code questions}; 0 for the whole file
 * @param column the column as it is headed in the user's file (for JSON the field name), or {@code null}
 * when the issue concerns the whole row or file
 * @param code the catalog code, {@code import.*} or {@code question.*}
 * @param args the code's arguments
 */
public record ImportIssue(int row, @Nullable String column, String code, List<Object> args) {

	public ImportIssue {
		args = List.copyOf(args);
	}

	static ImportIssue ofFile(String code, Object... args) {
		return new ImportIssue(0, null, code, List.of(args));
	}

	static ImportIssue of(int row, @Nullable String column, String code, Object... args) {
		return new ImportIssue(row, column, code, List.of(args));
	}
}
