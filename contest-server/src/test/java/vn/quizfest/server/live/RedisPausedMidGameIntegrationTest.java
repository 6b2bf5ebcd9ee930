package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.RealServices;

/**
 * A Redis that stops answering in the middle of a question (CLIENT PAUSE, as a Redis busy with a long
 * command or a failover would) never holds up the game: the answers are acknowledged, the question
 * closes and every player gets the result while Redis is still paused. The leaderboard write behind it
 * fails after the command timeout (the default, 500 ms) and the next close writes the whole board again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=" + LiveIntegrationSupport.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false", "quizfest.redis.command-timeout=500ms" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class RedisPausedMidGameIntegrationTest extends LiveIntegrationSupport {

	static final int PLAYERS = 6;

	static final long PAUSE_MILLIS = 4_000;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void framesGoOutWhileRedisIsPausedAndTheBoardCatchesUpAfterwards() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		command(host, "start");
		for (Player player : players) {
			player.socket().next("open", 0);
		}

		RedisClient client = RedisClient.create(RedisURI.create(System.getenv("QUIZFEST_TEST_REDIS_URL")));
		long pausedUntil;
		try (StatefulRedisConnection<String, String> admin = client.connect()) {
			// Every client of this Redis, the game's node included, waits from now on.
			admin.sync().clientPause(PAUSE_MILLIS);
			pausedUntil = System.nanoTime() + Duration.ofMillis(PAUSE_MILLIS).toNanos();
		}
		finally {
			client.shutdown();
		}
		for (int i = 0; i < PLAYERS; i++) {
			players.get(i).socket().send(answer(0, i % 2 == 0 ? 0 : 1));
		}
		for (Player player : players) {
			JsonNode ack = player.socket().next("ack", 0);
			assertThat(ack.path("accepted").asBoolean()).isTrue();
		}
		// Everybody answered: the question closes early, and the result reaches every phone.
		host.next("closed", 0);
		for (Player player : players) {
			player.socket().next("outcome", 0);
		}
		assertThat(System.nanoTime()).as("the results went out while Redis was still paused").isLessThan(pausedUntil);

		// After the pause the game goes on, and the next close writes the full board.
		await().atMost(Duration.ofMillis(PAUSE_MILLIS + 5_000))
			.until(() -> System.nanoTime() > pausedUntil);
		command(host, "next");
		host.next("leaderboard", 0);
		command(host, "next");
		for (Player player : players) {
			player.socket().next("open", 1);
		}
		for (int i = 0; i < PLAYERS; i++) {
			players.get(i).socket().send(answer(1, 0));
		}
		host.next("closed", 1);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(redis.opsForZSet().zCard("quiz:{g:" + game.id() + "}:board")).isEqualTo(PLAYERS));
	}
}
