package vn.quizfest.server.image;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.RealServices;

/** Question images against the real MySQL/MariaDB (LONGBLOB) of the cluster shape. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + ImagesContract.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ImagesIntegrationTest extends ImagesContract {
}
