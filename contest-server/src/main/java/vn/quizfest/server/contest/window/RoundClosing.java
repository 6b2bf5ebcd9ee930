package vn.quizfest.server.contest.window;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.system.ApiException;

/**
 * Closing a round, in bulk: the attempts still open are submitted with what was saved, then the
 * prediction's real figure, the ranking by the round's tie-break order, the winners by its prize
 * table, and the units' participation and points. Rows are streamed from the database, sorted in
 * memory (a 500,000-entrant round is some tens of megabytes) and written back in multi-row INSERTs,
 * committed in chunks (see {@link #write}).
 * Only the node whose conditional UPDATE moved the round from OPEN to CLOSING does the work.
 */
@Service
class RoundClosing {

	private static final Logger log = LoggerFactory.getLogger(RoundClosing.class);

	/** Result rows per INSERT: 13,000 parameters and about 100 KB of SQL, far below every limit. */
	static final int ROWS_PER_INSERT = 1000;

	/** Result rows per transaction: a 500,000-entrant round commits ten times, undo logs stay small. */
	static final int COMMIT_ROWS = 50_000;

	private static final String RESULT_COLUMNS = "round_id, position, result_rank, attempt_id, entrant_id, unit_code, "
			+ "score, correct_count, time_used_ms, submitted_at, prediction, prediction_distance, prize_index";

	/** What closing found; also stored with the round. */
	record Summary(long entrants, long attempts, long perfectScores, @Nullable Long realFigure, long winners, long tookMs) {
	}

	private final ContestStore contests;

	private final AttemptStore attempts;

	private final AttemptDesk desk;

	private final JdbcClient jdbc;

	private final JdbcTemplate connections;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final ContestSettings settings;

	private final Clock clock;

	RoundClosing(ContestStore contests, AttemptStore attempts, AttemptDesk desk, JdbcClient jdbc, DataSource dataSource,
			TransactionTemplate transactions, JsonMapper json, ContestSettings settings, Clock clock) {
		this.contests = contests;
		this.attempts = attempts;
		this.desk = desk;
		this.jdbc = jdbc;
		// Joins the transaction of the template above (the same data source) for the ranking's INSERTs.
		this.connections = new JdbcTemplate(dataSource);
		this.transactions = transactions;
		this.json = json;
		this.settings = settings;
		this.clock = clock;
	}

	/** Closes an open round now (an organiser's request); 409 when it is not open. */
	Summary close(Round round) {
		long now = clock.millis();
		boolean claimed = contests.changeState(round.id(), Round.State.OPEN, Round.State.CLOSING, now)
				|| contests.retakeClosing(round.id(), now - settings.closeTimeout().toMillis(), now);
		if (!claimed) {
			throw new ApiException(HttpStatus.CONFLICT, round.state() == Round.State.CLOSED ? "round.closed" : "round.not-open");
		}
		return compute(contests.round(round.id()).orElseThrow());
	}

	/** Closes the round when this node wins it; null when another node has it. */
	@Nullable Summary closeIfDue(long roundId) {
		long now = clock.millis();
		if (!contests.changeState(roundId, Round.State.OPEN, Round.State.CLOSING, now)
				&& !contests.retakeClosing(roundId, now - settings.closeTimeout().toMillis(), now)) {
			return null;
		}
		return compute(contests.round(roundId).orElseThrow());
	}

