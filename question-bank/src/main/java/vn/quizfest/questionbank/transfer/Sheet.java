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
