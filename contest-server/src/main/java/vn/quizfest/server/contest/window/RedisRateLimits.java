package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed one-minute windows in Redis, shared by all nodes: one key per limited key and window,
 * counted and given its expiry in one script.
 */
class RedisRateLimits implements RateLimits {

	private static final RedisScript<Long> COUNT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n""", Long.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	RedisRateLimits(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public Duration acquire(String key, int perWindow) {
		long length = WINDOW.toMillis();
		long now = clock.millis();
		long window = now / length;
		Long count = redis.execute(COUNT, List.of("quiz:contest:limit:" + key + ":" + window), Long.toString(length * 2));
		return count != null && count > perWindow ? Duration.ofMillis((window + 1) * length - now) : Duration.ZERO;
	}
}
