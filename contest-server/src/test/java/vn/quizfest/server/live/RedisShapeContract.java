package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/**
 * The cluster shape on one kind of Redis (a subclass gives {@code quizfest.redis.url}): a game with
 * players, its leaderboard, a PIN lookup, an organiser's session, the per-address limits and the event
 * channel all go through that Redis. Real MariaDB, real Redis servers, real WebSocket clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=" + LiveIntegrationSupport.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false",
		"quizfest.live.send-timeout=" + LiveIntegrationSupport.SEND_TIMEOUT_MILLIS + "ms",
		"quizfest.live.join-timeout=" + LiveIntegrationSupport.JOIN_TIMEOUT_MILLIS + "ms",
		// The limit test comes "from" an address of its own through X-Forwarded-For.
		"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
		"quizfest.limits.pin-misses-per-minute=" + RedisShapeContract.PIN_MISSES })
@ActiveProfiles("cluster")
@Import(RealServices.class)
abstract class RedisShapeContract extends LiveIntegrationSupport {

	static final int PIN_MISSES = 3;

	static final int PLAYERS = 6;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LettuceConnectionFactory connections;

	@Autowired
	GameEventBus bus;

	/** Checks that the application's connection factory is of this shape. */
	abstract void assertShape(LettuceConnectionFactory factory);

	@Test
	void theApplicationUsesTheRedisTheUrlNames() {
		assertShape(connections);
		assertThat(bus).isInstanceOf(RedisGameEventBus.class);
		ApiClient.Response health = new ApiClient(port).get("/actuator/health");
		assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
	}

	@Test
	void aGameWithPlayersKeepsItsPinAndLeaderboardInRedis() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		assertThat(redis.opsForValue().get("quiz:pin:" + game.pin())).isEqualTo(game.id());
		ApiClient.Response lookup = new ApiClient(port).get("/api/pins/" + game.pin());
		assertThat(lookup.status()).isEqualTo(200);
		assertThat(lookup.body().path("joinable").asBoolean()).isTrue();

		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		command(host, "start");
		for (int q = 0; q < 2; q++) {
			if (q > 0) {
				command(host, "next");
			}
			playQuestion(host, players, q);
		}
		command(host, "next");
		host.next("podium", WAIT);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(redis.opsForZSet().zCard("quiz:{g:" + game.id() + "}:board")).isEqualTo(PLAYERS));
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode board = organiser.get("/api/games/" + game.id() + "/leaderboard").body();
		// Even-numbered joiners answered right both times: they lead.
		assertThat(board.toString()).contains("Người chơi 1");
	}

	/**
	 * Everybody answers question q (the even-indexed players right, the others wrong), the question
	 * closes early, every player hears its result; then the host moves on to the leaderboard and the
	 * next question. Returns the acks.
	 */
	List<JsonNode> playQuestion(Client host, List<Player> players, int q) {
		for (Player player : players) {
			player.socket().next("open", q);
		}
		for (int i = 0; i < players.size(); i++) {
			players.get(i).socket().send(answer(q, i % 2 == 0 ? 0 : 1));
		}
		List<JsonNode> acks = new ArrayList<>();
		for (Player player : players) {
			JsonNode ack = player.socket().next("ack", q);
			assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isTrue();
			acks.add(ack);
		}
		JsonNode closed = host.next("closed", q);
		assertThat(closed.path("answered").asInt()).isEqualTo(players.size());
		for (Player player : players) {
			player.socket().next("outcome", q);
		}
		command(host, "next");
		host.next("leaderboard", q);
		return acks;
	}

	@Test
	void anOrganiserSessionIsKeptInRedis() {
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		String id = new String(Base64.getDecoder().decode(organiser.cookie("QUIZFEST_SESSION")), StandardCharsets.UTF_8);

		assertThat(redis.hasKey("quiz:session:sessions:" + id)).isTrue();
		ApiClient.Response me = organiser.get("/api/auth/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().path("username").asString()).isEqualTo("admin");
	}

	@Test
	void pinMissesFromOneAddressAreCountedInRedisAndThenRefused() throws Exception {
		String address = "10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(256),
				ThreadLocalRandom.current().nextInt(256), ThreadLocalRandom.current().nextInt(1, 255));
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> last = null;
		for (int i = 0; i <= PIN_MISSES; i++) {
			last = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/pins/00000" + i))
				.header("X-Forwarded-For", address)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			statuses.add(last.statusCode());
		}

		assertThat(statuses).containsExactly(404, 404, 404, 429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.body()).contains("\"code\"");
		assertThat(redis.hasKey("quiz:limit:pin_misses:" + address)).as("the bucket lives in Redis").isTrue();
	}

	@Test
	void gameEventsTravelOnTheGamesChannel() throws InterruptedException {
		String game = "shape-" + System.nanoTime();
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		try (var subscription = bus.subscribe(game, received::add)) {
			bus.publish(game, "Câu hỏi 1: Ứng dụng định danh điện tử là gì?");
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("Câu hỏi 1: Ứng dụng định danh điện tử là gì?");
		}
	}
}
