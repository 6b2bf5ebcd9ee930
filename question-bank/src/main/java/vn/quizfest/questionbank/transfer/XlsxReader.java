package vn.quizfest.questionbank.transfer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX file as a {@link Sheet}, streaming its XML so that memory stays
 * bounded: the file must be a zip (a legacy .xls, a PDF or an image is named as such), POI's
 * {@link ZipSecureFile} rejects zip bombs, rows and cells per row are capped, and a formula in any
 * cell rejects the file (its cached value may be stale or forged, and QuizFest stores values only).
 */
final class XlsxReader {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final int MAX_FORMULAS_REPORTED = 20;

	static {
		// POI's limits are static; QuizFest reads spreadsheets nowhere else.
		ZipSecureFile.setMinInflateRatio(Limits.MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(Limits.MAX_UNPACKED_ENTRY);
	}

	private XlsxReader() {
	}

	static Sheet read(byte[] bytes) {
		requireZip(bytes);
		File file = null;
		try {
			file = Files.createTempFile("quizfest-import-", ".xlsx").toFile();
			Files.write(file.toPath(), bytes);
			return read(file);
		}
		catch (IOException ex) {
			throw ImportFailure.of("import.file.unreadable");
		}
		finally {
			if (file != null && !file.delete()) {
				file.deleteOnExit();
			}
		}
	}

	/** Names what the file is when it is not a zip, the container of every XLSX file. */
	static void requireZip(byte[] bytes) {
		if (startsWith(bytes, 0, ZIP)) {
			return;
		}
		if (startsWith(bytes, 0, OLE2)) {
			throw ImportFailure.of("import.file.legacy-xls");
		}
		if (startsWith(bytes, 0, "%PDF".getBytes())) {
			throw ImportFailure.of("import.file.pdf");
		}
		if (isImage(bytes)) {
			throw ImportFailure.of("import.file.image");
		}
		throw ImportFailure.of("import.file.not-xlsx");
	}

	static boolean isSpreadsheet(byte[] bytes) {
		return startsWith(bytes, 0, ZIP) || startsWith(bytes, 0, OLE2);
	}

	private static boolean isImage(byte[] bytes) {
		return startsWith(bytes, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G' })
				|| startsWith(bytes, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })
				|| startsWith(bytes, 0, "GIF8".getBytes()) || startsWith(bytes, 0, "BM".getBytes())
				|| (startsWith(bytes, 0, "RIFF".getBytes()) && startsWith(bytes, 8, "WEBP".getBytes()))
				|| startsWith(bytes, 4, "ftypheic".getBytes()) || startsWith(bytes, 4, "ftypheix".getBytes())
				|| startsWith(bytes, 4, "ftypmif1".getBytes());
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static Sheet read(File file) {
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(file, PackageAccess.READ);
		}
		catch (Exception ex) {
			throw ImportFailure.of(isZipBomb(ex) ? "import.file.zip-bomb" : "import.file.not-xlsx");
		}
		try {
			XSSFReader reader;
			SharedStrings strings;
			try {
				reader = new XSSFReader(pkg);
				strings = new ReadOnlySharedStringsTable(pkg, false);
			}
			catch (Exception ex) {
				throw ImportFailure.of(isZipBomb(ex) ? "import.file.zip-bomb" : "import.file.not-xlsx");
			}
			try {
				var sheets = reader.getSheetsData();
				if (!sheets.hasNext()) {
					throw ImportFailure.of("import.file.not-xlsx");
				}
				try (InputStream sheet = sheets.next()) {
					SheetHandler handler = new SheetHandler(strings);
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(handler);
					xml.parse(new InputSource(sheet));
					return handler.result();
				}
			}
			catch (ImportFailure ex) {
				throw ex;
			}
			catch (Exception ex) {
				ImportFailure limit = causeOfType(ex, LimitReached.class) instanceof LimitReached reached
						? reached.failure : null;
				if (limit != null) {
					throw limit;
				}
				throw ImportFailure.of(isZipBomb(ex) ? "import.file.zip-bomb" : "import.file.unreadable");
			}
		}
		finally {
			pkg.revert();
		}
	}

	/** POI reports a zip bomb as an IOException whose message starts so (ZipArchiveThresholdInputStream). */
	private static boolean isZipBomb(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().startsWith("Zip bomb detected")) {
				return true;
			}
			if (cause instanceof SAXException sax && sax.getException() != null && sax.getException() != cause
					&& isZipBomb(sax.getException())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable causeOfType(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return cause;
			}
			if (cause instanceof SAXException sax && sax.getException() != null && type.isInstance(sax.getException())) {
				return sax.getException();
			}
		}
		return null;
	}

