package vn.quizfest.server.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Chooses the bus from {@code quizfest.live-state}: memory (embedded) or redis (cluster). */
@Configuration(proxyBeanMethods = false)
class GameEventBusConfiguration {

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	GameEventBus inMemoryGameEventBus() {
		return new InMemoryGameEventBus();
	}

	/** The same Redis client as the rest of the application: standalone, Sentinel or Cluster, with its timeouts. */
	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	GameEventBus redisGameEventBus(LettuceConnectionFactory redis) {
		return new RedisGameEventBus(redis.getRequiredNativeClient());
	}
}
