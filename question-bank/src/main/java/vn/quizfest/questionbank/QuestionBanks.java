package vn.quizfest.questionbank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Question banks: named groups of questions owned by an organisation, or shared with all. */
public class QuestionBanks {

	private static final String SELECT = """
			SELECT b.id, b.name, b.owner_organisation_id, b.shared, b.created_at,
			  (SELECT COUNT(*) FROM question q WHERE q.bank_id = b.id) AS question_count
			FROM question_bank b""";

	private final JdbcClient jdbc;

	public QuestionBanks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long create(String name, @Nullable Long ownerOrganisationId, boolean shared) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO question_bank (name, owner_organisation_id, shared) VALUES (?, ?, ?)")
			.params(name, ownerOrganisationId, shared)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<Long> findSharedByName(String name) {
		return jdbc.sql("SELECT id FROM question_bank WHERE name = ? AND shared = TRUE ORDER BY id")
			.param(name)
			.query(Long.class)
			.optional();
	}

	public Optional<QuestionBank> findById(long id) {
		return jdbc.sql(SELECT + " WHERE b.id = ?").param(id).query(QuestionBanks::map).optional();
	}

	/** Every bank, shared ones first, then by name. */
	public List<QuestionBank> findAll() {
		return jdbc.sql(SELECT + " ORDER BY b.shared DESC, b.name, b.id").query(QuestionBanks::map).list();
	}

	/** The shared banks and those the organisation owns (only the shared ones for no organisation). */
	public List<QuestionBank> findSharedOrOwnedBy(@Nullable Long organisationId) {
		return jdbc.sql(SELECT + " WHERE b.shared = TRUE OR b.owner_organisation_id = ? ORDER BY b.shared DESC, b.name, b.id")
			.param(organisationId)
			.query(QuestionBanks::map)
			.list();
	}

	/** Renames a bank and sets whether it is shared; false when there is no such bank. */
	public boolean update(long id, String name, boolean shared) {
		return jdbc.sql("UPDATE question_bank SET name = ?, shared = ? WHERE id = ?").params(name, shared, id).update() > 0;
	}

	/**
	 * Deletes a bank with all its questions; false when there was none. Call it in a transaction.
	 * @throws QuestionInUseException while a quiz lists one of its questions
	 */
	public boolean delete(long id) {
		List<Long> quizzes = jdbc.sql("""
				SELECT DISTINCT qq.quiz_id FROM quiz_question qq JOIN question q ON q.id = qq.question_id
				WHERE q.bank_id = ? ORDER BY qq.quiz_id""").param(id).query(Long.class).list();
		if (!quizzes.isEmpty()) {
			throw new QuestionInUseException(quizzes);
		}
		jdbc.sql("DELETE FROM question_tag WHERE question_id IN (SELECT id FROM question WHERE bank_id = ?)")
			.param(id)
			.update();
		jdbc.sql("DELETE FROM question WHERE bank_id = ?").param(id).update();
		return jdbc.sql("DELETE FROM question_bank WHERE id = ?").param(id).update() > 0;
	}

	private static QuestionBank map(ResultSet rs, int row) throws SQLException {
		long owner = rs.getLong("owner_organisation_id");
		Long ownerId = rs.wasNull() ? null : owner;
		return new QuestionBank(rs.getLong("id"), rs.getString("name"), ownerId, rs.getBoolean("shared"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("question_count"));
	}
}
