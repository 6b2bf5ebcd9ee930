package vn.quizfest.server.contest.window;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.quizfest.questionbank.Question;

/**
 * The question pools of open rounds, read once per node: a round's snapshot never changes after it
 * opened, so a cached copy is always right and every request draws from memory. The round's draw
 * plan and prediction kind are locked from the opening too ({@code round.locked}), so they are kept
 * beside the pool: an answer save needs no read of the round.
 */
@Component
class RoundPools {

	/** Rounds whose pools are kept; beyond that the map is emptied and refilled on demand. */
	private static final int MAX_ROUNDS = 64;

	private final ContestStore store;

	private final Map<Long, List<Question>> pools = new ConcurrentHashMap<>();

	/** What an opened round's attempts are drawn and asked with; fixed once the round opened. */
	record Locked(RoundPlan plan, PredictionKind predictionKind) {
	}

	private final Map<Long, Locked> locked = new ConcurrentHashMap<>();

	RoundPools(ContestStore store) {
		this.store = store;
	}

	List<Question> pool(long roundId) {
		List<Question> pool = pools.get(roundId);
		if (pool == null) {
			pool = List.copyOf(store.snapshot(roundId));
			if (pools.size() >= MAX_ROUNDS) {
				pools.clear();
			}
			pools.put(roundId, pool);
		}
		return pool;
	}

	List<AttemptDraw.Drawn> draw(Round round, long seed) {
		return AttemptDraw.draw(pool(round.id()), round.plan(), seed);
	}

	/** An attempt's questions, from the round's cached pool and plan (the round has opened: it has attempts). */
	List<AttemptDraw.Drawn> draw(long roundId, long seed) {
		return AttemptDraw.draw(pool(roundId), locked(roundId).plan(), seed);
	}

	/** The draw plan and prediction kind of a round that has opened; read once per node. */
	Locked locked(long roundId) {
		Locked known = locked.get(roundId);
		if (known == null) {
			Round round = store.round(roundId).orElseThrow();
			known = new Locked(round.plan(), round.predictionKind());
			if (round.state() == Round.State.SCHEDULED) {
				// Not opened yet (no attempt can exist): still editable, so never kept.
				return known;
			}
			if (locked.size() >= MAX_ROUNDS) {
				locked.clear();
			}
			locked.put(roundId, known);
		}
		return known;
	}
}
