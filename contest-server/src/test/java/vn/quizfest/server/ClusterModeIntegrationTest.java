package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.SeedBank;
import vn.quizfest.questionbank.Topic;

/** The cluster shape against a real MySQL/MariaDB and a real Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + ClusterModeIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ClusterModeIntegrationTest {

	static final String ADMIN_PASSWORD = "cluster-admin-password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	@Test
	void healthIsUpWithTheDatabaseAndRedis() {
		ApiClient.Response health = new ApiClient(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("status").asString()).isEqualTo("UP");
		assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.body().path("components").path("redis").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void everyMigrationIsAppliedToMysqlOrMariaDb() {
		String product = jdbc.sql("SELECT VERSION()").query(String.class).single();
		List<Boolean> applied = jdbc.sql("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL")
			.query(Boolean.class)
			.list();

		assertThat(product).as("a real MySQL or MariaDB").matches("\\d+\\.\\d+.*");
		assertThat(applied).hasSizeGreaterThanOrEqualTo(2).containsOnly(true);
	}

	@Test
	void tablesUseUtf8mb4AndKeepVietnameseAndEmoji() {
		List<String> charsets = jdbc.sql("""
				SELECT DISTINCT c.CHARACTER_SET_NAME FROM information_schema.COLUMNS c
				WHERE c.TABLE_SCHEMA = DATABASE() AND c.CHARACTER_SET_NAME IS NOT NULL
				  AND c.TABLE_NAME <> 'flyway_schema_history'""").query(String.class).list();
		assertThat(charsets).containsOnly("utf8mb4");

		long bank = banks.create("Ngân hàng câu hỏi xã Tả Van", null, false);
		String text = "Ứng dụng nào dùng để định danh điện tử? 📱";
		long id = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, text, List.of("VNeID", "Zalo", "Facebook", "Không ứng dụng nào"),
				AnswerKey.options(List.of(0)), "VNeID do Bộ Công an phát triển.", 20, Points.STANDARD, 1, Topic.VNEID,
				List.of("vneid", "định-danh"), null, null, QuestionStatus.DRAFT, "Lê Thị Thu", null, null, null, 0));

		Question stored = questions.findById(id).orElseThrow();
		assertThat(stored.text()).isEqualTo(text);
		assertThat(stored.options()).containsExactly("VNeID", "Zalo", "Facebook", "Không ứng dụng nào");
		assertThat(stored.tags()).containsExactlyInAnyOrder("vneid", "định-danh");
		assertThat(stored.author()).isEqualTo("Lê Thị Thu");
	}

	@Test
	void theSeedBankIsNotLoadedImplicitlyInClusterMode() {
		assertThat(banks.findSharedByName(SeedBank.BANK_NAME)).isEmpty();
	}

	@Test
	void organisersLogInAgainstTheClusterDatabase() {
		ApiClient admin = new ApiClient(port);

		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		assertThat(admin.get("/api/auth/me").body().path("role").asString()).isEqualTo("ADMIN");
	}
}
