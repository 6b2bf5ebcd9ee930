package vn.quizfest.questionbank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Stores quizzes and their question lists. Changes are guarded by {@code row_version}; call the
 * writing methods in a transaction, since a quiz and its list change together.
 */
public class Quizzes {

	private final JdbcClient jdbc;

	private final Questions questions;

	public Quizzes(JdbcClient jdbc, Questions questions) {
		this.jdbc = jdbc;
		this.questions = questions;
	}

	/** Longest settings text a quiz keeps (the column's size). */
	public static final int MAX_SETTINGS_JSON = 2000;

	/** Creates a quiz without game settings, with its questions in the given order; returns its id. */
	public long create(@Nullable Long ownerOrganisationId, String title, @Nullable String description, Language language,
			@Nullable Long createdBy, List<Long> questionIds) {
		return create(ownerOrganisationId, title, description, language, createdBy, questionIds, null);
	}

	/**
	 * Creates a quiz with its questions in the given order and its game settings (opaque JSON of at
	 * most {@value #MAX_SETTINGS_JSON} characters, or null); returns its id.
	 */
	public long create(@Nullable Long ownerOrganisationId, String title, @Nullable String description, Language language,
			@Nullable Long createdBy, List<Long> questionIds, @Nullable String settingsJson) {
		checkSettings(settingsJson);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quiz (owner_organisation_id, title, description, lang, created_by, settings_json)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(ownerOrganisationId, title, description, language.code(), createdBy, settingsJson)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		insertQuestions(id, questionIds);
		return id;
	}

	/**
	 * Sets the title and description.
	 * @throws StaleVersionException when the quiz is no longer at {@code expectedVersion}
	 */
	public void rename(long id, String title, @Nullable String description, int expectedVersion) {
		int changed = jdbc.sql("""
				UPDATE quiz SET title = ?, description = ?, updated_at = CURRENT_TIMESTAMP(3), row_version = row_version + 1
				WHERE id = ? AND row_version = ?""").params(title, description, id, expectedVersion).update();
		if (changed == 0) {
			throw new StaleVersionException("quiz", id, expectedVersion);
		}
	}

	/**
	 * Replaces the whole question list.
	 * @throws StaleVersionException when the quiz is no longer at {@code expectedVersion}
	 */
	public void replaceQuestions(long id, List<Long> questionIds, int expectedVersion) {
		int changed = jdbc.sql("""
				UPDATE quiz SET updated_at = CURRENT_TIMESTAMP(3), row_version = row_version + 1
				WHERE id = ? AND row_version = ?""").params(id, expectedVersion).update();
		if (changed == 0) {
			throw new StaleVersionException("quiz", id, expectedVersion);
		}
		jdbc.sql("DELETE FROM quiz_question WHERE quiz_id = ?").param(id).update();
		insertQuestions(id, questionIds);
	}

	/**
	 * Title, description, game settings (opaque JSON or null) and question list in one step, one
	 * version check and one new version.
	 * @throws StaleVersionException when the quiz is no longer at {@code expectedVersion}
	 */
	public void update(long id, String title, @Nullable String description, @Nullable String settingsJson,
			List<Long> questionIds, int expectedVersion) {
		checkSettings(settingsJson);
		int changed = jdbc.sql("""
				UPDATE quiz SET title = ?, description = ?, settings_json = ?, updated_at = CURRENT_TIMESTAMP(3),
				  row_version = row_version + 1
				WHERE id = ? AND row_version = ?""")
			.params(title, description, settingsJson, id, expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleVersionException("quiz", id, expectedVersion);
		}
		jdbc.sql("DELETE FROM quiz_question WHERE quiz_id = ?").param(id).update();
		insertQuestions(id, questionIds);
	}

	public Optional<Quiz> findById(long id) {
		return jdbc.sql("SELECT * FROM quiz WHERE id = ?")
			.param(id)
			.query(Row::of)
			.optional()
			.map(row -> row.quiz(questionIds(id)));
	}

