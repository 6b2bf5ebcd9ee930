package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A connection to the suite's standalone Redis ({@code QUIZFEST_TEST_REDIS_URL}, set by scripts/services.sh
 * and scripts/test.sh) for tests that drive the Redis adapters directly, without an application context.
 */
final class SuiteRedis {

	private SuiteRedis() {
	}

	/** A started connection factory; the caller destroys it. */
	static LettuceConnectionFactory connect() {
		String url = System.getenv("QUIZFEST_TEST_REDIS_URL");
		assertThat(url).as("QUIZFEST_TEST_REDIS_URL (scripts/services.sh or scripts/test.sh set it)").isNotBlank();
		URI uri = URI.create(url);
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
		String userInfo = uri.getUserInfo();
		if (userInfo != null && userInfo.contains(":")) {
			server.setPassword(userInfo.substring(userInfo.indexOf(':') + 1));
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}
}
