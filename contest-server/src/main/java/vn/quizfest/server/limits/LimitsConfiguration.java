package vn.quizfest.server.limits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Chooses where the buckets live from {@code quizfest.live-state}: memory (embedded) or Redis
 * (cluster), where every node reads and updates the same bucket with compare-and-swap.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitSettings.class)
class LimitsConfiguration {

	/** Addresses remembered in memory at most; the least recently seen are forgotten first. */
	static final int MAX_ADDRESSES_IN_MEMORY = 100_000;

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	AddressLimits inMemoryAddressLimits(LimitSettings settings) {
		Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > MAX_ADDRESSES_IN_MEMORY;
			}
		};
		Backoff backoff = new InMemoryBackoff(settings.pinFirstWait(), settings.pinMaxWait(), settings.pinForgetAfter(),
				MAX_ADDRESSES_IN_MEMORY, System::nanoTime);
		return new BucketAddressLimits(settings, (key, configuration) -> {
			synchronized (buckets) {
				return buckets.computeIfAbsent(key, k -> {
					LocalBucketBuilder builder = Bucket.builder();
					for (Bandwidth bandwidth : configuration.getBandwidths()) {
						builder.addLimit(bandwidth);
					}
					return builder.build();
				});
			}
		}, backoff);
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	AddressLimits redisAddressLimits(LimitSettings settings, LettuceConnectionFactory redis, RedisBackoff pinBackoff) {
		return new BucketAddressLimits(settings, redisBuckets(redis.getRequiredNativeClient()), pinBackoff);
	}

	/** The doubling PIN wait in Redis: every node that uses the same Redis sees the same strikes. */
	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	RedisBackoff redisPinBackoff(LimitSettings settings, LettuceConnectionFactory redis) {
		return redisBackoff(redis.getRequiredNativeClient(), settings);
	}

	static RedisBackoff redisBackoff(AbstractRedisClient client, LimitSettings settings) {
		return new RedisBackoff(client, settings.pinFirstWait(), settings.pinMaxWait(), settings.pinForgetAfter());
	}

	/** Buckets in Redis, updated with compare-and-swap: every node that uses the same Redis counts together. */
	static BiFunction<String, BucketConfiguration, Bucket> redisBuckets(AbstractRedisClient client) {
		// Standalone and Sentinel share RedisClient; a Redis Cluster routes each bucket's key to its slot.
		Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder;
		if (client instanceof RedisClusterClient cluster) {
			builder = Bucket4jLettuce.casBasedBuilder(cluster);
		}
		else if (client instanceof RedisClient single) {
			builder = Bucket4jLettuce.casBasedBuilder(single);
		}
		else {
			throw new IllegalStateException("Unknown Redis client " + client.getClass().getName());
		}
		// A bucket's key expires once it would be full again: Redis keeps only addresses that are being limited.
		ProxyManager<byte[]> proxies = builder
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build();
		return (key, configuration) -> proxies.builder().build(key.getBytes(StandardCharsets.UTF_8), () -> configuration);
	}
}
