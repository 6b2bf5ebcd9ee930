package vn.quizfest.server.results;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import vn.quizfest.server.results.ResultRecord.AnswerScored;
import vn.quizfest.server.results.ResultRecord.FinalStanding;
import vn.quizfest.server.results.ResultRecord.FinalUnit;
import vn.quizfest.server.results.ResultRecord.FloorFate;
import vn.quizfest.server.results.ResultRecord.FloorFates;
import vn.quizfest.server.results.ResultRecord.GameFinished;
import vn.quizfest.server.results.ResultRecord.PlayerJoined;
import vn.quizfest.server.results.ResultRecord.PlayerKicked;
import vn.quizfest.server.results.ResultRecord.QuestionSkipped;
import vn.quizfest.server.results.ResultRecord.StageScores;
import vn.quizfest.server.results.ResultRecord.StageSeat;
import vn.quizfest.server.results.ResultRecord.StatusChanged;

/**
 * The SQL of each kind of result record, written as JDBC batches. Every statement is idempotent, so a
 * batch that is retried, or replayed after a crash, leaves the same rows. {@code ON DUPLICATE KEY
 * UPDATE ... VALUES(col)} is the one upsert MySQL 8, MariaDB and H2 (MySQL mode) all accept.
 */
final class ResultStatements {

	/** Kinds in the order a batch writes them: a player's row before that player's answers and standing. */
	enum Kind {

		STATUS_CHANGED("status_changed"), PLAYER_JOINED("player_joined"), PLAYER_KICKED("player_kicked"),
		QUESTION_SKIPPED("question_skipped"), ANSWER_SCORED("answer_scored"), GAME_FINISHED("game_finished"),

		FLOOR_FATES("floor_fates"),

		STAGE_SCORES("stage_scores");

		final String tag;

		Kind(String tag) {
			this.tag = tag;
		}

		static Kind of(ResultRecord record) {
			if (record instanceof StatusChanged) {
				return STATUS_CHANGED;
			}
			if (record instanceof PlayerJoined) {
				return PLAYER_JOINED;
			}
			if (record instanceof PlayerKicked) {
				return PLAYER_KICKED;
			}
			if (record instanceof QuestionSkipped) {
				return QUESTION_SKIPPED;
			}
			if (record instanceof AnswerScored) {
				return ANSWER_SCORED;
			}
			if (record instanceof FloorFates) {
				return FLOOR_FATES;
			}
			if (record instanceof StageScores) {
				return STAGE_SCORES;
			}
			return GAME_FINISHED;
		}
	}

	/*
	 * Only a game that has not ended changes status; RUNNING and ENDED set their time once. MySQL
	 * evaluates SET assignments left to right with the new values, H2 with the old ones: no assignment
	 * reads a column assigned before it, so both agree.
	 */
	static final String STATUS = "UPDATE game SET status = CASE WHEN ended_at IS NULL THEN ? ELSE status END, "
			+ "started_at = CASE WHEN ended_at IS NULL THEN COALESCE(started_at, " + DatabaseTime.PARAMETER
			+ ") ELSE started_at END, ended_at = COALESCE(ended_at, " + DatabaseTime.PARAMETER + ") WHERE id = ?";

	static final String PLAYER_COUNT = "UPDATE game SET player_count = "
			+ "(SELECT COUNT(*) FROM game_player WHERE game_id = ? AND kicked = FALSE) WHERE id = ?";

	static final String JOIN = "INSERT INTO game_player (game_id, player_number, nickname, joined_at, unit_id, "
			+ "unit_name) VALUES ";

	static final String JOIN_ROW = "(?, ?, ?, ?, ?, ?)";

	static final String JOIN_UPSERT = " ON DUPLICATE KEY UPDATE nickname = VALUES(nickname), joined_at = VALUES(joined_at), "
			+ "unit_id = VALUES(unit_id), unit_name = VALUES(unit_name)";

	static final String UNIT_RESULT = "INSERT INTO game_unit_result (game_id, unit_id, unit_name, unit_rank, position, "
			+ "score, members, survivors, golden_bell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
			+ "unit_name = VALUES(unit_name), unit_rank = VALUES(unit_rank), position = VALUES(position), "
			+ "score = VALUES(score), members = VALUES(members), survivors = VALUES(survivors), "
			+ "golden_bell = VALUES(golden_bell)";

	static final String KICK = "UPDATE game_player SET kicked = TRUE WHERE game_id = ? AND player_number = ?";

