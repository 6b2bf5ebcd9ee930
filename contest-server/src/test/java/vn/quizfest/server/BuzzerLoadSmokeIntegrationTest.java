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
 * The load simulator's buzzer game ({@code --format buzzer}) against the cluster shape (real
 * MariaDB/MySQL and Redis), on 127.0.0.1: 8 contestants seated by the simulated host press on every
 * question and the host judges them, while 120 of the audience answer. Bounded: 4 questions, a
 * 3-minute timeout. It fails on lost answers, error frames, failed joins, unexpected drops, fewer
 * contestants than asked, or no press taken; timings are reported, never asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + BuzzerLoadSmokeIntegrationTest.ADMIN_PASSWORD,
				"quizfest.questions.load-seed-bank=true" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class BuzzerLoadSmokeIntegrationTest {

	static final String ADMIN_PASSWORD = "buzzer-load-smoke-admin-password";

	@LocalServerPort
	int port;

	@TempDir
	Path out;

	@Test
	void eightContestantsPressAndTheAudienceLosesNoAnswer() throws Exception {
		Options options = Options.parse(new String[] { "--url", "http://127.0.0.1:" + port, "--user", "admin",
				"--format", "buzzer", "--contestants", "8", "--players", "128", "--join-rate", "300", "--questions", "4",
				"--preview", "0", "--time-scale", "0.1", "--wrong", "0.4", "--missing", "0.1", "--drop", "0.05",
				"--seed", "11", "--timeout", "180", "--out", out.toString() }, Map.of(Options.PASSWORD_ENV, ADMIN_PASSWORD));

		Summary summary = new LoadSimulator(options, line -> { }).run();
		vn.quizfest.loadtest.Main.write(summary, out);

		assertThat(summary.problems()).isEmpty();
		assertThat(summary.number("joins", "joined")).isEqualTo(128);
		assertThat(summary.number("lostAnswers", "lost")).isZero();
		JsonNode doc = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
		JsonNode stage = doc.path("buzzer");
		assertThat(stage.path("contestants").asInt()).isEqualTo(8);
		assertThat(stage.path("audience").asInt()).isEqualTo(120);
		// Every question had presses taken, each timed from 'buzz' to 'buzzed', and the host judged them.
		assertThat(stage.path("presses").path("buzzed").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(doc.path("latencyMs").path("buzz").path("count").asLong())
			.isEqualTo(stage.path("presses").path("buzzed").asLong());
		assertThat(doc.path("latencyMs").path("buzz").has("p99")).isTrue();
		assertThat(stage.path("presses").path("judgedRight").asLong()
				+ stage.path("presses").path("judgedWrong").asLong()).isGreaterThanOrEqualTo(4);
		// The audience played as in the classic game: most of its answers were acknowledged and stored.
		assertThat(summary.number("lostAnswers", "acknowledged")).isGreaterThan(120 * 4 / 2);
		assertThat(summary.number("lostAnswers", "responseTimeMismatches")).isZero();
		assertThat(summary.number("lostAnswers", "gradedOtherwiseThanAimed")).isZero();
		assertThat(doc.path("latencyMs").path("fanout.question").path("count").asLong()).isPositive();
		assertThat(doc.path("latencyMs").path("ack").path("count").asLong()).isPositive();
		assertThat(Files.readString(out.resolve("report.html"))).contains("Passed");
	}
}
