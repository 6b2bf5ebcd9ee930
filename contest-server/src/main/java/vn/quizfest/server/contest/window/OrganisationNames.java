package vn.quizfest.server.contest.window;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The name of a contest's organisation, as the entrant page shows it. */
@Component
class OrganisationNames {

	private final JdbcClient jdbc;

	OrganisationNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String name(long organisationId) {
		return jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(organisationId).query(String.class).optional().orElse("");
	}

	boolean exists(long organisationId) {
		return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE id = ?").param(organisationId).query(Long.class).single() > 0;
	}
}
