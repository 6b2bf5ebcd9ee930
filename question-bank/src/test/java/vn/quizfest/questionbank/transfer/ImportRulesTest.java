package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.quizfest.questionbank.transfer.TransferFixture.headingsVi;
import static vn.quizfest.questionbank.transfer.TransferFixture.row;
import static vn.quizfest.questionbank.transfer.TransferFixture.xlsx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/** Row checks, all or nothing, duplicates and keys. */
class ImportRulesTest {

	final TransferFixture fixture = new TransferFixture();

	final long bank = fixture.bank();

	static Map<Column, Object> choice(String text) {
		Map<Column, Object> cells = new HashMap<>();
		cells.put(Column.TYPE, "Một đáp án");
		cells.put(Column.TEXT, text);
		cells.put(Column.OPTION_1, "Có");
		cells.put(Column.OPTION_2, "Không");
		cells.put(Column.CORRECT, "1");
		return cells;
	}

	static Map<Column, Object> with(Map<Column, Object> cells, Column column, Object value) {
		Map<Column, Object> copy = new HashMap<>(cells);
		copy.put(column, value);
		return copy;
	}

	byte[] sheet(List<Map<Column, Object>> rows) {
		List<List<Object>> table = new java.util.ArrayList<>();
		table.add(headingsVi());
		rows.forEach(cells -> table.add(row(cells)));
		return xlsx(table);
	}

	byte[] invalidRows() {
		return sheet(List.of(choice("Câu hỏi hợp lệ số 1?"),
				with(choice("Đáp án đúng ngoài phạm vi?"), Column.CORRECT, "7"),
				with(with(choice("Loại câu hỏi sai?"), Column.TYPE, "Trắc nghiệm"), Column.TIME_LIMIT, "2"),
				choice("Câu hỏi hợp lệ số 2?")));
	}

