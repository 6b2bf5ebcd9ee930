package vn.quizfest.server.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

import vn.quizfest.server.redis.RedisSettings;

/**
 * Refuses to start the cluster profile on anything but MySQL/MariaDB and a reachable Redis, so a
 * missing setting never falls back silently to an in-memory database. Both are checked when Flyway
 * is configured, before any migration runs.
 */
@Component
@Profile("cluster")
class ClusterModeCheck implements FlywayConfigurationCustomizer {

	private static final Logger log = LoggerFactory.getLogger(ClusterModeCheck.class);

	/** The longest pause between two tries to reach Redis at start-up. */
	private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

	private final RedisConnectionFactory redis;

	private final Duration startupWait;

	@Autowired
	ClusterModeCheck(RedisConnectionFactory redis, ObjectProvider<RedisSettings> settings) {
		this(redis, settings.getIfAvailable(() -> new RedisSettings("", Duration.ofMillis(500), Duration.ofSeconds(30),
				Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1))).startupWait());
	}

	ClusterModeCheck(RedisConnectionFactory redis, Duration startupWait) {
		this.redis = redis;
		this.startupWait = startupWait;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		requireMysqlOrMariaDb(configuration.getDataSource());
		requireRedis();
	}

	/**
	 * Pings Redis, trying again with a growing pause (0.1 s doubling to 2 s) for up to the start-up wait: on
	 * a loaded machine, or while Redis itself is starting, one slow or refused first connection must not
	 * stop a node from starting.
	 */
	void requireRedis() {
		long deadline = System.nanoTime() + startupWait.toNanos();
		Duration pause = Duration.ofMillis(100);
		for (int attempt = 1;; attempt++) {
			try (var connection = redis.getConnection()) {
				connection.ping();
				if (attempt > 1) {
					log.info("Redis answered at start-up attempt {}", attempt);
				}
				return;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() + pause.toNanos() >= deadline) {
					throw new IllegalStateException("Cluster mode needs Redis 7 and cannot reach it (" + attempt
							+ " attempts in " + startupWait.toSeconds() + " s). Check QUIZFEST_REDIS_URL.", ex);
				}
				log.warn("Redis did not answer at start-up (attempt {}): {}; trying again in {} ms", attempt,
						ex.toString(), pause.toMillis());
				try {
					Thread.sleep(pause.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for Redis at start-up", ex);
				}
				pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
			}
		}
	}

	static void requireMysqlOrMariaDb(DataSource dataSource) {
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cluster mode cannot reach its database. Check QUIZFEST_DB_URL, "
					+ "QUIZFEST_DB_USER and QUIZFEST_DB_PASSWORD: " + ex.getMessage(), ex);
		}
		String name = product.toLowerCase(Locale.ROOT);
		if (!name.contains("mysql") && !name.contains("mariadb")) {
			throw new IllegalStateException("Cluster mode needs MySQL 8+ or MariaDB 10.11+, but the database is "
					+ product + ". Set QUIZFEST_DB_URL, QUIZFEST_DB_USER and QUIZFEST_DB_PASSWORD.");
		}
	}
}
