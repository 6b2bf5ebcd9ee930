package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RedisShapes;

/**
 * The cluster shape on a Redis Cluster of three masters with a replica each, and the master that holds
 * a game's slot killed (SIGKILL) in the middle of the game: its replica takes over the slots and the
 * game goes on. With no replicas the killed master's slots would be gone until it came back (and with
 * {@code cluster-require-full-coverage} the whole cluster would refuse writes), hence the replicas.
 */
class RedisClusterShapeIntegrationTest extends RedisShapeContract {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("quizfest.redis.url", RedisShapes::clusterUrl);
	}

	@Override
	void assertShape(LettuceConnectionFactory factory) {
		assertThat(factory.getClusterConfiguration()).isNotNull();
		assertThat(factory.getRequiredNativeClient()).isInstanceOf(RedisClusterClient.class);
	}

	/** The port of the master that serves this key's slot, read from CLUSTER SHARDS of a live node. */
	static int masterOf(String key, List<Integer> ports, String password) {
		int slot = SlotHash.getSlot(key);
		RedisClient client = RedisClient.create();
		try {
			for (int port : ports) {
				try (StatefulRedisConnection<String, String> node = RedisShapes.connect(client, port, password)) {
					for (String line : node.sync().clusterNodes().split("\n")) {
						String[] fields = line.split(" ");
						if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
							continue;
						}
						for (int i = 8; i < fields.length; i++) {
							String[] range = fields[i].split("-");
							int from = Integer.parseInt(range[0]);
							int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
							if (slot >= from && slot <= to) {
								String address = fields[1].split("@")[0];
								return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
							}
						}
					}
					return -1;
				}
				catch (RuntimeException unreachable) {
					// a killed node: ask the next one
				}
			}
			return -1;
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void aKilledMasterMidGameIsReplacedByItsReplicaAndTheGameGoesOn() throws Exception {
		String url = RedisShapes.clusterUrl();
		String password = RedisShapes.password(url);
		int first = Integer.parseInt(url.substring(url.lastIndexOf('@') + 1).split(",")[0].split(":")[1]);
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ports.add(first + i);
		}
		Path folder = RedisShapes.clusterDir();

		Created game = createGame(singleChoiceQuiz(3), quickSettings());
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		BlockingQueue<String> relayed = new LinkedBlockingQueue<>();
		String relayGame = game.id();
		var subscription = bus.subscribe(relayGame, relayed::add);
		command(host, "start");
		playQuestion(host, players, 0);

		String board = "quiz:{g:" + game.id() + "}:board";
		int victim = masterOf(board, ports, password);
		assertThat(victim).as("the master of the game's slot").isPositive();
		RedisShapes.kill(folder, victim);
		try {
			List<Integer> survivors = new ArrayList<>(ports);
			survivors.remove(Integer.valueOf(victim));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					int now = masterOf(board, survivors, password);
					return now > 0 && now != victim;
				});

			// The game goes on: questions 1 and 2 are played, every answer acknowledged.
			command(host, "next");
			assertThat(playQuestion(host, players, 1)).hasSize(PLAYERS);
			command(host, "next");
			playQuestion(host, players, 2);
			command(host, "next");
			host.next("podium", WAIT);

			// Until the client has re-read the topology a command for the lost master's slots times out.
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				assertThat(redis.opsForValue().get("quiz:pin:" + game.pin())).isEqualTo(game.id());
				assertThat(redis.opsForZSet().zCard(board)).isEqualTo(PLAYERS);
			});
			assertThat(new ApiClient(port).get("/api/pins/" + game.pin()).status()).isEqualTo(200);
			// The game's channel moved with its slot; the node's subscription follows it.
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				bus.publish(relayGame, "after the master was lost");
				return "after the master was lost".equals(relayed.poll(500, TimeUnit.MILLISECONDS));
			});
			subscription.close();

			ApiClient organiser = new ApiClient(port);
			assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
			JsonNode stored = await().atMost(WAIT)
				.until(() -> organiser.get("/api/games/" + game.id() + "/answers").body(),
						body -> body.path("count").asInt() == 3 * PLAYERS);
			assertThat(stored.path("answers").size()).isEqualTo(3 * PLAYERS);
		}
		finally {
			// Back as a replica of the node that replaced it, for the tests that come after.
			RedisShapes.restart(folder, victim);
		}
	}
}
