package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.questionbank.transfer.TransferFixture.assertSameQuestions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;

/** Export then import gives the same questions, Vietnamese text and every question type included. */
class RoundTripTest {

	final TransferFixture fixture = new TransferFixture();

	@ParameterizedTest
	@EnumSource(value = QuestionFormat.class, names = { "XLSX", "CSV", "JSON" })
	void exportedQuestionsComeBackEqual(QuestionFormat format) {
		long source = fixture.bank();
		List<Question> sample = TransferFixture.sample(source);
		sample.forEach(fixture.questions::add);
		List<Question> stored = fixture.all(source);
		assertThat(stored).extracting(Question::type).containsAll(List.of(QuestionType.values()));

		byte[] file = fixture.export(stored, format);
		long target = fixture.bank();
		ImportReport report = fixture.importInto(target, format, file);

		assertThat(report.errors()).isEmpty();
		assertThat(report.duplicates()).isEmpty();
		assertThat(report.written()).isTrue();
		assertThat(report.rowsRead()).isEqualTo(sample.size());
		assertThat(report.imported()).isEqualTo(sample.size());
		assertSameQuestions(fixture.all(target), stored);
	}

	@ParameterizedTest
	@EnumSource(value = QuestionFormat.class, names = { "XLSX", "CSV", "JSON" })
	void importingTheSameExportAgainFindsOnlyDuplicates(QuestionFormat format) {
		long bank = fixture.bank();
		TransferFixture.sample(bank).forEach(fixture.questions::add);
		byte[] file = fixture.export(fixture.all(bank), format);

		ImportReport report = fixture.importInto(bank, format, file);

		assertThat(report.errors()).isEmpty();
		assertThat(report.imported()).isZero();
		assertThat(report.written()).isTrue();
		assertThat(report.duplicates()).hasSize(report.rowsRead())
			.allSatisfy(issue -> assertThat(issue.code()).isEqualTo("import.duplicate.in-bank"));
		assertThat(fixture.questions.countInBank(bank)).isEqualTo(TransferFixture.sample(bank).size());
	}

	@Test
	void jsonKeepsTheAuthorOfTheFileAndEnglishHeadingsImportToo() {
		long source = fixture.bank();
		TransferFixture.sample(source).forEach(fixture.questions::add);
		List<Question> stored = fixture.all(source);
		var out = new java.io.ByteArrayOutputStream();
		fixture.transfer.export(stored, QuestionFormat.XLSX, out, Locale.ENGLISH);
		long fromEnglishXlsx = fixture.bank();
		long fromJson = fixture.bank();

		fixture.importInto(fromEnglishXlsx, QuestionFormat.XLSX, out.toByteArray());
		fixture.importInto(fromJson, QuestionFormat.JSON, fixture.export(stored, QuestionFormat.JSON),
				ImportOptions.defaults().withAuthor("someone else"));

		assertSameQuestions(fixture.all(fromEnglishXlsx), stored);
		assertSameQuestions(fixture.all(fromJson), stored);
	}

	@Test
	void decomposedVietnameseIsStoredComposed() {
		String composed = "Ứng dụng VNeID dùng để làm gì?";
		String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo(composed);
		String csv = String.join(",", TemplateRows.headings(Catalog.VIETNAMESE)).replace("Nội dung câu hỏi",
				Normalizer.normalize("Nội dung câu hỏi", Normalizer.Form.NFD)) + "\r\n,vi,Một đáp án," + decomposed
				+ "," + Normalizer.normalize("Định danh điện tử,Chơi trò chơi", Normalizer.Form.NFD) + ",,,,,1\r\n";
		long bank = fixture.bank();

		ImportReport report = fixture.importInto(bank, QuestionFormat.CSV, csv.getBytes(StandardCharsets.UTF_8));

		assertThat(report.errors()).isEmpty();
		Question stored = fixture.questions.findByBank(bank, Language.VI).get(0);
		assertThat(stored.text()).isEqualTo(composed);
		assertThat(stored.options()).containsExactly("Định danh điện tử", "Chơi trò chơi");
	}

	@Test
	void csvExportStartsWithAByteOrderMarkAndProtectsFormulaLikeText() {
		long bank = fixture.bank();
		TransferFixture.sample(bank).forEach(fixture.questions::add);

		byte[] csv = fixture.export(fixture.all(bank), QuestionFormat.CSV);

		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("'=2+3 bằng bao nhiêu? (nhập số)", "'@Rất quan trọng", "\"Mã OTP, mật khẩu\"",
				"\"Chuyển tiền \"\"xác minh\"\"\"");
		assertThat(text.lines().skip(1)).noneMatch(line -> line.startsWith("=") || line.contains(",=") || line.contains(",@"));
	}

	@Test
	void theCheckReportsAsTheImportWouldButWritesNothing() {
		long bank = fixture.bank();
		TransferFixture.sample(bank).forEach(fixture.questions::add);
		byte[] file = fixture.export(fixture.all(bank), QuestionFormat.JSON);
		long other = fixture.bank();

		ImportReport report = fixture.transfer.check(QuestionFormat.JSON, new ByteArrayInputStream(file),
				ImportOptions.defaults());

		assertThat(report.written()).isFalse();
		assertThat(report.imported()).isZero();
		assertThat(report.rowsRead()).isEqualTo(TransferFixture.sample(bank).size());
		assertThat(report.errors()).isEmpty();
		assertThat(fixture.questions.countInBank(other)).isZero();
	}
}
