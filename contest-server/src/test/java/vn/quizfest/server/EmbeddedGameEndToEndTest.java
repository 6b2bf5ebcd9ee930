package vn.quizfest.server;

import org.springframework.boot.test.context.SpringBootTest;

/** The whole game on the embedded shape: H2, in-memory leaderboard and live state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + GameEndToEndTest.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false" })
class EmbeddedGameEndToEndTest extends GameEndToEndTest {
}
