package vn.quizfest.server.limits;

import java.time.Duration;

/**
 * A wait that doubles with every strike against a key, up to a ceiling, forgotten after a quiet
 * period: what makes a client that keeps guessing PINs wait longer and longer. Two adapters, memory
 * (embedded) and Redis (cluster, every node sees the same strikes).
 */
interface Backoff {

	/** How much of the key's current wait is left; zero when it may try. */
	Duration waiting(String key);

	/** One more strike: starts the next wait (twice the last one, at most the ceiling) and returns it. */
	Duration strike(String key);

	/** The wait after {@code strikes} strikes: {@code first}, doubled for each further strike, at most {@code max}. */
	static Duration waitAfter(long strikes, Duration first, Duration max) {
		long ceiling = max.toMillis();
		long wait = first.toMillis(); // at least 1 (LimitSettings), so the doubling reaches the ceiling
		for (long strike = 2; strike <= strikes && wait < ceiling; strike++) {
			wait *= 2;
		}
		return Duration.ofMillis(Math.min(wait, ceiling));
	}
}
