package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/**
 * The database stopped for 30 s in the middle of a game (the local MariaDB of scripts/services.sh shut
 * down, then started again with the same command line). Readiness stays UP, the REST calls that need
 * the database answer 503 {@code database.unavailable} within 2 s, the game goes on, and its results are
 * written once the database is back: nothing is lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=" + LiveIntegrationSupport.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class DatabaseOutageIntegrationTest extends LiveIntegrationSupport {

	static final int PLAYERS = 6;

	static final Duration OUTAGE = Duration.ofSeconds(30);

	static final long ANSWER_WITHIN_MILLIS = 2_000;

	/** The folder of scripts/services.sh: MariaDB's pid file and the command line that started it. */
	static Path services() {
		Path folder = Path.of(System.getenv().getOrDefault("QUIZFEST_SERVICES_DIR",
				"/tmp/quizfest-services-" + new com.sun.security.auth.module.UnixSystem().getUid()));
		if (!Files.exists(folder.resolve("mariadb.pid")) || !Files.exists(folder.resolve("mariadb.cmd"))) {
			throw new IllegalStateException("This test stops the local MariaDB of scripts/services.sh and needs "
					+ folder.resolve("mariadb.pid") + " and mariadb.cmd (set QUIZFEST_SERVICES_DIR to the folder the "
					+ "services were started with; scripts/test.sh does).");
		}
		return folder;
	}

	/** Shuts MariaDB down (SIGTERM, as a service stop does) and waits until it is gone. */
	static void stop(Path services) throws Exception {
		long pid = Long.parseLong(Files.readString(services.resolve("mariadb.pid")).trim());
		ProcessHandle database = ProcessHandle.of(pid)
			.orElseThrow(() -> new IllegalStateException("MariaDB (pid " + pid + ") is not running"));
		database.destroy();
		database.onExit().get(60, TimeUnit.SECONDS);
	}

	/** Starts MariaDB again with the command line it was started with; the next test sees it running. */
	static void start(Path services) throws Exception {
		String command = Files.readString(services.resolve("mariadb.cmd"));
		Process starter = new ProcessBuilder("bash", "-c", command + " >/dev/null 2>&1 </dev/null &").start();
		assertThat(starter.waitFor(30, TimeUnit.SECONDS)).isTrue();
	}

	record Timed(ApiClient.Response response, long millis) {
	}

	static Timed timed(java.util.function.Supplier<ApiClient.Response> call) {
		long start = System.nanoTime();
		ApiClient.Response response = call.get();
		return new Timed(response, (System.nanoTime() - start) / 1_000_000);
	}

	@Test
	void aThirtySecondOutageKeepsTheNodeReadyAnswers503FastAndLosesNoResult() throws Exception {
		Path services = services();
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		command(host, "start");
		playQuestion(host, players, 0);

		stop(services);
		long stoppedAt = System.nanoTime();
		try {
			// The load balancer keeps this node: readiness leaves the database out.
			Timed ready = timed(() -> new ApiClient(port).get("/actuator/health/readiness"));
			assertThat(ready.response().status()).as(ready.response().body().toString()).isEqualTo(200);
			assertThat(ready.millis()).isLessThan(ANSWER_WITHIN_MILLIS);

			// What needs the database says so at once, in the caller's language.
			Timed login = timed(() -> new ApiClient(port).language("en").login("admin", ADMIN_PASSWORD));
			assertUnavailable(login, "The database cannot be reached");
			Timed create = timed(() -> organiser.post("/api/games",
					Map.of("title", "Hội thi", "questionIds", List.of(1), "settings", quickSettings())));
			assertUnavailable(create, "Cơ sở dữ liệu tạm thời không truy cập được");
			// The PIN of a game this node is playing is answered from memory.
			Timed pin = timed(() -> new ApiClient(port).get("/api/pins/" + game.pin()));
			assertThat(pin.response().status()).isEqualTo(200);
			assertThat(pin.millis()).isLessThan(ANSWER_WITHIN_MILLIS);

			// The game goes on to its end; the results wait in the queue, which readiness shows.
			command(host, "next");
			playQuestion(host, players, 1);
			command(host, "next");
			host.next("podium", WAIT);
			JsonNode details = new ApiClient(port).get("/actuator/health/readiness").body();
			assertThat(details.path("status").asString()).isEqualTo("UP");
			assertThat(details.path("components").path("results").path("details").path("pending").asInt()).isPositive();
			assertThat(details.path("components").path("results").path("details").path("oldestWaitingSeconds").asDouble())
				.isPositive();

			await().atMost(OUTAGE.plusSeconds(10)).until(() -> System.nanoTime() - stoppedAt >= OUTAGE.toNanos());
		}
		finally {
			start(services);
		}

		// Every answer of both questions is written once the database is back.
		JsonNode stored = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> organiser.get("/api/games/" + game.id() + "/answers").body(),
					body -> body.path("count").asInt() == 2 * PLAYERS);
		assertThat(stored.path("answers").size()).isEqualTo(2 * PLAYERS);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(new ApiClient(port).get("/actuator/health/readiness").body()
				.path("components").path("results").path("details").path("pending").asInt()).isZero());
	}

	static void assertUnavailable(Timed call, String message) {
		assertThat(call.response().status()).as(call.response().body().toString()).isEqualTo(503);
		assertThat(call.response().body().path("code").asString()).isEqualTo("database.unavailable");
		assertThat(call.response().body().path("detail").asString()).contains(message);
		assertThat(call.response().header("Retry-After")).isEqualTo("5");
		assertThat(call.millis()).as("answered within 2 s").isLessThan(ANSWER_WITHIN_MILLIS);
	}

	/** Everybody answers question q; it closes early; the host moves on to the leaderboard. */
	void playQuestion(Client host, List<Player> players, int q) {
		for (Player player : players) {
			player.socket().next("open", q);
		}
		for (int i = 0; i < players.size(); i++) {
			players.get(i).socket().send(answer(q, i % 2 == 0 ? 0 : 1));
		}
		for (Player player : players) {
			assertThat(player.socket().next("ack", q).path("accepted").asBoolean()).isTrue();
		}
		host.next("closed", q);
		command(host, "next");
		host.next("leaderboard", q);
	}
}
