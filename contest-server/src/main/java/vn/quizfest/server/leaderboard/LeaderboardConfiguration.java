package vn.quizfest.server.leaderboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Chooses the adapter from {@code quizfest.live-state}: memory (embedded) or redis (cluster). */
@Configuration(proxyBeanMethods = false)
class LeaderboardConfiguration {

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	Leaderboard inMemoryLeaderboard() {
		return new InMemoryLeaderboard();
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	Leaderboard redisLeaderboard(StringRedisTemplate redis) {
		return new RedisLeaderboard(redis);
	}
}
