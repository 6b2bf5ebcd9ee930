package vn.quizfest.server;

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
 * Relay messages lost on purpose, one at a time, between two nodes on the real Redis (the test hook
 * {@link DroppingGameEventBus} in front of each node's bus): an ack on its way to the relaying node, an
 * answer on its way to the owner, and the per-player results of the close. Each gap shows in the
 * sequence numbers of the next message, the relayed sockets resume with the owner while the question is
 * still open, the phone whose answer got no ack sends it again (as the player page does), and in the end
 * every acknowledged answer is stored and every player has the question's result. Node B holds the game;
 * the players and the host are on node A.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + RelayGapIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import({ RealServices.class, DroppingGameEventBus.Hook.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayGapIntegrationTest {

	static final String ADMIN_PASSWORD = "gap-admin-password";

	private static final int PLAYERS = 6;

	private static final Duration WAIT = Duration.ofSeconds(20);

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

	/** Node A's hook: what node A hears. */
	@Autowired
	DroppingGameEventBus busA;

	DroppingGameEventBus busB;

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
		nodeB = new SpringApplicationBuilder(QuizFestApplication.class, DroppingGameEventBus.Hook.class)
			.profiles("cluster")
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + database.getPassword(), "--spring.data.redis.url=" + redisUrl,
					"--quizfest.admin.initial-password=" + ADMIN_PASSWORD);
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
		busB = nodeB.getBean(DroppingGameEventBus.class);
	}

	@AfterAll
	void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void lostRelayMessagesAreCaughtUpWhileTheQuestionIsOpen() {
		long bank = banks.create("Khoảng trống " + UUID.randomUUID(), null, true);
		long question = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?", List.of("113", "114", "115"),
				AnswerKey.options(List.of(0)), "Giải thích", 60, Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(),
				null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient admin = new ApiClient(portB);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode game = admin.post("/api/games", Map.of("title", "Tin nhắn thất lạc", "questionIds", List.of(question),
				"settings", Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();
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

		// 1. Player 0's ack is lost on its way to node A: the owner's next message shows the gap, and every
		// socket of node A resumes (the frames are counted in arrival order: a resume may come before an ack).
		busA.dropNext(text -> text.startsWith("P") && text.contains("\"ack\""));
		players.get(0).send(answer(0));
		await().atMost(WAIT).until(() -> busA.dropped.size() == 1);
		players.get(1).send(answer(0));
		assertThat(players.get(1).next("ack").path("accepted").asBoolean()).isTrue();
		await().atMost(WAIT).until(() -> players.stream().allMatch(player -> count(player, "resumed") == 1));
		TestSocket first = players.get(0);
		await().atMost(WAIT).until(() -> afterLast(first, "resumed").contains("ack"));
		assertThat(afterLast(first, "resumed")).as("the lost ack, on the resume").containsSubsequence("open", "ack");
		assertThat(first.raw.stream().filter(frame -> frame.contains("\"accepted\":true")).count()).isEqualTo(1);
		players.forEach(TestSocket::drain);

		// 2. Player 2's answer is lost on its way to the owner: player 3's shows the gap, node A resumes its
		// sockets, and player 2, without an ack, sends its answer again on the open of the resume.
		busB.dropNext(text -> text.startsWith("C") && text.contains("\"answer\""));
		players.get(2).send(answer(0));
		await().atMost(WAIT).until(() -> busB.dropped.size() == 1);
		players.get(3).send(answer(0));
		assertThat(players.get(3).next("ack").path("accepted").asBoolean()).isTrue();
		await().atMost(WAIT).until(() -> players.stream().allMatch(player -> count(player, "resumed") == 2));
		TestSocket again = players.get(2);
		await().atMost(WAIT).until(() -> afterLast(again, "resumed").contains("open"));
		assertThat(count(again, "ack")).as("no ack for the lost answer").isZero();
		again.drain();
		again.send(answer(0));
		assertThat(again.next("ack").path("accepted").asBoolean()).as("the answer sent again").isTrue();

		// 3. The per-player results of the close are lost on their way to node A: the next step shows the gap.
		busA.dropNext(text -> text.startsWith("Q"));
		players.get(4).send(answer(0));
		players.get(5).send(answer(1));
		for (int i = 4; i < PLAYERS; i++) {
			assertThat(players.get(i).next("ack").path("accepted").asBoolean()).isTrue();
		}
		assertThat(host.next("closed").path("answered").asInt()).isEqualTo(PLAYERS);
		await().atMost(WAIT).until(() -> busA.dropped.size() == 2);
		host.send(Map.of("type", "next"));
		for (int i = 0; i < PLAYERS; i++) {
			JsonNode outcome = players.get(i).next("outcome", WAIT);
			assertThat(outcome.path("q").asInt()).isZero();
			assertThat(outcome.path("correct").asBoolean()).as("player %d", i).isEqualTo(i != 5);
		}

		// Every acknowledged answer is stored, the one sent again included, and only once.
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM game_answer WHERE game_id = ?").param(id).query(Long.class).single() == PLAYERS);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT player_number) FROM game_answer WHERE game_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(PLAYERS);
		assertThat(busA.dropped).hasSize(2);
		assertThat(busB.dropped).hasSize(1);
		host.abort();
		players.forEach(TestSocket::abort);
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private static String type(String frame) {
		return JSON.readTree(frame).path("type").asString();
	}

	/** How many frames of this type the socket received so far. */
	private static long count(TestSocket socket, String type) {
		return socket.raw.stream().filter(frame -> type.equals(type(frame))).count();
	}

	/** The types of the frames received after the last one of this type. */
	private static List<String> afterLast(TestSocket socket, String type) {
		List<String> types = socket.raw.stream().map(RelayGapIntegrationTest::type).toList();
		int last = types.lastIndexOf(type);
		return last < 0 ? List.of() : types.subList(last + 1, types.size());
	}

	private static Map<String, Object> answer(int choice) {
		return Map.of("type", "answer", "q", 0, "choice", choice);
	}
}
