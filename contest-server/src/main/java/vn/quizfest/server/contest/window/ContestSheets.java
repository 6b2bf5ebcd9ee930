package vn.quizfest.server.contest.window;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.CsvWriter;

import vn.quizfest.server.contest.SpreadsheetText;

/**
 * A table as an XLSX workbook (streamed: 500,000 rows keep only a window in memory) or as CSV (UTF-8
 * with a byte order mark for Excel, RFC 4180, CRLF). Text cells are neutralised against formulas;
 * numbers stay numbers; identity numbers are text, so their leading zeros stay.
 */
final class ContestSheets {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String CSV = "text/csv;charset=UTF-8";

	private static final int ROWS_IN_MEMORY = 500;

	/** Hands each row (String, Number or null cells) to the sink, streamed from the database. */
	interface Rows {
		void each(Consumer<List<@Nullable Object>> sink);
	}

	/** A sheet: its name, the headings, column widths in characters, and the rows. */
	record Table(String name, List<String> headings, int[] widths, Rows rows) {
	}

	private ContestSheets() {
	}

	/** Writes the workbook; returns the rows written (headings not counted). */
	static int xlsx(Table table, OutputStream out) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
		try {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			Sheet sheet = workbook.createSheet(sheetName(table.name()));
			Row head = sheet.createRow(0);
			for (int i = 0; i < table.headings().size(); i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(table.headings().get(i));
				cell.setCellStyle(header);
				sheet.setColumnWidth(i, (i < table.widths().length ? table.widths()[i] : 16) * 256);
			}
			sheet.createFreezePane(0, 1);
			int[] number = { 1 };
			table.rows().each(cells -> {
				Row row = sheet.createRow(number[0]++);
				for (int i = 0; i < cells.size(); i++) {
					Object value = cells.get(i);
					if (value instanceof Number n) {
						row.createCell(i).setCellValue(n.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(SpreadsheetText.neutralise(value.toString()));
					}
				}
			});
			workbook.write(out);
			return number[0] - 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
		}
	}

	/**
	 * Writes the CSV through the one writer of every export ({@link CsvWriter}): safe for both list
	 * separators, no cell a formula. Returns the rows written (headings not counted).
	 */
	static int csv(Table table, OutputStream out) {
		CsvWriter csv = CsvWriter.onto(out).record(table.headings());
		int[] count = { 0 };
		table.rows().each(cells -> {
			csv.record(cells.stream().map(c -> c instanceof Number n ? rounded(n) : c).toList());
			count[0]++;
		});
		csv.flush();
		return count[0];
	}

	/** Fractions to four decimals, as the workbook shows them. */
	private static @Nullable Object rounded(Number n) {
		return n instanceof Double || n instanceof Float ? Math.round(n.doubleValue() * 10_000) / 10_000.0 : n;
	}

	/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
	private static String sheetName(String name) {
		String clean = name.replaceAll("[:\\\\/?*\\[\\]]", " ");
		return clean.length() > 31 ? clean.substring(0, 31) : clean;
	}
}
