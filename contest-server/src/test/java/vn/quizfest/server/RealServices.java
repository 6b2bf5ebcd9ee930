package vn.quizfest.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.redis.testcontainers.RedisContainer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real MySQL and Redis of the integration tests. When the test command has started local
 * servers (QUIZFEST_TEST_MYSQL_URL, QUIZFEST_TEST_REDIS_URL), they are used, with a new database for
 * each application context. Otherwise Testcontainers starts MySQL 8.4 and Redis 7. With neither, the
 * context fails with a message that names the missing service: nothing is skipped.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealServices {

	static final String MYSQL_URL = "QUIZFEST_TEST_MYSQL_URL";

	static final String MYSQL_USER = "QUIZFEST_TEST_MYSQL_USER";

	static final String MYSQL_PASSWORD = "QUIZFEST_TEST_MYSQL_PASSWORD";

	static final String REDIS_URL = "QUIZFEST_TEST_REDIS_URL";

	@Bean
	@ServiceConnection
	@Conditional(NoLocalMysql.class)
	MySQLContainer mysqlContainer() {
		requireDocker("MySQL", MYSQL_URL);
		return new MySQLContainer(DockerImageName.parse("mysql:8.4"));
	}

	@Bean
	@ServiceConnection
	@Conditional(NoLocalRedis.class)
	RedisContainer redisContainer() {
		requireDocker("Redis", REDIS_URL);
		return new RedisContainer(DockerImageName.parse("redis:7"));
	}

	@Bean
	@Conditional(LocalMysql.class)
	DynamicPropertyRegistrar localMysql() {
		String url = freshDatabase(System.getenv(MYSQL_URL), System.getenv(MYSQL_USER), System.getenv(MYSQL_PASSWORD));
		return registry -> {
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", () -> System.getenv(MYSQL_USER));
			registry.add("spring.datasource.password", () -> System.getenv(MYSQL_PASSWORD));
		};
	}

	@Bean
	@Conditional(LocalRedis.class)
	DynamicPropertyRegistrar localRedis() {
		return registry -> registry.add("spring.data.redis.url", () -> System.getenv(REDIS_URL));
	}

	/** Creates an empty utf8mb4 database beside the configured one and returns its JDBC URL. */
	static String freshDatabase(String url, String user, String password) {
		int hostStart = url.indexOf("//") + 2;
		int pathStart = url.indexOf('/', hostStart);
		int queryStart = url.indexOf('?');
		String server = url.substring(0, pathStart + 1);
		String query = queryStart < 0 ? "" : url.substring(queryStart);
		String name = "qf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(server + query, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("MySQL/MariaDB for the integration tests is not reachable at " + server
					+ " (from " + MYSQL_URL + "): " + ex.getMessage(), ex);
		}
		return server + name + query;
	}

	private static void requireDocker(String service, String variable) {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			throw new IllegalStateException("Integration tests need a real " + service + ", but " + variable
					+ " is not set and no Docker engine is available for Testcontainers. Run the tests with "
					+ "scripts/test.sh, which starts local servers, or start Docker.");
		}
	}

	private static boolean isSet(String variable) {
		String value = System.getenv(variable);
		return value != null && !value.isBlank();
	}

	/** Matches when the environment variable is set (or, for the negated form, when it is not). */
	abstract static class VariableSet implements Condition {

		private final String variable;

		private final boolean expected;

		VariableSet(String variable, boolean expected) {
			this.variable = variable;
			this.expected = expected;
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isSet(variable) == expected;
		}
	}

	static class LocalMysql extends VariableSet {
		LocalMysql() {
			super(MYSQL_URL, true);
		}
	}

	static class NoLocalMysql extends VariableSet {
		NoLocalMysql() {
			super(MYSQL_URL, false);
		}
	}

	static class LocalRedis extends VariableSet {
		LocalRedis() {
			super(REDIS_URL, true);
		}
	}

	static class NoLocalRedis extends VariableSet {
		NoLocalRedis() {
			super(REDIS_URL, false);
		}
	}
}
