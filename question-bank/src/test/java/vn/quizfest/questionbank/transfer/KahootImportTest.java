package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/** Kahoot's spreadsheet template, in and out. */
class KahootImportTest {

	final TransferFixture fixture = new TransferFixture();

	/**
	 * A sheet in Kahoot's layout: title rows, the heading row at {@code headingRow} (0-based; 7 in
	 * Kahoot's own file), questions below, then rows numbered in column A but otherwise empty.
	 */
	static byte[] kahootSheet(int headingRow, List<List<Object>> questions) {
		return TransferFixture.xlsx(sheet -> {
			sheet.createRow(1).createCell(1).setCellValue("Quiz template");
			sheet.createRow(2).createCell(1).setCellValue("Add questions, at least two answer alternatives, time limit "
					+ "and choose correct answers (at least one). Have fun creating your awesome quiz!");
			sheet.createRow(3).createCell(1).setCellValue("Remember: questions have a limit of 120 characters and answers "
					+ "can have 75 characters max.");
			Row heading = sheet.createRow(headingRow);
			List<String> headings = List.of("", "Question - max 120 characters", "Answer 1 - max 75 characters",
					"Answer 2 - max 75 characters", "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
					"Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
					"Correct answer(s) - choose at least one");
			for (int i = 0; i < headings.size(); i++) {
				heading.createCell(i).setCellValue(headings.get(i));
			}
			for (int r = 0; r < 20; r++) {
				Row row = sheet.createRow(headingRow + 1 + r);
				row.createCell(0).setCellValue(r + 1);
				if (r < questions.size()) {
					List<Object> cells = questions.get(r);
					for (int c = 0; c < cells.size(); c++) {
						if (cells.get(c) instanceof Number number) {
							row.createCell(c + 1).setCellValue(number.doubleValue());
						}
						else if (!cells.get(c).toString().isEmpty()) {
							row.createCell(c + 1).setCellValue(cells.get(c).toString());
						}
					}
				}
			}
		});
	}

