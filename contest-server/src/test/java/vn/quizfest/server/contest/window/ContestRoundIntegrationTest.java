package vn.quizfest.server.contest.window;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.RealServices;

/** A 1,000-entrant round on the cluster shape: MySQL/MariaDB and Redis (rate limits in Redis). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + ContestFixture.ADMIN_PASSWORD,
				"quizfest.contests.jobs-enabled=false", "quizfest.contests.requests-per-address=1000000",
				"quizfest.contests.starts-per-address=1000000", "quizfest.contests.requests-per-identity=100" })
@ActiveProfiles("cluster")
@Import({ RealServices.class, ContestClock.Config.class })
class ContestRoundIntegrationTest extends ContestRoundContract {
}
