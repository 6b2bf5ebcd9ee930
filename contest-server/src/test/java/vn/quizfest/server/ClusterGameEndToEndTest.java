package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The whole game on the cluster shape: real MariaDB/MySQL and Redis (leaderboard, PINs, sessions). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + GameEndToEndTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ClusterGameEndToEndTest extends GameEndToEndTest {

	@Autowired
	StringRedisTemplate redis;

	@Override
	void afterGame(String gameId, Expected expected) {
		// The leaderboard went through Redis: one sorted set for the game, everyone on it.
		assertThat(redis.opsForZSet().zCard("quiz:{g:" + gameId + "}:board")).isEqualTo(PLAYERS);
	}
}