	private Summary compute(Round round) {
		long started = System.nanoTime();
		// Bounded: an attempt that cannot be submitted is left (and logged) instead of looping for ever.
		java.util.Set<Long> tried = new java.util.HashSet<>();
		List<Long> open;
		while (!(open = attempts.inProgress(round.id(), 1000)).isEmpty() && !tried.containsAll(open)) {
			for (long id : open) {
				if (tried.add(id)) {
					try {
						desk.submit(id, true);
					}
					catch (RuntimeException ex) {
						log.error("Round {}: attempt {} could not be submitted at the close", round.id(), id, ex);
					}
				}
			}
		}
		long submittedAll = System.nanoTime();
		List<CountedAttempts.Submitted> submitted = new ArrayList<>();
		attempts.submitted(round.id(), submitted::add);
		long read = System.nanoTime();
		int submittedCount = submitted.size();
		List<CountedAttempts.Submitted> counted = CountedAttempts.counted(submitted);
		Long realFigure = CountedAttempts.realFigure(round.predictionKind(), counted);
		long perfect = counted.stream().filter(CountedAttempts.Submitted::perfect).count();

		Map<Long, CountedAttempts.Submitted> byAttempt = new HashMap<>(counted.size() * 4 / 3 + 16);
		List<Standings.Entry> entries = new ArrayList<>(counted.size());
		for (CountedAttempts.Submitted s : counted) {
			byAttempt.put(s.attemptId(), s);
			Long distance = round.predictionKind() == PredictionKind.NONE ? null
					: Standings.distance(s.prediction(), realFigure);
			entries.add(new Standings.Entry(s.attemptId(), s.entrantId(), s.score(), distance, s.timeUsedMs(), s.submittedAt()));
		}
		List<TieBreak> order = round.predictionKind() == PredictionKind.NONE
				? round.tieBreak().stream().filter(t -> t != TieBreak.PREDICTION).toList() : round.tieBreak();
		List<Standings.Ranked> ranked = Standings.rank(entries, order);
		int[] prizes = PrizeTable.allocate(ranked.stream().map(Standings.Ranked::rank).toList(), round.prizes());

		// One array by position instead of a row of boxed values per entrant: the writer binds from it.
		CountedAttempts.Submitted[] byPosition = new CountedAttempts.Submitted[ranked.size()];
		Map<String, Long> unitEntrants = new HashMap<>();
		Map<String, Long> unitPrizePoints = new HashMap<>();
		long winners = 0;
		for (int i = 0; i < ranked.size(); i++) {
			CountedAttempts.Submitted s = byAttempt.get(ranked.get(i).entry().attemptId());
			byPosition[i] = s;
			if (s.unitCode() != null) {
				unitEntrants.merge(s.unitCode(), 1L, Long::sum);
				if (prizes[i] >= 0) {
					unitPrizePoints.merge(s.unitCode(), (long) round.prizes().get(prizes[i]).unitPoints(), Long::sum);
				}
			}
			if (prizes[i] >= 0) {
				winners++;
			}
		}
		List<UnitPoints.Unit> units = contests.units(round.contestId())
			.stream()
			.map(u -> new UnitPoints.Unit(u.code(), u.parentCode(), u.population()))
			.toList();
		List<UnitPoints.Standing> standings = UnitPoints.score(units, unitEntrants, unitPrizePoints);
		List<Object[]> unitRows = standings.stream()
			.map(s -> new Object[] { round.id(), s.code(), s.entrants(), s.participationRate(), s.prizePoints(), s.points(),
					s.rank() })
			.toList();
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		Summary summary = new Summary(counted.size(), submittedCount, perfect, realFigure, winners, tookMs);
		long ranking = System.nanoTime();
		write(round, ranked, byPosition, prizes);
		long wrote = System.nanoTime();
		transactions.executeWithoutResult(status -> {
			holdClose(round);
			Batches.insert(jdbc, "contest_unit_result",
					"round_id, code, entrants, participation_rate, prize_points, points, unit_rank", unitRows);
			Summary written = new Summary(summary.entrants(), summary.attempts(), summary.perfectScores(),
					summary.realFigure(), summary.winners(), (System.nanoTime() - started) / 1_000_000);
			contests.closed(round.id(), realFigure, json.writeValueAsString(written), clock.millis());
		});
		Summary done = json.readValue(contests.round(round.id()).orElseThrow().closeSummaryJson(), Summary.class);
		// The phases, to see what a big close spends its time on (docs/benchmarks.md, "Online contest").
		log.info("Round {} closed: {} entrants, {} attempts, real figure {}, {} winners in {} ms (submitting {} ms, "
				+ "reading {} ms, ranking {} ms, writing {} ms)", round.id(), done.entrants(), done.attempts(), realFigure,
				winners, done.tookMs(), (submittedAll - started) / 1_000_000, (read - submittedAll) / 1_000_000,
				(ranking - read) / 1_000_000, (wrote - ranking) / 1_000_000);
		return done;
	}

	/**
	 * Writes the ranking in transactions of {@link #COMMIT_ROWS} rows. The round stays CLOSING until the
	 * last one (every reader of results wants it CLOSED), and the first deletes what an earlier, broken
	 * close of the round left, so a close taken over by another node writes everything again. Each
	 * transaction first checks, with the round's row locked, that this node still holds the close: a
	 * node that took it over has stamped the round again, and this one then stops instead of writing
	 * over the new close.
	 */
	private void write(Round round, List<Standings.Ranked> ranked, CountedAttempts.Submitted[] byPosition, int[] prizes) {
		transactions.executeWithoutResult(status -> {
			holdClose(round);
			jdbc.sql("DELETE FROM contest_result WHERE round_id = ?").param(round.id()).update();
			jdbc.sql("DELETE FROM contest_unit_result WHERE round_id = ?").param(round.id()).update();
		});
		long roundId = round.id();
		for (int from = 0; from < ranked.size(); from += COMMIT_ROWS) {
			int first = from;
			int last = Math.min(ranked.size(), from + COMMIT_ROWS);
			transactions.executeWithoutResult(status -> {
				holdClose(round);
				connections.execute((ConnectionCallback<Void>) connection -> {
					Batches.insert(connection, "contest_result", RESULT_COLUMNS, 13, first, last, ROWS_PER_INSERT,
							(statement, p, i) -> {
								Standings.Ranked r = ranked.get(i);
								CountedAttempts.Submitted s = byPosition[i];
								statement.setLong(p, roundId);
								statement.setInt(p + 1, i);
								statement.setInt(p + 2, r.rank());
								statement.setLong(p + 3, s.attemptId());
								statement.setLong(p + 4, s.entrantId());
								if (s.unitCode() == null) {
									statement.setNull(p + 5, Types.VARCHAR);
								}
								else {
									statement.setString(p + 5, s.unitCode());
								}
								statement.setInt(p + 6, s.score());
								statement.setInt(p + 7, s.correctCount());
								statement.setLong(p + 8, s.timeUsedMs());
								statement.setLong(p + 9, s.submittedAt());
								setLong(statement, p + 10, s.prediction());
								setLong(statement, p + 11, r.entry().predictionDistance());
								if (prizes[i] < 0) {
									statement.setNull(p + 12, Types.INTEGER);
								}
								else {
									statement.setInt(p + 12, prizes[i]);
								}
							});
					return null;
				});
			});
		}
	}

	private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, value);
		}
	}

	/** Locks the round's row in the caller's transaction; fails when another node has taken the close over. */
	private void holdClose(Round round) {
		List<Long> stamp = jdbc.sql("SELECT state_changed_at FROM contest_round WHERE id = ? AND state = 'CLOSING' FOR UPDATE")
			.param(round.id())
			.query(Long.class)
			.list();
		if (stamp.size() != 1 || stamp.get(0) != round.stateChangedAt()) {
			throw new IllegalStateException("Round " + round.id() + ": the close was taken over by another node");
		}
	}
}