	@Test
	void kahootQuestionsBecomeChoiceQuestionsWithTheDefaultsOfTheImport() {
		byte[] sheet = kahootSheet(7, List.of(
				List.of("Mã OTP có nên đọc cho người lạ qua điện thoại không?", "Có", "Không", "", "", 20, 2),
				List.of("Ứng dụng nào là ví điện tử?", "MoMo", "ZaloPay", "Facebook", "VNPAY", 30, "1,2,4"),
				List.of("Gọi số nào khi gặp lừa đảo?", "113", "114", "115", "", 5, 1)));
		long bank = fixture.bank();
		ImportOptions options = new ImportOptions(Language.VI, Topic.CASHLESS_PAYMENT, 3, false,
				ImportOptions.DEFAULT_MAX_BYTES, "Đoàn Thanh niên xã");

		ImportReport report = fixture.importInto(bank, QuestionFormat.KAHOOT_XLSX, sheet, options);

		assertThat(report.errors()).isEmpty();
		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.imported()).isEqualTo(3);
		List<Question> stored = fixture.questions.findByBank(bank, Language.VI);
		assertThat(stored).extracting(Question::type)
			.containsExactly(QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_SELECT, QuestionType.SINGLE_CHOICE);
		Question otp = stored.get(0);
		assertThat(otp.text()).isEqualTo("Mã OTP có nên đọc cho người lạ qua điện thoại không?");
		assertThat(otp.options()).containsExactly("Có", "Không");
		assertThat(otp.answer().correct()).containsExactly(1);
		assertThat(otp.timeLimitSeconds()).isEqualTo(20);
		assertThat(otp.topic()).isEqualTo(Topic.CASHLESS_PAYMENT);
		assertThat(otp.difficulty()).isEqualTo(3);
		assertThat(otp.points()).isEqualTo(Points.STANDARD);
		assertThat(otp.status()).isEqualTo(QuestionStatus.DRAFT);
		assertThat(otp.author()).isEqualTo("Đoàn Thanh niên xã");
		assertThat(stored.get(1).options()).containsExactly("MoMo", "ZaloPay", "Facebook", "VNPAY");
		assertThat(stored.get(1).answer().correct()).containsExactly(0, 1, 3);
		assertThat(stored.get(2).options()).containsExactly("113", "114", "115");
		assertThat(stored.get(2).timeLimitSeconds()).isEqualTo(5);
	}

	@Test
	void theHeadingRowIsFoundWhereverItIsNearTheTop() {
		byte[] sheet = kahootSheet(12, List.of(List.of("Câu hỏi đặt ở dòng 14?", "Đúng", "Sai", "", "", 10, 1)));

		ImportReport report = fixture.importInto(fixture.bank(), QuestionFormat.KAHOOT_XLSX, sheet);

		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isEqualTo(1);
	}

	@Test
	void problemsAreReportedByRowAndKahootsColumn() {
		byte[] sheet = kahootSheet(7, List.of(List.of("Câu hỏi đúng", "A", "B", "", "", 20, 1),
				List.of("Câu hỏi không có đáp án đúng", "A", "B", "", "", 20, ""),
				List.of("Câu hỏi có đáp án ngoài phạm vi", "A", "B", "", "", "hai mươi", 3)));
		long bank = fixture.bank();

		ImportReport report = fixture.importInto(bank, QuestionFormat.KAHOOT_XLSX, sheet);

		assertThat(report.written()).isFalse();
		assertThat(report.errors()).extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(10, "Correct answer(s) - choose at least one",
							"question.correct.exactly-one"),
					org.assertj.core.groups.Tuple.tuple(11, "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
							"import.cell.not-an-integer"),
					org.assertj.core.groups.Tuple.tuple(11, "Correct answer(s) - choose at least one",
							"question.correct.out-of-range"));
		assertThat(fixture.questions.countInBank(bank)).isZero();
	}

	@Test
	void exportWritesKahootsLayoutWithChoiceQuestionsOnlyAndReadsBack() {
		long bank = fixture.bank();
		TransferFixture.sample(bank).forEach(fixture.questions::add);
		List<Question> stored = fixture.all(bank);
		var out = new ByteArrayOutputStream();

		ExportReport export = fixture.transfer.export(stored, QuestionFormat.KAHOOT_XLSX, out);

		// single choice (vi, en), multiple select, true/false; not type answer, ordering, numeric (2), poll
		assertThat(export.exported()).isEqualTo(4);
		assertThat(export.skipped()).hasSize(5)
			.allSatisfy(skipped -> assertThat(skipped.code()).isEqualTo("export.kahoot.unsupported-type"));
		long copy = fixture.bank();
		ImportReport report = fixture.importInto(copy, QuestionFormat.KAHOOT_XLSX, out.toByteArray());
		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isEqualTo(4);
		List<Question> imported = fixture.questions.findByBank(copy, Language.VI);
		Question original = stored.stream().filter(q -> q.type() == QuestionType.MULTIPLE_SELECT).findFirst().orElseThrow();
		Question back = imported.stream().filter(q -> q.text().equals(original.text())).findFirst().orElseThrow();
		assertThat(back.options()).isEqualTo(original.options());
		assertThat(back.answer().correct()).isEqualTo(original.answer().correct());
		assertThat(back.timeLimitSeconds()).isEqualTo(20);
		assertThat(imported).filteredOn(q -> q.text().startsWith("Có người gọi điện"))
			.singleElement()
			.satisfies(q -> assertThat(q.timeLimitSeconds()).isEqualTo(30));
	}

	@Test
	void questionsBeyondKahootsLimitsAreSkipped() {
		Question tooLong = TransferFixture.question(1, "g", Language.VI, QuestionType.SINGLE_CHOICE, "Câu hỏi ".repeat(20),
				List.of("A", "B"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)), q -> {
				});
		Question tooMany = TransferFixture.question(1, "h", Language.VI, QuestionType.SINGLE_CHOICE, "Năm phương án?",
				List.of("A", "B", "C", "D", "E"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)), q -> {
				});

		ExportReport report = fixture.transfer.export(List.of(tooLong, tooMany), QuestionFormat.KAHOOT_XLSX,
				new ByteArrayOutputStream());

		assertThat(report.exported()).isZero();
		assertThat(report.skipped()).extracting(ExportReport.Skipped::code, ExportReport.Skipped::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("export.kahoot.too-long", List.of(120, 75)),
					org.assertj.core.groups.Tuple.tuple("export.kahoot.too-many-options", List.of(4)));
		assertThat(KahootSheet.kahootTimeLimit(25)).isEqualTo(30);
		assertThat(KahootSheet.kahootTimeLimit(240)).isEqualTo(240);
	}
}
