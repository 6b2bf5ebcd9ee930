package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

import vn.quizfest.server.live.GameEventBus;

/**
 * Two contest-server nodes on one MySQL/MariaDB and one Redis, as behind a load balancer without
 * sticky sessions: node A is the test's application, node B is started beside it. Both allow
 * {@link #PLAYERS_PER_ADDRESS} players per address and game (the default is 300; the load simulator's
 * game has 100) and 200 joins a second (the default is 20), so that one test fills the cap quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + TwoNodeClusterIntegrationTest.ADMIN_PASSWORD,
				"quizfest.limits.players-per-address=" + TwoNodeClusterIntegrationTest.PLAYERS_PER_ADDRESS,
				"quizfest.limits.joins-per-second=200" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterIntegrationTest {

	static final String ADMIN_PASSWORD = "two-node-admin-password";

	static final int PLAYERS_PER_ADDRESS = 100;

	@LocalServerPort
	int portA;

	@Autowired
	GameEventBus busA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	DataRedisConnectionDetails redis;

	ConfigurableApplicationContext nodeB;

	int portB;

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
					"--quizfest.admin.initial-password=" + ADMIN_PASSWORD,
					"--quizfest.limits.players-per-address=" + PLAYERS_PER_ADDRESS, "--quizfest.limits.joins-per-second=200");
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void anOrganiserLoggedInOnOneNodeIsLoggedInOnTheOther() {
		ApiClient onA = new ApiClient(portA);
		assertThat(onA.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient onB = onA.onPort(portB);

		assertThat(onB.get("/api/auth/me").body().path("username").asString()).isEqualTo("admin");
		assertThat(onB.post("/api/auth/logout", java.util.Map.of()).status()).isEqualTo(204);
		assertThat(onA.get("/api/auth/me").status()).as("logged out on every node").isEqualTo(401);
	}

	@Test
	void gameEventsPublishedOnOneNodeReachTheOther() throws InterruptedException {
		GameEventBus busB = nodeB.getBean(GameEventBus.class);
		BlockingQueue<String> receivedOnB = new LinkedBlockingQueue<>();
		try (var subscription = busB.subscribe("two-node-game", receivedOnB::add)) {
			busA.publish("two-node-game", "{\"type\":\"question\",\"text\":\"Mã OTP có được chia sẻ không?\"}");

			assertThat(receivedOnB.poll(5, TimeUnit.SECONDS))
				.isEqualTo("{\"type\":\"question\",\"text\":\"Mã OTP có được chia sẻ không?\"}");
		}
	}

	@Test
	void bothNodesStartedWithOneAdministratorBetweenThem() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'admin'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(new ApiClient(portB).get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
	}

	@Autowired
	vn.quizfest.questionbank.Questions questions;

	@Autowired
	vn.quizfest.questionbank.QuestionBanks banks;

	/** Players and the host on either node play one game held by node A; no sticky sessions. */
	@Autowired
	org.springframework.data.redis.core.StringRedisTemplate redisTemplate;

	/**
	 * One address joining a game held by node A through both nodes is one count, kept in Redis under
	 * the game's hash tag; a join that node A refuses (a taken nickname) gives its place back even
	 * when the socket is on node B.
	 */
	@Test
	void thePlayerCapOfOneAddressHoldsAcrossNodes() {
		long bank = banks.create("Giới hạn địa chỉ " + java.util.UUID.randomUUID(), null, true);
		long question = questions.add(new vn.quizfest.questionbank.Question(null, bank,
				java.util.UUID.randomUUID().toString(), vn.quizfest.questionbank.Language.VI,
				vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?",
				java.util.List.of("113", "114", "115"), vn.quizfest.questionbank.AnswerKey.options(java.util.List.of(0)),
				"Giải thích", 20, vn.quizfest.questionbank.Points.STANDARD, 1,
				vn.quizfest.questionbank.Topic.SCAMS_CYBER_SAFETY, java.util.List.of(), null, null,
				vn.quizfest.questionbank.QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient admin = new ApiClient(portA);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		var created = admin.post("/api/games", java.util.Map.of("title", "Một địa chỉ, hai máy chủ", "questionIds",
				java.util.List.of(question), "settings", java.util.Map.of("previewSeconds", 0))).body();
		String pin = created.path("pin").asString();
		String gameId = created.path("id").asString();
		var http = TestSocket.httpClient();
		java.util.function.BiFunction<Integer, String, tools.jackson.databind.JsonNode> join = (port, nickname) -> {
			TestSocket player = TestSocket.connect(http, port, "/ws/play");
			player.send(java.util.Map.of("type", "join", "v", 1, "pin", pin, "nickname", nickname));
			return player.nextMatching(f -> java.util.Set.of("joined", "error").contains(f.path("type").asString()),
					java.time.Duration.ofSeconds(20), "joined or error");
		};

		assertThat(join.apply(portB, "Lan").path("type").asString()).isEqualTo("joined");
		for (int i = 0; i < 5; i++) {
			// Refused by node A, which holds the game: no player, so no place used up.
			assertThat(join.apply(portB, "Lan").path("code").asString()).isEqualTo("NICKNAME_TAKEN");
		}
		for (int i = 1; i < PLAYERS_PER_ADDRESS; i++) {
			var joined = join.apply(i % 2 == 0 ? portA : portB, "Người %02d".formatted(i));
			assertThat(joined.path("type").asString()).as("player %d of %d", i + 1, PLAYERS_PER_ADDRESS).isEqualTo("joined");
		}
		assertThat(join.apply(portB, "Thừa B").path("code").asString()).isEqualTo("ADDRESS_FULL");
		assertThat(join.apply(portA, "Thừa A").path("code").asString()).isEqualTo("ADDRESS_FULL");
		assertThat(redisTemplate.hasKey("quiz:limit:joins_per_game:{g:" + gameId + "}:127.0.0.1"))
			.as("the count sits in Redis under the game's hash tag").isTrue();
	}

	@Test
	void aGameHeldByOneNodeIsPlayedFromBothNodes() {
		long bank = banks.create("Hai máy chủ " + java.util.UUID.randomUUID(), null, true);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (String text : java.util.List.of("Số khẩn cấp của Công an?", "Số khẩn cấp cứu hỏa?")) {
			ids.add(questions.add(new vn.quizfest.questionbank.Question(null, bank,
					java.util.UUID.randomUUID().toString(), vn.quizfest.questionbank.Language.VI,
					vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE, text, java.util.List.of("113", "114", "115"),
					vn.quizfest.questionbank.AnswerKey.options(java.util.List.of(ids.isEmpty() ? 0 : 1)), "Giải thích",
					20, vn.quizfest.questionbank.Points.STANDARD, 1, vn.quizfest.questionbank.Topic.SCAMS_CYBER_SAFETY,
					java.util.List.of(), null, null, vn.quizfest.questionbank.QuestionStatus.PUBLISHED, "test", null, null,
					null, 0)));
		}
		ApiClient admin = new ApiClient(portA);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		var created = admin.post("/api/games", java.util.Map.of("title", "Hai máy chủ", "questionIds", ids, "settings",
				java.util.Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();
		String pin = created.path("pin").asString();
		// The PIN check works on a node that does not hold the game (through Redis and the stored game).
		var found = new ApiClient(portB).get("/api/pins/" + pin);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body().path("title").asString()).isEqualTo("Hai máy chủ");
		assertThat(found.body().path("joinable").asBoolean()).isTrue();
		var http = TestSocket.httpClient();

		// The host drives the game from node B.
		TestSocket host = TestSocket.connect(http, portB, "/ws/host");
		host.send(java.util.Map.of("type", "host", "v", 1, "game", created.path("id").asString(), "token",
				created.path("hostToken").asString()));
		assertThat(host.next("hosted").path("game").path("pin").asString()).isEqualTo(pin);

		java.util.List<TestSocket> players = new java.util.ArrayList<>();
		java.util.List<String> tokens = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			TestSocket player = TestSocket.connect(http, i % 2 == 0 ? portA : portB, "/ws/play");
			player.send(java.util.Map.of("type", "join", "v", 1, "pin", pin, "nickname", "Người %02d".formatted(i)));
			var joined = player.next("joined");
			assertThat(joined.path("player").path("number").asInt()).isEqualTo(i + 1);
			tokens.add(joined.path("token").asString());
			players.add(player);
		}
		host.nextMatching(f -> "players".equals(f.path("type").asString()) && f.path("count").asInt() == 20,
				java.time.Duration.ofSeconds(10), "players=20");

		host.send(java.util.Map.of("type", "start"));
		for (int q = 0; q < 2; q++) {
			for (int i = 0; i < 20; i++) {
				TestSocket player = players.get(i);
				assertThat(player.next("open").path("q").asInt()).isEqualTo(q);
				// Odd players answer right; even players (node A) wrong.
				player.send(java.util.Map.of("type", "answer", "q", q, "choice", i % 2 == 1 ? q : 2));
				assertThat(player.next("ack").path("accepted").asBoolean()).isTrue();
			}
			// Everyone answered: the question closes by itself.
			assertThat(host.next("closed").path("answered").asInt()).isEqualTo(20);
			for (int i = 0; i < 20; i++) {
				var outcome = players.get(i).next("outcome");
				assertThat(outcome.path("correct").asBoolean()).isEqualTo(i % 2 == 1);
				assertThat(outcome.path("points").asInt() > 0).isEqualTo(i % 2 == 1);
			}
			if (q == 0) {
				// A player of node B resumes on node A: the old socket is replaced.
				TestSocket moved = TestSocket.connect(http, portA, "/ws/play");
				moved.send(java.util.Map.of("type", "resume", "v", 1, "pin", pin, "token", tokens.get(1)));
				var resumed = moved.next("resumed");
				assertThat(resumed.path("player").path("number").asInt()).isEqualTo(2);
				assertThat(resumed.path("player").path("score").asLong()).isPositive();
				assertThat(players.get(1).awaitClose(java.time.Duration.ofSeconds(10))).isEqualTo(4002);
				players.set(1, moved);
			}
			host.send(java.util.Map.of("type", "next"));
			host.next("leaderboard");
			host.send(java.util.Map.of("type", "next"));
		}
		host.next("podium");
		java.util.Set<Integer> ranks = new java.util.TreeSet<>();
		for (int i = 0; i < 20; i++) {
			var last = players.get(i).next("final");
			ranks.add(last.path("rank").asInt());
			assertThat(last.path("rank").asInt() <= 10).as("right answers rank first").isEqualTo(i % 2 == 1);
		}
		assertThat(ranks).hasSize(20).first().isEqualTo(1);
		host.send(java.util.Map.of("type", "next"));
		for (TestSocket player : players) {
			assertThat(player.awaitClose(java.time.Duration.ofSeconds(10))).isEqualTo(4000);
		}
		host.abort();
	}

	/**
	 * The load simulator spread over both nodes (--url A,B): half the phones connect to the node that does
	 * not hold the game and play through the relay; nothing is lost, nobody is dropped.
	 */
	@Test
	void theLoadSimulatorSpreadsPlayersOverBothNodesAndLosesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
		ApiClient admin = new ApiClient(portA);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		assertThat(admin.post("/api/admin/seed-bank", java.util.Map.of()).status()).isBetween(200, 201);
		vn.quizfest.loadtest.Options options = vn.quizfest.loadtest.Options.parse(new String[] { "--url",
				"http://127.0.0.1:" + portA + ",http://127.0.0.1:" + portB, "--user", "admin", "--players", "100",
				"--join-rate", "200", "--questions", "2", "--preview", "0", "--time-scale", "0.05", "--drop", "0.05",
				"--seed", "11", "--timeout", "120", "--out", out.toString() },
				java.util.Map.of(vn.quizfest.loadtest.Options.PASSWORD_ENV, ADMIN_PASSWORD));

		vn.quizfest.loadtest.Summary summary = new vn.quizfest.loadtest.LoadSimulator(options, line -> { }).run();

		assertThat(summary.problems()).isEmpty();
		assertThat(summary.number("joins", "joined")).isEqualTo(100);
		assertThat(summary.number("joins", "byServer", "127.0.0.1:" + portA)).isEqualTo(50);
		assertThat(summary.number("joins", "byServer", "127.0.0.1:" + portB)).isEqualTo(50);
		assertThat(summary.number("lostAnswers", "lost")).isZero();
		assertThat(summary.number("lostAnswers", "acknowledged")).isGreaterThan(150);
	}
}
