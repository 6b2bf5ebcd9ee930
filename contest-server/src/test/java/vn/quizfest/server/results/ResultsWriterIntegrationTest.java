package vn.quizfest.server.results;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.RealServices;

/** The write-behind writer against the real MySQL/MariaDB, in the cluster profile. */
@SpringBootTest(
		properties = { "quizfest.questions.load-starter-set=false", "quizfest.questions.load-seed-bank=false" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ResultsWriterIntegrationTest extends ResultsWriterContract {
}
