package vn.quizfest.server.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis client of the cluster shape ({@code quizfest.redis.*}); documented in docs/operations.md.
 *
 * @param url the Redis to use ({@code QUIZFEST_REDIS_URL}): {@code redis://}, {@code rediss://},
 *        {@code redis-sentinel://host:port,host:port[/db]#master} or {@code redis-cluster://host:port,host:port};
 *        empty: Spring Boot's own {@code spring.data.redis.*} settings (default {@code localhost:6379})
 * @param commandTimeout a command without an answer in this time fails (the caller logs it and goes on);
 *        the client's default of 60 s let one slow Redis hold up a whole game. Blocking reads (XREAD with
 *        BLOCK, BLPOP…) get {@code blockingCommandAllowance} more, since they wait on purpose
 * @param blockingCommandAllowance extra time for blocking commands, on top of their command timeout
 * @param connectTimeout a connection (or reconnection) attempt, the TCP connect and the handshake after it
 *        ({@code HELLO}/{@code AUTH}, {@code SELECT}), that takes longer fails and is retried. Apart from the
 *        command timeout: a cold node on a loaded machine took longer than 500 ms for its first handshake
 * @param startupWait how long a starting node of the cluster shape keeps trying to reach Redis (its first
 *        commands, retried with a growing pause) before it refuses to start
 * @param topologyRefresh how often a Redis Cluster client re-reads the cluster's slots and nodes, besides
 *        at once when a node is lost or answers MOVED
 * @param reconnectDelayMax the longest wait between two reconnection attempts after a lost connection (they
 *        start a millisecond apart and double); with the client's default of 30 s, a node could stay away
 *        from a Redis that is back after a longer restart for up to that long
 */
@ConfigurationProperties("quizfest.redis")
public record RedisSettings(@DefaultValue("") String url, @DefaultValue("500ms") Duration commandTimeout,
		@DefaultValue("30s") Duration blockingCommandAllowance, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("5s") Duration topologyRefresh, @DefaultValue("1s") Duration reconnectDelayMax,
		@DefaultValue("30s") Duration startupWait) {

	/** The settings with the default start-up wait (30 s). */
	public RedisSettings(String url, Duration commandTimeout, Duration blockingCommandAllowance, Duration connectTimeout,
			Duration topologyRefresh, Duration reconnectDelayMax) {
		this(url, commandTimeout, blockingCommandAllowance, connectTimeout, topologyRefresh, reconnectDelayMax,
				Duration.ofSeconds(30));
	}

	@ConstructorBinding
	public RedisSettings {
		if (commandTimeout.isNegative() || commandTimeout.isZero()) {
			throw new IllegalArgumentException("quizfest.redis.command-timeout must be positive");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("quizfest.redis.connect-timeout must be positive");
		}
		if (startupWait.isNegative()) {
			throw new IllegalArgumentException("quizfest.redis.startup-wait must not be negative");
		}
		if (reconnectDelayMax.isNegative() || reconnectDelayMax.isZero()) {
			throw new IllegalArgumentException("quizfest.redis.reconnect-delay-max must be positive");
		}
	}
}
