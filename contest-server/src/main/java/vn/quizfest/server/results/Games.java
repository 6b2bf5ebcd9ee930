package vn.quizfest.server.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.results.GameResults.PlayerResult;
import vn.quizfest.server.results.GameResults.QuestionResult;
import vn.quizfest.server.results.ResultRecord.AnswerScored;

/**
 * Games and their results. A game and its question snapshot are written here, synchronously, when the
 * game is created; what happens during play arrives through the {@link ResultsWriter}.
 */
@Repository
public class Games {

	/** Largest page of {@link #listForOrganisation}. */
	public static final int MAX_PAGE_SIZE = 200;

	private static final Set<String> CHOICE_TYPES = Set.of(QuestionType.SINGLE_CHOICE.name(),
			QuestionType.MULTIPLE_SELECT.name(), QuestionType.TRUE_FALSE.name(), QuestionType.POLL.name());

	/** Choice questions whose answer key is a set of options (a poll has none, an ordering's is an order). */
	private static final Set<String> KEYED_CHOICE_TYPES = Set.of(QuestionType.SINGLE_CHOICE.name(),
			QuestionType.MULTIPLE_SELECT.name(), QuestionType.TRUE_FALSE.name());

	/**
	 * Buzzer rounds: a question's figures count the audience's answers, not the contestants' judgements
	 * (scored by other rules, a handful beside thousands). True for every answer of the other formats.
	 */
	private static final String AUDIENCE_ONLY = "NOT EXISTS (SELECT 1 FROM game_contestant c "
			+ "WHERE c.game_id = a.game_id AND c.player_number = a.player_number)";

	/** Answers never pick an option beyond this; guards the distribution against a corrupt answer. */
	private static final int MAX_OPTIONS = 100;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final JsonMapper json;

