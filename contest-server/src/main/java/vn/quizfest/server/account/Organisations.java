package vn.quizfest.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Organisations {

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(String name, OrganisationKind kind, @Nullable Long parentId) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO organisation (name, kind, parent_id) VALUES (?, ?, ?)")
			.params(name, kind.name(), parentId)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Organisation> findById(long id) {
		return jdbc.sql("SELECT * FROM organisation WHERE id = ?").param(id).query(Organisations::map).optional();
	}

	List<Organisation> findAll() {
		return jdbc.sql("SELECT * FROM organisation ORDER BY name, id").query(Organisations::map).list();
	}

	private static Organisation map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new Organisation(rs.getLong("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
				parentId, rs.getTimestamp("created_at").toInstant());
	}
}
