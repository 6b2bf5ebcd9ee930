package vn.quizfest.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

	/** 60 misses a minute (one a second), then a wait of 2 s that doubles up to 8 s, forgotten after a quiet minute. */
	private static final LimitSettings BACKOFF = new LimitSettings(60, 10_000, 2, 5, Duration.ofHours(12),
			Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofMinutes(1));

	/** Misses until the address is refused (bounded); returns the refusal. */
	private static AddressLimits.Verdict missUntilRefused(AddressLimits limits, String address) {
		for (int i = 0; i < 200; i++) {
			AddressLimits.Verdict verdict = limits.check(Limit.PIN_MISSES, address);
			if (!verdict.allowed()) {
				return verdict;
			}
			limits.take(Limit.PIN_MISSES, address);
		}
		throw new AssertionError("200 misses and still allowed");
	}

	@Test
	void everyTimeAnAddressUsesUpItsMissesItWaitsTwiceAsLongUpToTheCeilingAndAQuietSpellResetsIt() {
		Clock clock = new Clock();
		Map<String, Bucket> buckets = new HashMap<>();
		AddressLimits limits = new BucketAddressLimits(BACKOFF, (key, configuration) -> buckets.computeIfAbsent(key, k -> {
			LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
			for (Bandwidth bandwidth : configuration.getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		}), new InMemoryBackoff(BACKOFF.pinFirstWait(), BACKOFF.pinMaxWait(), BACKOFF.pinForgetAfter(), 100,
				clock::currentTimeNanos));
		String address = "10.0.0.9";
		for (Duration expected : List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
				Duration.ofSeconds(8))) {
			AddressLimits.Verdict refused = missUntilRefused(limits, address);
			assertThat(refused.retryAfter()).isEqualTo(expected);
			assertThat(limits.check(Limit.PIN_MISSES, "10.0.0.10").allowed()).as("another address").isTrue();
			clock.advance(expected);
			assertThat(limits.check(Limit.PIN_MISSES, address).allowed()).as("after the wait").isTrue();
		}
		clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // quiet: no miss for longer than the forget period
		assertThat(missUntilRefused(limits, address).retryAfter()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void twoNodesOnOneRedisShareTheDoublingWait() {
		String url = System.getenv("QUIZFEST_TEST_REDIS_URL");
		assertThat(url).as("QUIZFEST_TEST_REDIS_URL (scripts/services.sh or scripts/test.sh set it)").isNotBlank();
		RedisClient one = RedisClient.create(url);
		RedisClient two = RedisClient.create(url);
		try (RedisBackoff backoffOne = LimitsConfiguration.redisBackoff(one, BACKOFF);
				RedisBackoff backoffTwo = LimitsConfiguration.redisBackoff(two, BACKOFF)) {
			AddressLimits nodeOne = new BucketAddressLimits(BACKOFF, LimitsConfiguration.redisBuckets(one), backoffOne);
			AddressLimits nodeTwo = new BucketAddressLimits(BACKOFF, LimitsConfiguration.redisBuckets(two), backoffTwo);
			String address = "10.8." + UUID.randomUUID();
			AddressLimits.Verdict first = missUntilRefused(nodeOne, address);
			assertThat(first.retryAfter()).isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(nodeTwo.check(Limit.PIN_MISSES, address).allowed()).as("the other node waits too").isFalse();
			// One more miss past the limit, on the other node: the wait doubles for both.
			nodeTwo.take(Limit.PIN_MISSES, address);
			AddressLimits.Verdict doubled = nodeOne.check(Limit.PIN_MISSES, address);
			assertThat(doubled.retryAfter()).isGreaterThan(Duration.ofSeconds(2)).isLessThanOrEqualTo(Duration.ofSeconds(4));
		}
		finally {
			one.shutdown();
			two.shutdown();
		}
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
