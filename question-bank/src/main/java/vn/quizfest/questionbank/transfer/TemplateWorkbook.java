package vn.quizfest.questionbank.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/**
 * Writes the project's XLSX workbook: the questions sheet (heading row and one row per question),
 * an instructions sheet in the user's language, and a hidden sheet with the values of the drop-down
 * lists. The downloadable template is this workbook with two example rows; an export is the same
 * workbook with the bank's questions, so an exported file can be edited and imported again.
 */
final class TemplateWorkbook {

	private static final Map<Column, String> LISTS = Map.of(Column.TYPE, "QuizFestTypes", Column.TOPIC,
			"QuizFestTopics", Column.POINTS, "QuizFestPoints", Column.STATUS, "QuizFestStatuses", Column.LANGUAGE,
			"QuizFestLanguages", Column.DIFFICULTY, "QuizFestDifficulties");

	private TemplateWorkbook() {
	}

	static void write(List<Question> questions, Locale locale, OutputStream out) {
		List<String> keys = TemplateRows.keys(questions);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			rows.add(TemplateRows.cells(questions.get(i), keys.get(i), locale));
		}
		writeRows(rows, locale, out);
	}

	static void writeTemplate(Locale locale, OutputStream out) {
		Locale supported = Catalog.supported(locale);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		List<Question> examples = examples(supported);
		for (int i = 0; i < examples.size(); i++) {
			rows.add(TemplateRows.cells(examples.get(i),
					Catalog.text(supported, "transfer.template.example" + (i + 1) + ".key"), supported));
		}
		writeRows(rows, supported, out);
	}

	/** Two example rows in the user's language: a single choice and a true/false question. */
	static List<Question> examples(Locale locale) {
		Language language = locale.getLanguage().equals("en") ? Language.EN : Language.VI;
		String prefix = "transfer.template.example";
		List<String> options = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			options.add(Catalog.text(locale, prefix + "1.option" + i));
		}
		Question scam = new Question(null, 0, "", language, QuestionType.SINGLE_CHOICE,
				Catalog.text(locale, prefix + "1.text"), options, AnswerKey.options(List.of(1)),
				Catalog.text(locale, prefix + "1.explanation"), 20, Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY,
				Cells.tags(Catalog.text(locale, prefix + "1.tags")), null, "https://www.bocongan.gov.vn",
				QuestionStatus.DRAFT, null, null, null, null, 0);
		Question vneid = new Question(null, 0, "", language, QuestionType.TRUE_FALSE,
				Catalog.text(locale, prefix + "2.text"),
				List.of(Catalog.text(locale, "question.true"), Catalog.text(locale, "question.false")),
				AnswerKey.options(List.of(0)), Catalog.text(locale, prefix + "2.explanation"), 20, Points.STANDARD, 1,
				Topic.VNEID, Cells.tags(Catalog.text(locale, prefix + "2.tags")), null, null, QuestionStatus.DRAFT, null,
				null, null, null, 0);
		return List.of(scam, vneid);
	}

	private static void writeRows(List<List<@Nullable Object>> rows, Locale locale, OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet questions = workbook.createSheet(Catalog.text(locale, "transfer.template.sheet.questions"));
			XSSFSheet instructions = workbook.createSheet(Catalog.text(locale, "transfer.template.sheet.instructions"));
			XSSFSheet lists = workbook.createSheet(Catalog.text(locale, "transfer.template.sheet.lists"));
			CellStyle heading = headingStyle(workbook);
			questionsSheet(questions, rows, locale, heading);
			listsSheet(workbook, lists, locale);
			instructionsSheet(instructions, locale, heading, workbook);
			validations(questions);
			workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
			workbook.setActiveSheet(0);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle headingStyle(XSSFWorkbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		return style;
	}

	private static void questionsSheet(XSSFSheet sheet, List<List<@Nullable Object>> rows, Locale locale,
			CellStyle heading) {
		Row headings = sheet.createRow(0);
		List<String> labels = TemplateRows.headings(locale);
		for (int i = 0; i < labels.size(); i++) {
			headings.createCell(i).setCellValue(labels.get(i));
			headings.getCell(i).setCellStyle(heading);
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r + 1);
			List<@Nullable Object> cells = rows.get(r);
			for (int c = 0; c < cells.size(); c++) {
				Object value = cells.get(c);
				if (value instanceof Number number) {
					row.createCell(c).setCellValue(number.doubleValue());
				}
				else if (value != null) {
					row.createCell(c).setCellValue(value.toString());
				}
			}
		}
		sheet.createFreezePane(0, 1);
		for (Column column : Column.values()) {
			int width = switch (column) {
				case TEXT, EXPLANATION -> 50;
				case OPTION_1, OPTION_2, OPTION_3, OPTION_4, OPTION_5, OPTION_6, TOPIC, SOURCE, IMAGE_URL -> 25;
				case TYPE, ACCEPTED, TAGS, POINTS, STATUS -> 18;
				default -> 12;
			};
			sheet.setColumnWidth(column.ordinal(), width * 256);
		}
	}

	private static void listsSheet(XSSFWorkbook workbook, XSSFSheet sheet, Locale locale) {
		List<List<Object>> columns = new ArrayList<>();
		List<Column> order = List.of(Column.TYPE, Column.TOPIC, Column.POINTS, Column.STATUS, Column.LANGUAGE,
				Column.DIFFICULTY);
		columns.add(new ArrayList<>(Labels.choices(QuestionType.class, locale)));
		columns.add(new ArrayList<>(Labels.choices(Topic.class, locale)));
		columns.add(new ArrayList<>(Labels.choices(Points.class, locale)));
		columns.add(new ArrayList<>(Labels.choices(QuestionStatus.class, locale)));
		columns.add(List.of(Language.VI.code(), Language.EN.code()));
		columns.add(List.of(1, 2, 3));
		for (int c = 0; c < columns.size(); c++) {
			List<Object> values = columns.get(c);
			for (int r = 0; r < values.size(); r++) {
				Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
				if (values.get(r) instanceof Integer number) {
					row.createCell(c).setCellValue(number);
				}
				else {
					row.createCell(c).setCellValue(values.get(r).toString());
				}
			}
			Name name = workbook.createName();
			name.setNameName(LISTS.get(order.get(c)));
			String letter = CellReference.convertNumToColString(c);
			name.setRefersToFormula("'" + sheet.getSheetName().replace("'", "''") + "'!$" + letter + "$1:$" + letter + "$"
					+ values.size());
		}
	}

	private static void validations(XSSFSheet sheet) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		for (Map.Entry<Column, String> list : LISTS.entrySet()) {
			int column = list.getKey().ordinal();
			DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(list.getValue()),
					new CellRangeAddressList(1, Limits.MAX_ROWS, column, column));
			// A warning, not a stop: the importer also takes English labels and enum names.
			validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
			validation.setShowErrorBox(true);
			validation.setSuppressDropDownArrow(true);
			sheet.addValidationData(validation);
		}
	}

	private static void instructionsSheet(XSSFSheet sheet, Locale locale, CellStyle heading, XSSFWorkbook workbook) {
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		int r = 0;
		Row title = sheet.createRow(r++);
		title.createCell(0).setCellValue(Catalog.text(locale, "transfer.template.title"));
		title.getCell(0).setCellStyle(heading);
		for (String line : List.of(Catalog.text(locale, "transfer.template.intro.rows"),
				Catalog.text(locale, "transfer.template.intro.lists"),
				Catalog.text(locale, "transfer.template.intro.limits", Limits.MAX_ROWS,
						ImportOptions.DEFAULT_MAX_BYTES / (1024 * 1024)),
				Catalog.text(locale, "transfer.template.intro.examples"),
				Catalog.text(locale, "transfer.template.intro.csv"))) {
			sheet.createRow(r++).createCell(0).setCellValue(line);
		}
		r++;
		Row headings = sheet.createRow(r++);
		List<String> labels = List.of(Catalog.text(locale, "transfer.template.heading.column"),
				Catalog.text(locale, "transfer.template.heading.required"),
				Catalog.text(locale, "transfer.template.heading.description"),
				Catalog.text(locale, "transfer.template.heading.values"));
		for (int i = 0; i < labels.size(); i++) {
			headings.createCell(i).setCellValue(labels.get(i));
			headings.getCell(i).setCellStyle(heading);
		}
		for (Column column : Column.values()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(column.label(locale));
			if (Column.REQUIRED.contains(column)) {
				row.createCell(1).setCellValue(Catalog.text(locale, "transfer.template.required"));
			}
			row.createCell(2).setCellValue(column.help(locale));
			row.getCell(2).setCellStyle(wrap);
			String values = allowedValues(column, locale);
			if (values != null) {
				row.createCell(3).setCellValue(values);
				row.getCell(3).setCellStyle(wrap);
			}
		}
		sheet.setColumnWidth(0, 22 * 256);
		sheet.setColumnWidth(1, 10 * 256);
		sheet.setColumnWidth(2, 80 * 256);
		sheet.setColumnWidth(3, 50 * 256);
	}

	private static @Nullable String allowedValues(Column column, Locale locale) {
		return switch (column) {
			case TYPE -> String.join(", ", Labels.choices(QuestionType.class, locale));
			case TOPIC -> String.join(", ", Labels.choices(Topic.class, locale));
			case POINTS -> String.join(", ", Labels.choices(Points.class, locale));
			case STATUS -> String.join(", ", Labels.choices(QuestionStatus.class, locale));
			case LANGUAGE -> "vi, en";
			case DIFFICULTY -> "1 (" + Labels.difficulty(1, locale) + "), 2 (" + Labels.difficulty(2, locale) + "), 3 ("
					+ Labels.difficulty(3, locale) + ")";
			default -> null;
		};
	}
}
