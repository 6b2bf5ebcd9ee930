package vn.quizfest.server.limits;

import java.time.Duration;

/**
 * Counts what one client address does across sockets, REST calls and, in cluster mode, nodes. Each
 * {@link Limit} is a token bucket per key; a refusal says how long to wait.
 */
public interface AddressLimits {

	/** Whether {@code key} (usually an address) may try now, without counting anything. */
	Verdict check(Limit limit, String key);

	/** Counts one attempt, allowed or not: a failed PIN guess, a join. */
	Verdict take(Limit limit, String key);

	/** Gives back one attempt taken for something that did not happen after all (a refused join). */
	void giveBack(Limit limit, String key);

	/** The answer: allowed, or refused with the time after which the next attempt may succeed. */
	record Verdict(boolean allowed, Duration retryAfter) {

		static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

		/** Whole seconds to wait, at least 1: what {@code Retry-After} and {@code retryAfter} carry. */
		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}
	}
}
