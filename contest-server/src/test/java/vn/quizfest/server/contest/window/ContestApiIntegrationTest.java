package vn.quizfest.server.contest.window;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.RealServices;

/** The contest API on the cluster shape: MySQL/MariaDB and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + ContestFixture.ADMIN_PASSWORD,
				"quizfest.contests.jobs-enabled=false" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ContestApiIntegrationTest extends ContestApiContract {
}
