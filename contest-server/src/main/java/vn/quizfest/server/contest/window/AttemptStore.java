package vn.quizfest.server.contest.window;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Attempts and their saved answers in the database. */
@Repository
class AttemptStore {

	private static final String COLUMNS = "id, round_id, entrant_id, policy_slot, seed, state, started_at, deadline, "
			+ "unit_code, submitted_at, auto_submitted, score, max_score, correct_count, question_count, time_used_ms, prediction";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile @Nullable Integer fetchSize;

	private volatile @Nullable Boolean oneStatementSaves;

	AttemptStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Inserts an attempt; a second one in the same policy slot breaks the unique constraint. */
	long create(long roundId, long entrantId, String slot, long seed, long startedAt, long deadline,
			@Nullable String unitCode, int questionCount) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO contest_attempt (round_id, entrant_id, policy_slot, seed, state, started_at, started_day, "
				+ "deadline, unit_code, question_count) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?)")
			.params(roundId, entrantId, slot, seed, startedAt, ContestTime.day(startedAt), deadline, unitCode,
					questionCount)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Attempt> byId(long attemptId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contest_attempt WHERE id = ?")
			.param(attemptId)
			.query(AttemptStore::attempt)
			.optional();
	}

	/** The attempt with its row locked until the transaction ends: saving and submitting take turns. */
	Optional<Attempt> lock(long attemptId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contest_attempt WHERE id = ? FOR UPDATE")
			.param(attemptId)
			.query(AttemptStore::attempt)
			.optional();
	}

	List<Attempt> ofEntrant(long entrantId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contest_attempt WHERE entrant_id = ? ORDER BY id")
			.param(entrantId)
			.query(AttemptStore::attempt)
			.list();
	}

	/**
	 * Saves (or replaces) the answer of one question; returns the time stored. The caller holds the
	 * attempt's row lock and says whether an answer is already stored: an UPDATE of a missing row
	 * would take a gap lock on MySQL/MariaDB, and the INSERTs of two attempts next to each other then
	 * deadlock (found by the load simulator's contest mode: 34 of 1,000 saves failed).
	 */
	long saveAnswer(long attemptId, int position, String answerJson, long now, boolean replace) {
		if (replace) {
			jdbc.sql("UPDATE contest_answer SET answer_json = ?, saved_at = ? WHERE attempt_id = ? AND position = ?")
				.params(answerJson, now, attemptId, position)
				.update();
		}
		else {
			jdbc.sql("INSERT INTO contest_answer (attempt_id, position, answer_json, saved_at) VALUES (?, ?, ?, ?)")
				.params(attemptId, position, answerJson, now)
				.update();
		}
		return now;
	}

	record SavedAnswer(int position, String answerJson, long savedAt) {
	}

	/**
	 * Whether answers are saved in one guarded statement ({@link #saveIfOpen}): on MySQL/MariaDB. H2
	 * (the embedded shape) takes the attempt's row lock in a transaction instead: its INSERT ... SELECT
	 * neither locks the row it reads nor takes ON DUPLICATE KEY UPDATE from a query.
	 */
	boolean savesInOneStatement() {
		Boolean known = oneStatementSaves;
		if (known == null) {
			known = Databases.connectorJ(dataSource);
			oneStatementSaves = known;
		}
		return known;
	}

	/** What {@link #saveIfOpen} did: 0 rows when nothing was written, else the time the answer is stored with. */
	record Guarded(int rows, long savedAt) {
	}

	/**
	 * Saves (or replaces) one answer in one statement, only while the attempt is the entrant's, in
	 * progress and before its deadline by {@code now}: the SELECT locks the attempt's row like
	 * {@link #lock} (a submission holding it first makes this find the attempt submitted; one holding
	 * it after sees this answer), and the same answer again keeps its first time. That time comes
	 * back as the statement's insert id ({@code LAST_INSERT_ID(expr)}): none for a new answer (stored
	 * at {@code now}), the stored time for the same answer, {@code now} for a changed one. One round
	 * trip, no transaction to open and close, instead of six statements.
	 */
	Guarded saveIfOpen(long attemptId, long entrantId, int position, String answerJson, long now) {
		var keys = new GeneratedKeyHolder();
		int rows = jdbc.sql("INSERT INTO contest_answer (attempt_id, position, answer_json, saved_at) "
				+ "SELECT id, ?, ?, ? FROM contest_attempt WHERE id = ? AND entrant_id = ? AND state = 'IN_PROGRESS' "
				+ "AND deadline > ? FOR UPDATE ON DUPLICATE KEY UPDATE saved_at = LAST_INSERT_ID(IF(answer_json = "
				+ "VALUES(answer_json), saved_at, VALUES(saved_at))), answer_json = VALUES(answer_json)")
			.params(position, answerJson, now, attemptId, entrantId, now)
			.update(keys);
		List<Map<String, Object>> found = keys.getKeyList();
		long savedAt = now;
		if (rows > 0 && !found.isEmpty()) {
			Object first = found.get(0).values().stream().findFirst().orElse(null);
			if (first instanceof Number number && number.longValue() > 0) {
				savedAt = number.longValue();
			}
		}
		return new Guarded(rows, savedAt);
	}