	Games(JdbcTemplate jdbcTemplate, TransactionOperations transactions, JsonMapper json) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = JdbcClient.create(jdbcTemplate);
		this.transactions = transactions;
		this.json = json;
	}

	/** Stores a new game and its question snapshot in one transaction. */
	public void create(GameRow row, List<SnapshotRow> questions) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO game (id, pin, title, quiz_id, owner_organisation_id, created_by, host_token_hash,
					  settings_json, language, status, question_count)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(row.id(), row.pin(), row.title(), row.quizId(), row.ownerOrganisationId(), row.createdBy(),
						row.hostTokenHash(), row.settingsJson(), row.language().code(), row.status(),
						row.questionCount())
				.update();
			if (!questions.isEmpty()) {
				jdbcTemplate.batchUpdate("""
						INSERT INTO game_question (game_id, position, question_id, question_type, snapshot_json)
						VALUES (?, ?, ?, ?, ?)""", questions, questions.size(), (ps, question) -> {
					ps.setString(1, row.id());
					ps.setInt(2, question.position());
					ps.setObject(3, question.questionId(), java.sql.Types.BIGINT);
					ps.setString(4, question.questionType());
					ps.setString(5, question.snapshotJson());
				});
			}
		});
	}

	public Optional<StoredGame> findById(String id) {
		return jdbc.sql("SELECT * FROM game WHERE id = ?").param(id).query(Games::mapGame).optional();
	}

	/** The question snapshot of a game, in play order. */
	public List<SnapshotRow> questions(String gameId) {
		return jdbc.sql("""
				SELECT position, question_id, question_type, snapshot_json FROM game_question
				WHERE game_id = ? ORDER BY position""")
			.param(gameId)
			.query((rs, row) -> new SnapshotRow(rs.getInt("position"), nullableLong(rs, "question_id"),
					rs.getString("question_type"), rs.getString("snapshot_json")))
			.list();
	}

	/**
	 * Games of one organisation, or of all organisations when {@code organisationId} is null; newest
	 * first.
	 * @param page from 0
	 * @param size 1 to {@link #MAX_PAGE_SIZE}
	 */
	public GamePage listForOrganisation(@Nullable Long organisationId, int page, int size) {
		return listForOrganisation(organisationId, page, size, false);
	}

	/**
	 * As {@link #listForOrganisation(Long, int, int)}; games an organiser hid are left out unless
	 * {@code includeHidden}.
	 */
	public GamePage listForOrganisation(@Nullable Long organisationId, int page, int size, boolean includeHidden) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_PAGE_SIZE);
		}
		List<String> conditions = new ArrayList<>();
		if (organisationId != null) {
			conditions.add("owner_organisation_id = :organisation");
		}
		if (!includeHidden) {
			conditions.add("hidden = FALSE");
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		Map<String, Object> params = new HashMap<>();
		if (organisationId != null) {
			params.put("organisation", organisationId);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM game" + where).params(params).query(Long.class).single();
		params.put("size", size);
		params.put("offset", (long) page * size);
		List<StoredGame> games = jdbc
			.sql("SELECT * FROM game" + where + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset")
			.params(params)
			.query(Games::mapGame)
			.list();
		return new GamePage(games, page, size, total);
	}

	/**
	 * Sets a game's status now, with the same rules as {@link ResultRecord.StatusChanged} (an ended game
	 * keeps its status). For changes that must be visible at once; the live game uses the writer.
	 * @return whether the game exists
	 */
	public boolean updateStatus(String gameId, String status, Instant at) {
		return jdbcTemplate.update(ResultStatements.STATUS,
				ps -> ResultStatements.bindStatus(ps, gameId, status, at.toEpochMilli())) > 0;
	}

	/**
	 * Hides a game from the console's lists, or shows it again; nothing else of it changes.
	 * @return whether the game exists
	 */
	public boolean setHidden(String gameId, boolean hidden) {
		return jdbc.sql("UPDATE game SET hidden = ? WHERE id = ?").param(hidden).param(gameId).update() > 0;
	}

	/** A game's results for organisers, or empty if there is no such game. */
	public Optional<GameResults> results(String gameId) {
		return findById(gameId).map(game -> {
			List<PlayerResult> players = players(gameId);
			return new GameResults(game, players, questionResults(gameId), units(gameId), buzzer(gameId, players));
		});
	}

	/**
	 * Buzzer rounds: the contestants' ranking from their own rows, and the audience (everyone never seated)
	 * ranked among themselves in the order of the final standings; null for a game without contestants.
	 */
	private GameResults.@Nullable BuzzerResults buzzer(String gameId, List<PlayerResult> players) {
		Map<Integer, PlayerResult> byNumber = new HashMap<>();
		players.forEach(player -> byNumber.put(player.player(), player));
		List<GameResults.ContestantResult> contestants = new ArrayList<>();
		Set<Integer> onStage = new java.util.HashSet<>();
		jdbc.sql("SELECT * FROM game_contestant WHERE game_id = ? ORDER BY stage_rank, player_number")
			.param(gameId)
			.query(rs -> {
				onStage.add(rs.getInt("player_number"));
				PlayerResult player = byNumber.get(rs.getInt("player_number"));
				if (player == null || player.kicked()) {
					return; // a kicked contestant is listed with the kicked players only
				}
				Long seat = nullableLong(rs, "seat");
				Long starAt = nullableLong(rs, "star_at");
				contestants.add(new GameResults.ContestantResult(player.player(), player.nickname(),
						seat == null ? null : seat.intValue(), contestants.size() + 1, rs.getLong("score"),
						rs.getLong("warmup_points"), rs.getLong("acceleration_points"), rs.getLong("finish_points"),
						rs.getInt("presses"), rs.getInt("right_answers"), rs.getInt("wrong_answers"),
						rs.getInt("steals"), rs.getInt("steals_right"), starAt == null ? null : starAt.intValue()));
			});
		if (onStage.isEmpty()) {
			return null;
		}
		List<PlayerResult> audience = new ArrayList<>();
		int ranked = 0;
		for (PlayerResult p : players) {
			if (onStage.contains(p.player())) {
				continue;
			}
			// The final standings have no shared places, so the audience's place is its position among them.
			Integer rank = p.rank() == null ? null : ++ranked;
			audience.add(new PlayerResult(p.player(), p.nickname(), p.kicked(), p.score(), rank, p.correctCount(),
					p.correctMillis(), p.answered(), p.unitId(), p.unitName(), p.floor()));
		}
		return new GameResults.BuzzerResults(contestants, audience);
	}

	/** Every stored answer of a game, by question, then player. */
	public List<AnswerScored> answers(String gameId) {
		return jdbc.sql("SELECT * FROM game_answer WHERE game_id = ? ORDER BY position, player_number")
			.param(gameId)
			.query((rs, row) -> new AnswerScored(rs.getString("game_id"), rs.getInt("position"),
					rs.getInt("player_number"), rs.getString("answer_json"), rs.getBoolean("correct"),
					rs.getDouble("credit"), rs.getInt("points"), rs.getInt("streak"), rs.getLong("response_ms"),
					rs.getTimestamp("received_at").getTime()))
			.list();
	}

	private List<PlayerResult> players(String gameId) {
		List<PlayerResult> players = new ArrayList<>(jdbc.sql("""
				SELECT p.player_number, p.nickname, p.kicked, p.final_score, p.final_rank, p.correct_count, p.correct_ms,
				  p.unit_id, p.unit_name, p.badge, p.badge_name, p.fell_at, p.rescues, p.golden_bell,
				  a.answer_points, a.answer_correct, a.answer_correct_ms, a.answered
				FROM game_player p
				LEFT JOIN (SELECT player_number, SUM(points) AS answer_points,
				             SUM(CASE WHEN correct THEN 1 ELSE 0 END) AS answer_correct,
				             SUM(CASE WHEN correct THEN response_ms ELSE 0 END) AS answer_correct_ms, COUNT(*) AS answered
				           FROM game_answer WHERE game_id = ? GROUP BY player_number) a
				  ON a.player_number = p.player_number
				WHERE p.game_id = ?""").params(gameId, gameId).query((rs, row) -> {
			Long finalScore = nullableLong(rs, "final_score");
			Long finalCorrect = nullableLong(rs, "correct_count");
			Long finalCorrectMillis = nullableLong(rs, "correct_ms");
			Long rank = nullableLong(rs, "final_rank");
			String badge = rs.getString("badge");
			Long fellAt = nullableLong(rs, "fell_at");
			GameResults.Floor floor = badge == null ? null
					: new GameResults.Floor(badge, rs.getString("badge_name"), fellAt == null ? null : fellAt.intValue(),
							rs.getInt("rescues"), rs.getBoolean("golden_bell"));
			return new PlayerResult(rs.getInt("player_number"), rs.getString("nickname"), rs.getBoolean("kicked"),
					finalScore != null ? finalScore : rs.getLong("answer_points"), rank == null ? null : rank.intValue(),
					finalCorrect != null ? finalCorrect.intValue() : rs.getInt("answer_correct"),
					finalCorrectMillis != null ? finalCorrectMillis : rs.getLong("answer_correct_ms"), rs.getInt("answered"),
					rs.getString("unit_id"), rs.getString("unit_name"), floor);
		}).list());
		players.sort(Comparator.comparing(PlayerResult::rank, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
			.thenComparing(PlayerResult::kicked)
			.thenComparing(Comparator.comparingLong(PlayerResult::score).reversed())
			.thenComparingInt(PlayerResult::player));
		return players;
	}

	/** Team play by unit: the units' final standings, in the team leaderboard's order. */
	private List<GameResults.UnitResult> units(String gameId) {
		return jdbc.sql("SELECT unit_id, unit_name, unit_rank, score, members, survivors, golden_bell "
				+ "FROM game_unit_result WHERE game_id = ? ORDER BY position")
			.param(gameId)
			.query((rs, row) -> {
				Long rank = nullableLong(rs, "unit_rank");
				Long survivors = nullableLong(rs, "survivors");
				boolean won = rs.getBoolean("golden_bell");
				Boolean goldenBell = rs.wasNull() ? null : won;
				return new GameResults.UnitResult(rs.getString("unit_id"), rs.getString("unit_name"),
						rank == null ? null : rank.intValue(), rs.getDouble("score"), rs.getInt("members"),
						survivors == null ? null : survivors.intValue(), goldenBell);
			})
			.list();
	}

	private List<QuestionResult> questionResults(String gameId) {
		Map<Integer, long[]> counts = new HashMap<>();
		jdbc.sql("""
				SELECT position, COUNT(*) AS answered, SUM(CASE WHEN correct THEN 1 ELSE 0 END) AS correct_count,
				  SUM(response_ms) AS response_total
				FROM game_answer a WHERE game_id = ?""" + " AND " + AUDIENCE_ONLY + " GROUP BY position").param(gameId).query(rs -> {
			counts.put(rs.getInt("position"),
					new long[] { rs.getLong("answered"), rs.getLong("correct_count"), rs.getLong("response_total") });
		});
		Map<Integer, int[]> picks = choicePicks(gameId);
		List<QuestionResult> results = new ArrayList<>();
		for (Snapshot question : snapshots(gameId)) {
			long[] count = counts.getOrDefault(question.position(), new long[3]);
			int[] picked = picks.getOrDefault(question.position(), new int[0]);
			int options = Math.max(picked.length, CHOICE_TYPES.contains(question.type()) ? question.options().size() : 0);
			List<Integer> distribution = new ArrayList<>(options);
			for (int i = 0; i < options; i++) {
				distribution.add(i < picked.length ? picked[i] : 0);
			}
			Long average = count[0] == 0 ? null : Math.round((double) count[2] / count[0]);
			results.add(new QuestionResult(question.position(), question.questionId(), question.type(),
					question.skipped(), (int) count[0], (int) count[1], average, distribution, question.text(),
					question.options(), question.correctOptions()));
		}
		return results;
	}

	private record Snapshot(int position, @Nullable Long questionId, String type, boolean skipped, String text,
			List<String> options, List<Integer> correctOptions) {
	}

	private List<Snapshot> snapshots(String gameId) {
		return jdbc.sql("""
				SELECT position, question_id, question_type, skipped, snapshot_json FROM game_question
				WHERE game_id = ? ORDER BY position""")
			.param(gameId)
			.query((rs, row) -> snapshot(rs.getInt("position"), nullableLong(rs, "question_id"),
					rs.getString("question_type"), rs.getBoolean("skipped"), rs.getString("snapshot_json")))
			.list();
	}

	/** Text, options and right options from the snapshot; a snapshot that cannot be read gives none of them. */
	private Snapshot snapshot(int position, @Nullable Long questionId, String type, boolean skipped, String snapshotJson) {
		JsonNode question;
		try {
			question = json.readTree(snapshotJson);
		}
		catch (JacksonException ex) {
			return new Snapshot(position, questionId, type, skipped, "", List.of(), List.of());
		}
		List<String> options = new ArrayList<>();
		for (JsonNode option : question.path("options")) {
			if (options.size() < MAX_OPTIONS) {
				options.add(option.asString(""));
			}
		}
		List<Integer> correct = new ArrayList<>();
		if (KEYED_CHOICE_TYPES.contains(type)) {
			for (JsonNode index : question.path("answer").path("correct")) {
				if (index.isInt() && index.asInt() >= 0 && index.asInt() < options.size()) {
					correct.add(index.asInt());
				}
			}
		}
		return new Snapshot(position, questionId, type, skipped, question.path("text").asString(""), options, correct);
	}

	/** Per question, how often each option was picked, from the {@code choice} and {@code choices} fields. */
	private Map<Integer, int[]> choicePicks(String gameId) {
		Map<Integer, int[]> picks = new HashMap<>();
		// Answers without either field (text, order, value) are skipped by the database.
		jdbc.sql("SELECT position, answer_json FROM game_answer a WHERE game_id = ? AND answer_json LIKE '%choice%' AND "
				+ AUDIENCE_ONLY)
			.param(gameId)
			.query(rs -> {
				JsonNode answer;
				try {
					answer = json.readTree(rs.getString("answer_json"));
				}
				catch (JacksonException ex) {
					return;
				}
				int position = rs.getInt("position");
				JsonNode choice = answer.get("choice");
				if (choice != null && choice.isInt()) {
					pick(picks, position, choice.asInt());
				}
				JsonNode choices = answer.get("choices");
				if (choices != null && choices.isArray()) {
					for (JsonNode each : choices) {
						if (each.isInt()) {
							pick(picks, position, each.asInt());
						}
					}
				}
			});
		return picks;
	}

	private static void pick(Map<Integer, int[]> picks, int position, int option) {
		if (option < 0 || option >= MAX_OPTIONS) {
			return;
		}
		int[] counts = picks.get(position);
		if (counts == null || counts.length <= option) {
			int[] grown = new int[option + 1];
			if (counts != null) {
				System.arraycopy(counts, 0, grown, 0, counts.length);
			}
			counts = grown;
			picks.put(position, counts);
		}
		counts[option]++;
	}

	private static StoredGame mapGame(ResultSet rs, int row) throws SQLException {
		GameRow game = new GameRow(rs.getString("id"), rs.getString("pin"), rs.getString("title"),
				nullableLong(rs, "quiz_id"), nullableLong(rs, "owner_organisation_id"), nullableLong(rs, "created_by"),
				rs.getString("host_token_hash"), rs.getString("settings_json"),
				Language.fromCode(rs.getString("language")), rs.getString("status"), rs.getInt("question_count"));
		return new StoredGame(game, rs.getInt("player_count"), rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")), rs.getBoolean("hidden"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
