package vn.quizfest.server.contest.window;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A 1,000-entrant round on the embedded shape: H2, rate limits in memory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + ContestFixture.ADMIN_PASSWORD,
				"quizfest.contests.jobs-enabled=false", "quizfest.contests.requests-per-address=1000000",
				"quizfest.contests.starts-per-address=1000000", "quizfest.contests.requests-per-identity=100",
				"spring.datasource.url=jdbc:h2:mem:contest-round;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"quizfest.questions.load-seed-bank=false" })
@Import(ContestClock.Config.class)
class EmbeddedContestRoundIntegrationTest extends ContestRoundContract {
}