	static final String SKIP = "UPDATE game_question SET skipped = TRUE WHERE game_id = ? AND position = ?";

	static final String ANSWER = "INSERT INTO game_answer (game_id, position, player_number, answer_json, correct, "
			+ "credit, points, streak, response_ms, received_at) VALUES ";

	static final String ANSWER_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String ANSWER_UPSERT = " ON DUPLICATE KEY UPDATE answer_json = VALUES(answer_json), "
			+ "correct = VALUES(correct), credit = VALUES(credit), points = VALUES(points), streak = VALUES(streak), "
			+ "response_ms = VALUES(response_ms), received_at = VALUES(received_at)";

	/**
	 * Rows per multi-row INSERT. The bulk of a game (joins, answers) then takes one round trip per
	 * hundred rows, whatever the driver's batch settings (mysql-connector-j sends a plain JDBC batch one
	 * statement at a time unless {@code rewriteBatchedStatements} is set). 100 answers stay far below
	 * {@code max_allowed_packet}.
	 */
	static final int ROWS_PER_INSERT = 100;

	static final String STANDING = "UPDATE game_player SET final_score = ?, final_rank = ?, correct_count = ?, "
			+ "correct_ms = ? WHERE game_id = ? AND player_number = ?";

	static final String FLOOR_FATE = "UPDATE game_player SET badge = ?, badge_name = ?, fell_at = ?, rescues = ?, "
			+ "golden_bell = ? WHERE game_id = ? AND player_number = ?";

	static final String STAGE_CLEAR = "DELETE FROM game_contestant WHERE game_id = ?";

	static final String STAGE = "INSERT INTO game_contestant (game_id, player_number, seat, stage_rank, score, "
			+ "warmup_points, acceleration_points, finish_points, presses, right_answers, wrong_answers, steals, "
			+ "steals_right, star_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
			+ "seat = VALUES(seat), stage_rank = VALUES(stage_rank), score = VALUES(score), "
			+ "warmup_points = VALUES(warmup_points), acceleration_points = VALUES(acceleration_points), "
			+ "finish_points = VALUES(finish_points), presses = VALUES(presses), right_answers = VALUES(right_answers), "
			+ "wrong_answers = VALUES(wrong_answers), steals = VALUES(steals), steals_right = VALUES(steals_right), "
			+ "star_at = VALUES(star_at)";

	private ResultStatements() {
	}

	/** How many records of each kind a batch holds, for metrics and logs. */
	static Map<Kind, Integer> count(List<? extends ResultRecord> records) {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		for (ResultRecord record : records) {
			counts.merge(Kind.of(record), 1, Integer::sum);
		}
		return counts;
	}

