package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed one-minute windows in Redis, shared by all nodes: one key per limited key and window,
 * counted and given its expiry in one script, and every limit of a request in one script call (an
 * answer save has two: its address and its entrant). The keys of one window share a hash tag, so a
 * Redis Cluster keeps them on one slot and the script may touch several.
 */
class RedisRateLimits implements RateLimits {

	private static final RedisScript<Long> COUNT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n""", Long.class);

	/** Counts KEYS in turn against the limits ARGV[2..]; returns the 1-based position of the first exceeded, or 0. */
	private static final RedisScript<Long> COUNT_ALL = RedisScript.of("""
			for i, key in ipairs(KEYS) do
			  local n = redis.call('INCR', key)
			  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
			  if n > tonumber(ARGV[i + 1]) then return i end
			end
			return 0""", Long.class);

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
		Long count = redis.execute(COUNT, List.of(key(window, key)), Long.toString(length * 2));
		return count != null && count > perWindow ? Duration.ofMillis((window + 1) * length - now) : Duration.ZERO;
	}

	@Override
	public Duration acquire(Limit... limits) {
		long length = WINDOW.toMillis();
		long now = clock.millis();
		long window = now / length;
		List<String> keys = new ArrayList<>(limits.length);
		Object[] args = new Object[limits.length + 1];
		args[0] = Long.toString(length * 2);
		for (int i = 0; i < limits.length; i++) {
			keys.add(key(window, limits[i].key()));
			args[i + 1] = Integer.toString(limits[i].perWindow());
		}
		Long over = redis.execute(COUNT_ALL, keys, args);
		return over != null && over > 0 ? Duration.ofMillis((window + 1) * length - now) : Duration.ZERO;
	}

	private static String key(long window, String key) {
		return "quiz:contest:limit:{" + window + "}:" + key;
	}
}
