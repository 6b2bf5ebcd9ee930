package vn.quizfest.questionbank.transfer;

import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/**
 * The JSON file: every field of every question except its id and bank, inside a versioned envelope
 * {@code {"format": "quizfest-questions", "version": 1, "questions": [...]}}. Answer keys are as in
 * {@link AnswerKey}: option indexes from 0. Questions sharing a {@code translationGroup} in the file
 * are language versions of one question and stay grouped on import (under a new group id).
 */
final class JsonQuestions {

	static final String FORMAT = "quizfest-questions";

	static final int VERSION = 1;

	private static final Question PLACEHOLDER = new Question(null, 0, "", Language.VI, QuestionType.POLL, "",
			List.of(), AnswerKey.options(List.of()), null, Column.DEFAULT_TIME_LIMIT, Points.STANDARD, 1,
			Topic.BASIC_SKILLS, List.of(), null, null, QuestionStatus.DRAFT, null, null, null, null, 0);

	// Our own mapper: the file format must not change with the application's Jackson settings.
	private final JsonMapper mapper = JsonMapper.builder().build();

	record Envelope(String format, int version, List<Entry> questions) {
	}

	record Entry(String translationGroup, String language, QuestionType type, String text, List<String> options,
			AnswerKey answer, @Nullable String explanation, int timeLimitSeconds, Points points, int difficulty,
			Topic topic, List<String> tags, @Nullable String imageUrl, @Nullable String source, QuestionStatus status,
			@Nullable String author, @Nullable String externalKey, @Nullable Instant createdAt,
			@Nullable Instant updatedAt) {

		static Entry of(Question q) {
			return new Entry(q.translationGroup(), q.language().code(), q.type(), q.text(), q.options(), q.answer(),
					q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), q.tags(), q.imageUrl(),
					q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt());
		}
	}

	void write(List<Question> questions, OutputStream out) {
		mapper.writerWithDefaultPrettyPrinter()
			.writeValue(out, new Envelope(FORMAT, VERSION, questions.stream().map(Entry::of).toList()));
	}

	Parsed read(byte[] bytes, ImportOptions options) {
		JsonNode root;
		try {
			root = mapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			throw ImportFailure.of("import.json.invalid", location == null ? 0 : location.getLineNr(),
					location == null ? 0 : location.getColumnNr());
		}
		if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(null))) {
			throw ImportFailure.of("import.json.wrong-format");
		}
		JsonNode version = root.path("version");
		if (!version.isIntegralNumber()) {
			throw ImportFailure.of("import.json.wrong-format");
		}
		if (!version.canConvertToInt() || version.intValue() != VERSION) {
			throw ImportFailure.of("import.json.unsupported-version", version.asString(), VERSION);
		}
		JsonNode entries = root.path("questions");
		if (!entries.isArray()) {
			throw ImportFailure.of("import.json.wrong-format");
		}
		if (entries.isEmpty()) {
			throw ImportFailure.of("import.file.no-rows");
		}
		if (entries.size() > Limits.MAX_ROWS) {
			throw ImportFailure.of("import.file.too-many-rows", Limits.MAX_ROWS);
		}
		List<Candidate> candidates = new ArrayList<>();
		int row = 0;
		for (JsonNode entry : entries.values()) {
			row++;
			candidates.add(entry.isObject() ? new EntryReader(entry, row, options).read()
					: new Candidate(row, null, PLACEHOLDER, null, null,
							List.of(ImportIssue.of(row, null, "import.json.not-an-object"))));
		}
		return new Parsed(candidates);
	}

	/** One question object into a candidate, naming fields as they are spelt in the file. */
	private static final class EntryReader {

		private final JsonNode node;

		private final int row;

		private final ImportOptions options;

		private final List<ImportIssue> issues = new ArrayList<>();

		EntryReader(JsonNode node, int row, ImportOptions options) {
			this.node = node;
			this.row = row;
			this.options = options;
		}

		Candidate read() {
			Language language = choice("language", Labels::language).orElse(options.defaultLanguage());
			Optional<QuestionType> type = choice("type", text -> Labels.parse(QuestionType.class, text));
			if (absent("type")) {
				issues.add(ImportIssue.of(row, "type", "import.cell.required"));
			}
			String externalKey = string("externalKey");
			if (externalKey != null && externalKey.length() > Limits.MAX_KEY) {
				issues.add(ImportIssue.of(row, "externalKey", "import.key.too-long", Limits.MAX_KEY));
			}
			String text = string("text");
			String author = string("author");
			Question question = new Question(null, 0, "", language, type.orElse(QuestionType.SINGLE_CHOICE),
					text == null ? "" : text, strings(node.path("options"), "options"), answer(),
					string("explanation"), integer("timeLimitSeconds", Column.DEFAULT_TIME_LIMIT),
					choice("points", value -> Labels.parse(Points.class, value)).orElse(Points.STANDARD),
					integer("difficulty", options.defaultDifficulty()),
					choice("topic", value -> Labels.parse(Topic.class, value)).orElse(options.defaultTopic()),
					Cells.distinct(strings(node.path("tags"), "tags")), string("imageUrl"), string("source"),
					choice("status", value -> Labels.parse(QuestionStatus.class, value)).orElse(QuestionStatus.DRAFT),
					author != null ? author : options.author(), externalKey, null, null, 0);
			issues.addAll(RowValidation.check(question, type.isPresent(), row,
					(field, option) -> switch (field) {
						case "correct", "accepted", "value", "tolerance" -> "answer." + field;
						default -> field;
					}));
			return new Candidate(row, string("translationGroup"), question, "text", "translationGroup", issues);
		}

		private AnswerKey answer() {
			JsonNode answer = node.path("answer");
			List<Integer> correct = new ArrayList<>();
			for (JsonNode index : answer.path("correct").values()) {
				if (index.isIntegralNumber() && index.canConvertToInt()) {
					correct.add(index.intValue());
				}
				else {
					issues.add(ImportIssue.of(row, "answer.correct", "import.cell.not-an-integer", index.toString()));
				}
			}
			return new AnswerKey(correct, strings(answer.path("accepted"), "answer.accepted"),
					number(answer.path("value"), "answer.value"), number(answer.path("tolerance"), "answer.tolerance"));
		}

		private @Nullable Double number(JsonNode value, String field) {
			if (value.isMissingNode() || value.isNull()) {
				return null;
			}
			if (!value.isNumber()) {
				issues.add(ImportIssue.of(row, field, "import.cell.not-a-number", value.asString()));
				return null;
			}
			return value.doubleValue();
		}

		private int integer(String field, int fallback) {
			JsonNode value = node.path(field);
			if (value.isMissingNode() || value.isNull()) {
				return fallback;
			}
			if (!value.isIntegralNumber() || !value.canConvertToInt()) {
				issues.add(ImportIssue.of(row, field, "import.cell.not-an-integer", value.asString()));
				return fallback;
			}
			return value.intValue();
		}

		private List<String> strings(JsonNode array, String field) {
			List<String> strings = new ArrayList<>();
			if (array.isMissingNode() || array.isNull()) {
				return strings;
			}
			if (!array.isArray()) {
				issues.add(ImportIssue.of(row, field, "import.cell.unknown-value", array.toString()));
				return strings;
			}
			for (JsonNode value : array.values()) {
				strings.add(value.isNull() ? "" : nfc(value.asString()));
			}
			return strings;
		}

		private <T> Optional<T> choice(String field, Function<String, Optional<T>> parser) {
			String text = string(field);
			if (text == null || text.isBlank()) {
				return Optional.empty();
			}
			Optional<T> value = parser.apply(text);
			if (value.isEmpty()) {
				issues.add(ImportIssue.of(row, field, "import.cell.unknown-value", text));
			}
			return value;
		}

		private boolean absent(String field) {
			JsonNode value = node.path(field);
			return value.isMissingNode() || value.isNull() || (value.isString() && value.stringValue().isBlank());
		}

		private @Nullable String string(String field) {
			JsonNode value = node.path(field);
			if (value.isMissingNode() || value.isNull()) {
				return null;
			}
			if (value.isContainer()) {
				issues.add(ImportIssue.of(row, field, "import.cell.unknown-value", value.toString()));
				return null;
			}
			return nfc(value.asString());
		}

		private static String nfc(String text) {
			return Normalizer.normalize(text, Normalizer.Form.NFC);
		}
	}
}
