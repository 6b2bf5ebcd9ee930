package vn.quizfest.server.leaderboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Leaderboards of the cluster shape: one Redis sorted set per game. The sorted-set score packs the
 * order into one exact double: {@code -(score * 2^30) + correctMillis}, so ascending order is
 * "highest score first, then least correct-answer time"; members are zero-padded player numbers, so
 * Redis' tie order (members compared as strings) is the join order. Keys carry the game's hash tag
 * so they live on one Redis Cluster slot. A question's update is a single ZADD.
 */
class RedisLeaderboard implements Leaderboard {

	private static final double SCORE_UNIT = 1L << 30;

	private final StringRedisTemplate redis;

	RedisLeaderboard(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(String gameId) {
		return "quiz:{g:" + gameId + "}:board";
	}

	static String member(int player) {
		return "%08d".formatted(player);
	}

	static double packed(Entry entry) {
		return -(entry.score() * SCORE_UNIT) + entry.correctMillis();
	}

	@Override
	public void record(String gameId, Collection<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Set<TypedTuple<String>> tuples = new HashSet<>(entries.size() * 2);
		for (Entry entry : entries) {
			tuples.add(TypedTuple.of(member(entry.player()), packed(entry)));
		}
		redis.opsForZSet().add(key(gameId), tuples);
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
				result.add(standing(tuple.getValue(), tuple.getScore(), result.size() + 1));
			}
		}
		return result;
	}

	@Override
	public Optional<Standing> standingOf(String gameId, int player) {
		String member = member(player);
		Long rank = redis.opsForZSet().rank(key(gameId), member);
		Double score = redis.opsForZSet().score(key(gameId), member);
		if (rank == null || score == null) {
			return Optional.empty();
		}
		return Optional.of(standing(member, score, rank + 1));
	}

	private static Standing standing(String member, double packed, long rank) {
		long score = (long) Math.ceil(-packed / SCORE_UNIT);
		long correctMillis = Math.round(packed + score * SCORE_UNIT);
		return new Standing(Integer.parseInt(member), score, correctMillis, rank);
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
