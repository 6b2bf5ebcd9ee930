package vn.quizfest.server.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the cluster profile on anything but MySQL/MariaDB and a reachable Redis, so a
 * missing setting never falls back silently to an in-memory database. Both are checked when Flyway
 * is configured, before any migration runs.
 */
@Component
@Profile("cluster")
class ClusterModeCheck implements FlywayConfigurationCustomizer {

	private final RedisConnectionFactory redis;

	ClusterModeCheck(RedisConnectionFactory redis) {
		this.redis = redis;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		requireMysqlOrMariaDb(configuration.getDataSource());
		requireRedis();
	}

	private void requireRedis() {
		try (var connection = redis.getConnection()) {
			connection.ping();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cluster mode needs Redis 7 and cannot reach it. Check QUIZFEST_REDIS_URL.",
					ex);
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
