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
 * adapter's {@code buckets} function. PIN misses have two tiers (per minute and per hour), and every
 * time an address uses up its misses it must also wait out a {@link Backoff} that doubles each time
 * (from seconds to the ceiling), so a client that keeps guessing waits longer and longer.
 */
final class BucketAddressLimits implements AddressLimits {

	private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);

	private final BiFunction<String, BucketConfiguration, Bucket> buckets;

	private final Backoff pinBackoff;

	/** With the PIN back-off in this node's memory, on the system clock. */
	BucketAddressLimits(LimitSettings settings, BiFunction<String, BucketConfiguration, Bucket> buckets) {
		this(settings, buckets, new InMemoryBackoff(settings.pinFirstWait(), settings.pinMaxWait(),
				settings.pinForgetAfter(), LimitsConfiguration.MAX_ADDRESSES_IN_MEMORY, System::nanoTime));
	}

	BucketAddressLimits(LimitSettings settings, BiFunction<String, BucketConfiguration, Bucket> buckets,
			Backoff pinBackoff) {
		this.buckets = buckets;
		this.pinBackoff = pinBackoff;
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
		Duration backoff = limit == Limit.PIN_MISSES ? pinBackoff.waiting(backoffKey(key)) : Duration.ZERO;
		EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
		Duration refill = probe.canBeConsumed() ? Duration.ZERO : waitOf(probe.getNanosToWaitForRefill());
		return refused(backoff, refill);
	}

	@Override
	public Verdict take(Limit limit, String key) {
		ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
		Duration refill = probe.isConsumed() ? Duration.ZERO : waitOf(probe.getNanosToWaitForRefill());
		// The miss that uses up the bucket (or one past it) starts the next, doubled, wait.
		boolean usedUp = !probe.isConsumed() || probe.getRemainingTokens() == 0;
		if (limit == Limit.PIN_MISSES && usedUp) {
			Duration backoff = pinBackoff.strike(backoffKey(key));
			return probe.isConsumed() ? Verdict.ALLOWED : refused(backoff, refill);
		}
		return refused(Duration.ZERO, refill);
	}

	private static Verdict refused(Duration backoff, Duration refill) {
		Duration wait = backoff.compareTo(refill) >= 0 ? backoff : refill;
		return wait.isZero() ? Verdict.ALLOWED : new Verdict(false, wait);
	}

	/** A refusal always waits a little: a zero wait would read as allowed. */
	private static Duration waitOf(long nanos) {
		return Duration.ofNanos(Math.max(1, nanos));
	}

	private static String backoffKey(String key) {
		return "quiz:limit:pin_backoff:" + key;
	}

	@Override
	public void giveBack(Limit limit, String key) {
		bucket(limit, key).addTokens(1);
	}
}