	/** Writes the records; the caller holds the transaction. Within a kind, records keep their order. */
	static void write(JdbcTemplate jdbc, List<? extends ResultRecord> records) {
		List<StatusChanged> statuses = new ArrayList<>();
		List<PlayerJoined> joins = new ArrayList<>();
		List<PlayerKicked> kicks = new ArrayList<>();
		List<QuestionSkipped> skips = new ArrayList<>();
		List<AnswerScored> answers = new ArrayList<>();
		List<GameFinished> finishes = new ArrayList<>();
		List<FateOf> fates = new ArrayList<>();
		// Buzzer rounds: a game's latest stage replaces its earlier ones (a seat taken back leaves no row).
		Map<String, StageScores> stages = new java.util.LinkedHashMap<>();
		Set<String> playerCountsToRefresh = new LinkedHashSet<>();
		for (ResultRecord record : records) {
			if (record instanceof StatusChanged status) {
				statuses.add(status);
			}
			else if (record instanceof PlayerJoined join) {
				joins.add(join);
				playerCountsToRefresh.add(join.gameId());
			}
			else if (record instanceof PlayerKicked kick) {
				kicks.add(kick);
				playerCountsToRefresh.add(kick.gameId());
			}
			else if (record instanceof QuestionSkipped skip) {
				skips.add(skip);
			}
			else if (record instanceof AnswerScored answer) {
				answers.add(answer);
			}
			else if (record instanceof GameFinished finish) {
				finishes.add(finish);
				playerCountsToRefresh.add(finish.gameId());
			}
			else if (record instanceof FloorFates floor) {
				floor.fates().forEach(fate -> fates.add(new FateOf(floor.gameId(), fate)));
			}
			else if (record instanceof StageScores scores) {
				stages.remove(scores.gameId());
				stages.put(scores.gameId(), scores);
			}
		}
		batch(jdbc, STATUS, statuses, (ps, status) -> bindStatus(ps, status.gameId(), status.status(), status.at()));
		insert(jdbc, JOIN, JOIN_ROW, JOIN_UPSERT, joins, 6, (ps, at, join) -> {
			ps.setString(at + 1, join.gameId());
			ps.setInt(at + 2, join.player());
			ps.setString(at + 3, join.nickname());
			ps.setString(at + 4, DatabaseTime.text(join.joinedAt()));
			ps.setString(at + 5, join.unitId());
			ps.setString(at + 6, join.unitName());
		});
		batch(jdbc, KICK, kicks, (ps, kick) -> {
			ps.setString(1, kick.gameId());
			ps.setInt(2, kick.player());
		});
		batch(jdbc, SKIP, skips, (ps, skip) -> {
			ps.setString(1, skip.gameId());
			ps.setInt(2, skip.position());
		});
		insert(jdbc, ANSWER, ANSWER_ROW, ANSWER_UPSERT, answers, 10, (ps, at, answer) -> {
			ps.setString(at + 1, answer.gameId());
			ps.setInt(at + 2, answer.position());
			ps.setInt(at + 3, answer.player());
			ps.setString(at + 4, answer.answerJson());
			ps.setBoolean(at + 5, answer.correct());
			ps.setDouble(at + 6, answer.credit());
			ps.setInt(at + 7, answer.points());
			ps.setInt(at + 8, answer.streak());
			ps.setLong(at + 9, answer.responseMillis());
			ps.setString(at + 10, DatabaseTime.text(answer.receivedAt()));
		});
		if (!finishes.isEmpty()) {
			batch(jdbc, STATUS, finishes,
					(ps, finish) -> bindStatus(ps, finish.gameId(), StatusChanged.ENDED, finish.endedAt()));
			List<StandingOf> standings = new ArrayList<>();
			for (GameFinished finish : finishes) {
				for (FinalStanding standing : finish.standings()) {
					standings.add(new StandingOf(finish.gameId(), standing));
				}
			}
			batch(jdbc, STANDING, standings, (ps, row) -> {
				ps.setLong(1, row.standing().score());
				ps.setInt(2, row.standing().rank());
				ps.setInt(3, row.standing().correctCount());
				ps.setLong(4, row.standing().correctMillis());
				ps.setString(5, row.gameId());
				ps.setInt(6, row.standing().player());
			});
			// Team play by unit: the units' final standings.
			List<UnitOf> units = new ArrayList<>();
			for (GameFinished finish : finishes) {
				for (FinalUnit unit : finish.units()) {
					units.add(new UnitOf(finish.gameId(), unit));
				}
			}
			batch(jdbc, UNIT_RESULT, units, (ps, row) -> {
				ps.setString(1, row.gameId());
				ps.setString(2, row.unit().unitId());
				ps.setString(3, row.unit().unitName());
				if (row.unit().rank() == null) {
					ps.setNull(4, Types.INTEGER);
				}
				else {
					ps.setInt(4, row.unit().rank());
				}
				ps.setInt(5, row.unit().position());
				ps.setDouble(6, row.unit().score());
				ps.setInt(7, row.unit().members());
				// Rung chuông vàng by unit: where the unit ended on the floor (NULL in other formats).
				if (row.unit().survivors() == null) {
					ps.setNull(8, Types.INTEGER);
				}
				else {
					ps.setInt(8, row.unit().survivors());
				}
				if (row.unit().goldenBell() == null) {
					ps.setNull(9, Types.BOOLEAN);
				}
				else {
					ps.setBoolean(9, row.unit().goldenBell());
				}
			});
		}
		batch(jdbc, FLOOR_FATE, fates, (ps, row) -> {
			ps.setString(1, row.fate().badge());
			ps.setString(2, row.fate().name());
			if (row.fate().fellAt() >= 0) {
				ps.setInt(3, row.fate().fellAt());
			}
			else {
				ps.setNull(3, java.sql.Types.INTEGER);
			}
			ps.setInt(4, row.fate().rescues());
			ps.setBoolean(5, row.fate().goldenBell());
			ps.setString(6, row.gameId());
			ps.setInt(7, row.fate().player());
		});
		List<SeatOf> stage = new ArrayList<>();
		for (StageScores scores : stages.values()) {
			scores.contestants().forEach(seat -> stage.add(new SeatOf(scores.gameId(), seat)));
		}
		batch(jdbc, STAGE_CLEAR, new ArrayList<>(stages.keySet()), (ps, gameId) -> ps.setString(1, gameId));
		batch(jdbc, STAGE, stage, (ps, row) -> {
			StageSeat seat = row.seat();
			ps.setString(1, row.gameId());
			ps.setInt(2, seat.player());
			setIntOrNull(ps, 3, seat.seat());
			ps.setInt(4, seat.rank());
			ps.setLong(5, seat.score());
			ps.setLong(6, seat.warmup());
			ps.setLong(7, seat.acceleration());
			ps.setLong(8, seat.finish());
			ps.setInt(9, seat.presses());
			ps.setInt(10, seat.right());
			ps.setInt(11, seat.wrong());
			ps.setInt(12, seat.steals());
			ps.setInt(13, seat.stealsRight());
			setIntOrNull(ps, 14, seat.starAt());
		});
		batch(jdbc, PLAYER_COUNT, new ArrayList<>(playerCountsToRefresh), (ps, gameId) -> {
			ps.setString(1, gameId);
			ps.setString(2, gameId);
		});
	}

