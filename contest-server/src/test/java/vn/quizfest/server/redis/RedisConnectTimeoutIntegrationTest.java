package vn.quizfest.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The connect timeout is a setting of its own, apart from the command timeout, against the real Redis of
 * the suite behind a {@link SlowLink}: a first handshake that takes 1.5 s (a cold node on a loaded
 * machine) connects within the 5 s connect timeout although every command is bounded by 500 ms; a command
 * on that connection still fails after about 500 ms when Redis stops answering; and with the connect
 * timeout set as short as the command timeout the same handshake fails, as every node's did before.
 */
class RedisConnectTimeoutIntegrationTest {

	private static final Duration HANDSHAKE = Duration.ofMillis(1_500);

	private static RedisSettings settings(Duration connectTimeout) {
		return new RedisSettings("", Duration.ofMillis(500), Duration.ofSeconds(30), connectTimeout,
				Duration.ofSeconds(5), Duration.ofSeconds(1));
	}

	/** A connection factory built as the server builds its own, through this package's customizers. */
	private static LettuceConnectionFactory factory(RedisSettings settings, int port) {
		RedisClientConfiguration configuration = new RedisClientConfiguration();
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder();
		configuration.redisCommandTimeout(settings).customize(client);
		ClientOptions.Builder options = ClientOptions.builder();
		configuration.redisClientOptions(settings).customize(options);
		client.clientOptions(options.build());
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", port);
		String password = suite().getUserInfo();
		if (password != null && password.contains(":")) {
			server.setPassword(password.substring(password.indexOf(':') + 1));
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client.build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	static URI suite() {
		String url = System.getenv("QUIZFEST_TEST_REDIS_URL");
		assertThat(url).as("QUIZFEST_TEST_REDIS_URL (scripts/services.sh or scripts/test.sh set it)").isNotBlank();
		return URI.create(url);
	}

	@Test
	@Timeout(30)
	void aSlowFirstHandshakeConnectsWithinTheConnectTimeoutAndCommandsKeepTheirOwnTimeout() throws Exception {
		try (SlowLink link = new SlowLink(suite().getHost(), suite().getPort(), HANDSHAKE)) {
			link.open();
			LettuceConnectionFactory factory = factory(settings(Duration.ofSeconds(5)), link.port());
			try {
				StringRedisTemplate redis = new StringRedisTemplate(factory);
				long started = System.nanoTime();
				redis.opsForValue().set("quiz:test:connect-timeout", "đã kết nối", Duration.ofMinutes(1));
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the handshake's wait")
					.isGreaterThanOrEqualTo(HANDSHAKE.minusMillis(100));
				assertThat(redis.opsForValue().get("quiz:test:connect-timeout")).isEqualTo("đã kết nối");

				// Redis stops answering: a command on the open connection fails after the command timeout.
				link.stall(Duration.ofSeconds(4));
				long asked = System.nanoTime();
				assertThatThrownBy(() -> redis.opsForValue().get("quiz:test:connect-timeout"))
					.isInstanceOf(DataAccessException.class);
				assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("bounded by the command timeout")
					.isBetween(Duration.ofMillis(400), Duration.ofMillis(2_500));
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	@Timeout(30)
	void aConnectTimeoutAsShortAsTheCommandTimeoutFailsTheSameHandshake() throws Exception {
		try (SlowLink link = new SlowLink(suite().getHost(), suite().getPort(), HANDSHAKE)) {
			link.open();
			LettuceConnectionFactory factory = factory(settings(Duration.ofMillis(500)), link.port());
			try {
				StringRedisTemplate redis = new StringRedisTemplate(factory);
				assertThatThrownBy(() -> redis.opsForValue().get("quiz:test:connect-timeout"))
					.isInstanceOf(DataAccessException.class);
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void theConnectionsOwnTimeoutIsTheConnectTimeoutNeverLessThanACommands() {
		assertThat(RedisClientConfiguration.connectionTimeout(settings(Duration.ofSeconds(5))))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(RedisClientConfiguration.connectionTimeout(settings(Duration.ofMillis(200))))
			.isEqualTo(Duration.ofMillis(500));
		assertThat(new RedisSettings("", Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofSeconds(1)).startupWait()).isEqualTo(Duration.ofSeconds(30));
		assertThatThrownBy(() -> settings(Duration.ZERO)).hasMessageContaining("connect-timeout");
	}
}
