package vn.quizfest.server.contest.window;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.quizfest.questionbank.Question;

/**
 * The question pools of open rounds, read once per node: a round's snapshot never changes after it
 * opened, so a cached copy is always right and every request draws from memory.
 */
@Component
class RoundPools {

	/** Rounds whose pools are kept; beyond that the map is emptied and refilled on demand. */
	private static final int MAX_ROUNDS = 64;

	private final ContestStore store;

	private final Map<Long, List<Question>> pools = new ConcurrentHashMap<>();

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
}
