package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.QuizFestApplication;
import vn.quizfest.server.RealServices;
import vn.quizfest.server.TestSocket;
import vn.quizfest.questionbank.Topic;

/**
 * The owner forgets the sockets of a node it took for dead (its heartbeat late on a loaded machine) while
 * that node is alive and its phones still play: the next answer from such a socket is refused
 * ({@code NOT_JOINED}, the owner no longer knows it) and tells the owner it lost track, so it asks that
 * node to resynchronise; its sockets resume, and the phone sends its answer again on the open and gets
 * its ack while the question is open. Node B holds the game (with one player of its own, who keeps the
 * question open); the other players are on node A.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + ForgottenSocketsIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgottenSocketsIntegrationTest {

	static final String ADMIN_PASSWORD = "forgotten-admin-password";

	static final int RELAYED = 4;

	static final Duration WAIT = Duration.ofSeconds(20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	private final HttpClient http = TestSocket.httpClient();

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
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void aSocketTheOwnerForgotResumesAndItsAnswerIsTakenWhileTheQuestionIsOpen() {
		long bank = banks.create("Bị quên " + UUID.randomUUID(), null, true);
		long question = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?", List.of("113", "114", "115"),
				AnswerKey.options(List.of(0)), "Giải thích", 60, Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(),
				null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient admin = new ApiClient(portB);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode game = admin.post("/api/games", Map.of("title", "Bị quên", "questionIds", List.of(question),
				"settings", Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();
		String id = game.path("id").asString();
		String pin = game.path("pin").asString();

		TestSocket host = TestSocket.connect(http, portB, "/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", id, "token", game.path("hostToken").asString()));
		host.next("hosted");
		TestSocket local = join(portB, pin, "Người ở B");
		List<TestSocket> players = new ArrayList<>();
		for (int i = 0; i < RELAYED; i++) {
			players.add(join(portA, pin, "Người %02d".formatted(i)));
		}
		host.send(Map.of("type", "start"));
		local.next("open");
		for (TestSocket player : players) {
			player.next("open");
		}
		players.get(0).send(answer(0));
		assertThat(players.get(0).next("ack").path("accepted").asBoolean()).isTrue();

		// The owner takes node A for dead: it forgets node A's sockets (the local player keeps the question open).
		ClusterRelay owner = nodeB.getBean(ClusterRelay.class);
		owner.forgetDeadNodes(node -> false);
		await().atMost(WAIT).until(() -> owner.relayedSockets() == 0);

		TestSocket phone = players.get(1);
		phone.send(answer(0));
		assertThat(phone.next("error").path("code").asString()).isEqualTo("NOT_JOINED");
		// Node A's sockets resume with the owner; the phone without an ack sends its answer again on the open.
		for (TestSocket player : players) {
			await().atMost(WAIT).until(() -> afterLast(player, "resumed").contains("open"));
		}
		phone.drain();
		phone.send(answer(0));
		assertThat(phone.next("ack").path("accepted").asBoolean()).as("the answer sent again").isTrue();
		for (int i = 2; i < RELAYED; i++) {
			players.get(i).send(answer(1));
			assertThat(players.get(i).next("ack").path("accepted").asBoolean()).isTrue();
		}
		local.send(answer(0));
		assertThat(local.next("ack").path("accepted").asBoolean()).isTrue();
		assertThat(host.next("closed").path("answered").asInt()).isEqualTo(RELAYED + 1);
		for (int i = 0; i < RELAYED; i++) {
			assertThat(players.get(i).next("outcome").path("correct").asBoolean()).isEqualTo(i < 2);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM game_answer WHERE game_id = ?").param(id).query(Long.class).single() == RELAYED + 1);
		host.abort();
		local.abort();
		players.forEach(TestSocket::abort);
	}

	private TestSocket join(int port, String pin, String nickname) {
		TestSocket player = TestSocket.connect(http, port, "/ws/play");
		player.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", nickname));
		player.next("joined");
		return player;
	}

	private static String type(String frame) {
		return JSON.readTree(frame).path("type").asString();
	}

	private static List<String> afterLast(TestSocket socket, String type) {
		List<String> types = socket.raw.stream().map(ForgottenSocketsIntegrationTest::type).toList();
		int last = types.lastIndexOf(type);
		return last < 0 ? List.of() : types.subList(last + 1, types.size());
	}

	private static Map<String, Object> answer(int choice) {
		return Map.of("type", "answer", "q", 0, "choice", choice);
	}
}
