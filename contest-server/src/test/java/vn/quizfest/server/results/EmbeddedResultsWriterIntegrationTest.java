package vn.quizfest.server.results;

import org.springframework.boot.test.context.SpringBootTest;

/** The write-behind writer against the embedded default, H2 in MySQL mode. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:results;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.questions.load-starter-set=false", "quizfest.questions.load-seed-bank=false" })
class EmbeddedResultsWriterIntegrationTest extends ResultsWriterContract {
}
