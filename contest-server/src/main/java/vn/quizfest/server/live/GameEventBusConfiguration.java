package vn.quizfest.server.live;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Chooses the bus from {@code quizfest.live-state}: memory (embedded) or redis (cluster). */
@Configuration(proxyBeanMethods = false)
class GameEventBusConfiguration {

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	GameEventBus inMemoryGameEventBus() {
		return new InMemoryGameEventBus();
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	GameEventBus redisGameEventBus(ClientResources resources, DataRedisConnectionDetails details,
			Environment environment) {
		return new RedisGameEventBus(resources, redisUri(details, environment.getProperty("spring.data.redis.url")));
	}

	/** The same Redis the rest of the application uses: its URL when one is set, else the connection details. */
	static RedisURI redisUri(DataRedisConnectionDetails details, String url) {
		if (url != null && !url.isBlank()) {
			return RedisURI.create(url);
		}
		if (details.getCluster() != null || details.getSentinel() != null) {
			throw new IllegalStateException(
					"The game event bus needs a standalone Redis for now; set QUIZFEST_REDIS_URL to one.");
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		RedisURI.Builder builder = RedisURI.builder()
			.withHost(standalone.getHost())
			.withPort(standalone.getPort())
			.withDatabase(standalone.getDatabase());
		if (details.getPassword() != null) {
			if (details.getUsername() != null) {
				builder.withAuthentication(details.getUsername(), details.getPassword());
			}
			else {
				builder.withPassword(details.getPassword().toCharArray());
			}
		}
		return builder.build();
	}
}
