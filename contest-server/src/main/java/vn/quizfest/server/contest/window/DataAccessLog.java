package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.quizfest.server.account.OrganiserPrincipal;

/** Every export and verification view of entrants' personal data: who, when, what, how many rows. */
@Repository
class DataAccessLog {

	record Access(String at, String user, String what, int rows) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	DataAccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(long contestId, OrganiserPrincipal who, String what, int rows) {
		jdbc.sql("INSERT INTO contest_data_access (contest_id, user_id, username, at_ms, what, row_count) VALUES (?, ?, ?, ?, ?, ?)")
			.params(contestId, who.id(), who.username(), clock.millis(), what, rows)
			.update();
	}

	/** Newest first. */
	List<Access> list(long contestId) {
		return jdbc.sql("SELECT at_ms, username, what, row_count FROM contest_data_access WHERE contest_id = ? "
				+ "ORDER BY at_ms DESC, id DESC LIMIT 1000")
			.param(contestId)
			.query((rs, n) -> new Access(ContestTime.iso(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}
}
