package vn.quizfest.server.contest.window;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Entrants and their tokens in the database. */
@Repository
class EntrantStore {

	private static final String COLUMNS = "id, contest_id, identity_value, full_name, birth_year, gender, cccd, phone, "
			+ "email, unit_code, free_text, consent_at, registered_at, locked, erased_at";

	private final JdbcClient jdbc;

	EntrantStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new entrant; a second one with the same identity key breaks the unique constraint. */
	long create(long contestId, String identityValue, Map<String, String> values, long now, String consentHash) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO contest_entrant (contest_id, identity_value, full_name, birth_year, gender, cccd, phone, "
				+ "email, unit_code, free_text, consent_at, consent_hash, registered_at, registered_day) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(contestId, identityValue, values.get(EntrantForm.FULL_NAME), birthYear(values),
					values.get(EntrantForm.GENDER), values.get(EntrantForm.CCCD), values.get(EntrantForm.PHONE),
					values.get(EntrantForm.EMAIL), values.get(EntrantForm.UNIT_CODE), values.get(EntrantForm.FREE_TEXT),
					now, consentHash, now, ContestTime.day(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Changes the details while the entrant has no attempt; false once locked. */
	boolean updateUnlocked(long entrantId, Map<String, String> values, long now, String consentHash) {
		return jdbc.sql("UPDATE contest_entrant SET full_name = ?, birth_year = ?, gender = ?, cccd = ?, phone = ?, "
				+ "email = ?, unit_code = ?, free_text = ?, consent_at = ?, consent_hash = ? WHERE id = ? AND locked = FALSE")
			.params(values.get(EntrantForm.FULL_NAME), birthYear(values), values.get(EntrantForm.GENDER),
					values.get(EntrantForm.CCCD), values.get(EntrantForm.PHONE), values.get(EntrantForm.EMAIL),
					values.get(EntrantForm.UNIT_CODE), values.get(EntrantForm.FREE_TEXT), now, consentHash, entrantId)
			.update() == 1;
	}

	void lock(long entrantId) {
		jdbc.sql("UPDATE contest_entrant SET locked = TRUE WHERE id = ? AND locked = FALSE").param(entrantId).update();
	}

	Optional<Entrant> byIdentity(long contestId, String identityValue) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contest_entrant WHERE contest_id = ? AND identity_value = ?")
			.params(contestId, identityValue)
			.query(EntrantStore::entrant)
			.optional();
	}

	Optional<Entrant> byId(long entrantId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contest_entrant WHERE id = ?")
			.param(entrantId)
			.query(EntrantStore::entrant)
			.optional();
	}

	void addToken(long entrantId, String tokenHash, long now) {
		jdbc.sql("INSERT INTO contest_entrant_token (token_hash, entrant_id, created_at) VALUES (?, ?, ?)")
			.params(tokenHash, entrantId, now)
			.update();
	}

	/** The entrant holding a token, in one query. */
	Optional<Entrant> byToken(String tokenHash) {
		return jdbc.sql("SELECT e.id, e.contest_id, e.identity_value, e.full_name, e.birth_year, e.gender, e.cccd, e.phone, "
				+ "e.email, e.unit_code, e.free_text, e.consent_at, e.registered_at, e.locked, e.erased_at "
				+ "FROM contest_entrant_token t JOIN contest_entrant e ON e.id = t.entrant_id WHERE t.token_hash = ?")
			.param(tokenHash)
			.query(EntrantStore::entrant)
			.optional();
	}

	/** A page of entrants, newest first, optionally of one unit or matching a name or the last digits of a key. */
	List<Entrant> page(long contestId, @Nullable String unit, @Nullable String query, int page, int size) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM contest_entrant WHERE contest_id = :contest");
		var spec = new java.util.HashMap<String, Object>();
		spec.put("contest", contestId);
		if (unit != null) {
			sql.append(" AND unit_code = :unit");
			spec.put("unit", unit);
		}
		if (query != null) {
			sql.append(" AND (full_name LIKE :q OR identity_value LIKE :tail)");
			spec.put("q", "%" + query.replace("%", "") + "%");
			spec.put("tail", "%" + query.replace("%", ""));
		}
		sql.append(" ORDER BY id DESC LIMIT :size OFFSET :offset");
		spec.put("size", size);
		spec.put("offset", (long) page * size);
		return jdbc.sql(sql.toString()).params(spec).query(EntrantStore::entrant).list();
	}

	long count(long contestId, @Nullable String unit) {
		return unit == null
				? jdbc.sql("SELECT COUNT(*) FROM contest_entrant WHERE contest_id = ?").param(contestId).query(Long.class).single()
				: jdbc.sql("SELECT COUNT(*) FROM contest_entrant WHERE contest_id = ? AND unit_code = ?")
					.params(contestId, unit)
					.query(Long.class)
					.single();
	}

	static Entrant entrant(ResultSet rs, int row) throws SQLException {
		Long birthYear = ContestStore.nullableLong(rs, "birth_year");
		return new Entrant(rs.getLong("id"), rs.getLong("contest_id"), rs.getString("identity_value"),
				rs.getString("full_name"), birthYear == null ? null : birthYear.intValue(), rs.getString("gender"),
				rs.getString("cccd"), rs.getString("phone"), rs.getString("email"), rs.getString("unit_code"),
				rs.getString("free_text"), rs.getLong("consent_at"), rs.getLong("registered_at"),
				rs.getBoolean("locked"), ContestStore.nullableLong(rs, "erased_at"));
	}

	private static @Nullable Integer birthYear(Map<String, String> values) {
		String year = values.get(EntrantForm.BIRTH_YEAR);
		return year == null ? null : Integer.valueOf(year);
	}
}
