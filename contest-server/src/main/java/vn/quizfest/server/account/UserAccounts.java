package vn.quizfest.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Organiser accounts. Usernames are kept in lower case. */
@Repository
class UserAccounts {

	/** An account with what login needs to know. */
	record Credentials(UserAccount account, String passwordHash, long securityStamp) {
	}

	/** An account as a session checks it on every request. */
	record Current(UserAccount account, long securityStamp) {
	}

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String canonical(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	long create(String username, String displayName, String passwordHash, Role role, @Nullable Long organisationId) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO app_user (username, display_name, password_hash, role, organisation_id)
				VALUES (?, ?, ?, ?, ?)""")
			.params(canonical(username), displayName, passwordHash, role.name(), organisationId)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Credentials> findCredentials(String username) {
		return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
			.param(canonical(username))
			.query((rs, row) -> new Credentials(map(rs, row), rs.getString("password_hash"), rs.getLong("security_stamp")))
			.optional();
	}

	Optional<UserAccount> findById(long id) {
		return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(UserAccounts::map).optional();
	}

	Optional<Current> findCurrent(long id) {
		return jdbc.sql("SELECT * FROM app_user WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Current(map(rs, row), rs.getLong("security_stamp")))
			.optional();
	}

	List<UserAccount> findAll() {
		return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserAccounts::map).list();
	}

	/**
	 * Disabling the account or changing its role moves its security stamp on, which ends every session
	 * made before. The stamp is assigned first: MySQL evaluates assignments left to right, so it still
	 * compares with the old role and flag there as on H2.
	 */
	void update(long id, String displayName, Role role, @Nullable Long organisationId, boolean enabled) {
		jdbc.sql("""
				UPDATE app_user SET
				  security_stamp = security_stamp + CASE WHEN role <> ? OR (enabled AND NOT ?) THEN 1 ELSE 0 END,
				  display_name = ?, role = ?, organisation_id = ?, enabled = ?, updated_at = CURRENT_TIMESTAMP(3)
				WHERE id = ?""")
			.params(role.name(), enabled, displayName, role.name(), organisationId, enabled, id)
			.update();
	}

	/** A new password ends every session made before; returns the new security stamp. */
	long changePassword(long id, String passwordHash) {
		jdbc.sql("""
				UPDATE app_user SET security_stamp = security_stamp + 1, password_hash = ?,
				  updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?""")
			.params(passwordHash, id)
			.update();
		return jdbc.sql("SELECT security_stamp FROM app_user WHERE id = ?").param(id).query(Long.class).single();
	}

	/** The same password, hashed with the current encoder: sessions stay. */
	void upgradeHash(long id, String oldHash, String newHash) {
		jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ? AND password_hash = ?")
			.params(newHash, id, oldHash)
			.update();
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		long organisation = rs.getLong("organisation_id");
		Long organisationId = rs.wasNull() ? null : organisation;
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), organisationId, rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}
}
