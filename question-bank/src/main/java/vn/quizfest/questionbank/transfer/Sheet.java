package vn.quizfest.questionbank.transfer;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;

/** A table read from a spreadsheet or CSV file: its non-empty rows, each with its non-empty cells. */
record Sheet(List<Row> rows) {

	Sheet {
		rows = List.copyOf(rows);
	}

	/**
	 * The rows below the heading row that have something in the given columns; refuses a file with
	 * no such row or with more than {@link Limits#MAX_ROWS}.
	 */
	static List<Row> dataRows(List<Row> rows, int headerIndex, Map<?, Integer> columns) {
		List<Row> data = rows.subList(headerIndex + 1, rows.size())
			.stream()
			.filter(row -> !row.isBlankIn(columns))
			.toList();
		if (data.isEmpty()) {
			throw ImportFailure.of("import.file.no-rows");
		}
		if (data.size() > Limits.MAX_ROWS) {
			throw ImportFailure.of("import.file.too-many-rows", Limits.MAX_ROWS);
		}
		return data;
	}

	/**
	 * A row: its number as the user sees it and its non-empty cells by column index (from 0).
	 */
	record Row(int number, SortedMap<Integer, Cell> cells) {

		String text(int column) {
			Cell cell = cells.get(column);
			return cell == null ? "" : cell.text();
		}

		@Nullable Cell cell(int column) {
			return cells.get(column);
		}

		boolean isBlankIn(Map<?, Integer> columns) {
			return columns.values().stream().allMatch(column -> text(column).isBlank());
		}
	}

	/** A cell's text, and its exact value when the spreadsheet stores it as a number. */
	record Cell(String text, @Nullable Double number) {

		static Cell text(String text) {
			return new Cell(text, null);
		}
	}
}
