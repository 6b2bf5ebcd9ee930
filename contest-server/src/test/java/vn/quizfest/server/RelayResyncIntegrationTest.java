package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The channel between nodes breaks mid-question (Redis drops every subscriber connection, as in a Redis
 * restart or failover): the messages of the gap may be gone, so when the nodes are subscribed again every
 * relayed socket resumes with the owner and gets the current step, its ack and, later, its result. Node B
 * holds the game; the players and the host are on node A. Both nodes are Spring contexts in this JVM:
 * nothing here needs a node to die, only their Redis connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + RelayResyncIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayResyncIntegrationTest {

	static final String ADMIN_PASSWORD = "resync-admin-password";

	private static final int PLAYERS = 6;

	@LocalServerPort
	int portA;

	@Autowired
	JdbcClient jdbc;

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

	String redisUrl;

	private final HttpClient http = TestSocket.httpClient();

	@BeforeAll
	void startSecondNode() {
		var standalone = redis.getStandalone();
		String password = redis.getPassword() == null ? ""
				: ":" + URLEncoder.encode(redis.getPassword(), StandardCharsets.UTF_8) + "@";
		redisUrl = "redis://" + password + standalone.getHost() + ":" + standalone.getPort() + "/"
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
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void afterTheChannelBrokeEveryRelayedSocketResumesAndNothingAcknowledgedIsLost() {
		long bank = banks.create("Kênh " + UUID.randomUUID(), null, true);
		long question = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?", List.of("113", "114", "115"),
				AnswerKey.options(List.of(0)), "Giải thích", 60, Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(),
				null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient admin = new ApiClient(portB);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode game = admin.post("/api/games", Map.of("title", "Kênh đứt", "questionIds", List.of(question),
				"settings", Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();

		TestSocket host = TestSocket.connect(http, portA, "/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", game.path("id").asString(), "token",
				game.path("hostToken").asString()));
		host.next("hosted");
		List<TestSocket> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			TestSocket player = TestSocket.connect(http, portA, "/ws/play");
			player.send(Map.of("type", "join", "v", 1, "pin", game.path("pin").asString(), "nickname",
					"Người %02d".formatted(i)));
			player.next("joined");
			players.add(player);
		}
		host.send(Map.of("type", "start"));
		for (TestSocket player : players) {
			player.next("open");
		}
		for (int i = 0; i < PLAYERS / 2; i++) {
			players.get(i).send(Map.of("type", "answer", "q", 0, "choice", 0));
			assertThat(players.get(i).next("ack").path("accepted").asBoolean()).isTrue();
		}

		// Every subscriber connection to Redis is cut (both nodes'); Lettuce reconnects them.
		long killed;
		io.lettuce.core.RedisClient direct = io.lettuce.core.RedisClient.create(redisUrl);
		try (var connection = direct.connect()) {
			killed = connection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
		}
		finally {
			direct.shutdown();
		}
		assertThat(killed).isGreaterThanOrEqualTo(2);

		for (int i = 0; i < PLAYERS; i++) {
			JsonNode resumed = players.get(i).next("resumed", Duration.ofSeconds(20));
			assertThat(resumed.path("player").path("number").asInt()).isEqualTo(i + 1);
			assertThat(players.get(i).next("open").path("q").asInt()).isZero();
			if (i < PLAYERS / 2) {
				assertThat(players.get(i).next("ack").path("accepted").asBoolean()).as("the ack, again").isTrue();
			}
		}
		host.next("hosted", Duration.ofSeconds(20));
		for (int i = PLAYERS / 2; i < PLAYERS; i++) {
			players.get(i).send(Map.of("type", "answer", "q", 0, "choice", i % 2 == 0 ? 0 : 1));
			assertThat(players.get(i).next("ack").path("accepted").asBoolean()).isTrue();
		}
		assertThat(host.next("closed").path("answered").asInt()).isEqualTo(PLAYERS);
		for (int i = 0; i < PLAYERS; i++) {
			assertThat(players.get(i).next("outcome").path("correct").asBoolean())
				.isEqualTo(i < PLAYERS / 2 || i % 2 == 0);
		}
		String id = game.path("id").asString();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM game_answer WHERE game_id = ?").param(id).query(Long.class).single() == PLAYERS);
		host.abort();
		players.forEach(TestSocket::abort);
	}
}
