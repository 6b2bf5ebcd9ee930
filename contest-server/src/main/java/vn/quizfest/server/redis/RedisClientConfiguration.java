package vn.quizfest.server.redis;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Which Redis and how the client talks to it. Spring Boot still builds the one connection factory
 * (sessions, templates, health), from {@code QUIZFEST_REDIS_URL} when it is set; the features that need
 * Lettuce itself (the event bus, the address limits) take its native client, so every Redis use follows
 * the same URL, timeouts and topology.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
@EnableConfigurationProperties(RedisSettings.class)
class RedisClientConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RedisClientConfiguration.class);

	/** Commands that wait on the server on purpose; they get the blocking allowance on top. */
	private static final Set<String> BLOCKING = Set.of("BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BZPOPMIN",
			"BZPOPMAX", "BLMPOP", "BZMPOP", "XREAD", "XREADGROUP", "WAIT", "WAITAOF");

	/** Primary: it wins over connection details a test container or Boot's own properties would give. */
	@Bean
	@Primary
	@ConditionalOnExpression("!'${quizfest.redis.url:}'.isBlank()")
	DataRedisConnectionDetails quizfestRedisConnectionDetails(RedisSettings settings) {
		RedisUrl url = RedisUrl.parse(settings.url());
		log.info("Using {}", url.describe());
		return url.connectionDetails();
	}

	/**
	 * Lettuce bounds a connection's handshake (and a synchronous connect) by the connection's own timeout,
	 * the one Spring calls the command timeout. That one is the connect timeout here; every command is
	 * bounded by the command timeout through {@link CommandTimeouts} (the timeout options below), not by it.
	 */
	@Bean
	LettuceClientConfigurationBuilderCustomizer redisCommandTimeout(RedisSettings settings) {
		return builder -> {
			builder.commandTimeout(connectionTimeout(settings));
			if (!settings.url().isBlank() && RedisUrl.parse(settings.url()).ssl()) {
				builder.useSsl();
			}
		};
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer redisClientOptions(RedisSettings settings) {
		return builder -> {
			// Applies to every command, asynchronous ones included (the publisher, the limits' buckets),
			// which otherwise wait for ever on a Redis that stopped answering.
			builder.timeoutOptions(TimeoutOptions.builder().timeoutSource(new CommandTimeouts(settings)).build());
			builder.socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true).build());
			// While disconnected, commands wait for the reconnection up to their timeout, then fail.
			builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS);
			builder.autoReconnect(true);
			if (builder instanceof ClusterClientOptions.Builder cluster) {
				cluster.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
					.enablePeriodicRefresh(settings.topologyRefresh())
					.enableAllAdaptiveRefreshTriggers()
					.adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
					.dynamicRefreshSources(true)
					.build());
			}
		};
	}

	/**
	 * Reconnection attempts a few milliseconds apart at first, doubling up to {@code reconnect-delay-max}:
	 * after a Redis restart the node is back within about that long, not the client's default of up to 30 s.
	 */
	@Bean
	ClientResourcesBuilderCustomizer redisReconnectDelay(RedisSettings settings) {
		return builder -> builder.reconnectDelay(reconnectDelay(settings));
	}

	/** What bounds a connection's handshake: the connect timeout, never less than a command's. */
	static Duration connectionTimeout(RedisSettings settings) {
		return settings.connectTimeout().compareTo(settings.commandTimeout()) > 0 ? settings.connectTimeout()
				: settings.commandTimeout();
	}

	static Delay reconnectDelay(RedisSettings settings) {
		return Delay.exponential(Duration.ofMillis(1), settings.reconnectDelayMax(), 2, TimeUnit.MILLISECONDS);
	}

	/** The command timeout, with more time for the commands that block on purpose. */
	static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

		private final long normal;

		private final long blocking;

		CommandTimeouts(RedisSettings settings) {
			this.normal = settings.commandTimeout().toNanos();
			this.blocking = settings.commandTimeout().plus(settings.blockingCommandAllowance()).toNanos();
		}

		@Override
		public long getTimeout(RedisCommand<?, ?, ?> command) {
			return BLOCKING.contains(command.getType().toString()) ? blocking : normal;
		}

		@Override
		public java.util.concurrent.TimeUnit getTimeUnit() {
			return java.util.concurrent.TimeUnit.NANOSECONDS;
		}
	}
}
