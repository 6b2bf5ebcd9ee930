package vn.quizfest.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import vn.quizfest.server.redis.SlowLink;

/**
 * A starting node of the cluster shape tries again to reach Redis for up to its start-up wait (the real
 * Redis of the suite, reached through a link that only opens 1.5 s after the node began, as a Redis still
 * starting): it starts. A Redis that never answers stops the start after the wait, with a message that
 * says so.
 */
class ClusterModeCheckRedisIntegrationTest {

	private static LettuceConnectionFactory factory(int port) {
		URI suite = URI.create(System.getenv("QUIZFEST_TEST_REDIS_URL"));
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", port);
		String userInfo = suite.getUserInfo();
		if (userInfo != null && userInfo.contains(":")) {
			server.setPassword(userInfo.substring(userInfo.indexOf(':') + 1));
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	@Test
	@Timeout(60)
	void aRedisThatAnswersLateIsTriedAgainWithinTheStartupWait() throws Exception {
		URI suite = URI.create(System.getenv("QUIZFEST_TEST_REDIS_URL"));
		try (SlowLink link = new SlowLink(suite.getHost(), suite.getPort(), Duration.ZERO)) {
			LettuceConnectionFactory factory = factory(link.port());
			try {
				CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> {
					try {
						link.open();
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
				}, CompletableFuture.delayedExecutor(1_500, TimeUnit.MILLISECONDS));
				long started = System.nanoTime();
				new ClusterModeCheck(factory, Duration.ofSeconds(20)).requireRedis();
				opened.get(5, TimeUnit.SECONDS);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited for the late Redis")
					.isGreaterThanOrEqualTo(Duration.ofMillis(1_400));
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	@Timeout(60)
	void aRedisThatNeverAnswersStopsTheStartAfterTheWait() throws Exception {
		URI suite = URI.create(System.getenv("QUIZFEST_TEST_REDIS_URL"));
		try (SlowLink link = new SlowLink(suite.getHost(), suite.getPort(), Duration.ZERO)) {
			LettuceConnectionFactory factory = factory(link.port());
			try {
				long started = System.nanoTime();
				assertThatThrownBy(() -> new ClusterModeCheck(factory, Duration.ofSeconds(2)).requireRedis())
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("cannot reach it")
					.hasMessageContaining("attempts");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1_000),
						Duration.ofSeconds(15));
			}
			finally {
				factory.destroy();
			}
		}
	}
}
