package vn.quizfest.server.image;

import org.springframework.boot.test.context.SpringBootTest;

/** Question images on the embedded shape: H2 in MySQL mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:images;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + ImagesContract.ADMIN_PASSWORD, "quizfest.questions.load-seed-bank=false" })
class EmbeddedImagesIntegrationTest extends ImagesContract {
}
