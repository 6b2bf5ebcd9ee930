package vn.quizfest.questionbank;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one CSV writer of every export (question banks, game results): UTF-8 with a byte order mark
 * (Excel needs it for Vietnamese), RFC 4180, CRLF, comma between fields. Safe whichever list separator
 * the reader's Excel uses ({@code ,} by default, {@code ;} when set to Vietnamese): every field holding
 * {@code ,} {@code ;} {@code "} CR or LF, or space at either end, is quoted. Text that starts with
 * {@code = + - @}, tab, CR or an apostrophe is written behind an apostrophe, so that no cell is run as
 * a formula (and the bank import removes it again). A reader splitting at {@code ;} ignores the quotes
 * of a comma file and starts a cell after every {@code ;} and line break inside a field, so a formula
 * character there gets an apostrophe too ({@code ;=1+1;} is written {@code ";'=1+1;"}). Numbers are
 * written as they are.
 */
public final class CsvWriter {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final String FORMULA_START = "=+-@\t\r'";

	private final Writer writer;

	private CsvWriter(Writer writer) {
		this.writer = writer;
	}

	/** Writes the byte order mark and returns a writer of records onto {@code out}; call {@link #flush()}. */
	public static CsvWriter onto(OutputStream out) {
		try {
			out.write(BOM);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
	}

	/** A whole file: the headings, then the rows. */
	public static void write(OutputStream out, List<String> headings, List<? extends List<?>> rows) {
		CsvWriter csv = onto(out);
		csv.record(headings);
		rows.forEach(csv::record);
		csv.flush();
	}

	public CsvWriter record(List<?> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					writer.write(',');
				}
				writer.write(field(cells.get(i)));
			}
			writer.write("\r\n");
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void flush() {
		try {
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An apostrophe before a formula character wherever a cell may start: at 0, after ; CR LF. */
	static String neutralised(String text) {
		var out = new StringBuilder(text.length() + 2);
		boolean cellStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (cellStart && FORMULA_START.indexOf(c) >= 0 && (i == 0 || c != '\'')) {
				out.append('\'');
				cellStart = false;
			}
			else if (cellStart && c != ' ' && c != '"') {
				cellStart = false;
			}
			out.append(c);
			if (c == ';' || c == '\n' || c == '\r') {
				cellStart = true;
			}
		}
		return out.toString();
	}

	/** One field as written: numbers plain, text neutralised against formulas and quoted when needed. */
	public static String field(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		String text = neutralised(value.toString());
		boolean quote = text.indexOf(',') >= 0 || text.indexOf(';') >= 0 || text.indexOf('"') >= 0
				|| text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || !text.equals(text.strip());
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}
}