	/** Binds the parameters of {@link #STATUS}. */
	static void bindStatus(PreparedStatement ps, String gameId, String status, long at) throws SQLException {
		ps.setString(1, status);
		setTimeOrNull(ps, 2, StatusChanged.RUNNING.equals(status) ? at : null);
		setTimeOrNull(ps, 3, StatusChanged.ENDED.equals(status) ? at : null);
		ps.setString(4, gameId);
	}

	private static void setIntOrNull(PreparedStatement ps, int index, @Nullable Integer value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.INTEGER);
		}
		else {
			ps.setInt(index, value);
		}
	}

	private static void setTimeOrNull(PreparedStatement ps, int index, @Nullable Long at) throws SQLException {
		if (at == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, DatabaseTime.text(at));
		}
	}

	private static <T> void batch(JdbcTemplate jdbc, String sql, List<T> rows,
			ParameterizedPreparedStatementSetter<T> setter) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(sql, rows, rows.size(), setter);
		}
	}

	/** Binds one row of a multi-row INSERT; {@code at} is the index of the parameter before the row's first. */
	private interface RowBinder<T> {

		void bind(PreparedStatement ps, int at, T row) throws SQLException;
	}

	/**
	 * Upserts the rows with multi-row INSERT statements of {@link #ROWS_PER_INSERT} rows, sent as one
	 * JDBC batch, and one shorter statement for the rest. Rows keep their order.
	 */
	private static <T> void insert(JdbcTemplate jdbc, String head, String row, String upsert, List<T> rows, int columns,
			RowBinder<T> binder) {
		int full = rows.size() - rows.size() % ROWS_PER_INSERT;
		if (full > 0) {
			List<List<T>> chunks = new ArrayList<>();
			for (int from = 0; from < full; from += ROWS_PER_INSERT) {
				chunks.add(rows.subList(from, from + ROWS_PER_INSERT));
			}
			batch(jdbc, multiRow(head, row, upsert, ROWS_PER_INSERT), chunks,
					(ps, chunk) -> bindRows(ps, chunk, columns, binder));
		}
		if (full < rows.size()) {
			List<T> rest = rows.subList(full, rows.size());
			jdbc.update(multiRow(head, row, upsert, rest.size()), ps -> bindRows(ps, rest, columns, binder));
		}
	}

	private static String multiRow(String head, String row, String upsert, int count) {
		StringBuilder sql = new StringBuilder(head.length() + upsert.length() + count * (row.length() + 2)).append(head);
		for (int i = 0; i < count; i++) {
			sql.append(i == 0 ? "" : ", ").append(row);
		}
		return sql.append(upsert).toString();
	}

	private static <T> void bindRows(PreparedStatement ps, List<T> rows, int columns, RowBinder<T> binder)
			throws SQLException {
		for (int i = 0; i < rows.size(); i++) {
			binder.bind(ps, i * columns, rows.get(i));
		}
	}

	private record StandingOf(String gameId, FinalStanding standing) {
	}

	private record UnitOf(String gameId, FinalUnit unit) {
	}

	private record FateOf(String gameId, FloorFate fate) {
	}

	private record SeatOf(String gameId, StageSeat seat) {
	}
}
