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

import vn.quizfest.loadtest.LoadSimulator;
import vn.quizfest.loadtest.Options;
import vn.quizfest.loadtest.Summary;

/**
 * The load simulator against the cluster shape (real MariaDB/MySQL and Redis): 300 players, 3
 * questions, some wrong and missing answers, a few players who drop and resume. It fails on lost
 * answers, error frames, failed joins or unexpected drops; timings are reported, never asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + LoadSimulatorSmokeIntegrationTest.ADMIN_PASSWORD,
				"quizfest.questions.load-seed-bank=true" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class LoadSimulatorSmokeIntegrationTest {

	static final String ADMIN_PASSWORD = "load-smoke-admin-password";

	@LocalServerPort
	int port;

	@TempDir
	Path out;

	@Test
	void threeHundredPlayersPlayAWholeGameAndNoAnswerIsLost() throws Exception {
		Options options = Options.parse(new String[] { "--url", "http://127.0.0.1:" + port, "--user", "admin",
				"--players", "300", "--join-rate", "300", "--questions", "3", "--preview", "0", "--time-scale",
				"0.05", "--wrong", "0.3", "--missing", "0.1", "--drop", "0.05", "--seed", "7", "--timeout", "180",
				"--out", out.toString() }, Map.of(Options.PASSWORD_ENV, ADMIN_PASSWORD));

		Summary summary = new LoadSimulator(options, line -> { }).run();
		vn.quizfest.loadtest.Main.write(summary, out);

		assertThat(summary.problems()).isEmpty();
		assertThat(summary.number("joins", "joined")).isEqualTo(300);
		assertThat(summary.number("joins", "failed")).isZero();
		assertThat(summary.number("lostAnswers", "lost")).isZero();
		// The audit really compared something: most of 900 answers were acknowledged and stored.
		assertThat(summary.number("lostAnswers", "acknowledged")).isGreaterThan(600);
		assertThat(summary.number("lostAnswers", "stored")).isEqualTo(summary.number("lostAnswers", "acknowledged"));
		assertThat(summary.number("lostAnswers", "responseTimeMismatches")).isZero();
		assertThat(summary.number("lostAnswers", "gradedOtherwiseThanAimed")).isZero();
		// Some players dropped on purpose and every one of them came back with its token.
		assertThat(summary.number("connections", "droppedOnPurpose")).isPositive()
			.isEqualTo(summary.number("connections", "resumed"));
		assertThat(out.resolve("summary.json")).isNotEmptyFile();
		assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").contains("Passed");
	}
}
