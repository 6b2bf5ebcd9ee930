package vn.quizfest.server.contest.window;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A closed round's ranking and unit standings, with the entrants' details joined in. */
@Repository
class ResultStore {

	record ResultRow(int position, int rank, long attemptId, Entrant entrant, int score, int correctCount, long timeUsedMs,
			long submittedAt, @Nullable Long prediction, @Nullable Long predictionDistance, @Nullable Integer prizeIndex) {
	}

	record UnitResultRow(String code, long entrants, double participationRate, long prizePoints, double points, int rank) {
	}

	private static final String SELECT = "SELECT r.position, r.result_rank, r.attempt_id, r.score, r.correct_count, "
			+ "r.time_used_ms, r.submitted_at, r.prediction, r.prediction_distance, r.prize_index, e.id, e.contest_id, "
			+ "e.identity_value, e.full_name, e.birth_year, e.gender, e.cccd, e.phone, e.email, e.unit_code, e.free_text, "
			+ "e.consent_at, e.registered_at, e.locked, e.erased_at FROM contest_result r "
			+ "JOIN contest_entrant e ON e.id = r.entrant_id ";

	private final JdbcClient jdbc;

	ResultStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the ranking, found by position (keyset), never by OFFSET, so page 5,000 is as quick as
	 * page 0: the close writes positions 0, 1, 2... without gaps, so page {@code p} of the whole ranking
	 * starts at position {@code p * size}. Within a unit the positions have gaps: {@code after} (the
	 * position of the last row shown) continues from there; without it a unit's page is counted off.
	 */
	List<ResultRow> page(long roundId, @Nullable String unit, int page, int size, @Nullable Integer after) {
		if (unit == null) {
			long from = after != null ? after + 1L : (long) page * size;
			return jdbc.sql(SELECT + "WHERE r.round_id = ? AND r.position >= ? ORDER BY r.position LIMIT ?")
				.params(roundId, from, size)
				.query(ResultStore::row)
				.list();
		}
		if (after != null) {
			return jdbc.sql(SELECT + "WHERE r.round_id = ? AND r.unit_code = ? AND r.position > ? ORDER BY r.position LIMIT ?")
				.params(roundId, unit, after, size)
				.query(ResultStore::row)
				.list();
		}
		// A unit's own rows through ix_result_unit (round, unit, position): a unit is a small part of a round.
		return jdbc.sql(SELECT + "WHERE r.round_id = ? AND r.unit_code = ? ORDER BY r.position LIMIT ? OFFSET ?")
			.params(roundId, unit, size, (long) page * size)
			.query(ResultStore::row)
			.list();
	}

	long count(long roundId, @Nullable String unit) {
		return unit == null
				? jdbc.sql("SELECT COUNT(*) FROM contest_result WHERE round_id = ?").param(roundId).query(Long.class).single()
				: jdbc.sql("SELECT COUNT(*) FROM contest_result WHERE round_id = ? AND unit_code = ?")
					.params(roundId, unit)
					.query(Long.class)
					.single();
	}

	List<ResultRow> winners(long roundId) {
		return jdbc.sql(SELECT + "WHERE r.round_id = ? AND r.prize_index IS NOT NULL ORDER BY r.position")
			.param(roundId)
			.query(ResultStore::row)
			.list();
	}

	/** Every ranked entrant of a closed round, in ranking order, row by row. */
	void eachResult(long roundId, java.util.function.Consumer<ResultRow> sink) {
		jdbc.sql(SELECT + "WHERE r.round_id = ? ORDER BY r.position").param(roundId).query(rs -> {
			sink.accept(row(rs, 0));
		});
	}

	/** An attempt of a round that is still open, with its entrant. */
	record AttemptRow(Attempt attempt, Entrant entrant) {
	}

	/** Every attempt of a round, by start, row by row. */
	void eachAttempt(long roundId, java.util.function.Consumer<AttemptRow> sink) {
		jdbc.sql("SELECT a.id, a.round_id, a.entrant_id, a.policy_slot, a.seed, a.state, a.started_at, a.deadline, a.unit_code, "
				+ "a.submitted_at, a.auto_submitted, a.score, a.max_score, a.correct_count, a.question_count, a.time_used_ms, "
				+ "a.prediction, e.id, e.contest_id, e.identity_value, e.full_name, e.birth_year, e.gender, e.cccd, e.phone, "
				+ "e.email, e.unit_code, e.free_text, e.consent_at, e.registered_at, e.locked, e.erased_at "
				+ "FROM contest_attempt a JOIN contest_entrant e ON e.id = a.entrant_id WHERE a.round_id = ? ORDER BY a.id")
			.param(roundId)
			.query(rs -> {
				Attempt attempt = new Attempt(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
						Attempt.State.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getString(9),
						rs.getObject(10, Long.class), rs.getBoolean(11), rs.getObject(12, Integer.class),
						rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getInt(15),
						rs.getObject(16, Long.class), rs.getObject(17, Long.class));
				Entrant entrant = new Entrant(rs.getLong(18), rs.getLong(19), rs.getString(20), rs.getString(21),
						rs.getObject(22, Integer.class), rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26),
						rs.getString(27), rs.getString(28), rs.getLong(29), rs.getLong(30), rs.getBoolean(31),
						rs.getObject(32, Long.class));
				sink.accept(new AttemptRow(attempt, entrant));
			});
	}

	List<UnitResultRow> units(long roundId) {
		return jdbc.sql("SELECT code, entrants, participation_rate, prize_points, points, unit_rank FROM contest_unit_result "
				+ "WHERE round_id = ?")
			.param(roundId)
			.query((rs, n) -> new UnitResultRow(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4),
					rs.getDouble(5), rs.getInt(6)))
			.list();
	}

	private static ResultRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Entrant entrant = new Entrant(rs.getLong(11), rs.getLong(12), rs.getString(13), rs.getString(14),
				rs.getObject(15, Integer.class), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
				rs.getString(20), rs.getString(21), rs.getLong(22), rs.getLong(23), rs.getBoolean(24),
				rs.getObject(25, Long.class));
		return new ResultRow(rs.getInt(1), rs.getInt(2), rs.getLong(3), entrant, rs.getInt(4), rs.getInt(5), rs.getLong(6),
				rs.getLong(7), rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getObject(10, Integer.class));
	}
}
