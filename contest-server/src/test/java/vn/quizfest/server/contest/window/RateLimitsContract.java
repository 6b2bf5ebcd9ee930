package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What both rate-limit adapters must do with the several limits of one request (an address and an entrant). */
abstract class RateLimitsContract {

	final ContestClock clock = new ContestClock();

	/** Keys of this run only: the Redis one outlives a test. */
	final String run = "t" + System.nanoTime() + ":";

	abstract RateLimits limits();

	/** The clock is real time: start at a window's beginning, so that no test straddles two windows. */
	@org.junit.jupiter.api.BeforeEach
	void startOfAWindow() {
		long length = RateLimits.WINDOW.toMillis();
		clock.advance(Duration.ofMillis(length - clock.millis() % length + 1));
	}

	@Test
	void everyLimitOfARequestCountsAndTheFirstExceededOneDecides() {
		RateLimits limits = limits();
		RateLimits.Limit address = new RateLimits.Limit(run + "addr:10.0.0.1", 3);
		RateLimits.Limit entrant = new RateLimits.Limit(run + "entrant:1", 2);
		assertThat(limits.acquire(address, entrant)).isZero();
		assertThat(limits.acquire(address, entrant)).isZero();
		Duration wait = limits.acquire(address, entrant);
		assertThat(wait).as("the entrant's third request").isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		// The address has made three requests: its fourth is refused on its own limit.
		RateLimits.Limit other = new RateLimits.Limit(run + "entrant:2", 2);
		assertThat(limits.acquire(address, other)).isPositive();
		// ... and entrant 2 was not counted for it: it still has its two requests, from another address.
		RateLimits.Limit school = new RateLimits.Limit(run + "addr:10.0.0.2", 100);
		assertThat(limits.acquire(school, other)).isZero();
		assertThat(limits.acquire(school, other)).isZero();
		assertThat(limits.acquire(school, other)).isPositive();

		clock.advance(Duration.ofMinutes(1));
		assertThat(limits.acquire(address, entrant)).as("a new window").isZero();
	}

	@Test
	void oneLimitAloneAndAsTheOnlyLimitOfARequestCountTheSame() {
		RateLimits limits = limits();
		String key = run + "start:10.0.0.3";
		assertThat(limits.acquire(key, 2)).isZero();
		assertThat(limits.acquire(new RateLimits.Limit(key, 2))).isZero();
		assertThat(limits.acquire(key, 2)).isPositive();
		assertThat(limits.acquire(new RateLimits.Limit(key, 2))).isPositive();
	}
}
