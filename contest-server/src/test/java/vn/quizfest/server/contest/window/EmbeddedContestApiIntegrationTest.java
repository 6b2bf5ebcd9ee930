package vn.quizfest.server.contest.window;

import org.springframework.boot.test.context.SpringBootTest;

/** The contest API on the embedded shape: H2 in MySQL mode, state in memory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + ContestFixture.ADMIN_PASSWORD,
				"quizfest.contests.jobs-enabled=false",
				"spring.datasource.url=jdbc:h2:mem:contest-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"quizfest.questions.load-seed-bank=false" })
class EmbeddedContestApiIntegrationTest extends ContestApiContract {
}
