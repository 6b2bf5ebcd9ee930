package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.questionbank.transfer.TransferFixture.headingsVi;
import static vn.quizfest.questionbank.transfer.TransferFixture.row;
import static vn.quizfest.questionbank.transfer.TransferFixture.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Files that cannot be imported are reported as a whole, and nothing is written. */
class BadFilesTest {

	final TransferFixture fixture = new TransferFixture();

	final long bank = fixture.bank();

	/** A valid template row, so that only the defect under test is wrong with a file. */
	static final Map<Column, Object> VALID = Map.of(Column.TYPE, "Một đáp án", Column.TEXT,
			"Mạng 5G nhanh hơn 4G đúng không?", Column.OPTION_1, "Có", Column.OPTION_2, "Không", Column.CORRECT, "1");

	ImportIssue rejected(QuestionFormat format, byte[] file, String code) {
		return rejected(format, new ByteArrayInputStream(file), ImportOptions.defaults(), code);
	}

	ImportIssue rejected(QuestionFormat format, InputStream file, ImportOptions options, String code) {
		ImportReport report = fixture.transfer.importInto(bank, format, file, options);
		assertThat(report.written()).isFalse();
		assertThat(report.imported()).isZero();
		assertThat(report.format()).isEqualTo(format);
		assertThat(report.errors()).extracting(ImportIssue::code).contains(code);
		assertThat(fixture.questions.countInBank(bank)).isZero();
		return report.errors().stream().filter(issue -> issue.code().equals(code)).findFirst().orElseThrow();
	}

	@ParameterizedTest
	@EnumSource(QuestionFormat.class)
	void anEmptyFile(QuestionFormat format) {
		assertThat(rejected(format, new byte[0], "import.file.empty").row()).isZero();
	}

	@ParameterizedTest
	@EnumSource(QuestionFormat.class)
	void aFileOverTheSizeLimitIsCountedWhileReadingNotTrustedByItsHeader(QuestionFormat format) {
		// An endless stream that claims to be small: reading must stop just past the limit.
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 'a';
			}