	/** Every quiz, newest first. */
	public List<Quiz> findAll() {
		return withQuestionIds(jdbc.sql("SELECT * FROM quiz ORDER BY id DESC").query(Row::of).list());
	}

	/** The quizzes of one organisation (the administrators' own for no organisation), newest first. */
	public List<Quiz> findByOwner(@Nullable Long organisationId) {
		var rows = organisationId == null
				? jdbc.sql("SELECT * FROM quiz WHERE owner_organisation_id IS NULL ORDER BY id DESC").query(Row::of).list()
				: jdbc.sql("SELECT * FROM quiz WHERE owner_organisation_id = ? ORDER BY id DESC")
					.param(organisationId)
					.query(Row::of)
					.list();
		return withQuestionIds(rows);
	}

	/** Deletes a quiz and its question list; false when there was none. */
	public boolean delete(long id) {
		jdbc.sql("DELETE FROM quiz_question WHERE quiz_id = ?").param(id).update();
		return jdbc.sql("DELETE FROM quiz WHERE id = ?").param(id).update() > 0;
	}

	/**
	 * The full questions of a quiz in playing order, as they are now; a game takes this list as its
	 * snapshot. Empty when there is no such quiz.
	 */
	public List<Question> quizQuestions(long quizId) {
		List<Long> ids = questionIds(quizId);
		Map<Long, Question> byId = questions.findByIds(ids)
			.stream()
			.collect(Collectors.toMap(Question::id, Function.identity()));
		// The foreign key keeps every listed question in place, so each id is found.
		return ids.stream().map(byId::get).toList();
	}

	private static void checkSettings(@Nullable String settingsJson) {
		if (settingsJson != null && settingsJson.length() > MAX_SETTINGS_JSON) {
			throw new IllegalArgumentException("settingsJson is longer than " + MAX_SETTINGS_JSON + " characters");
		}
	}

	private List<Long> questionIds(long quizId) {
		return jdbc.sql("SELECT question_id FROM quiz_question WHERE quiz_id = ? ORDER BY position")
			.param(quizId)
			.query(Long.class)
			.list();
	}

	private void insertQuestions(long quizId, List<Long> questionIds) {
		for (int position = 0; position < questionIds.size(); position++) {
			jdbc.sql("INSERT INTO quiz_question (quiz_id, position, question_id) VALUES (?, ?, ?)")
				.params(quizId, position, questionIds.get(position))
				.update();
		}
	}

	/** Question lists for many quizzes with one query. */
	private List<Quiz> withQuestionIds(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> lists = new HashMap<>();
		jdbc.sql("SELECT quiz_id, question_id FROM quiz_question WHERE quiz_id IN (:ids) ORDER BY quiz_id, position")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(rs -> {
				lists.computeIfAbsent(rs.getLong("quiz_id"), key -> new ArrayList<>()).add(rs.getLong("question_id"));
			});
		return rows.stream().map(row -> row.quiz(lists.getOrDefault(row.id(), List.of()))).toList();
	}

	/** A quiz row before its question list is attached. */
	private record Row(long id, @Nullable Long owner, String title, @Nullable String description, Language language,
			@Nullable Long createdBy, Instant createdAt, Instant updatedAt, int version, @Nullable String settingsJson) {

		static Row of(ResultSet rs, int row) throws SQLException {
			long owner = rs.getLong("owner_organisation_id");
			Long ownerId = rs.wasNull() ? null : owner;
			long creator = rs.getLong("created_by");
			Long createdBy = rs.wasNull() ? null : creator;
			return new Row(rs.getLong("id"), ownerId, rs.getString("title"), rs.getString("description"),
					Language.fromCode(rs.getString("lang")), createdBy, rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant(), rs.getInt("row_version"), rs.getString("settings_json"));
		}

		Quiz quiz(List<Long> questionIds) {
			return new Quiz(id, owner, title, description, language, createdBy, createdAt, updatedAt, version, questionIds,
					settingsJson);
		}
	}
}
