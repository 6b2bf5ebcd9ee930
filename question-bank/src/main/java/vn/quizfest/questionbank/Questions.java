package vn.quizfest.questionbank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores and reads questions. Options and answer keys are kept as JSON text columns. Every write
 * goes through {@link QuestionValidator}; updates are guarded by {@code row_version}.
 */
public class Questions {

	/** The largest page {@link #search} returns, whatever the caller asks for. */
	public static final int MAX_PAGE_SIZE = 100;

	/** Words of a text search beyond this many are ignored. */
	static final int MAX_SEARCH_WORDS = 8;

	/** Ids per IN list, well under every database's limit on parameters. */
	private static final int CHUNK = 500;

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

	public long countInBank(long bankId, Language language) {
		return jdbc.sql("SELECT COUNT(*) FROM question WHERE bank_id = ? AND lang = ?")
			.params(bankId, language.code())
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts a new question with its tags; returns the generated id.
	 * @throws InvalidQuestionException when the question breaks a rule of {@link QuestionValidator}
	 */
	public long add(Question question) {
		requireValid(question);
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
		insertTags(id, question.tags());
		return id;
	}

	/**
	 * Replaces every field of the stored question {@code question.id()} (except its creation time and
	 * author) when it is still at {@code question.version()}; returns the stored result.
	 * @throws InvalidQuestionException when the question breaks a rule of {@link QuestionValidator}
	 * @throws StaleVersionException when someone changed or deleted it since that version was read
	 */
	public Question update(Question question) {
		if (question.id() == null) {
			throw new IllegalArgumentException("A question needs its id to be updated");
		}
		requireValid(question);
		long id = question.id();
		int changed = jdbc.sql("""
				UPDATE question SET bank_id = ?, translation_group = ?, lang = ?, question_type = ?, question_text = ?,
				  normalized_text = ?, options_json = ?, answer_json = ?, explanation = ?, time_limit_seconds = ?,
				  points = ?, difficulty = ?, topic = ?, image_url = ?, source = ?, status = ?, external_key = ?,
				  updated_at = CURRENT_TIMESTAMP(3), row_version = row_version + 1
				WHERE id = ? AND row_version = ?""")
			.params(question.bankId(), question.translationGroup(), question.language().code(), question.type().name(),
					question.text(), TextNormalizer.fold(question.text()), json.writeValueAsString(question.options()),
					json.writeValueAsString(question.answer()), question.explanation(), question.timeLimitSeconds(),
					question.points().name(), question.difficulty(), question.topic().name(), question.imageUrl(),
					question.source(), question.status().name(), question.externalKey(), id, question.version())
			.update();
		if (changed == 0) {
			throw new StaleVersionException("question", id, question.version());
		}
		jdbc.sql("DELETE FROM question_tag WHERE question_id = ?").param(id).update();
		insertTags(id, question.tags());
		return findById(id).orElseThrow(() -> new StaleVersionException("question", id, question.version()));
	}

	/**
	 * Moves a question to another editorial state, when it is still at {@code expectedVersion} (or
	 * whatever its version when that is null).
	 * @throws StaleVersionException when someone changed or deleted it since that version was read
	 */
	public Question changeStatus(long id, QuestionStatus status, @Nullable Integer expectedVersion) {
		int changed = expectedVersion == null
				? jdbc.sql("""
						UPDATE question SET status = ?, updated_at = CURRENT_TIMESTAMP(3), row_version = row_version + 1
						WHERE id = ?""").params(status.name(), id).update()
				: jdbc.sql("""
						UPDATE question SET status = ?, updated_at = CURRENT_TIMESTAMP(3), row_version = row_version + 1
						WHERE id = ? AND row_version = ?""").params(status.name(), id, expectedVersion).update();
		int version = expectedVersion == null ? -1 : expectedVersion;
		if (changed == 0) {
			throw new StaleVersionException("question", id, version);
		}
		return findById(id).orElseThrow(() -> new StaleVersionException("question", id, version));
	}

	/**
	 * Deletes a question and its tags; false when there was none.
	 * @throws QuestionInUseException while a quiz lists it
	 */
	public boolean delete(long id) {
		List<Long> quizzes = jdbc.sql("SELECT DISTINCT quiz_id FROM quiz_question WHERE question_id = ? ORDER BY quiz_id")
			.param(id)
			.query(Long.class)
			.list();
		if (!quizzes.isEmpty()) {
			throw new QuestionInUseException(quizzes);
		}
		jdbc.sql("DELETE FROM question_tag WHERE question_id = ?").param(id).update();
		return jdbc.sql("DELETE FROM question WHERE id = ?").param(id).update() > 0;
	}

	public Optional<Question> findById(long id) {
		return withTags(jdbc.sql("SELECT * FROM question WHERE id = ?").param(id).query(this::map).list()).stream()
			.findFirst();
	}

	/** The stored questions among {@code ids}, in id order; ids that do not exist are left out. */
	public List<Question> findByIds(Collection<Long> ids) {
		List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
		List<Question> found = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += CHUNK) {
			List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
			found.addAll(jdbc.sql("SELECT * FROM question WHERE id IN (:ids)").param("ids", chunk).query(this::map).list());
		}
		found.sort((a, b) -> Long.compare(id(a), id(b)));
		return withTags(found);
	}

