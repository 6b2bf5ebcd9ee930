package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RedisShapes;

/**
 * The cluster shape on a Redis Sentinel set (a master, a replica, three sentinels), and a failover of
 * the master in the middle of a game.
 */
class SentinelShapeIntegrationTest extends RedisShapeContract {

	@DynamicPropertySource
	static void sentinel(DynamicPropertyRegistry registry) {
		registry.add("quizfest.redis.url", RedisShapes::sentinelUrl);
	}

	@Override
	void assertShape(LettuceConnectionFactory factory) {
		assertThat(factory.getSentinelConfiguration()).isNotNull();
		assertThat(factory.getSentinelConfiguration().getMaster().getName()).isEqualTo("quizfest");
		assertThat(factory.getRequiredNativeClient()).isInstanceOf(RedisClient.class);
	}

	@Test
	void aFailoverOfTheMasterMidGameLosesNoAnswerAndTheGameGoesOn() throws InterruptedException {
		Created game = createGame(singleChoiceQuiz(3), quickSettings());
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		// A node's subscription from before the failover must still hear the game afterwards.
		BlockingQueue<String> relayed = new LinkedBlockingQueue<>();
		var subscription = bus.subscribe(game.id() + "-relay", relayed::add);
		command(host, "start");
		playQuestion(host, players, 0);

		RedisURI sentinelUri = RedisURI.create(RedisShapes.sentinelUrl());
		RedisURI firstSentinel = sentinelUri.getSentinels().get(0);
		RedisClient client = RedisClient.create();
		try (StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel(
				RedisURI.builder().withHost(firstSentinel.getHost()).withPort(firstSentinel.getPort()).build())) {
			String before = sentinel.sync().getMasterAddrByName("quizfest").toString();
			// Mid-game: the leaderboard of question 0 is up, question 1 comes next.
			assertThat(sentinel.sync().failover("quizfest")).isEqualTo("OK");
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !sentinel.sync().getMasterAddrByName("quizfest").toString().equals(before));
		}
		finally {
			client.shutdown();
		}

		// The game goes on: question 1 and 2 are played, every answer acknowledged and closed.
		command(host, "next");
		List<JsonNode> acks = playQuestion(host, players, 1);
		assertThat(acks).hasSize(PLAYERS);
		command(host, "next");
		playQuestion(host, players, 2);
		command(host, "next");
		host.next("podium", WAIT);

		// The new master has the PIN (replicated before the failover) and the leaderboard written after it.
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			assertThat(redis.opsForValue().get("quiz:pin:" + game.pin())).isEqualTo(game.id());
			assertThat(redis.opsForZSet().zCard("quiz:{g:" + game.id() + "}:board")).isEqualTo(PLAYERS);
		});
		assertThat(new ApiClient(port).get("/api/pins/" + game.pin()).status()).isEqualTo(200);
		// The subscription made before the failover was renewed on the new master.
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			bus.publish(game.id() + "-relay", "after failover");
			return "after failover".equals(relayed.poll(500, TimeUnit.MILLISECONDS));
		});
		subscription.close();

		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode stored = await().atMost(WAIT)
			.until(() -> organiser.get("/api/games/" + game.id() + "/answers").body(),
					body -> body.path("count").asInt() == 3 * PLAYERS);
		assertThat(stored.path("answers").size()).isEqualTo(3 * PLAYERS);
	}
}
