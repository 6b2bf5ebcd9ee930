package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.system.ApiException;

/**
 * Closing a round, in bulk: the attempts still open are submitted with what was saved, then the
 * prediction's real figure, the ranking by the round's tie-break order, the winners by its prize
 * table, and the units' participation and points. Rows are streamed from the database, sorted in
 * memory (a 500,000-entrant round is some tens of megabytes) and written back in multi-row INSERTs.
 * Only the node whose conditional UPDATE moved the round from OPEN to CLOSING does the work.
 */
@Service
class RoundClosing {

	private static final Logger log = LoggerFactory.getLogger(RoundClosing.class);

	/** What closing found; also stored with the round. */
	record Summary(long entrants, long attempts, long perfectScores, @Nullable Long realFigure, long winners, long tookMs) {
	}

	private final ContestStore contests;

	private final AttemptStore attempts;

	private final AttemptDesk desk;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final ContestSettings settings;

	private final Clock clock;

	RoundClosing(ContestStore contests, AttemptStore attempts, AttemptDesk desk, JdbcClient jdbc,
			TransactionTemplate transactions, JsonMapper json, ContestSettings settings, Clock clock) {
		this.contests = contests;
		this.attempts = attempts;
		this.desk = desk;
		this.jdbc = jdbc;
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
		List<CountedAttempts.Submitted> submitted = new ArrayList<>();
		attempts.submitted(round.id(), submitted::add);
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

		List<Object[]> rows = new ArrayList<>(ranked.size());
		Map<String, Long> unitEntrants = new HashMap<>();
		Map<String, Long> unitPrizePoints = new HashMap<>();
		long winners = 0;
		for (int i = 0; i < ranked.size(); i++) {
			Standings.Ranked r = ranked.get(i);
			CountedAttempts.Submitted s = byAttempt.get(r.entry().attemptId());
			Integer prize = prizes[i] < 0 ? null : prizes[i];
			rows.add(new Object[] { round.id(), i, r.rank(), s.attemptId(), s.entrantId(), s.unitCode(), s.score(),
					s.correctCount(), s.timeUsedMs(), s.submittedAt(), s.prediction(), r.entry().predictionDistance(), prize });
			if (s.unitCode() != null) {
				unitEntrants.merge(s.unitCode(), 1L, Long::sum);
				if (prize != null) {
					unitPrizePoints.merge(s.unitCode(), (long) round.prizes().get(prize).unitPoints(), Long::sum);
				}
			}
			if (prize != null) {
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
		Summary summary = new Summary(counted.size(), submitted.size(), perfect, realFigure, winners, tookMs);
		transactions.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM contest_result WHERE round_id = ?").param(round.id()).update();
			jdbc.sql("DELETE FROM contest_unit_result WHERE round_id = ?").param(round.id()).update();
			Batches.insert(jdbc, "contest_result", "round_id, position, result_rank, attempt_id, entrant_id, unit_code, score, "
					+ "correct_count, time_used_ms, submitted_at, prediction, prediction_distance, prize_index", rows);
			Batches.insert(jdbc, "contest_unit_result",
					"round_id, code, entrants, participation_rate, prize_points, points, unit_rank", unitRows);
			Summary written = new Summary(summary.entrants(), summary.attempts(), summary.perfectScores(),
					summary.realFigure(), summary.winners(), (System.nanoTime() - started) / 1_000_000);
			contests.closed(round.id(), realFigure, json.writeValueAsString(written), clock.millis());
		});
		Summary done = json.readValue(contests.round(round.id()).orElseThrow().closeSummaryJson(), Summary.class);
		log.info("Round {} closed: {} entrants, {} attempts, real figure {}, {} winners in {} ms", round.id(),
				done.entrants(), done.attempts(), realFigure, winners, done.tookMs());
		return done;
	}
}
