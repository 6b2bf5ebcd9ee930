package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Topic;

/**
 * An organiser ends a game from the console of a node that does not hold it: the end is relayed to
 * the node that does; and when that node is gone, the stored game is marked ended, its PIN freed and
 * its results kept. Two real nodes on one MariaDB and one Redis (node A is the test's application).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + ClusterEndGameIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEndGameIntegrationTest {

	static final String ADMIN_PASSWORD = "cluster-end-admin-password";

	@LocalServerPort
	int portA;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	DataRedisConnectionDetails redis;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	ConfigurableApplicationContext nodeB;

	int portB;

	final List<TestSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeAll
	void startSecondNode() {
		var standalone = redis.getStandalone();
		String password = redis.getPassword() == null ? ""
				: ":" + URLEncoder.encode(redis.getPassword(), StandardCharsets.UTF_8) + "@";
		String redisUrl = "redis://" + password + standalone.getHost() + ":" + standalone.getPort() + "/"
				+ standalone.getDatabase();
		nodeB = new SpringApplicationBuilder(QuizFestApplication.class).profiles("cluster")
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + database.getPassword(), "--spring.data.redis.url=" + redisUrl,
					"--quizfest.admin.initial-password=" + ADMIN_PASSWORD);
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopSecondNode() {
		sockets.forEach(socket -> {
			try {
				socket.abort();
			}
			catch (RuntimeException ignored) {
				// closed by the server already
			}
		});
		if (nodeB != null && nodeB.isActive()) {
			nodeB.close();
		}
	}

	private ApiClient organiser() {
		ApiClient admin = new ApiClient(portA);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

	/** A one-question game created through node B, so node B holds it. */
	private JsonNode gameOnNodeB(ApiClient organiser) {
		long bank = banks.create("Kết thúc từ máy khác " + UUID.randomUUID(), null, true);
		long id = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?", List.of("113", "114", "115"),
				AnswerKey.options(List.of(0)), "Giải thích", 20, Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(),
				null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient.Response created = organiser.onPort(portB)
			.post("/api/games", Map.of("title", "Trò chơi bỏ quên", "questionIds", List.of(id)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}

	private TestSocket player(int port, String pin, String nickname) {
		TestSocket player = TestSocket.connect(TestSocket.httpClient(), port, "/ws/play");
		sockets.add(player);
		player.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", nickname));
		player.next("joined");
		return player;
	}

	private static String storedStatus(ApiClient organiser, String id) {
		return organiser.get("/api/games/" + id + "/results").body().path("game").path("game").path("status").asString();
	}

	@Test
	@Order(1)
	void anEndAskedOnTheOtherNodeIsRelayedToTheNodeThatHoldsTheGame() {
		ApiClient organiser = organiser();
		JsonNode game = gameOnNodeB(organiser);
		String id = game.path("id").asString();
		String pin = game.path("pin").asString();
		TestSocket onA = player(portA, pin, "Lan");
		TestSocket onB = player(portB, pin, "Hòa");

		ApiClient.Response ended = organiser.post("/api/games/" + id + "/end", Map.of());

		assertThat(ended.status()).isEqualTo(204);
		assertThat(storedStatus(organiser, id)).as("the owner's end is stored before the answer").isEqualTo("ENDED");
		// The node that holds the game ended it as the host's end would: every player's socket closes.
		assertThat(onB.awaitClose(Duration.ofSeconds(10))).isEqualTo(4000);
		assertThat(onA.awaitClose(Duration.ofSeconds(10))).isEqualTo(4000);
		JsonNode results = organiser.get("/api/games/" + id + "/results").body();
		assertThat(results.path("players")).extracting(p -> p.path("nickname").asString())
			.containsExactlyInAnyOrder("Lan", "Hòa");
		assertThat(organiser.post("/api/games/" + id + "/end", Map.of()).status()).as("again").isEqualTo(204);
	}

	@Test
	@Order(2)
	void aGameWhoseNodeIsGoneIsEndedInTheStoreWithItsPinFreedAndItsResultsKept() {
		ApiClient organiser = organiser();
		JsonNode game = gameOnNodeB(organiser);
		String id = game.path("id").asString();
		String pin = game.path("pin").asString();
		player(portB, pin, "Minh");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(organiser.get("/api/games/" + id + "/results").body().path("players"))
				.extracting(p -> p.path("nickname").asString())
				.containsExactly("Minh"));
		nodeB.close();
		assertThat(new ApiClient(portA).get("/api/pins/" + pin).status()).as("the PIN is still claimed").isEqualTo(200);

		ApiClient.Response ended = organiser.post("/api/games/" + id + "/end", Map.of());

		assertThat(ended.status()).isEqualTo(204);
		assertThat(storedStatus(organiser, id)).isEqualTo("ENDED");
		// Node B's stop hands its games over (failover, docs/operations.md): node A may hold the game by now
		// and end it itself, keeping its final screen for the phones; either way the PIN admits nobody.
		ApiClient.Response lookup = new ApiClient(portA).get("/api/pins/" + pin);
		assertThat(lookup.status() == 404 || (lookup.status() == 200 && !lookup.body().path("joinable").asBoolean(true)))
			.as("the PIN admits no player any more: %s %s", lookup.status(), lookup.body())
			.isTrue();
		assertThat(organiser.get("/api/games/" + id + "/results").body().path("players"))
			.extracting(p -> p.path("nickname").asString())
			.containsExactly("Minh");
	}
}
