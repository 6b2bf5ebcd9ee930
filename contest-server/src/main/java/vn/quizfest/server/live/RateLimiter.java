package vn.quizfest.server.live;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket per connection: {@code rate} messages per second with bursts of {@code burst}.
 * Refused messages (over the rate, or malformed) are counted per 10-second window; a socket that
 * collects {@code abuseLimit} of them in one window is closed. A steady flood therefore ends too,
 * even though the refilling bucket lets a few of its messages through.
 */
final class RateLimiter {

	static final long ABUSE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final double ratePerNano;

	private final int burst;

	private final int abuseLimit;

	private double tokens;

	private long last = -1;

	private long windowStart = -1;

	private int windowRefusals;

	private int refusedInARow;

	RateLimiter(int ratePerSecond, int burst, int abuseLimit) {
		this.ratePerNano = ratePerSecond / 1e9;
		this.burst = burst;
		this.abuseLimit = abuseLimit;
		this.tokens = burst;
	}

	enum Verdict {
		ALLOW, REFUSE, ABUSE
	}

	synchronized Verdict check() {
		long now = System.nanoTime();
		if (last >= 0) {
			tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
		}
		last = now;
		if (tokens >= 1) {
			tokens -= 1;
			return Verdict.ALLOW;
		}
		return refused(now);
	}

	/** A refused message (bad JSON, wrong type, wrong state) counts towards abuse like a flood does. */
	synchronized Verdict strike() {
		return refused(System.nanoTime());
	}

	private Verdict refused(long now) {
		if (windowStart < 0 || now - windowStart > ABUSE_WINDOW_NANOS) {
			windowStart = now;
			windowRefusals = 0;
		}
		refusedInARow++;
		return ++windowRefusals >= abuseLimit ? Verdict.ABUSE : Verdict.REFUSE;
	}

	/** Refusals since the last good message: rate-limit errors go out once per ten of them. */
	synchronized int refusedInARow() {
		return refusedInARow;
	}

	synchronized void forgive() {
		refusedInARow = 0;
	}
}
