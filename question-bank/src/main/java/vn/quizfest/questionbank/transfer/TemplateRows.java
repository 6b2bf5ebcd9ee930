package vn.quizfest.questionbank.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/**
 * The rows of the project's template (XLSX and CSV alike): reading a table into candidate questions
 * and writing a question as a row.
 */
final class TemplateRows {

	/** A key that is a translation group id (written by export for questions without external key). */
	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private TemplateRows() {
	}

	static Parsed read(Sheet sheet, ImportOptions options) {
		List<Sheet.Row> rows = sheet.rows();
		if (rows.isEmpty()) {
			throw ImportFailure.of("import.file.no-rows");
		}
		int headerIndex = headerIndex(rows);
		Sheet.Row header = rows.get(headerIndex);
		Map<Column, Integer> columns = new EnumMap<>(Column.class);
		Map<Column, String> headings = new EnumMap<>(Column.class);
		List<ImportIssue> problems = new ArrayList<>();
		int english = 0;
		for (Map.Entry<Integer, Sheet.Cell> cell : header.cells().entrySet()) {
			String heading = Cells.clean(cell.getValue().text());
			for (Column column : Column.values()) {
				if (column.matches(heading)) {
					if (columns.containsKey(column)) {
						problems.add(ImportIssue.ofFile("import.columns.repeated", heading));
					}
					else {
						columns.put(column, cell.getKey());
						headings.put(column, heading);
						english += Column.languageOf(heading).equals(Locale.ENGLISH) ? 1 : 0;
					}
					break;
				}
			}
		}
		Locale language = english * 2 > columns.size() ? Locale.ENGLISH : Catalog.VIETNAMESE;
		Set<Column> missing = new HashSet<>(Column.REQUIRED);
		missing.removeAll(columns.keySet());
		if (!missing.isEmpty()) {
			if (KahootSheet.headerIndex(rows).isPresent()) {
				throw ImportFailure.of("import.columns.kahoot-file");
			}
			String names = Column.REQUIRED.stream()
				.filter(missing::contains)
				.map(column -> column.label(language))
				.collect(Collectors.joining(", "));
			problems.add(0, ImportIssue.ofFile("import.columns.missing", names));
		}
		if (!problems.isEmpty()) {
			throw new ImportFailure(problems);
		}
		List<Sheet.Row> data = Sheet.dataRows(rows, headerIndex, columns);
		List<Candidate> candidates = new ArrayList<>();
		for (Sheet.Row row : data) {
			candidates.add(new RowReader(row, columns, headings, language, options).read());
		}
		return new Parsed(candidates);
	}

	/** The heading row: the first near the top naming the question text column, else the first row. */
	private static int headerIndex(List<Sheet.Row> rows) {
		for (int i = 0; i < Math.min(rows.size(), Limits.HEADER_SCAN); i++) {
			for (Sheet.Cell cell : rows.get(i).cells().values()) {
				if (Column.TEXT.matches(cell.text())) {
					return i;
				}
			}
		}
		return 0;
	}

	/** One data row into a candidate, collecting every problem of the row at once. */
	private static final class RowReader {

		private final Sheet.Row row;

		private final Map<Column, Integer> columns;

		private final Map<Column, String> headings;

		private final Locale language;

		private final ImportOptions options;

		private final List<ImportIssue> issues = new ArrayList<>();

		RowReader(Sheet.Row row, Map<Column, Integer> columns, Map<Column, String> headings, Locale language,
				ImportOptions options) {
			this.row = row;
			this.columns = columns;
			this.headings = headings;
			this.language = language;
			this.options = options;
		}

