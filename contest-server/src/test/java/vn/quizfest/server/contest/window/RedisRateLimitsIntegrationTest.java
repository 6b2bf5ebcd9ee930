package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis adapter on the suite's Redis ({@code QUIZFEST_TEST_REDIS_URL}): several limits in one script call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRateLimitsIntegrationTest extends RateLimitsContract {

	private LettuceConnectionFactory factory;

	private RedisRateLimits limits;

	@BeforeAll
	void connect() {
		String url = System.getenv("QUIZFEST_TEST_REDIS_URL");
		assertThat(url).as("QUIZFEST_TEST_REDIS_URL (scripts/services.sh or scripts/test.sh set it)").isNotBlank();
		URI uri = URI.create(url);
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
		String userInfo = uri.getUserInfo();
		if (userInfo != null && userInfo.contains(":")) {
			server.setPassword(userInfo.substring(userInfo.indexOf(':') + 1));
		}
		factory = new LettuceConnectionFactory(server);
		factory.afterPropertiesSet();
		factory.start();
		limits = new RedisRateLimits(new StringRedisTemplate(factory), clock);
	}

	@AfterAll
	void disconnect() {
		factory.destroy();
	}

	@Override
	RateLimits limits() {
		return limits;
	}
}
