package vn.quizfest.questionbank.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.TextNormalizer;

/**
 * Kahoot's "import from spreadsheet" template: a few title rows, then a heading row (row 8 in
 * Kahoot's file, found here by its headings) with the question, answers 1 to 4, the time limit and
 * the correct answer numbers; column A numbers the questions. It holds choice questions only: one
 * correct answer reads as single choice, several as multiple select.
 */
final class KahootSheet {

	static final String QUESTION = "Question - max 120 characters";

	static final String ANSWER = "Answer %d - max 75 characters";

	static final String TIME_LIMIT = "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs";

	static final String CORRECT = "Correct answer(s) - choose at least one";

	static final int MAX_QUESTION = 120;

	static final int MAX_ANSWER = 75;

	static final int ANSWERS = 4;

	/** The time limits Kahoot offers; an export rounds up to the nearest. */
	static final List<Integer> TIME_LIMITS = List.of(5, 10, 20, 30, 60, 90, 120, 240);

	/** Kahoot's heading row is row 8; its first data row follows. */
	private static final int HEADER_ROW = 7;

	private static final Pattern ANSWER_HEADING = Pattern.compile("answer\\s*([1-9])\\b.*");

	private enum Field {
		QUESTION, ANSWER_1, ANSWER_2, ANSWER_3, ANSWER_4, TIME_LIMIT, CORRECT
	}

	private KahootSheet() {
	}

	/** The heading row among the first rows: it names the question and the first answer. */
	static OptionalInt headerIndex(List<Sheet.Row> rows) {
		for (int i = 0; i < Math.min(rows.size(), Limits.HEADER_SCAN); i++) {
			Map<Field, Integer> fields = fields(rows.get(i));
			if (fields.containsKey(Field.QUESTION) && fields.containsKey(Field.ANSWER_1)) {
				return OptionalInt.of(i);
			}
		}
		return OptionalInt.empty();
	}

	private static Map<Field, Integer> fields(Sheet.Row row) {
		Map<Field, Integer> fields = new HashMap<>();
		for (Map.Entry<Integer, Sheet.Cell> cell : row.cells().entrySet()) {
			String heading = TextNormalizer.fold(cell.getValue().text());
			Matcher answer = ANSWER_HEADING.matcher(heading);
			Field field = null;
			if (heading.startsWith("question")) {
				field = Field.QUESTION;
			}
			else if (answer.matches() && Integer.parseInt(answer.group(1)) <= ANSWERS) {
				field = Field.values()[Integer.parseInt(answer.group(1))];
			}
			else if (heading.startsWith("time limit")) {
				field = Field.TIME_LIMIT;
			}
			else if (heading.startsWith("correct")) {
				field = Field.CORRECT;
			}
			if (field != null) {
				fields.putIfAbsent(field, cell.getKey());
			}
		}
		return fields;
	}

	static Parsed read(Sheet sheet, ImportOptions options) {
		List<Sheet.Row> rows = sheet.rows();
		if (rows.isEmpty()) {
			throw ImportFailure.of("import.file.no-rows");
		}
		OptionalInt headerIndex = headerIndex(rows);
		if (headerIndex.isEmpty()) {
			throw ImportFailure.of("import.kahoot.no-header", Limits.HEADER_SCAN);
		}
		Sheet.Row header = rows.get(headerIndex.getAsInt());
		Map<Field, Integer> fields = fields(header);
		if (!fields.containsKey(Field.CORRECT)) {
			throw ImportFailure.of("import.columns.missing", CORRECT);
		}
		List<Sheet.Row> data = Sheet.dataRows(rows, headerIndex.getAsInt(), fields);
		List<Candidate> candidates = new ArrayList<>();
		for (Sheet.Row row : data) {
			candidates.add(candidate(row, fields, header, options));
		}
		return new Parsed(candidates);
	}

