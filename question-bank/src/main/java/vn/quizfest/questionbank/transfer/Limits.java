package vn.quizfest.questionbank.transfer;

/** Bounds on what an imported file may hold, so that no upload can exhaust memory or time. */
final class Limits {

	/** Questions (rows) in one file. */
	static final int MAX_ROWS = 5_000;

	/** Filled cells in one spreadsheet row: the template has 23 columns. */
	static final int MAX_CELLS_PER_ROW = 100;

	/** Rows searched for the heading row, above which title rows may sit (Kahoot puts it on row 8). */
	static final int HEADER_SCAN = 20;

	/** Characters kept of one cell: Excel's own limit, so a forged sheet cannot grow one string without end. */
	static final int MAX_CELL_CHARS = 32_767;

	/** Length of a question key (the database's external_key column). */
	static final int MAX_KEY = 64;

	/** Size of one unpacked part of a spreadsheet: a full 5,000 question sheet stays well below it. */
	static final long MAX_UNPACKED_ENTRY = 64L * 1024 * 1024;

	/** Compressed size over unpacked size below which a part counts as a zip bomb (POI's default). */
	static final double MIN_INFLATE_RATIO = 0.01;

	private Limits() {
	}
}