	@Test
	void anInvalidRowStopsTheWholeImportAndEveryProblemIsNamedByRowAndColumn() {
		ImportReport report = fixture.importInto(bank, QuestionFormat.XLSX, invalidRows());

		assertThat(report.written()).isFalse();
		assertThat(report.imported()).isZero();
		assertThat(report.rowsRead()).isEqualTo(4);
		assertThat(report.errors()).extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code,
				ImportIssue::args)
			.containsExactly(tuple(3, "Đáp án đúng", "question.correct.out-of-range", List.of(2)),
					tuple(4, "Loại câu hỏi", "import.cell.unknown-value", List.of("Trắc nghiệm")),
					tuple(4, "Thời gian (giây)", "question.time-limit.range", List.of(5, 240)));
		assertThat(fixture.questions.countInBank(bank)).isZero();
	}

	@Test
	void validRowsOnlyWritesTheValidRowsAndStillReportsTheOthers() {
		ImportReport report = fixture.importInto(bank, QuestionFormat.XLSX, invalidRows(),
				ImportOptions.defaults().withValidRowsOnly(true));

		assertThat(report.written()).isTrue();
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.errors()).extracting(ImportIssue::row).containsExactly(3, 4, 4);
		assertThat(fixture.questions.findByBank(bank, Language.VI)).extracting(Question::text)
			.containsExactly("Câu hỏi hợp lệ số 1?", "Câu hỏi hợp lệ số 2?");
	}

	@Test
	void duplicatesOfTheBankAndOfEarlierRowsAreReportedAndNotImportedAgain() {
		fixture.questions.add(TransferFixture.question(bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Mã OTP là gì?", List.of("Mật khẩu dùng một lần", "Tên ngân hàng"),
				AnswerKey.options(List.of(0)), q -> {
				}));
		byte[] file = sheet(List.of(choice("MÃ OTP LÀ GÌ?"), choice("Sinh trắc học là gì?"),
				choice("  sinh trac   hoc la gi?  "), with(choice("Sinh trắc học là gì?"), Column.LANGUAGE, "en"),
				choice("Ví điện tử là gì?")));

		ImportReport report = fixture.importInto(bank, QuestionFormat.XLSX, file);

		assertThat(report.errors()).isEmpty();
		assertThat(report.written()).isTrue();
		assertThat(report.imported()).isEqualTo(3);
		assertThat(report.duplicates()).extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code,
				ImportIssue::args)
			.containsExactly(tuple(2, "Nội dung câu hỏi", "import.duplicate.in-bank", List.of()),
					tuple(4, "Nội dung câu hỏi", "import.duplicate.in-file", List.of(3)));
		assertThat(fixture.questions.countInBank(bank)).isEqualTo(4);
		assertThat(fixture.questions.findByBank(bank, Language.EN)).extracting(Question::text)
			.containsExactly("Sinh trắc học là gì?");
	}

	@Test
	void duplicatesDoNotBlockAnImportButAreNotErrors() {
		ImportReport report = fixture.transfer.check(QuestionFormat.XLSX,
				new ByteArrayInputStream(sheet(List.of(choice("Câu hỏi lặp?"), choice("Câu hỏi lặp?")))),
				ImportOptions.defaults());

		assertThat(report.errors()).isEmpty();
		assertThat(report.duplicates()).hasSize(1);
		assertThat(report.written()).isFalse();
	}

	@Test
	void rowsSharingAKeyAreLanguageVersionsOfOneQuestion() {
		byte[] file = sheet(List.of(with(choice("Mạng xã hội nào phổ biến nhất Việt Nam?"), Column.KEY, "mxh-01"),
				with(with(choice("Which social network is the most popular in Vietnam?"), Column.KEY, "mxh-01"),
						Column.LANGUAGE, "English"),
				with(choice("Câu hỏi khác cùng mã?"), Column.KEY, "mxh-01"), choice("Câu hỏi không có mã?")));

		ImportReport report = fixture.importInto(bank, QuestionFormat.XLSX, file,
				ImportOptions.defaults().withValidRowsOnly(true));

		assertThat(report.errors()).extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code, ImportIssue::args)
			.containsExactly(tuple(4, "Mã câu hỏi", "import.key.language-repeated", List.of("mxh-01", "vi", 2)));
		Question vi = fixture.questions.findByBank(bank, Language.VI).get(0);
		Question en = fixture.questions.findByBank(bank, Language.EN).get(0);
		assertThat(vi.translationGroup()).isEqualTo(en.translationGroup());
		assertThat(vi.externalKey()).isEqualTo("mxh-01");
		assertThat(fixture.questions.findByBank(bank, Language.VI).get(1).translationGroup())
			.isNotEqualTo(vi.translationGroup());
		assertThat(fixture.questions.findByBank(bank, Language.VI).get(1).externalKey()).isNull();
	}

	@Test
	void englishHeadingsAndValuesSemicolonsAndDecimalCommasAsExcelWritesThemInVietnam() {
		String csv = "sep=;\r\n"
				+ "KEY;language;TYPE;question TEXT;option 1;Option 2;Option 3;correct;accepted answers;value;tolerance;"
				+ "time limit (s);points;difficulty;topic;tags;status\r\n"
				+ ";en;numeric;How many million VND is 2.5 minus 2?;;;;;;0,5;0,1;30;Double;hard;cashless payment;"
				+ "tiền, tien, money;published\r\n"
				+ ";vi;Nhiều đáp án;Đâu là ví điện tử?;MoMo;ZaloPay;Facebook;A,B;;;;;Nhân đôi;Khó;Thanh toán không dùng tiền mặt;;Đã duyệt\r\n"
				+ ";;đúng/sai;Mã OTP chỉ dùng một lần.;;;;1;;;;;;2;VNEID;;\r\n"
				+ ";vi;TYPE_ANSWER;Viết tắt của Căn cước công dân?;;;;;CCCD | cccd;;;;;;;;\r\n";

		ImportReport report = fixture.importInto(bank, QuestionFormat.CSV, csv.getBytes(StandardCharsets.UTF_8));

		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isEqualTo(4);
		Question numeric = fixture.questions.findByBank(bank, Language.EN).get(0);
		assertThat(numeric.type()).isEqualTo(QuestionType.NUMERIC);
		assertThat(numeric.answer().value()).isEqualTo(0.5);
		assertThat(numeric.answer().tolerance()).isEqualTo(0.1);
		assertThat(numeric.points()).isEqualTo(Points.DOUBLE);
		assertThat(numeric.difficulty()).isEqualTo(3);
		assertThat(numeric.topic()).isEqualTo(Topic.CASHLESS_PAYMENT);
		assertThat(numeric.status()).isEqualTo(QuestionStatus.PUBLISHED);
		assertThat(numeric.tags()).containsExactlyInAnyOrder("tiền", "money");
		List<Question> vi = fixture.questions.findByBank(bank, Language.VI);
		assertThat(vi.get(0).type()).isEqualTo(QuestionType.MULTIPLE_SELECT);
		assertThat(vi.get(0).answer().correct()).containsExactly(0, 1);
		assertThat(vi.get(0).status()).isEqualTo(QuestionStatus.REVIEWED);
		assertThat(vi.get(1).type()).isEqualTo(QuestionType.TRUE_FALSE);
		assertThat(vi.get(1).options()).containsExactly("Đúng", "Sai");
		assertThat(vi.get(1).topic()).isEqualTo(Topic.VNEID);
		assertThat(vi.get(1).difficulty()).isEqualTo(2);
		assertThat(vi.get(1).timeLimitSeconds()).isEqualTo(Column.DEFAULT_TIME_LIMIT);
		assertThat(vi.get(1).author()).isEqualTo(TransferFixture.AUTHOR);
		assertThat(vi.get(2).answer().accepted()).containsExactly("CCCD", "cccd");
	}

	@Test
	void emptyCellsTakeTheDefaultsOfTheImport() {
		ImportOptions options = new ImportOptions(Language.EN, Topic.AI_TOOLS, 3, false, 1024 * 1024, null);

		fixture.importInto(bank, QuestionFormat.XLSX, sheet(List.of(choice("Is ChatGPT always right?"))), options);

		Question question = fixture.questions.findByBank(bank, Language.EN).get(0);
		assertThat(question.topic()).isEqualTo(Topic.AI_TOOLS);
		assertThat(question.difficulty()).isEqualTo(3);
		assertThat(question.points()).isEqualTo(Points.STANDARD);
		assertThat(question.status()).isEqualTo(QuestionStatus.DRAFT);
		assertThat(question.author()).isNull();
	}

	@Test
	void badCellsAreNamed() {
		byte[] file = sheet(List.of(with(with(choice("Câu hỏi 1?"), Column.CORRECT, "một"), Column.DIFFICULTY, "rất khó"),
				with(with(with(choice("Câu hỏi 2?"), Column.TYPE, "Nhập số"), Column.VALUE, "năm"), Column.OPTION_1, ""),
				with(with(choice(""), Column.TYPE, ""), Column.KEY, "k".repeat(65)),
				with(with(choice("Câu hỏi 4?"), Column.OPTION_2, ""), Column.OPTION_3, "Có lẽ")));

		ImportReport report = fixture.transfer.check(QuestionFormat.XLSX, new ByteArrayInputStream(file),
				ImportOptions.defaults());

		assertThat(report.errors()).extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code)
			.containsExactly(tuple(2, "Đáp án đúng", "import.cell.correct-invalid"),
					tuple(2, "Độ khó", "import.cell.unknown-value"),
					tuple(2, "Đáp án đúng", "question.correct.exactly-one"),
					tuple(3, "Giá trị đúng", "import.cell.not-a-number"),
					tuple(3, "Phương án 1", "question.options.not-allowed"),
					tuple(3, "Giá trị đúng", "question.value.required"),
					tuple(4, "Mã câu hỏi", "import.key.too-long"),
					tuple(4, "Loại câu hỏi", "import.cell.required"),
					tuple(4, "Nội dung câu hỏi", "question.text.required"),
					tuple(5, "Phương án 2", "question.option.invalid"));
	}
}
