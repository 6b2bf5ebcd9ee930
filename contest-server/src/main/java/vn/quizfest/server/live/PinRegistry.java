package vn.quizfest.server.live;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.core.StringRedisTemplate;

/** Six-digit PINs, unique among live games: in this process (embedded) or across the cluster (Redis). */
interface PinRegistry {

	/** Claims the PIN for the game; false when another live game holds it. */
	boolean claim(String pin, String gameId);

	Optional<String> gameOf(String pin);

	void release(String pin, String gameId);

	/** Whether a game with this id is live on some node. */
	boolean isLive(String gameId);

	final class InMemory implements PinRegistry {

		private final Map<String, String> pins = new ConcurrentHashMap<>();

		@Override
		public boolean claim(String pin, String gameId) {
			return pins.putIfAbsent(pin, gameId) == null;
		}

		@Override
		public Optional<String> gameOf(String pin) {
			return Optional.ofNullable(pins.get(pin));
		}

		@Override
		public void release(String pin, String gameId) {
			pins.remove(pin, gameId);
		}

		@Override
		public boolean isLive(String gameId) {
			return pins.containsValue(gameId);
		}
	}

	/** PINs as Redis keys with a time to live, so a crashed node's PINs free themselves. */
	final class Redis implements PinRegistry {

		private static final Duration TTL = Duration.ofHours(24);

		/** Compare and delete in one step: a PIN that has passed to another game meanwhile stays its. */
		private static final org.springframework.data.redis.core.script.RedisScript<Long> RELEASE =
				org.springframework.data.redis.core.script.RedisScript.of("""
						if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
						return 0""", Long.class);

		private final StringRedisTemplate redis;

		Redis(StringRedisTemplate redis) {
			this.redis = redis;
		}

		private static String key(String pin) {
			return "quiz:pin:" + pin;
		}

		private static String gameKey(String gameId) {
			return "quiz:game:" + gameId;
		}

		@Override
		public boolean claim(String pin, String gameId) {
			boolean claimed = Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(pin), gameId, TTL));
			if (claimed) {
				redis.opsForValue().set(gameKey(gameId), pin, TTL);
			}
			return claimed;
		}

		@Override
		public boolean isLive(String gameId) {
			return Boolean.TRUE.equals(redis.hasKey(gameKey(gameId)));
		}

		@Override
		public Optional<String> gameOf(String pin) {
			return Optional.ofNullable(redis.opsForValue().get(key(pin)));
		}

		@Override
		public void release(String pin, String gameId) {
			// Only the holder releases. The two keys lie in different hash slots (Redis Cluster), so they
			// cannot share one script; the game's key is its own and goes either way.
			redis.execute(RELEASE, java.util.List.of(key(pin)), gameId);
			redis.delete(gameKey(gameId));
		}
	}
}
