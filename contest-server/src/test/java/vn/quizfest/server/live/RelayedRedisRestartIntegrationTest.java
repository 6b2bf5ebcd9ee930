package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
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
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.QuizFestApplication;
import vn.quizfest.server.RealServices;
import vn.quizfest.server.TestSocket;

/**
 * A Redis restart mid-question (a Redis of the test's own with AOF, stopped with SIGTERM and started again
 * on the same port and folder, down longer than the lease) with every player relayed: node B holds the
 * game, the players and the host are on node A. The answers sent while Redis is down cannot reach the
 * owner; node A knows its publishes failed and, once Redis is back, its sockets resume with the owner while
 * the question is still open; each phone without an ack sends its answer again on the open of the resume
 * (as the player page does) and gets its ack. The owner does not take node A for dead because its
 * heartbeat key expired in the outage, so nobody counts as gone and the question does not close early.
 * Every answer sent in the gap is acknowledged and stored before the close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=" + RelayedRedisRestartIntegrationTest.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false", "quizfest.redis.command-timeout=500ms" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayedRedisRestartIntegrationTest {

	static final String ADMIN_PASSWORD = "restart-admin-password";

	static final int PLAYERS = 6;

	/** Longer than the lease and the heartbeat's time to live (3 s each). */
	static final long OUTAGE_MILLIS = 4_000;

	static final Duration WAIT = Duration.ofSeconds(20);

	static final OwnRedisFailoverIntegrationTest.OwnRedis REDIS = new OwnRedisFailoverIntegrationTest.OwnRedis();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void ownRedis(DynamicPropertyRegistry registry) {
		registry.add("quizfest.redis.url", REDIS::url);
	}

	@LocalServerPort
	int portA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LiveGames nodeA;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	ConfigurableApplicationContext nodeB;

	int portB;

	private final HttpClient http = TestSocket.httpClient();

	@BeforeAll
	void startSecondNode() {
		nodeB = new SpringApplicationBuilder(QuizFestApplication.class).profiles("cluster")
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + database.getPassword(), "--quizfest.redis.url=" + REDIS.url(),
					"--quizfest.redis.command-timeout=500ms", "--quizfest.questions.load-seed-bank=false",
					"--quizfest.admin.initial-password=" + ADMIN_PASSWORD);
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stop() {
		if (nodeB != null) {
			nodeB.close();
		}
		REDIS.stop();
		REDIS.deleteFolder();
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void answersSentWhileRedisIsDownAreAcknowledgedAndStoredBeforeTheClose() {
		long bank = banks.create("Khởi động lại " + UUID.randomUUID(), null, true);
		long question = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?", List.of("113", "114", "115"),
				AnswerKey.options(List.of(0)), "Giải thích", 60, Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(),
				null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient admin = new ApiClient(portB);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode game = admin.post("/api/games", Map.of("title", "Redis khởi động lại", "questionIds",
				List.of(question), "settings", Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();
		String id = game.path("id").asString();

		TestSocket host = TestSocket.connect(http, portA, "/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", id, "token", game.path("hostToken").asString()));
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
		for (int i = 0; i < 2; i++) {
			players.get(i).send(answer(0));
			assertThat(players.get(i).next("ack").path("accepted").asBoolean()).isTrue();
		}

		long stoppedAt = System.nanoTime();
		REDIS.stop();
		// Two answers into the gap: they cannot reach the owner.
		int before = players.get(2).raw.size();
		for (int i = 2; i < 4; i++) {
			players.get(i).send(answer(0));
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> System.nanoTime() - stoppedAt > Duration.ofMillis(OUTAGE_MILLIS).toNanos());
		REDIS.start();
		long startedAt = System.nanoTime();

		// Each phone without an ack resumes, sends its answer again on the open, and gets the ack.
		for (int i = 2; i < 4; i++) {
			TestSocket phone = players.get(i);
			await().atMost(WAIT).until(() -> afterLast(phone, "resumed").contains("open"));
			if (i == 2) {
				System.out.println("Redis was down for " + TimeUnit.NANOSECONDS.toMillis(startedAt - stoppedAt)
						+ " ms; the relayed phone had its resume and open " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)
						+ " ms after Redis was back");
				assertThat(phone.raw.subList(before, phone.raw.size()).stream().map(RelayedRedisRestartIntegrationTest::type))
					.as("no ack for the answer sent into the gap before the resume").doesNotContain("ack");
			}
			phone.drain();
			phone.send(answer(0));
			assertThat(phone.next("ack", WAIT).path("accepted").asBoolean()).as("the answer sent again").isTrue();
		}
		for (int i = 4; i < PLAYERS; i++) {
			players.get(i).send(answer(1));
			assertThat(players.get(i).next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		}
		// The question closes early, on the last answer, not before: nobody was taken for gone.
		JsonNode closed = host.next("closed", WAIT);
		assertThat(closed.path("answered").asInt()).isEqualTo(PLAYERS);
		for (int i = 0; i < PLAYERS; i++) {
			assertThat(players.get(i).next("outcome", WAIT).path("correct").asBoolean()).isEqualTo(i < 4);
			assertThat(players.get(i).isClosed()).isFalse();
		}
		// Every lease was gone when Redis came back: the owner took its game back, node A did not take it.
		assertThat(nodeB.getBean(LiveGames.class).byId(id)).as("node B still drives the game").isPresent();
		assertThat(nodeA.byId(id)).as("node A took no lease of the owner's game").isEmpty();
		assertThat(nodeB.getBean(Failover.class).renew(id)).as("node B holds the lease").isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM game_answer WHERE game_id = ?").param(id).query(Long.class).single() == PLAYERS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM game_answer WHERE game_id = ? AND points > 0")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(4);
		host.abort();
		players.forEach(TestSocket::abort);
	}

	private static String type(String frame) {
		return JSON.readTree(frame).path("type").asString();
	}

	/** The types of the frames received after the last one of this type. */
	private static List<String> afterLast(TestSocket socket, String type) {
		List<String> types = socket.raw.stream().map(RelayedRedisRestartIntegrationTest::type).toList();
		int last = types.lastIndexOf(type);
		return last < 0 ? List.of() : types.subList(last + 1, types.size());
	}

	private static Map<String, Object> answer(int choice) {
		return Map.of("type", "answer", "q", 0, "choice", choice);
	}
}