	/** The questions of a bank in one language, in insertion order. */
	public List<Question> findByBank(long bankId, Language language) {
		return withTags(jdbc.sql("SELECT * FROM question WHERE bank_id = ? AND lang = ? ORDER BY id")
			.params(bankId, language.code())
			.query(this::map)
			.list());
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

	/** Every question of a bank in every language, in insertion order: what an export writes. */
	public List<Question> findByBank(long bankId) {
		return withTags(jdbc.sql("SELECT * FROM question WHERE bank_id = ? ORDER BY id").param(bankId).query(this::map).list());
	}

	/** Every language version of one question, Vietnamese first. */
	public List<Question> findByTranslationGroup(String translationGroup) {
		List<Question> versions = new ArrayList<>(withTags(jdbc.sql("SELECT * FROM question WHERE translation_group = ? ORDER BY id")
			.param(translationGroup)
			.query(this::map)
			.list()));
		versions.sort((a, b) -> a.language().compareTo(b.language()));
		return versions;
	}

	/** The published questions of the given banks in one language, in id order: what a draw picks from. */
	public List<Question> findPublished(Collection<Long> bankIds, Language language) {
		if (bankIds.isEmpty()) {
			return List.of();
		}
		return withTags(jdbc.sql("""
				SELECT * FROM question WHERE bank_id IN (:banks) AND lang = :lang AND status = :status ORDER BY id""")
			.param("banks", List.copyOf(bankIds))
			.param("lang", language.code())
			.param("status", QuestionStatus.PUBLISHED.name())
			.query(this::map)
			.list());
	}

	/**
	 * One page of the questions that match {@code query}, in id order (stable across pages).
	 * {@code page} counts from 0; {@code size} is capped at {@link #MAX_PAGE_SIZE}.
	 */
	public Page<Question> search(QuestionQuery query, int page, int size) {
		int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
		int pageNumber = Math.max(0, page);
		if (query.bankIds().isEmpty()) {
			return new Page<>(List.of(), 0, pageNumber, pageSize);
		}
		StringBuilder where = new StringBuilder(" FROM question q WHERE q.bank_id IN (:banks)");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("banks", List.copyOf(query.bankIds()));
		List<String> words = query.words(MAX_SEARCH_WORDS);
		for (int i = 0; i < words.size(); i++) {
			// '!' as the escape character reads the same on MySQL, MariaDB and H2 (a backslash does not).
			where.append(" AND q.normalized_text LIKE :w").append(i).append(" ESCAPE '!'");
			params.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
		}
		if (query.topic() != null) {
			where.append(" AND q.topic = :topic");
			params.put("topic", query.topic().name());
		}
		if (query.difficulty() != null) {
			where.append(" AND q.difficulty = :difficulty");
			params.put("difficulty", query.difficulty());
		}
		if (query.status() != null) {
			where.append(" AND q.status = :status");
			params.put("status", query.status().name());
		}
		if (query.language() != null) {
			where.append(" AND q.lang = :lang");
			params.put("lang", query.language().code());
		}
		if (query.tag() != null && !query.tag().isBlank()) {
			where.append(" AND EXISTS (SELECT 1 FROM question_tag t WHERE t.question_id = q.id AND t.tag = :tag)");
			params.put("tag", query.tag().trim());
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		long offset = (long) pageNumber * pageSize;
		if (offset >= total) {
			return new Page<>(List.of(), total, pageNumber, pageSize);
		}
		params.put("limit", pageSize);
		params.put("offset", offset);
		List<Question> items = jdbc.sql("SELECT q.*" + where + " ORDER BY q.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::map)
			.list();
		return new Page<>(withTags(items), total, pageNumber, pageSize);
	}

	private static void requireValid(Question question) {
		var violations = QuestionValidator.validate(question);
		if (!violations.isEmpty()) {
			throw new InvalidQuestionException(violations);
		}
	}

	private void insertTags(long id, List<String> tags) {
		// MySQL's default collation ignores case and accents, so "OTP" and "otp" would collide in the key.
		Map<String, String> distinct = new LinkedHashMap<>();
		for (String tag : tags) {
			distinct.putIfAbsent(TextNormalizer.fold(tag), tag.trim());
		}
		for (String tag : distinct.values()) {
			jdbc.sql("INSERT INTO question_tag (question_id, tag) VALUES (?, ?)").params(id, tag).update();
		}
	}

	/** Fills in the tags of all the given questions with one query per chunk instead of one per question. */
	private List<Question> withTags(List<Question> questions) {
		if (questions.isEmpty()) {
			return questions;
		}
		Map<Long, List<String>> tags = new HashMap<>();
		List<Long> ids = questions.stream().map(Questions::id).toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("SELECT question_id, tag FROM question_tag WHERE question_id IN (:ids) ORDER BY question_id, tag")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.query(rs -> {
					tags.computeIfAbsent(rs.getLong("question_id"), key -> new ArrayList<>()).add(rs.getString("tag"));
				});
		}
		return questions.stream().map(q -> withTags(q, tags.getOrDefault(id(q), List.of()))).toList();
	}

	private static Question withTags(Question q, List<String> tags) {
		return new Question(q.id(), q.bankId(), q.translationGroup(), q.language(), q.type(), q.text(), q.options(),
				q.answer(), q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), tags,
				q.imageUrl(), q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt(),
				q.version());
	}

	private static long id(Question question) {
		Long id = question.id();
		if (id == null) {
			throw new IllegalStateException("A stored question has an id");
		}
		return id;
	}

	static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/** One row without its tags; {@link #withTags(List)} adds them for a whole list at once. */
	private Question map(ResultSet rs, int row) throws SQLException {
		return new Question(rs.getLong("id"), rs.getLong("bank_id"), rs.getString("translation_group"),
				Language.fromCode(rs.getString("lang")), QuestionType.valueOf(rs.getString("question_type")),
				rs.getString("question_text"), json.readValue(rs.getString("options_json"), STRING_LIST),
				json.readValue(rs.getString("answer_json"), AnswerKey.class), rs.getString("explanation"),
				rs.getInt("time_limit_seconds"), Points.valueOf(rs.getString("points")), rs.getInt("difficulty"),
				Topic.valueOf(rs.getString("topic")), List.of(), rs.getString("image_url"), rs.getString("source"),
				QuestionStatus.valueOf(rs.getString("status")), rs.getString("author"), rs.getString("external_key"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("row_version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}
}