		Candidate read() {
			String key = text(Column.KEY);
			if (key.length() > Limits.MAX_KEY) {
				issue(Column.KEY, "import.key.too-long", Limits.MAX_KEY);
			}
			Language lang = choice(Column.LANGUAGE, Labels::language).orElse(options.defaultLanguage());
			Optional<QuestionType> type = choice(Column.TYPE, text -> Labels.parse(QuestionType.class, text));
			if (text(Column.TYPE).isEmpty()) {
				issue(Column.TYPE, "import.cell.required");
			}
			QuestionType questionType = type.orElse(QuestionType.SINGLE_CHOICE);
			Question question = new Question(null, 0, "", lang, questionType, text(Column.TEXT),
					optionTexts(questionType, lang),
					answer(questionType), Cells.optional(text(Column.EXPLANATION)), timeLimit(),
					choice(Column.POINTS, text -> Labels.parse(Points.class, text)).orElse(Points.STANDARD), difficulty(),
					choice(Column.TOPIC, text -> Labels.parse(Topic.class, text)).orElse(this.options.defaultTopic()),
					Cells.tags(text(Column.TAGS)), Cells.optional(text(Column.IMAGE_URL)),
					Cells.optional(text(Column.SOURCE)),
					choice(Column.STATUS, text -> Labels.parse(QuestionStatus.class, text)).orElse(QuestionStatus.DRAFT),
					this.options.author(), key.isEmpty() || UUID.matcher(key).matches() ? null : key, null, null, 0);
			issues.addAll(RowValidation.check(question, type.isPresent(), row.number(), this::columnFor));
			return new Candidate(row.number(), key.isEmpty() ? null : key, question, heading(Column.TEXT),
					heading(Column.KEY), issues);
		}

		private List<String> optionTexts(QuestionType type, Language lang) {
			List<String> options = new ArrayList<>();
			for (Column column : Column.OPTIONS) {
				options.add(text(column));
			}
			while (!options.isEmpty() && options.get(options.size() - 1).isEmpty()) {
				options.remove(options.size() - 1);
			}
			if (type == QuestionType.TRUE_FALSE && options.isEmpty()) {
				Locale locale = lang == Language.EN ? Locale.ENGLISH : Catalog.VIETNAMESE;
				return List.of(Catalog.text(locale, "question.true"), Catalog.text(locale, "question.false"));
			}
			return options;
		}

		private AnswerKey answer(QuestionType type) {
			return switch (type) {
				case SINGLE_CHOICE, MULTIPLE_SELECT, TRUE_FALSE, ORDERING, POLL -> AnswerKey.options(correct());
				case TYPE_ANSWER -> new AnswerKey(List.of(), accepted(), null, null);
				case NUMERIC -> new AnswerKey(List.of(), List.of(), number(Column.VALUE), number(Column.TOLERANCE));
			};
		}

		private List<Integer> correct() {
			String text = text(Column.CORRECT);
			Optional<List<Integer>> correct = Cells.correct(text);
			if (correct.isEmpty()) {
				issue(Column.CORRECT, "import.cell.correct-invalid", text);
			}
			return correct.orElse(List.of());
		}

		private List<String> accepted() {
			List<String> accepted = new ArrayList<>();
			for (String answer : text(Column.ACCEPTED).split("\\|")) {
				String cleaned = Cells.clean(answer);
				if (!cleaned.isEmpty()) {
					accepted.add(cleaned);
				}
			}
			return accepted;
		}

		private @Nullable Double number(Column column) {
			if (text(column).isEmpty()) {
				return null;
			}
			Optional<Double> number = Cells.number(cell(column));
			if (number.isEmpty()) {
				issue(column, "import.cell.not-a-number", text(column));
			}
			return number.orElse(null);
		}

		private int timeLimit() {
			if (text(Column.TIME_LIMIT).isEmpty()) {
				return Column.DEFAULT_TIME_LIMIT;
			}
			OptionalInt seconds = Cells.integer(cell(Column.TIME_LIMIT));
			if (seconds.isEmpty()) {
				issue(Column.TIME_LIMIT, "import.cell.not-an-integer", text(Column.TIME_LIMIT));
			}
			return seconds.orElse(Column.DEFAULT_TIME_LIMIT);
		}

		private int difficulty() {
			String text = text(Column.DIFFICULTY);
			if (text.isEmpty()) {
				return options.defaultDifficulty();
			}
			OptionalInt number = Cells.integer(cell(Column.DIFFICULTY));
			if (number.isPresent()) {
				return number.getAsInt();
			}
			Optional<Integer> label = Labels.difficulty(text);
			if (label.isEmpty()) {
				issue(Column.DIFFICULTY, "import.cell.unknown-value", text);
			}
			return label.orElse(options.defaultDifficulty());
		}

