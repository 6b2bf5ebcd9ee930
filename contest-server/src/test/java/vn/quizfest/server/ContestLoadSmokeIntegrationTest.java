package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.loadtest.ContestOptions;
import vn.quizfest.loadtest.ContestSimulator;
import vn.quizfest.loadtest.Main;
import vn.quizfest.loadtest.Options;
import vn.quizfest.loadtest.Summary;

/**
 * The load simulator's contest mode against the cluster shape (real MariaDB/MySQL and Redis): 200
 * entrants register, start, save their answers, some reload half way, some try a second attempt,
 * some let the deadline pass; then the round is closed. It fails on lost answers, unexpected
 * replies or a second attempt let through; timings are reported, never asserted. The attempt's 120 s
 * leave a machine under heavy load ample time for 5 questions (about 1 s of think time in all).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + ContestLoadSmokeIntegrationTest.ADMIN_PASSWORD,
				"quizfest.questions.load-seed-bank=true",
				// Every simulated phone comes from 127.0.0.1: the per-address limits are lifted for this
				// test (the per-identity limit stays as it is).
				"quizfest.contests.starts-per-address=1000000", "quizfest.contests.requests-per-address=100000000",
				"quizfest.http.max-connections-per-address=0" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ContestLoadSmokeIntegrationTest {

	static final String ADMIN_PASSWORD = "contest-load-smoke-admin-password";

	@LocalServerPort
	int port;

	@TempDir
	Path out;

	/** With each of the simulator's HTTP clients: the JDK's, and the lean keep-alive one the benchmark uses. */
	@ParameterizedTest
	@ValueSource(strings = { "jdk", "nio" })
	void twoHundredEntrantsMakeTheirAttemptsAndNoSavedAnswerIsLost(String http) throws Exception {
		ContestOptions options = ContestOptions.parse(new String[] { "--mode", "contest", "--url",
				"http://127.0.0.1:" + port, "--user", "admin", "--entrants", "200", "--start-rate", "100",
				"--questions", "5", "--time-limit", "120", "--think", "0.05,0.3,0.01,0.2", "--reload", "0.2",
				"--second-attempt", "0.1", "--lapse", "0.05", "--missing", "0.05", "--seed", "7", "--timeout", "480",
				"--http", http, "--out", out.toString() }, Map.of(Options.PASSWORD_ENV, ADMIN_PASSWORD));

		Summary summary = new ContestSimulator(options, System.out::println).run();
		Main.write(summary, out);
		System.out.println("latency: " + summary.document().get("latencyMs"));
		System.out.println("entrants: " + summary.document().get("entrants") + "; errors: " + summary.document().get("errors"));

		assertThat(summary.problems()).isEmpty();
		long lapses = summary.number("entrants", "plannedLapses");
		assertThat(lapses).as("some entrants let the deadline pass").isPositive();
		assertThat(summary.number("entrants", "submitted")).isEqualTo(200 - lapses);
		assertThat(summary.number("entrants", "lapsed")).isEqualTo(lapses);
		assertThat(summary.number("entrants", "failed")).isZero();
		// The audit compared something: most of the 1,000 answers were saved, and every one is stored.
		assertThat(summary.number("audit", "acknowledged")).isGreaterThan(700);
		assertThat(summary.number("audit", "stored")).isEqualTo(summary.number("audit", "acknowledged"));
		assertThat(summary.number("audit", "lost")).isZero();
		assertThat(summary.number("audit", "attemptsReadBack")).isEqualTo(200);
		// Reloads, refused second attempts and auto-submitted lapses really happened.
		assertThat(summary.number("entrants", "plannedReloads")).isPositive();
		assertThat(summary.number("entrants", "plannedSecondAttempts")).isPositive();
		assertThat(summary.number("latencyMs", "reload", "count")).isEqualTo(summary.number("entrants", "plannedReloads"));
		assertThat(summary.number("latencyMs", "second", "count"))
			.isEqualTo(summary.number("entrants", "plannedSecondAttempts"));
		// The close ranked every attempt and graded each by its stored answers.
		assertThat(summary.number("audit", "close", "ranked")).isEqualTo(200);
		assertThat(summary.number("audit", "close", "graded")).isEqualTo(200);
		assertThat(summary.number("audit", "close", "gradedOtherwiseThanTheirAnswers")).isZero();
		assertThat(summary.number("audit", "close", "rankingRowsRead")).isEqualTo(200);
		assertThat(summary.number("audit", "close", "attemptsMissingFromTheRanking")).isZero();
		assertThat(summary.number("audit", "close", "rankedWithOtherCorrectCounts")).isZero();
		assertThat(summary.number("audit", "close", "unitReportEntrants")).isEqualTo(200);
		assertThat(out.resolve("summary.json")).isNotEmptyFile();
		assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").contains("Passed");
	}
}
