package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/** The downloadable template opens, explains itself, and imports as it is. */
class TemplateTest {

	final TransferFixture fixture = new TransferFixture();

	final DataFormatter formatter = new DataFormatter();

	byte[] template(Locale locale) {
		var out = new ByteArrayOutputStream();
		fixture.transfer.writeTemplate(out, locale);
		return out.toByteArray();
	}

	List<String> row(Sheet sheet, int index) {
		List<String> cells = new ArrayList<>();
		Row row = sheet.getRow(index);
		for (int c = 0; c < row.getLastCellNum(); c++) {
			cells.add(formatter.formatCellValue(row.getCell(c)));
		}
		return cells;
	}

	@Test
	void theVietnameseTemplateHasTheHeadingsTheImporterExpectsAndTwoExamples() throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template(Locale.forLanguageTag("vi"))))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Câu hỏi");
			assertThat(workbook.getSheetName(1)).isEqualTo("Hướng dẫn");
			assertThat(workbook.isSheetHidden(2)).isTrue();
			Sheet questions = workbook.getSheetAt(0);
			List<String> headings = row(questions, 0);
			assertThat(headings).hasSize(Column.values().length)
				.startsWith("Mã câu hỏi", "Ngôn ngữ", "Loại câu hỏi", "Nội dung câu hỏi", "Phương án 1")
				.contains("Đáp án đúng", "Đáp án chấp nhận", "Thời gian (giây)", "Độ khó", "Chủ đề", "Trạng thái");
			for (Column column : Column.values()) {
				assertThat(column.matches(headings.get(column.ordinal()))).as(column.name()).isTrue();
			}
			assertThat(questions.getLastRowNum()).isEqualTo(2);
			assertThat(row(questions, 1)).startsWith("vidu-01", "vi", "Một đáp án");
			assertThat(row(questions, 2)).startsWith("vidu-02", "vi", "Đúng/Sai");
		}
	}

	@Test
	void dropDownListsOfferTheValuesTheImporterAccepts() throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template(Locale.forLanguageTag("vi"))))) {
			List<? extends DataValidation> validations = workbook.getSheetAt(0).getDataValidations();
			assertThat(validations).hasSize(6);
			List<Integer> columns = new ArrayList<>();
			for (DataValidation validation : validations) {
				assertThat(validation.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
				var region = validation.getRegions().getCellRangeAddress(0);
				assertThat(region.getFirstRow()).isEqualTo(1);
				assertThat(region.getLastRow()).isEqualTo(Limits.MAX_ROWS);
				columns.add(region.getFirstColumn());
				Column column = Column.values()[region.getFirstColumn()];
				List<String> values = listValues(workbook, validation.getValidationConstraint().getFormula1());
				assertThat(values).isNotEmpty();
				for (String value : values) {
					switch (column) {
						case TYPE -> assertThat(Labels.parse(QuestionType.class, value)).isPresent();
						case TOPIC -> assertThat(Labels.parse(Topic.class, value)).isPresent();
						case POINTS -> assertThat(Labels.parse(Points.class, value)).isPresent();
						case STATUS -> assertThat(Labels.parse(QuestionStatus.class, value)).isPresent();
						case LANGUAGE -> assertThat(Labels.language(value)).isPresent();
						case DIFFICULTY -> assertThat(value).isIn("1", "2", "3");
						default -> throw new AssertionError("Unexpected list on " + column);
					}
				}
				if (column == Column.TOPIC) {
					assertThat(values).hasSize(Topic.values().length).contains("Lừa đảo và an toàn mạng");
				}
			}
			assertThat(columns).containsExactlyInAnyOrder(Column.TYPE.ordinal(), Column.TOPIC.ordinal(),
					Column.DIFFICULTY.ordinal(), Column.POINTS.ordinal(), Column.STATUS.ordinal(),
					Column.LANGUAGE.ordinal());
		}
	}

	private List<String> listValues(XSSFWorkbook workbook, String formula) {
		Name name = workbook.getName(formula);
		assertThat(name).as(formula).isNotNull();
		AreaReference area = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion());
		List<String> values = new ArrayList<>();
		for (CellReference cell : area.getAllReferencedCells()) {
			Sheet sheet = workbook.getSheet(cell.getSheetName());
			values.add(formatter.formatCellValue(sheet.getRow(cell.getRow()).getCell(cell.getCol())));
		}
		return values;
	}

	@Test
	void theInstructionsExplainEveryColumnInTheUsersLanguage() throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template(Locale.ENGLISH)))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Questions");
			assertThat(workbook.getSheetName(1)).isEqualTo("Instructions");
			Sheet instructions = workbook.getSheetAt(1);
			assertThat(row(instructions, 0)).containsExactly("How to fill in a QuizFest question file");
			List<List<String>> rows = new ArrayList<>();
			for (int r = 1; r <= instructions.getLastRowNum(); r++) {
				if (instructions.getRow(r) != null) {
					rows.add(row(instructions, r));
				}
			}
			for (Column column : Column.values()) {
				assertThat(rows).as(column.name())
					.anySatisfy(row -> {
						assertThat(row.get(0)).isEqualTo(column.label(Locale.ENGLISH));
						assertThat(row.get(2)).isNotBlank().isEqualTo(column.help(Locale.ENGLISH));
					});
			}
			assertThat(rows).anySatisfy(row -> assertThat(row.get(0)).contains("5,000 questions and 5 MB"));
			assertThat(row(workbook.getSheetAt(0), 0)).startsWith("Key", "Language", "Type", "Question text", "Option 1");
		}
	}

	@Test
	void theTemplateImportsAsItIs() {
		long bank = fixture.bank();

		ImportReport vietnamese = fixture.importInto(bank, QuestionFormat.XLSX, template(Locale.forLanguageTag("vi")));
		ImportReport english = fixture.importInto(bank, QuestionFormat.XLSX, template(Locale.ENGLISH));

		assertThat(vietnamese.errors()).isEmpty();
		assertThat(vietnamese.imported()).isEqualTo(2);
		assertThat(english.errors()).isEmpty();
		assertThat(english.imported()).isEqualTo(2);
		List<Question> vi = fixture.questions.findByBank(bank, Language.VI);
		assertThat(vi).extracting(Question::type).containsExactly(QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE);
		assertThat(vi.get(0).text()).startsWith("Có người gọi điện tự xưng là công an");
		assertThat(vi.get(0).tags()).containsExactlyInAnyOrder("otp", "lừa đảo");
		assertThat(vi.get(0).externalKey()).isEqualTo("vidu-01");
		assertThat(vi.get(1).options()).containsExactly("Đúng", "Sai");
		assertThat(fixture.questions.findByBank(bank, Language.EN)).extracting(Question::topic)
			.containsExactly(Topic.SCAMS_CYBER_SAFETY, Topic.VNEID);
	}

	@Test
	void anyOtherLanguageGetsTheVietnameseTemplate() throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template(Locale.FRENCH)))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Câu hỏi");
		}
	}
}
