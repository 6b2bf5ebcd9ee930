package vn.quizfest.server.contest.window;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.Question;

/** Contests, their rounds, units and round snapshots in the database. */
@Repository
class ContestStore {

	private static final TypeReference<List<EntrantForm.Field>> FORM = new TypeReference<>() {
	};

	private static final TypeReference<List<PrizeTable.Prize>> PRIZES = new TypeReference<>() {
	};

	private static final String CONTEST_COLUMNS = "id, slug, title, rules_text, organisation_id, form_json, identity_key, "
			+ "consent_purpose, consent_retention, consent_controller, retention_days, identity_erased_at, created_at, row_version";

	private static final String ROUND_COLUMNS = "id, contest_id, name, opens_at, closes_at, plan_json, attempt_kind, "
			+ "max_attempts, prediction_kind, tie_break, prizes_json, show_answers, state, state_changed_at, real_figure, "
			+ "close_summary_json, row_version";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final javax.sql.DataSource dataSource;

	/** The clause that locks the round's row for a start (see {@link #lockIfOpen}); read once. */
	private volatile @Nullable String roundShareLock;

	ContestStore(JdbcClient jdbc, JsonMapper json, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.json = json;
		this.dataSource = dataSource;
	}

	// Contests

	long create(Contest c, @Nullable Long createdBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO contest (slug, title, rules_text, organisation_id, form_json, identity_key, consent_purpose, "
				+ "consent_retention, consent_controller, retention_days, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(c.slug(), c.title(), c.rulesText(), c.organisationId(), json.writeValueAsString(c.form()),
					c.identityKey().name(), c.consentPurpose(), c.consentRetention(), c.consentController(),
					c.retentionDays(), createdBy, c.createdAt())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Updates when the stored version is still {@code c.version()}; false when it changed meanwhile. */
	boolean update(Contest c) {
		return jdbc.sql("UPDATE contest SET slug = ?, title = ?, rules_text = ?, form_json = ?, identity_key = ?, "
				+ "consent_purpose = ?, consent_retention = ?, consent_controller = ?, retention_days = ?, "
				+ "row_version = row_version + 1 WHERE id = ? AND row_version = ?")
			.params(c.slug(), c.title(), c.rulesText(), json.writeValueAsString(c.form()), c.identityKey().name(),
					c.consentPurpose(), c.consentRetention(), c.consentController(), c.retentionDays(), c.id(),
					c.version())
			.update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("DELETE FROM contest WHERE id = ?").param(id).update() == 1;
	}

	Optional<Contest> contest(long id) {
		return jdbc.sql("SELECT " + CONTEST_COLUMNS + " FROM contest WHERE id = ?").param(id).query(this::mapContest).optional();
	}

	Optional<Contest> contestBySlug(String slug) {
		return jdbc.sql("SELECT " + CONTEST_COLUMNS + " FROM contest WHERE slug = ?")
			.param(slug)
			.query(this::mapContest)
			.optional();
	}

	boolean slugTaken(String slug, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM contest WHERE slug = ? AND id <> ?")
			.params(slug, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** Newest first; all organisations when {@code organisationId} is null. */
	List<Contest> contests(@Nullable Long organisationId, int page, int size) {
		String where = organisationId == null ? "" : " WHERE organisation_id = " + organisationId;
		return jdbc.sql("SELECT " + CONTEST_COLUMNS + " FROM contest" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(size, (long) page * size)
			.query(this::mapContest)
			.list();
	}

	long countContests(@Nullable Long organisationId) {
		String where = organisationId == null ? "" : " WHERE organisation_id = " + organisationId;
		return jdbc.sql("SELECT COUNT(*) FROM contest" + where).query(Long.class).single();
	}

	void markIdentityErased(long contestId, long at) {
		jdbc.sql("UPDATE contest SET identity_erased_at = ? WHERE id = ?").params(at, contestId).update();
	}

	private Contest mapContest(ResultSet rs, int row) throws SQLException {
		return new Contest(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("rules_text"),
				rs.getLong("organisation_id"), json.readValue(rs.getString("form_json"), FORM),
				EntrantForm.IdentityKey.valueOf(rs.getString("identity_key")), rs.getString("consent_purpose"),
				rs.getString("consent_retention"), rs.getString("consent_controller"), rs.getInt("retention_days"),
				nullableLong(rs, "identity_erased_at"), rs.getLong("created_at"), rs.getInt("row_version"));
	}

	// Rounds

	long createRound(Round r) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO contest_round (contest_id, name, opens_at, closes_at, plan_json, question_count, "
				+ "time_limit_seconds, attempt_kind, max_attempts, prediction_kind, tie_break, prizes_json, show_answers, "
				+ "state, state_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.contestId(), r.name(), r.opensAt(), r.closesAt(), json.writeValueAsString(r.plan()),
					r.plan().questionCount(), r.plan().timeLimitSeconds(), r.policy().kind().name(),
					r.policy().maxAttempts(), r.predictionKind().name(), tieBreak(r.tieBreak()),
					json.writeValueAsString(r.prizes()), r.showAnswers(), r.state().name(), r.stateChangedAt())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean updateRound(Round r) {
		return jdbc.sql("UPDATE contest_round SET name = ?, opens_at = ?, closes_at = ?, plan_json = ?, question_count = ?, "
				+ "time_limit_seconds = ?, attempt_kind = ?, max_attempts = ?, prediction_kind = ?, tie_break = ?, "
				+ "prizes_json = ?, show_answers = ?, row_version = row_version + 1 "
				+ "WHERE id = ? AND row_version = ? AND state = ?")
			.params(r.name(), r.opensAt(), r.closesAt(), json.writeValueAsString(r.plan()), r.plan().questionCount(),
					r.plan().timeLimitSeconds(), r.policy().kind().name(), r.policy().maxAttempts(),
					r.predictionKind().name(), tieBreak(r.tieBreak()), json.writeValueAsString(r.prizes()),
					r.showAnswers(), r.id(), r.version(), r.state().name())
			.update() == 1;
	}

	boolean deleteRound(long roundId) {
		return jdbc.sql("DELETE FROM contest_round WHERE id = ?").param(roundId).update() == 1;
	}

	Optional<Round> round(long roundId) {
		return jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM contest_round WHERE id = ?")
			.param(roundId)
			.query(this::mapRound)
			.optional();
	}

	List<Round> rounds(long contestId) {
		return jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM contest_round WHERE contest_id = ? ORDER BY opens_at, id")
			.param(contestId)
			.query(this::mapRound)
			.list();
	}

	/** The rounds of several contests in one query (a page of the contests list), by contest. */
	java.util.Map<Long, List<Round>> roundsOf(java.util.Collection<Long> contestIds) {
		java.util.Map<Long, List<Round>> byContest = new java.util.HashMap<>();
		if (contestIds.isEmpty()) {
			return byContest;
		}
		jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM contest_round WHERE contest_id IN (:ids) ORDER BY opens_at, id")
			.param("ids", List.copyOf(contestIds))
			.query(this::mapRound)
			.list()
			.forEach(r -> byContest.computeIfAbsent(r.contestId(), k -> new java.util.ArrayList<>()).add(r));
		return byContest;
	}

	/** Ids of rounds in {@code state} whose {@code column} time is at or before {@code before}. */
	List<Long> roundsDue(Round.State state, String column, long before, int limit) {
		return jdbc.sql("SELECT id FROM contest_round WHERE state = ? AND " + column + " <= ? ORDER BY " + column
				+ " LIMIT ?")
			.params(state.name(), before, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Locks the round's row until the end of the caller's transaction and says whether it is still open
	 * (an attempt start's last check, see {@link AttemptDesk#start}).
	 */
	boolean lockIfOpen(long roundId) {
		return jdbc.sql("SELECT state FROM contest_round WHERE id = ? " + roundShareLock())
			.param(roundId)
			.query(String.class)
			.optional()
			.filter(Round.State.OPEN.name()::equals)
			.isPresent();
	}

	/**
	 * A shared lock on MySQL and MariaDB: every start of a round holds one until it commits, and they do
	 * not wait for each other; the close's OPEN -> CLOSING update waits for all of them. An exclusive lock
	 * here deadlocked starts: each insert of an attempt already holds a shared lock on the round's row
	 * (the foreign key's check), and two starts upgrading theirs wait for each other (96 of 200 starts
	 * failed in the contest smoke test). H2 (the embedded shape, one process) has no shared row lock.
	 */
	private String roundShareLock() {
		String clause = roundShareLock;
		if (clause == null) {
			clause = Databases.connectorJ(dataSource) ? "LOCK IN SHARE MODE" : "FOR UPDATE";
			roundShareLock = clause;
		}
		return clause;
	}

	/** Moves a round from one state to the next; false when another node (or request) did it first. */
	boolean changeState(long roundId, Round.State from, Round.State to, long now) {
		return jdbc.sql("UPDATE contest_round SET state = ?, state_changed_at = ?, row_version = row_version + 1 "
				+ "WHERE id = ? AND state = ?")
			.params(to.name(), now, roundId, from.name())
			.update() == 1;
	}

	/** Takes over a close that a node began but did not finish before {@code staleBefore}. */
	boolean retakeClosing(long roundId, long staleBefore, long now) {
		return jdbc.sql("UPDATE contest_round SET state_changed_at = ? WHERE id = ? AND state = 'CLOSING' "
				+ "AND state_changed_at < ?")
			.params(now, roundId, staleBefore)
			.update() == 1;
	}

	void openedEarly(long roundId, long now) {
		jdbc.sql("UPDATE contest_round SET opens_at = ? WHERE id = ? AND opens_at > ?").params(now, roundId, now).update();
	}

	void closed(long roundId, @Nullable Long realFigure, String summaryJson, long now) {
		jdbc.sql("UPDATE contest_round SET state = 'CLOSED', state_changed_at = ?, real_figure = ?, close_summary_json = ?, "
				+ "row_version = row_version + 1 WHERE id = ? AND state = 'CLOSING'")
			.params(now, realFigure, summaryJson, roundId)
			.update();
	}

	private Round mapRound(ResultSet rs, int row) throws SQLException {
		return new Round(rs.getLong("id"), rs.getLong("contest_id"), rs.getString("name"), rs.getLong("opens_at"),
				rs.getLong("closes_at"), json.readValue(rs.getString("plan_json"), RoundPlan.class),
				new Round.AttemptPolicy(Round.AttemptPolicy.Kind.valueOf(rs.getString("attempt_kind")),
						rs.getInt("max_attempts")),
				PredictionKind.valueOf(rs.getString("prediction_kind")), tieBreak(rs.getString("tie_break")),
				json.readValue(rs.getString("prizes_json"), PRIZES), rs.getBoolean("show_answers"),
				Round.State.valueOf(rs.getString("state")), rs.getLong("state_changed_at"),
				nullableLong(rs, "real_figure"), rs.getString("close_summary_json"), rs.getInt("row_version"));
	}

	private static String tieBreak(List<TieBreak> levels) {
		return String.join(",", levels.stream().map(Enum::name).toList());
	}

	private static List<TieBreak> tieBreak(String text) {
		return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(TieBreak::valueOf).toList();
	}

	// Snapshots

	/** Writes the round's question pool; called in the transaction that opens the round. */
	void writeSnapshot(long roundId, List<Question> pool) {
		jdbc.sql("DELETE FROM contest_round_question WHERE round_id = ?").param(roundId).update();
		List<Object[]> rows = new ArrayList<>();
		for (Question question : pool) {
			rows.add(new Object[] { roundId, rows.size(), question.id(), json.writeValueAsString(question) });
		}
		Batches.insert(jdbc, "contest_round_question", "round_id, position, question_id, snapshot_json", rows);
	}

	List<Question> snapshot(long roundId) {
		return jdbc.sql("SELECT snapshot_json FROM contest_round_question WHERE round_id = ? ORDER BY position")
			.param(roundId)
			.query((rs, row) -> json.readValue(rs.getString(1), Question.class))
			.list();
	}

	// Units

	record UnitRow(String code, String name, @Nullable String parentCode, @Nullable Long population, int level) {
	}

	List<UnitRow> units(long contestId) {
		return jdbc.sql("SELECT code, name, parent_code, population, level FROM contest_unit WHERE contest_id = ? "
				+ "ORDER BY position")
			.param(contestId)
			.query((rs, row) -> new UnitRow(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
					nullableLong(rs, "population"), rs.getInt("level")))
			.list();
	}

	boolean unitExists(long contestId, String code) {
		return jdbc.sql("SELECT COUNT(*) FROM contest_unit WHERE contest_id = ? AND code = ?")
			.params(contestId, code)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	void replaceUnits(long contestId, List<UnitRow> units) {
		jdbc.sql("DELETE FROM contest_unit WHERE contest_id = ?").param(contestId).update();
		List<Object[]> rows = new ArrayList<>();
		int position = 0;
		for (UnitRow unit : units) {
			rows.add(new Object[] { contestId, unit.code(), unit.name(), unit.parentCode(), unit.population(),
					unit.level(), position++ });
		}
		Batches.insert(jdbc, "contest_unit", "contest_id, code, name, parent_code, population, level, position", rows);
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
