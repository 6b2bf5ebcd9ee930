package vn.quizfest.server.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * {@link AddressLimits} on Bucket4j token buckets; where the buckets live (memory or Redis) is the
 * adapter's {@code buckets} function. PIN misses have two tiers (per minute and per hour): a client
 * that keeps guessing meets the hourly one and its {@code Retry-After} grows from seconds to minutes.
 */
final class BucketAddressLimits implements AddressLimits {

	private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);

	private final BiFunction<String, BucketConfiguration, Bucket> buckets;

	BucketAddressLimits(LimitSettings settings, BiFunction<String, BucketConfiguration, Bucket> buckets) {
		this.buckets = buckets;
		configurations.put(Limit.PIN_MISSES, BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(settings.pinMissesPerMinute())
				.refillGreedy(settings.pinMissesPerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(settings.pinMissesPerHour())
				.refillGreedy(settings.pinMissesPerHour(), Duration.ofHours(1)))
			.build());
		configurations.put(Limit.JOIN_RATE, BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(2L * settings.joinsPerSecond())
				.refillGreedy(settings.joinsPerSecond(), Duration.ofSeconds(1)))
			.build());
		// A cap rather than a rate: the bucket refills only once the game is long over.
		configurations.put(Limit.JOINS_PER_GAME, BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(settings.playersPerAddress())
				.refillIntervally(settings.playersPerAddress(), settings.keepFor()).build())
			.build());
	}

	private Bucket bucket(Limit limit, String key) {
		return buckets.apply("quiz:limit:" + limit.name().toLowerCase(java.util.Locale.ROOT) + ":" + key,
				configurations.get(limit));
	}

	@Override
	public Verdict check(Limit limit, String key) {
		EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Verdict.ALLOWED : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	@Override
	public Verdict take(Limit limit, String key) {
		ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Verdict.ALLOWED : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	@Override
	public void giveBack(Limit limit, String key) {
		bucket(limit, key).addTokens(1);
	}
}