		private <T> Optional<T> choice(Column column, java.util.function.Function<String, Optional<T>> parser) {
			String text = text(column);
			if (text.isEmpty()) {
				return Optional.empty();
			}
			Optional<T> value = parser.apply(text);
			if (value.isEmpty()) {
				issue(column, "import.cell.unknown-value", text);
			}
			return value;
		}

		private @Nullable String columnFor(String field, int option) {
			Column column = switch (field) {
				case "text" -> Column.TEXT;
				case "explanation" -> Column.EXPLANATION;
				case "source" -> Column.SOURCE;
				case "imageUrl" -> Column.IMAGE_URL;
				case "timeLimitSeconds" -> Column.TIME_LIMIT;
				case "difficulty" -> Column.DIFFICULTY;
				case "tags" -> Column.TAGS;
				case "options" -> Column.option(Math.max(option, 0));
				case "correct" -> Column.CORRECT;
				case "accepted" -> Column.ACCEPTED;
				case "value" -> Column.VALUE;
				case "tolerance" -> Column.TOLERANCE;
				default -> null;
			};
			return column == null ? null : heading(column);
		}

		private void issue(Column column, String code, Object... args) {
			issues.add(ImportIssue.of(row.number(), heading(column), code, args));
		}

		private String heading(Column column) {
			String heading = headings.get(column);
			return heading != null ? heading : column.label(language);
		}

		private Sheet.@Nullable Cell cell(Column column) {
			Integer index = columns.get(column);
			return index == null ? null : row.cell(index);
		}

		private String text(Column column) {
			Sheet.Cell cell = cell(column);
			return cell == null ? "" : Cells.clean(cell.text());
		}
	}

	/**
	 * The key column of each question: its external key when that names exactly one translation group
	 * among the questions, otherwise the translation group id (read back as a grouping, not a key).
	 */
	static List<String> keys(List<Question> questions) {
		Map<String, Set<String>> groupsByKey = new HashMap<>();
		for (Question question : questions) {
			if (question.externalKey() != null && !question.externalKey().isBlank()) {
				groupsByKey.computeIfAbsent(question.externalKey(), key -> new HashSet<>()).add(question.translationGroup());
			}
		}
		List<String> keys = new ArrayList<>();
		for (Question question : questions) {
			String key = question.externalKey();
			boolean usable = key != null && !key.isBlank() && groupsByKey.get(key).size() == 1
					&& !UUID.matcher(key).matches();
			keys.add(usable ? key : question.translationGroup());
		}
		return keys;
	}

	/** A question as a template row, in column order: text, numbers, or {@code null} for an empty cell. */
	static List<@Nullable Object> cells(Question question, String key, Locale locale) {
		List<@Nullable Object> cells = new ArrayList<>();
		AnswerKey answer = question.answer();
		for (Column column : Column.values()) {
			cells.add(switch (column) {
				case KEY -> key;
				case LANGUAGE -> question.language().code();
				case TYPE -> Labels.of(question.type(), locale);
				case TEXT -> question.text();
				case OPTION_1, OPTION_2, OPTION_3, OPTION_4, OPTION_5, OPTION_6 -> {
					int index = Column.OPTIONS.indexOf(column);
					yield index < question.options().size() ? question.options().get(index) : null;
				}
				case CORRECT -> answer.correct().isEmpty() ? null
						: answer.correct().stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(","));
				case ACCEPTED -> answer.accepted().isEmpty() ? null : String.join("|", answer.accepted());
				case VALUE -> answer.value();
				case TOLERANCE -> answer.tolerance();
				case EXPLANATION -> question.explanation();
				case TIME_LIMIT -> question.timeLimitSeconds();
				case POINTS -> Labels.of(question.points(), locale);
				case DIFFICULTY -> question.difficulty();
				case TOPIC -> Labels.of(question.topic(), locale);
				case TAGS -> question.tags().isEmpty() ? null : String.join(", ", question.tags());
				case IMAGE_URL -> question.imageUrl();
				case SOURCE -> question.source();
				case STATUS -> Labels.of(question.status(), locale);
			});
		}
		return cells;
	}

	/** The headings row in the given language. */
	static List<String> headings(Locale locale) {
		List<String> headings = new ArrayList<>();
		for (Column column : Column.values()) {
			headings.add(column.label(locale));
		}
		return headings;
	}
}
