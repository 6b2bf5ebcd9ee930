package vn.quizfest.questionbank.transfer;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.CsvWriter;

/**
 * CSV as Excel reads and writes it (RFC 4180): UTF-8, a byte order mark on export so that Excel shows
 * Vietnamese, {@code ,} or {@code ;} between fields (Excel set to Vietnamese writes {@code ;}),
 * quotes around fields with separators, quotes or line breaks. Text starting with {@code = + - @} is
 * written behind an apostrophe so that Excel does not run it as a formula; import removes it.
 */
final class CsvFile {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };


	private CsvFile() {
	}

	static Sheet read(byte[] bytes) {
		if (XlsxReader.isSpreadsheet(bytes)) {
			throw ImportFailure.of("import.csv.spreadsheet");
		}
		return parse(decode(bytes));
	}

	/** Strict UTF-8, with or without BOM; UTF-16 and legacy code pages (windows-1258) are refused. */
	static String decode(byte[] bytes) {
		boolean utf16Bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
				|| (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
		if (utf16Bom || hasNulInHead(bytes)) {
			throw ImportFailure.of("import.csv.encoding");
		}
		int offset = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ImportFailure.of("import.csv.encoding");
		}
	}

	/** UTF-16 without a BOM: every other byte of ASCII text is zero. */
	private static boolean hasNulInHead(byte[] bytes) {
		for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

	static Sheet parse(String text) {
		int start = 0;
		char separator;
		// Excel's "sep=;" first line names the separator; Excel does not show it as a row.
		if (text.length() >= 5 && text.regionMatches(true, 0, "sep=", 0, 4) && (text.length() == 5
				|| text.charAt(5) == '\r' || text.charAt(5) == '\n')) {
			separator = text.charAt(4);
			start = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n') + 1;
		}
		else {
			separator = separator(text);
		}
		return new Parser(text, start, separator).parse();
	}

	/** The separator of the first line, outside quotes: the most frequent of {@code , ; tab}. */
	private static char separator(String text) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				commas += c == ',' ? 1 : 0;
				semicolons += c == ';' ? 1 : 0;
				tabs += c == '\t' ? 1 : 0;
			}
		}
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return tabs > commas ? '\t' : ',';
	}

	private static final class Parser {

		private final String text;

		private final char separator;

		private final List<Sheet.Row> rows = new ArrayList<>();

		private SortedMap<Integer, Sheet.Cell> cells = new TreeMap<>();

		private final StringBuilder field = new StringBuilder();

		private int position;

		private int rowNumber = 1;

		private int column;

		private boolean quotedField;

		Parser(String text, int start, char separator) {
			this.text = text;
			this.position = start;
			this.separator = separator;
		}

		Sheet parse() {
			boolean inQuotes = false;
			int quoteRow = 0;
			boolean pending = false;
			while (position < text.length()) {
				char c = text.charAt(position++);
				pending = true;
				if (inQuotes) {
					if (c == '"') {
						if (position < text.length() && text.charAt(position) == '"') {
							field.append('"');
							position++;
						}
						else {
							inQuotes = false;
						}
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"' && field.isEmpty() && !quotedField) {
					inQuotes = true;
					quotedField = true;
					quoteRow = rowNumber;
				}
				else if (c == separator) {
					endField();
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
						position++;
					}
					endRecord();
					pending = false;
				}
				else {
					field.append(c);
				}
			}
			if (inQuotes) {
				throw ImportFailure.of("import.csv.unclosed-quote", quoteRow);
			}
			if (pending) {
				endRecord();
			}
			return new Sheet(rows);
		}

		private void endField() {
			String value = unescape(field.toString());
			if (!value.isBlank()) {
				cells.put(column, Sheet.Cell.text(value));
				if (cells.size() > Limits.MAX_CELLS_PER_ROW) {
					throw new ImportFailure(
							ImportIssue.of(rowNumber, null, "import.file.too-many-cells", Limits.MAX_CELLS_PER_ROW));
				}
			}
			field.setLength(0);
			quotedField = false;
			column++;
		}

		private void endRecord() {
			endField();
			if (!cells.isEmpty()) {
				rows.add(new Sheet.Row(rowNumber, cells));
				if (rows.size() > Limits.MAX_ROWS + Limits.HEADER_SCAN) {
					throw ImportFailure.of("import.file.too-many-rows", Limits.MAX_ROWS);
				}
			}
			cells = new TreeMap<>();
			column = 0;
			rowNumber++;
		}
	}

	/** Removes the apostrophe that protects text from being run as a formula. */
	private static String unescape(String value) {
		return value.length() > 1 && value.charAt(0) == '\'' ? value.substring(1) : value;
	}

	/** The bank export: written by the one CSV writer of every export. */
	static void write(List<String> headings, List<List<@Nullable Object>> rows, OutputStream out) {
		CsvWriter.write(out, headings, rows);
	}
}