	private static Candidate candidate(Sheet.Row row, Map<Field, Integer> fields, Sheet.Row header,
			ImportOptions options) {
		List<ImportIssue> issues = new ArrayList<>();
		java.util.function.Function<Field, @Nullable String> heading = field -> fields.containsKey(field)
				? Cells.clean(header.text(fields.get(field))) : null;
		java.util.function.Function<Field, String> text = field -> fields.containsKey(field)
				? Cells.clean(row.text(fields.get(field))) : "";
		List<String> answers = new ArrayList<>();
		for (Field field : List.of(Field.ANSWER_1, Field.ANSWER_2, Field.ANSWER_3, Field.ANSWER_4)) {
			answers.add(text.apply(field));
		}
		while (!answers.isEmpty() && answers.get(answers.size() - 1).isEmpty()) {
			answers.remove(answers.size() - 1);
		}
		String correctText = text.apply(Field.CORRECT);
		Optional<List<Integer>> correct = Cells.correct(correctText);
		if (correct.isEmpty()) {
			issues.add(ImportIssue.of(row.number(), heading.apply(Field.CORRECT), "import.cell.correct-invalid",
					correctText));
		}
		int timeLimit = Column.DEFAULT_TIME_LIMIT;
		if (!text.apply(Field.TIME_LIMIT).isEmpty()) {
			OptionalInt seconds = Cells.integer(row.cell(fields.get(Field.TIME_LIMIT)));
			if (seconds.isEmpty()) {
				issues.add(ImportIssue.of(row.number(), heading.apply(Field.TIME_LIMIT), "import.cell.not-an-integer",
						text.apply(Field.TIME_LIMIT)));
			}
			timeLimit = seconds.orElse(Column.DEFAULT_TIME_LIMIT);
		}
		List<Integer> indexes = correct.orElse(List.of());
		QuestionType type = indexes.size() > 1 ? QuestionType.MULTIPLE_SELECT : QuestionType.SINGLE_CHOICE;
		Question question = new Question(null, 0, "", options.defaultLanguage(), type, text.apply(Field.QUESTION),
				answers, AnswerKey.options(indexes), null, timeLimit, Points.STANDARD, options.defaultDifficulty(),
				options.defaultTopic(), List.of(), null, null, QuestionStatus.DRAFT, options.author(), null, null, null,
				0);
		issues.addAll(RowValidation.check(question, true, row.number(), (field, option) -> switch (field) {
			case "text" -> heading.apply(Field.QUESTION);
			case "options" -> heading.apply(Field.values()[1 + Math.max(0, Math.min(option, ANSWERS - 1))]);
			case "correct" -> heading.apply(Field.CORRECT);
			case "timeLimitSeconds" -> heading.apply(Field.TIME_LIMIT);
			default -> null;
		}));
		return new Candidate(row.number(), null, question, heading.apply(Field.QUESTION), null, issues);
	}

	/** Why a question cannot go into Kahoot's sheet, or empty when it can. */
	static Optional<ExportReport.Skipped> unfit(Question question) {
		String code = null;
		List<Object> args = List.of();
		if (question.type() != QuestionType.SINGLE_CHOICE && question.type() != QuestionType.MULTIPLE_SELECT
				&& question.type() != QuestionType.TRUE_FALSE) {
			code = "export.kahoot.unsupported-type";
		}
		else if (question.options().size() > ANSWERS) {
			code = "export.kahoot.too-many-options";
			args = List.of(ANSWERS);
		}
		else if (question.text().length() > MAX_QUESTION
				|| question.options().stream().anyMatch(option -> option.length() > MAX_ANSWER)) {
			code = "export.kahoot.too-long";
			args = List.of(MAX_QUESTION, MAX_ANSWER);
		}
		return code == null ? Optional.empty()
				: Optional.of(new ExportReport.Skipped(question.id(), question.text(), code, args));
	}

	static ExportReport write(List<Question> questions, OutputStream out, Locale locale) {
		List<Question> fit = new ArrayList<>();
		List<ExportReport.Skipped> skipped = new ArrayList<>();
		for (Question question : questions) {
			unfit(question).ifPresentOrElse(skipped::add, () -> fit.add(question));
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("Kahoot");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headingStyle = workbook.createCellStyle();
			headingStyle.setFont(bold);
			headingStyle.setWrapText(true);
			sheet.createRow(1).createCell(1).setCellValue(Catalog.text(locale, "transfer.kahoot.title"));
			sheet.getRow(1).getCell(1).setCellStyle(headingStyle);
			sheet.createRow(2).createCell(1).setCellValue(Catalog.text(locale, "transfer.kahoot.intro"));
			if (!skipped.isEmpty()) {
				sheet.createRow(3).createCell(1).setCellValue(Catalog.text(locale, "transfer.kahoot.skipped", skipped.size()));
			}
			Row heading = sheet.createRow(HEADER_ROW);
			List<String> headings = List.of("", QUESTION, ANSWER.formatted(1), ANSWER.formatted(2), ANSWER.formatted(3),
					ANSWER.formatted(4), TIME_LIMIT, CORRECT);
			for (int i = 0; i < headings.size(); i++) {
				heading.createCell(i).setCellValue(headings.get(i));
				heading.getCell(i).setCellStyle(headingStyle);
			}
			int number = 0;
			for (Question question : fit) {
				Row row = sheet.createRow(HEADER_ROW + 1 + number);
				row.createCell(0).setCellValue(++number);
				row.createCell(1).setCellValue(question.text());
				for (int i = 0; i < question.options().size(); i++) {
					row.createCell(2 + i).setCellValue(question.options().get(i));
				}
				row.createCell(6).setCellValue(kahootTimeLimit(question.timeLimitSeconds()));
				row.createCell(7)
					.setCellValue(question.answer()
						.correct()
						.stream()
						.map(index -> String.valueOf(index + 1))
						.collect(Collectors.joining(",")));
			}
			sheet.setColumnWidth(0, 6 * 256);
			sheet.setColumnWidth(1, 60 * 256);
			for (int i = 2; i <= 5; i++) {
				sheet.setColumnWidth(i, 30 * 256);
			}
			sheet.setColumnWidth(6, 25 * 256);
			sheet.setColumnWidth(7, 25 * 256);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ExportReport(QuestionFormat.KAHOOT_XLSX, fit.size(), skipped);
	}

	/** The smallest time limit Kahoot offers that is at least the question's. */
	static int kahootTimeLimit(int seconds) {
		for (int limit : TIME_LIMITS) {
			if (limit >= seconds) {
				return limit;
			}
		}
		return TIME_LIMITS.get(TIME_LIMITS.size() - 1);
	}
}