	/** A cap was reached while reading; stops the parser and carries the issue out of it. */
	private static final class LimitReached extends SAXException {

		final transient ImportFailure failure;

		LimitReached(ImportFailure failure) {
			super(failure.getMessage());
			this.failure = failure;
		}
	}

	/** SAX handler for a worksheet part: rows, cells (shared, inline, number, boolean) and formulas. */
	private static final class SheetHandler extends DefaultHandler {

		private final SharedStrings strings;

		private final List<Sheet.Row> rows = new ArrayList<>();

		private final List<String> formulas = new ArrayList<>();

		private final StringBuilder value = new StringBuilder();

		private SortedMap<Integer, Sheet.Cell> cells = new TreeMap<>();

		private int rowNumber;

		private int nextColumn;

		private int column;

		private @Nullable String cellType;

		private boolean formula;

		private boolean collecting;

		private boolean phonetic;

		SheetHandler(SharedStrings strings) {
			this.strings = strings;
		}

		Sheet result() {
			if (!formulas.isEmpty()) {
				List<ImportIssue> issues = new ArrayList<>();
				for (String reference : formulas) {
					int row = new CellReference(reference).getRow() + 1;
					issues.add(ImportIssue.of(row, null, "import.file.formula", reference));
				}
				throw new ImportFailure(issues);
			}
			return new Sheet(rows);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
					cells = new TreeMap<>();
					nextColumn = 0;
				}
				case "c" -> {
					String r = attributes.getValue("r");
					column = r != null ? new CellReference(r).getCol() : nextColumn;
					nextColumn = column + 1;
					cellType = attributes.getValue("t");
					formula = false;
					value.setLength(0);
				}
				case "f" -> formula = true;
				case "v" -> {
					value.setLength(0);
					collecting = true;
				}
				case "t" -> collecting = !phonetic;
				case "rPh" -> phonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (collecting && value.length() <= Limits.MAX_CELL_CHARS) {
				value.append(ch, start, Math.min(length, Limits.MAX_CELL_CHARS + 1 - value.length()));
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v", "t" -> collecting = false;
				case "rPh" -> phonetic = false;
				case "c" -> endCell();
				case "row" -> endRow();
				default -> {
				}
			}
		}

		private void endCell() throws SAXException {
			if (formula) {
				if (formulas.size() < MAX_FORMULAS_REPORTED) {
					formulas.add(new CellReference(rowNumber - 1, column).formatAsString(false));
				}
				return;
			}
			String raw = value.toString();
			Sheet.Cell cell = switch (cellType == null ? "n" : cellType) {
				case "s" -> Sheet.Cell.text(sharedString(raw));
				case "b" -> Sheet.Cell.text("1".equals(raw.strip()) ? "TRUE" : "FALSE");
				case "inlineStr", "str", "e", "d" -> Sheet.Cell.text(raw);
				default -> number(raw);
			};
			if (cell.text().isBlank()) {
				return;
			}
			cells.put(column, cell);
			if (cells.size() > Limits.MAX_CELLS_PER_ROW) {
				throw new LimitReached(new ImportFailure(
						ImportIssue.of(rowNumber, null, "import.file.too-many-cells", Limits.MAX_CELLS_PER_ROW)));
			}
		}

		private void endRow() throws SAXException {
			if (cells.isEmpty()) {
				return;
			}
			rows.add(new Sheet.Row(rowNumber, cells));
			if (rows.size() > Limits.MAX_ROWS + Limits.HEADER_SCAN) {
				throw new LimitReached(ImportFailure.of("import.file.too-many-rows", Limits.MAX_ROWS));
			}
		}

		private String sharedString(String raw) throws SAXException {
			try {
				return strings.getItemAt(Integer.parseInt(raw.strip())).getString();
			}
			catch (RuntimeException ex) {
				throw new SAXException("Bad shared string index " + raw, ex);
			}
		}

		private static Sheet.Cell number(String raw) {
			String text = raw.strip();
			if (text.isEmpty()) {
				return Sheet.Cell.text("");
			}
			try {
				double number = Double.parseDouble(text);
				// Writers store 2 as "2.0" or big numbers with an exponent; people read them plainly.
				return new Sheet.Cell(Double.isFinite(number) ? Cells.plain(number) : text, number);
			}
			catch (NumberFormatException ex) {
				return Sheet.Cell.text(text);
			}
		}
	}
}
