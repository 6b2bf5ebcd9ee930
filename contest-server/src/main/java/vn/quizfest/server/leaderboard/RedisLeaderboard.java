package vn.quizfest.server.leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Leaderboards of the cluster shape: one Redis sorted set per game. Scores are stored negated so
 * that ascending order (ZRANGE, ZRANK) is "highest score first, then player id", matching the
 * in-memory adapter. Keys carry the game's hash tag so they live on one Redis Cluster slot.
 */
class RedisLeaderboard implements Leaderboard {

	private final StringRedisTemplate redis;

	RedisLeaderboard(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(String gameId) {
		return "quiz:{g:" + gameId + "}:board";
	}

	@Override
	public long addPoints(String gameId, String playerId, long points) {
		Double negated = redis.opsForZSet().incrementScore(key(gameId), playerId, -points);
		return negated == null ? 0 : -Math.round(negated);
	}

	@Override
	public List<Standing> top(String gameId, int count) {
		if (count <= 0) {
			return List.of();
		}
		Set<TypedTuple<String>> tuples = redis.opsForZSet().rangeWithScores(key(gameId), 0, count - 1L);
		List<Standing> result = new ArrayList<>();
		if (tuples != null) {
			for (TypedTuple<String> tuple : tuples) {
				result.add(new Standing(tuple.getValue(), -Math.round(tuple.getScore()), result.size() + 1));
			}
		}
		return result;
	}

	@Override
	public Optional<Standing> standingOf(String gameId, String playerId) {
		Long rank = redis.opsForZSet().rank(key(gameId), playerId);
		Double score = redis.opsForZSet().score(key(gameId), playerId);
		if (rank == null || score == null) {
			return Optional.empty();
		}
		return Optional.of(new Standing(playerId, -Math.round(score), rank + 1));
	}

	@Override
	public long size(String gameId) {
		Long size = redis.opsForZSet().zCard(key(gameId));
		return size == null ? 0 : size;
	}

	@Override
	public void remove(String gameId) {
		redis.delete(key(gameId));
	}
}