	/** The saved answers by question index. */
	Map<Integer, SavedAnswer> answers(long attemptId) {
		Map<Integer, SavedAnswer> answers = new TreeMap<>();
		jdbc.sql("SELECT position, answer_json, saved_at FROM contest_answer WHERE attempt_id = ?")
			.param(attemptId)
			.query(rs -> {
				answers.put(rs.getInt(1), new SavedAnswer(rs.getInt(1), rs.getString(2), rs.getLong(3)));
			});
		return answers;
	}

	Optional<SavedAnswer> answer(long attemptId, int position) {
		return jdbc.sql("SELECT position, answer_json, saved_at FROM contest_answer WHERE attempt_id = ? AND position = ?")
			.params(attemptId, position)
			.query((rs, n) -> new SavedAnswer(rs.getInt(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	/** Saves the prediction while the attempt is the entrant's, in progress and before its deadline; the rows changed. */
	int savePredictionIfOpen(long attemptId, long entrantId, long value, long now) {
		return jdbc.sql("UPDATE contest_attempt SET prediction = ? WHERE id = ? AND entrant_id = ? AND state = 'IN_PROGRESS' "
				+ "AND deadline > ?")
			.params(value, attemptId, entrantId, now)
			.update();
	}

	void savePrediction(long attemptId, long value) {
		jdbc.sql("UPDATE contest_attempt SET prediction = ? WHERE id = ?").params(value, attemptId).update();
	}

	/** Stores the result of an attempt that is still in progress; false when it was submitted already. */
	boolean submit(long attemptId, long submittedAt, boolean auto, int score, int maxScore, int correctCount,
			long timeUsedMs) {
		return jdbc.sql("UPDATE contest_attempt SET state = 'SUBMITTED', submitted_at = ?, auto_submitted = ?, score = ?, "
				+ "max_score = ?, correct_count = ?, time_used_ms = ? WHERE id = ? AND state = 'IN_PROGRESS'")
			.params(submittedAt, auto, score, maxScore, correctCount, timeUsedMs, attemptId)
			.update() == 1;
	}

	/** Attempts still in progress whose deadline has passed, oldest first. */
	List<Long> overdue(long now, int limit) {
		return jdbc.sql("SELECT id FROM contest_attempt WHERE state = 'IN_PROGRESS' AND deadline <= ? ORDER BY deadline LIMIT ?")
			.params(now, limit)
			.query(Long.class)
			.list();
	}

	List<Long> inProgress(long roundId, int limit) {
		return jdbc.sql("SELECT id FROM contest_attempt WHERE round_id = ? AND state = 'IN_PROGRESS' LIMIT ?")
			.params(roundId, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Streams the submitted attempts of a round, row by row, from a forward-only result set: on
	 * MySQL/MariaDB the driver otherwise holds all of a 500,000-attempt round in memory before the
	 * first row (well over 100 MB of byte arrays), which a close pays for in collections.
	 */
	void submitted(long roundId, Consumer<CountedAttempts.Submitted> sink) {
		jdbc.sql("SELECT id, entrant_id, unit_code, score, correct_count, question_count, time_used_ms, submitted_at, "
				+ "prediction FROM contest_attempt WHERE round_id = ? AND state = 'SUBMITTED'")
			.withFetchSize(streamingFetchSize())
			.param(roundId)
			.query(rs -> {
				long prediction = rs.getLong(9);
				sink.accept(new CountedAttempts.Submitted(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
						rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.wasNull() ? null : prediction));
			});
	}

	/** Connector/J streams a forward-only result set row by row only at this fetch size; H2 refuses it. */
	private int streamingFetchSize() {
		Integer size = fetchSize;
		if (size == null) {
			size = Databases.connectorJ(dataSource) ? Integer.MIN_VALUE : 1000;
			fetchSize = size;
		}
		return size;
	}

	static Attempt attempt(ResultSet rs, int row) throws SQLException {
		Long score = ContestStore.nullableLong(rs, "score");
		Long maxScore = ContestStore.nullableLong(rs, "max_score");
		Long correct = ContestStore.nullableLong(rs, "correct_count");
		return new Attempt(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("entrant_id"), rs.getString("policy_slot"),
				rs.getLong("seed"), Attempt.State.valueOf(rs.getString("state")), rs.getLong("started_at"),
				rs.getLong("deadline"), rs.getString("unit_code"), ContestStore.nullableLong(rs, "submitted_at"),
				rs.getBoolean("auto_submitted"), score == null ? null : score.intValue(),
				maxScore == null ? null : maxScore.intValue(), correct == null ? null : correct.intValue(),
				rs.getInt("question_count"), ContestStore.nullableLong(rs, "time_used_ms"),
				ContestStore.nullableLong(rs, "prediction"));
	}
}
