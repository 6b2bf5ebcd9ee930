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
}
