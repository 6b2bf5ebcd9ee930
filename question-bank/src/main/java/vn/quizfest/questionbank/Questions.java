package vn.quizfest.questionbank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores and reads questions. Options and answer keys are kept as JSON text columns. */
public class Questions {

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Questions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM question").query(Long.class).single();
	}

	public long countInBank(long bankId) {
		return jdbc.sql("SELECT COUNT(*) FROM question WHERE bank_id = ?").param(bankId).query(Long.class).single();
	}

	/** Inserts a new question with its tags; returns the generated id. */
	public long add(Question question) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO question (bank_id, translation_group, lang, question_type, question_text, normalized_text,
				  options_json, answer_json, explanation, time_limit_seconds, points, difficulty, topic, image_url,
				  source, status, author, external_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(question.bankId(), question.translationGroup(), question.language().code(), question.type().name(),
					question.text(), TextNormalizer.fold(question.text()), json.writeValueAsString(question.options()),
					json.writeValueAsString(question.answer()), question.explanation(), question.timeLimitSeconds(),
					question.points().name(), question.difficulty(), question.topic().name(), question.imageUrl(),
					question.source(), question.status().name(), question.author(), question.externalKey())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (String tag : question.tags()) {
			jdbc.sql("INSERT INTO question_tag (question_id, tag) VALUES (?, ?)").params(id, tag).update();
		}
		return id;
	}

	public Optional<Question> findById(long id) {
		return jdbc.sql("SELECT * FROM question WHERE id = ?").param(id).query(this::map).optional();
	}

	/** The questions of a bank in one language, in insertion order. */
	public List<Question> findByBank(long bankId, Language language) {
		return jdbc.sql("SELECT * FROM question WHERE bank_id = ? AND lang = ? ORDER BY id")
			.params(bankId, language.code())
			.query(this::map)
			.list();
	}

	/**
	 * The folded texts ({@link TextNormalizer#fold}) of a bank's questions by language, to find
	 * duplicates before an import.
	 */
	public Map<Language, Set<String>> normalizedTexts(long bankId) {
		Map<Language, Set<String>> texts = new EnumMap<>(Language.class);
		jdbc.sql("SELECT lang, normalized_text FROM question WHERE bank_id = ?")
			.param(bankId)
			.query(rs -> {
				texts.computeIfAbsent(Language.fromCode(rs.getString(1)), language -> new HashSet<>()).add(rs.getString(2));
			});
		return texts;
	}

	private Question map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<String> tags = jdbc.sql("SELECT tag FROM question_tag WHERE question_id = ? ORDER BY tag")
			.param(id)
			.query(String.class)
			.list();
		return new Question(id, rs.getLong("bank_id"), rs.getString("translation_group"),
				Language.fromCode(rs.getString("lang")), QuestionType.valueOf(rs.getString("question_type")),
				rs.getString("question_text"), json.readValue(rs.getString("options_json"), STRING_LIST),
				json.readValue(rs.getString("answer_json"), AnswerKey.class), rs.getString("explanation"),
				rs.getInt("time_limit_seconds"), Points.valueOf(rs.getString("points")), rs.getInt("difficulty"),
				Topic.valueOf(rs.getString("topic")), tags, rs.getString("image_url"), rs.getString("source"),
				QuestionStatus.valueOf(rs.getString("status")), rs.getString("author"), rs.getString("external_key"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("row_version"));
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}
}
