package vn.quizfest.server.limits;

import java.time.Duration;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

/**
 * {@link Backoff} in Redis, for the cluster shape: one hash per key ({@code strikes}, {@code until} in
 * Redis time, so the nodes' clocks do not matter), changed by one script at a time, expiring once the
 * wait and the quiet period after it have passed (that is the reset).
 */
final class RedisBackoff implements Backoff, AutoCloseable {

	private static final String STRIKE = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			local n = redis.call('HINCRBY', KEYS[1], 'strikes', 1)
			local wait = math.floor(math.min(tonumber(ARGV[1]) * 2 ^ math.min(n - 1, 40), tonumber(ARGV[2])))
			redis.call('HSET', KEYS[1], 'until', now + wait)
			redis.call('PEXPIRE', KEYS[1], wait + tonumber(ARGV[3]))
			return wait""";

	private static final String WAITING = """
			local u = redis.call('HGET', KEYS[1], 'until')
			if not u then return 0 end
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			return math.max(0, tonumber(u) - now)""";

	private final StatefulConnection<String, String> connection;

	private final RedisScriptingCommands<String, String> redis;

	private final String[] limits;

	/** On a standalone or Sentinel Redis ({@link RedisClient}) or a Redis Cluster (each key's script runs on its slot). */
	RedisBackoff(AbstractRedisClient client, Duration first, Duration max, Duration forgetAfter) {
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, String> clustered = cluster.connect();
			this.connection = clustered;
			this.redis = clustered.sync();
		}
		else if (client instanceof RedisClient single) {
			StatefulRedisConnection<String, String> one = single.connect();
			this.connection = one;
			this.redis = one.sync();
		}
		else {
			throw new IllegalStateException("Unknown Redis client " + client.getClass().getName());
		}
		this.limits = new String[] { Long.toString(first.toMillis()), Long.toString(max.toMillis()),
				Long.toString(forgetAfter.toMillis()) };
	}

	@Override
	public Duration waiting(String key) {
		Long millis = redis.eval(WAITING, ScriptOutputType.INTEGER, key);
		return Duration.ofMillis(millis == null ? 0 : millis);
	}

	@Override
	public Duration strike(String key) {
		Long millis = redis.eval(STRIKE, ScriptOutputType.INTEGER, new String[] { key }, limits);
		return Duration.ofMillis(millis == null ? 0 : millis);
	}

	@Override
	public void close() {
		connection.close();
	}
}
