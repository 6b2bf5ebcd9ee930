package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the identity details of a contest's entrants who won nothing, once {@code retentionDays}
 * have passed since its last round closed. The rows stay (counts per unit and day stay true); the
 * name, year of birth, gender, CCCD, phone, email and free text go, and the identity key becomes a
 * value no real key can take. Winners keep their details for the prize records.
 */
@Service
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private static final long DAY = 24L * 3600 * 1000;

	private final JdbcClient jdbc;

	private final ContestStore contests;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final EntrantDesk desk;

	Retention(JdbcClient jdbc, ContestStore contests, TransactionTemplate transactions, Clock clock, EntrantDesk desk) {
		this.desk = desk;
		this.jdbc = jdbc;
		this.contests = contests;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Contests all of whose rounds closed more than their retention ago, and not erased yet. */
	List<Long> due() {
		long now = clock.millis();
		List<Long> due = new ArrayList<>();
		// The arithmetic is done here: days times milliseconds overflows an INT column's type in SQL.
		jdbc.sql("SELECT c.id, c.retention_days, MAX(r.state_changed_at), "
				+ "SUM(CASE WHEN r.state = 'CLOSED' THEN 0 ELSE 1 END) FROM contest c "
				+ "JOIN contest_round r ON r.contest_id = c.id WHERE c.identity_erased_at IS NULL "
				+ "GROUP BY c.id, c.retention_days")
			.query(rs -> {
				boolean allClosed = rs.getLong(4) == 0;
				if (allClosed && rs.getLong(3) + rs.getInt(2) * DAY < now) {
					due.add(rs.getLong(1));
				}
			});
		return due;
	}

	int eraseDue() {
		int erased = 0;
		for (long contestId : due()) {
			Integer done = transactions.execute(status -> erase(contestId));
			erased += done == null ? 0 : done;
			// The tokens are gone from the database: this node stops trusting the ones it had seen.
			desk.forgetTokens();
		}
		return erased;
	}

	/** Erases one contest's non-winners in the caller's transaction. */
	int erase(long contestId) {
		long now = clock.millis();
		int erased = jdbc.sql("UPDATE contest_entrant SET full_name = NULL, birth_year = NULL, gender = NULL, cccd = NULL, "
				+ "phone = NULL, email = NULL, free_text = NULL, identity_value = CONCAT('erased:', id), erased_at = ? "
				+ "WHERE contest_id = ? AND erased_at IS NULL AND id NOT IN (SELECT r.entrant_id FROM contest_result r "
				+ "JOIN contest_round cr ON cr.id = r.round_id WHERE cr.contest_id = ? AND r.prize_index IS NOT NULL)")
			.params(now, contestId, contestId)
			.update();
		jdbc.sql("DELETE FROM contest_entrant_token WHERE entrant_id IN (SELECT id FROM contest_entrant WHERE contest_id = ?)")
			.param(contestId)
			.update();
		contests.markIdentityErased(contestId, now);
		log.info("Contest {}: identity details of {} entrants erased after the retention period", contestId, erased);
		return erased;
	}
}