			@Override
			public int available() {
				return 10;
			}
		};
		ImportIssue issue = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> rejected(format, endless,
				ImportOptions.defaults().withMaxBytes(2 * 1024 * 1024), "import.file.too-large"));
		assertThat(issue.args()).hasSize(1);
		assertThat(issue.args().get(0).toString()).isEqualTo("2");
	}

	@Test
	void aFileJustUnderTheLimitIsRead() {
		byte[] file = xlsx(List.of(headingsVi(), row(VALID)));
		ImportReport report = fixture.importInto(bank, QuestionFormat.XLSX, file,
				ImportOptions.defaults().withMaxBytes(file.length));
		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isEqualTo(1);
	}

	@Test
	void aZipBombIsRejectedBeforeItIsUnpacked() throws IOException {
		byte[] bomb = zipBomb(80L * 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> rejected(QuestionFormat.XLSX, bomb, "import.file.zip-bomb"));
		rejected(QuestionFormat.KAHOOT_XLSX, bomb, "import.file.zip-bomb");
	}

	@Test
	void aLegacyXlsFileRenamedToXlsx() throws IOException {
		byte[] xls;
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createSheet("Câu hỏi").createRow(0).createCell(0).setCellValue("Nội dung câu hỏi");
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			xls = out.toByteArray();
		}
		rejected(QuestionFormat.XLSX, xls, "import.file.legacy-xls");
		rejected(QuestionFormat.KAHOOT_XLSX, xls, "import.file.legacy-xls");
		rejected(QuestionFormat.CSV, xls, "import.csv.spreadsheet");
	}

	@Test
	void aPdfOrAnImageRenamedToXlsx() {
		rejected(QuestionFormat.XLSX, "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII),
				"import.file.pdf");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		rejected(QuestionFormat.XLSX, png, "import.file.image");
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };
		rejected(QuestionFormat.KAHOOT_XLSX, jpeg, "import.file.image");
	}

	@Test
	void textOrAZipThatIsNoSpreadsheet() throws IOException {
		rejected(QuestionFormat.XLSX, "Loại câu hỏi,Nội dung câu hỏi\n".getBytes(StandardCharsets.UTF_8),
				"import.file.not-xlsx");
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("không phải bảng tính".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		rejected(QuestionFormat.XLSX, out.toByteArray(), "import.file.not-xlsx");
	}

	@Test
	void aFormulaInAnyCellNamesTheCell() {
		List<Object> formulaRow = row(VALID);
		formulaRow.set(Column.OPTION_2.ordinal(), "=1+1");
		byte[] file = xlsx(List.of(headingsVi(), row(VALID), formulaRow));

		ImportIssue issue = rejected(QuestionFormat.XLSX, file, "import.file.formula");

		assertThat(issue.row()).isEqualTo(3);
		assertThat(issue.args()).containsExactly("F3");
	}

	@Test
	void missingColumnsAreNamedInTheFilesLanguage() {
		List<Object> headings = headingsVi();
		List<Object> valid = row(VALID);
		headings.remove(Column.CORRECT.ordinal());
		valid.remove(Column.CORRECT.ordinal());
		headings.remove(Column.TYPE.ordinal());
		valid.remove(Column.TYPE.ordinal());

		ImportIssue issue = rejected(QuestionFormat.XLSX, xlsx(List.of(headings, valid)), "import.columns.missing");

		assertThat(issue.row()).isZero();
		assertThat(issue.args()).containsExactly("Loại câu hỏi, Đáp án đúng");
		List<Object> english = new ArrayList<>(TemplateRows.headings(java.util.Locale.ENGLISH));
		english.remove(Column.TEXT.ordinal());
		assertThat(rejected(QuestionFormat.CSV, csv(List.of(english)), "import.columns.missing").args())
			.containsExactly("Question text");
	}

	@Test
	void aRepeatedColumn() {
		List<Object> headings = headingsVi();
		headings.add("nội dung CÂU HỎI");
		assertThat(rejected(QuestionFormat.XLSX, xlsx(List.of(headings, row(VALID))), "import.columns.repeated").args())
			.containsExactly("nội dung CÂU HỎI");
	}

	@Test
	void aKahootSheetImportedAsTheTemplateIsNamed() {
		rejected(QuestionFormat.XLSX, KahootImportTest.kahootSheet(7, List.of()), "import.columns.kahoot-file");
	}

	@Test
	void aHeadingRowWithoutQuestions() {
		rejected(QuestionFormat.XLSX, xlsx(List.of(headingsVi())), "import.file.no-rows");
		rejected(QuestionFormat.CSV, csv(List.of(headingsVi())), "import.file.no-rows");
		rejected(QuestionFormat.KAHOOT_XLSX, KahootImportTest.kahootSheet(7, List.of()), "import.file.no-rows");
	}

	@Test
	void aSheetWithoutKahootsHeadings() {
		rejected(QuestionFormat.KAHOOT_XLSX, xlsx(List.of(headingsVi(), row(VALID))), "import.kahoot.no-header");
	}

	@Test
	void aCsvFileInUtf16() {
		String content = String.join(",", TemplateRows.headings(Catalog.VIETNAMESE)) + "\r\n";
		byte[] withBom = content.getBytes(StandardCharsets.UTF_16);
		assertThat(withBom).startsWith(0xFE, 0xFF);
		rejected(QuestionFormat.CSV, withBom, "import.csv.encoding");
		rejected(QuestionFormat.CSV, content.getBytes(StandardCharsets.UTF_16LE), "import.csv.encoding");
		byte[] littleEndianWithBom = new byte[content.getBytes(StandardCharsets.UTF_16LE).length + 2];
		littleEndianWithBom[0] = (byte) 0xFF;
		littleEndianWithBom[1] = (byte) 0xFE;
		System.arraycopy(content.getBytes(StandardCharsets.UTF_16LE), 0, littleEndianWithBom, 2,
				littleEndianWithBom.length - 2);
		rejected(QuestionFormat.CSV, littleEndianWithBom, "import.csv.encoding");
	}

	@Test
	void aCsvFileInWindows1258() {
		Charset windows1258 = Charset.forName("windows-1258");
		String content = "Type,Question text,Option 1,Option 2,Correct\r\nSINGLE_CHOICE,Đáp án đúng?,Đúng,Sai,1\r\n";
		byte[] bytes = content.getBytes(windows1258);
		assertThat(new String(bytes, windows1258)).isEqualTo(content);

		rejected(QuestionFormat.CSV, bytes, "import.csv.encoding");
	}

	@Test
	void aCsvFileWithAQuoteThatIsNeverClosed() {
		String content = String.join(",", TemplateRows.headings(Catalog.VIETNAMESE)) + "\r\n,vi,Một đáp án,\"Câu hỏi\r\n";
		assertThat(rejected(QuestionFormat.CSV, content.getBytes(StandardCharsets.UTF_8), "import.csv.unclosed-quote")
			.args()).containsExactly(2);
	}

	@Test
	void tooManyRowsOrCells() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(headingsVi());
		for (int i = 0; i <= Limits.MAX_ROWS; i++) {
			Map<Column, Object> cells = new java.util.HashMap<>(VALID);
			cells.put(Column.TEXT, "Câu hỏi số " + i);
			rows.add(row(cells));
		}
		rejected(QuestionFormat.CSV, csv(rows), "import.file.too-many-rows");
		rejected(QuestionFormat.XLSX, xlsx(rows), "import.file.too-many-rows");

		List<Object> wide = row(VALID);
		for (int i = 0; i < Limits.MAX_CELLS_PER_ROW; i++) {
			wide.add("ô " + i);
		}
		assertThat(rejected(QuestionFormat.XLSX, xlsx(List.of(headingsVi(), wide)), "import.file.too-many-cells").row())
			.isEqualTo(2);
		rejected(QuestionFormat.CSV, csv(List.of(headingsVi(), wide)), "import.file.too-many-cells");
	}

	@Test
	void jsonThatDoesNotParseOrIsNotAQuestionFile() {
		ImportIssue syntax = rejected(QuestionFormat.JSON,
				"{\n  \"format\": \"quizfest-questions\",\n  \"version\": 1,\n  \"questions\": [ { \"text\": \"Câu hỏi\" ]\n}"
					.getBytes(StandardCharsets.UTF_8),
				"import.json.invalid");
		assertThat(syntax.args()).hasSize(2);
		assertThat(syntax.args().get(0)).isEqualTo(4);
		rejected(QuestionFormat.JSON, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), "import.json.wrong-format");
		rejected(QuestionFormat.JSON, "{\"format\": \"kahoot\", \"version\": 1, \"questions\": []}".getBytes(StandardCharsets.UTF_8),
				"import.json.wrong-format");
		rejected(QuestionFormat.JSON, "{\"format\": \"quizfest-questions\", \"questions\": []}".getBytes(StandardCharsets.UTF_8),
				"import.json.wrong-format");
		assertThat(rejected(QuestionFormat.JSON,
				"{\"format\": \"quizfest-questions\", \"version\": 2, \"questions\": []}".getBytes(StandardCharsets.UTF_8),
				"import.json.unsupported-version")
			.args()).containsExactly("2", 1);
	}

	/** A valid workbook whose sheet part unpacks to {@code size} bytes of one repeated letter. */
	static byte[] zipBomb(long size) throws IOException {
		byte[] valid = xlsx(List.of(headingsVi()));
		var out = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(valid)); var zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
					writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
							+ "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
							+ "<c r=\"A1\" t=\"inlineStr\"><is><t>");
					char[] chunk = "a".repeat(64 * 1024).toCharArray();
					for (long written = 0; written < size; written += chunk.length) {
						writer.write(chunk);
					}
					writer.write("</t></is></c></row></sheetData></worksheet>");
					writer.flush();
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static byte[] csv(List<List<Object>> rows) {
		List<List<Object>> body = rows.subList(1, rows.size());
		var out = new ByteArrayOutputStream();
		List<List<Object>> cells = new ArrayList<>();
		body.forEach(row -> cells.add(new ArrayList<>(row)));
		CsvFile.write(rows.get(0).stream().map(Object::toString).toList(),
				cells.stream().map(row -> (List<Object>) row).map(BadFilesTest::nullable).toList(), out);
		return out.toByteArray();
	}

	private static List<@org.jspecify.annotations.Nullable Object> nullable(List<Object> row) {
		return new ArrayList<>(row);
	}
}
