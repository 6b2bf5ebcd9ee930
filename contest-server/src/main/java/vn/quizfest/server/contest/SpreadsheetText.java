package vn.quizfest.server.contest;

/**
 * The one rule for text that organisers' spreadsheets will open: a cell that a spreadsheet could take
 * for a formula is kept as text. Shared by every export of the contest features, so a shared writer
 * can take its place in one spot.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** {@code =SUM(A1)} becomes {@code '=SUM(A1)}; so do texts starting with +, -, @, a tab or CR. */
	public static String neutralise(String text) {
		return ResultsSheets.safe(text);
	}
}
