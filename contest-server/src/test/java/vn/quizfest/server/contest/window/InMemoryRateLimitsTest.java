package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Fixed one-minute windows per key, in memory (the Redis adapter: {@link RedisRateLimitsIntegrationTest}). */
class InMemoryRateLimitsTest extends RateLimitsContract {

	private final InMemoryRateLimits limits = new InMemoryRateLimits(clock);

	@Override
	RateLimits limits() {
		return limits;
	}

	@Test
	void aKeyIsLimitedWithinItsWindowAndFreeAgainAfterIt() {
		for (int i = 0; i < 3; i++) {
			assertThat(limits.acquire("addr:10.0.0.1", 3)).isZero();
		}
		Duration wait = limits.acquire("addr:10.0.0.1", 3);
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(limits.acquire("addr:10.0.0.2", 3)).as("other keys are not affected").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(limits.acquire("addr:10.0.0.1", 3)).isZero();
	}
}
