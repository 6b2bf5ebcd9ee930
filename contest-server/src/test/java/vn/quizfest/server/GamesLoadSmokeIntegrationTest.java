package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.loadtest.LoadSimulator;
import vn.quizfest.loadtest.Options;
import vn.quizfest.loadtest.Summary;

/**
 * The load simulator's {@code --games}: three games at once on one server (the cluster shape, real
 * MariaDB/MySQL and Redis), 150 players spread 50 to a game, each game with its own host. It fails on
 * lost answers, error frames, failed joins or unexpected drops in any game; timings are reported, never
 * asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + GamesLoadSmokeIntegrationTest.ADMIN_PASSWORD,
				"quizfest.questions.load-seed-bank=true" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class GamesLoadSmokeIntegrationTest {

	static final String ADMIN_PASSWORD = "games-load-smoke-admin-password";

	@LocalServerPort
	int port;

	@TempDir
	Path out;

	@Test
	void threeGamesOfFiftyArePlayedAtOnceAndNoAnswerOfAnyIsLost() throws Exception {
		Options options = Options.parse(new String[] { "--url", "http://127.0.0.1:" + port, "--user", "admin",
				"--games", "3", "--players", "150", "--join-rate", "300", "--questions", "3", "--preview", "0",
				"--time-scale", "0.05", "--wrong", "0.3", "--missing", "0.1", "--drop", "0.05", "--seed", "5",
				"--timeout", "180", "--out", out.toString() }, Map.of(Options.PASSWORD_ENV, ADMIN_PASSWORD));

		Summary summary = new LoadSimulator(options, line -> { }).run();
		vn.quizfest.loadtest.Main.write(summary, out);

		assertThat(summary.problems()).isEmpty();
		assertThat(summary.number("joins", "joined")).isEqualTo(150);
		assertThat(summary.number("run", "games")).isEqualTo(3);
		assertThat(summary.number("lostAnswers", "lost")).isZero();
		assertThat(summary.number("lostAnswers", "stored")).isEqualTo(summary.number("lostAnswers", "acknowledged"));
		JsonNode doc = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
		assertThat(doc.path("joins").path("byGame").toString()).isEqualTo("[50,50,50]");
		assertThat(doc.path("run").path("game").asString().split(",")).as("three games were created").hasSize(3).doesNotHaveDuplicates();
		for (JsonNode game : doc.path("lostAnswers").path("byGame")) {
			// Each game's answers were acknowledged and stored on their own: most of its 150 answers.
			assertThat(game.path("acknowledged").asLong()).isGreaterThan(100);
			assertThat(game.path("stored").asLong()).isEqualTo(game.path("acknowledged").asLong());
			assertThat(game.path("lost").asLong()).isZero();
		}
		assertThat(doc.path("lostAnswers").path("byGame")).hasSize(3);
		assertThat(doc.path("latencyMs").path("fanout.question").path("count").asLong())
			.as("every game's question frames were timed").isGreaterThanOrEqualTo(3 * 150 - 30);
		assertThat(summary.number("connections", "droppedOnPurpose")).isPositive()
			.isEqualTo(summary.number("connections", "resumed"));
	}
}
