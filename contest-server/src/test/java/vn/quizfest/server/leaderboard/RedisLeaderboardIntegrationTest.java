package vn.quizfest.server.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.RealServices;

/** The Redis adapter against a real Redis, in the cluster profile. */
@SpringBootTest
@ActiveProfiles("cluster")
@Import(RealServices.class)
class RedisLeaderboardIntegrationTest extends LeaderboardContract {

	@Autowired
	Leaderboard leaderboard;

	@Autowired
	StringRedisTemplate redis;

	@Override
	Leaderboard leaderboard() {
		return leaderboard;
	}

	@Test
	void theClusterProfileUsesRedisWithTheGamesHashTag() {
		leaderboard.record(game, java.util.List.of(new Leaderboard.Entry(1, 10, 0)));

		assertThat(leaderboard).isInstanceOf(RedisLeaderboard.class);
		assertThat(redis.hasKey("quiz:{g:" + game + "}:board")).isTrue();
	}
}
