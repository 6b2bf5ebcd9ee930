package vn.quizfest.server.live;

/**
 * A token bucket per connection: {@code rate} messages per second with bursts of {@code burst}.
 * It also counts refused messages in a row; past {@code abuseLimit} the caller closes the socket.
 */
final class RateLimiter {

	private final double ratePerMilli;

	private final int burst;

	private final int abuseLimit;

	private double tokens;

	private long last = -1;

	private int refusedInARow;

	RateLimiter(int ratePerSecond, int burst, int abuseLimit) {
		this.ratePerMilli = ratePerSecond / 1000.0;
		this.burst = burst;
		this.abuseLimit = abuseLimit;
		this.tokens = burst;
	}

	enum Verdict {
		ALLOW, REFUSE, ABUSE
	}

	synchronized Verdict check(long nowMillis) {
		if (last >= 0) {
			tokens = Math.min(burst, tokens + (nowMillis - last) * ratePerMilli);
		}
		last = nowMillis;
		if (tokens >= 1) {
			tokens -= 1;
			return Verdict.ALLOW;
		}
		return ++refusedInARow >= abuseLimit ? Verdict.ABUSE : Verdict.REFUSE;
	}

	/** A refused message (bad JSON, wrong type, flood) counts towards abuse; a good one forgives. */
	synchronized Verdict strike() {
		return ++refusedInARow >= abuseLimit ? Verdict.ABUSE : Verdict.REFUSE;
	}

	synchronized int refusedInARow() {
		return refusedInARow;
	}

	synchronized void forgive() {
		refusedInARow = 0;
	}
}
