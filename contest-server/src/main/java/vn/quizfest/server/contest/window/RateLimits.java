package vn.quizfest.server.contest.window;

import java.time.Duration;

/**
 * Requests per key in a one-minute window (per client address, per entrant). In memory on one node,
 * in Redis in the cluster so that every node counts the same requests. Small on purpose: a shared
 * limiter can replace it without touching the callers.
 */
interface RateLimits {

	Duration WINDOW = Duration.ofMinutes(1);

	/**
	 * Counts one request of {@code key} and answers how long it must wait, or {@link Duration#ZERO}
	 * when it is within {@code perWindow}.
	 */
	Duration acquire(String key, int perWindow);

	/** One limited key and how many requests it may make in a window. */
	record Limit(String key, int perWindow) {
	}

	/**
	 * Counts one request against each limit in turn and stops at the first one it exceeds (the later
	 * ones are not counted, as if they had been asked one by one); answers that one's wait, or
	 * {@link Duration#ZERO}. The Redis adapter does it in one round trip.
	 */
	default Duration acquire(Limit... limits) {
		for (Limit limit : limits) {
			Duration wait = acquire(limit.key(), limit.perWindow());
			if (!wait.isZero()) {
				return wait;
			}
		}
		return Duration.ZERO;
	}
}
