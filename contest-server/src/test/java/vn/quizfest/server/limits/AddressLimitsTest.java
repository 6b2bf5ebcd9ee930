package vn.quizfest.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;

/**
 * The limits on real Bucket4j buckets: in memory on a clock the test moves (the back-off grows from
 * the minute tier to the hour tier), and in a real Redis shared by two "nodes".
 */
class AddressLimitsTest {

	private static final LimitSettings SETTINGS = new LimitSettings(3, 6, 2, 5, Duration.ofHours(12));

	/** A clock the test moves. */
	static final class Clock implements TimeMeter {

		long nanos;

		@Override
		public long currentTimeNanos() {
			return nanos;
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

		void advance(Duration duration) {
			nanos += duration.toNanos();
		}
	}

	private static AddressLimits inMemory(Clock clock) {
		Map<String, Bucket> buckets = new HashMap<>();
		return new BucketAddressLimits(SETTINGS, (key, configuration) -> buckets.computeIfAbsent(key, k -> {
			LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
			for (Bandwidth bandwidth : configuration.getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		}));
	}

	@Test
	void pinMissesBackOffLongerAndLongerWhileAnAddressKeepsGuessing() {
		Clock clock = new Clock();
		AddressLimits limits = inMemory(clock);
		for (int i = 0; i < 3; i++) {
			assertThat(limits.check(Limit.PIN_MISSES, "10.0.0.1").allowed()).isTrue();
			assertThat(limits.take(Limit.PIN_MISSES, "10.0.0.1").allowed()).isTrue();
		}
		AddressLimits.Verdict first = limits.check(Limit.PIN_MISSES, "10.0.0.1");
		assertThat(first.allowed()).isFalse();
		assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(20)); // 3 a minute: one every 20 s
		assertThat(limits.check(Limit.PIN_MISSES, "10.0.0.2").allowed()).as("another address").isTrue();

		// Guessing on at the minute rate soon meets the hourly tier: 6 an hour, so 10 minutes a guess.
		for (int i = 0; i < 3; i++) {
			clock.advance(first.retryAfter());
			assertThat(limits.take(Limit.PIN_MISSES, "10.0.0.1").allowed()).isTrue();
		}
		clock.advance(Duration.ofSeconds(20));
		AddressLimits.Verdict later = limits.check(Limit.PIN_MISSES, "10.0.0.1");
		assertThat(later.allowed()).isFalse();
		assertThat(later.retryAfter()).isGreaterThan(Duration.ofMinutes(8)).isLessThanOrEqualTo(Duration.ofMinutes(10));
		assertThat(later.retryAfterSeconds()).isEqualTo((later.retryAfter().toMillis() + 999) / 1000);
	}

	@Test
	void theJoinCapCountsJoinsAndTakesBackRefusedOnes() {
		AddressLimits limits = inMemory(new Clock());
		for (int i = 0; i < 5; i++) {
			assertThat(limits.take(Limit.JOINS_PER_GAME, "g:10.0.0.1").allowed()).isTrue();
		}
		assertThat(limits.take(Limit.JOINS_PER_GAME, "g:10.0.0.1").allowed()).isFalse();
		limits.giveBack(Limit.JOINS_PER_GAME, "g:10.0.0.1");
		assertThat(limits.take(Limit.JOINS_PER_GAME, "g:10.0.0.1").allowed()).isTrue();
		assertThat(limits.take(Limit.JOINS_PER_GAME, "other:10.0.0.1").allowed()).as("another game").isTrue();
	}

	@Test
	void twoNodesOnOneRedisCountTogether() {
		String url = System.getenv("QUIZFEST_TEST_REDIS_URL");
		assertThat(url).as("QUIZFEST_TEST_REDIS_URL (scripts/services.sh or scripts/test.sh set it)").isNotBlank();
		RedisClient one = RedisClient.create(url);
		RedisClient two = RedisClient.create(url);
		try {
			AddressLimits nodeOne = new BucketAddressLimits(SETTINGS, LimitsConfiguration.redisBuckets(one));
			AddressLimits nodeTwo = new BucketAddressLimits(SETTINGS, LimitsConfiguration.redisBuckets(two));
			String address = "10.9." + UUID.randomUUID(); // a key of its own on a shared Redis
			assertThat(nodeOne.take(Limit.PIN_MISSES, address).allowed()).isTrue();
			assertThat(nodeTwo.take(Limit.PIN_MISSES, address).allowed()).isTrue();
			assertThat(nodeOne.take(Limit.PIN_MISSES, address).allowed()).isTrue();
			AddressLimits.Verdict refused = nodeTwo.check(Limit.PIN_MISSES, address);
			assertThat(refused.allowed()).as("three misses over two nodes").isFalse();
			assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
			assertThat(nodeOne.check(Limit.PIN_MISSES, address).allowed()).isFalse();
		}
		finally {
			one.shutdown();
			two.shutdown();
		}
	}
}
