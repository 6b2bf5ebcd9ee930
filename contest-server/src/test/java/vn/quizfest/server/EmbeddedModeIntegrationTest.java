package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.SeedBank;
import vn.quizfest.questionbank.Topic;

/**
 * The embedded default: H2 in MySQL mode, migrations, the seed bank, the generated first
 * admin password, health and metrics, and no Redis anywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:embedded-mode;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" })
class EmbeddedModeIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SeedBank seedBank;

	@Test
	void healthIsUpWithTheDatabaseAndWithoutRedis() {
		ApiClient.Response health = new ApiClient(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("status").asString()).isEqualTo("UP");
		assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.body().path("components").has("redis")).isFalse();
	}

	@Test
	void onlyHealthAndPrometheusOfActuatorArePublic() {
		ApiClient client = new ApiClient(port);

		ApiClient.Response prometheus = client.get("/actuator/prometheus");
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.raw().body()).contains("jvm_memory_used_bytes").contains("application=\"quizfest\"");
		for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator")) {
			assertThat(client.get(hidden).status()).as(hidden).isIn(401, 403, 404);
		}
	}

	@Test
	void pagesAreServedWithAStrictContentSecurityPolicy() {
		ApiClient client = new ApiClient(port);

		ApiClient.Response home = client.get("/");
		ApiClient.Response console = client.get("/admin/");

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.raw().body()).contains("Ban tổ chức");
	}

	@Test
	void everyMigrationIsAppliedToH2() {
		List<Boolean> applied = jdbc.sql("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL")
			.query(Boolean.class)
			.list();

		assertThat(applied).hasSizeGreaterThanOrEqualTo(2).containsOnly(true);
	}

	@Test
	void anEmptyDatabaseReceivesTheSeedBankInBothLanguages() {
		long bankId = banks.findSharedByName(SeedBank.BANK_NAME).orElseThrow();
		List<Question> seed = seedBank.read(bankId);
		List<Question> vietnamese = questions.findByBank(bankId, Language.VI);
		List<Question> english = questions.findByBank(bankId, Language.EN);

		assertThat(vietnamese).hasSize((int) seed.stream().filter(q -> q.language() == Language.VI).count());
		assertThat(english).hasSize((int) seed.stream().filter(q -> q.language() == Language.EN).count());
		assertThat(questions.count()).as("nothing but the seed bank").isEqualTo(seed.size());
		assertThat(vietnamese).extracting(Question::topic).containsAll(EnumSet.allOf(Topic.class));
		assertThat(vietnamese).extracting(Question::text).anyMatch(text -> text.contains("VNeID"));
		// Diacritics survive the database round trip.
		assertThat(vietnamese).extracting(Question::text).anyMatch(text -> text.matches(".*[ạảãàáăắằẳẵặâấầẩẫậđệễ].*"));
		assertThat(vietnamese).allSatisfy(question -> assertThat(question.explanation()).isNotBlank());
		assertThat(seedBank.loadIfEmpty()).as("a second start loads nothing").isEmpty();
	}

	@Test
	void theFirstAdminPasswordIsGeneratedPrintedOnceAndStoredHashed(CapturedOutput output) {
		Matcher printed = Pattern.compile("username \"admin\", password \"([A-Za-z0-9]{16})\"").matcher(output.getOut());
		assertThat(printed.find()).as("the generated password is printed").isTrue();
		String password = printed.group(1);
		assertThat(printed.find()).as("printed only once").isFalse();

		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{pbkdf2@SpringSecurity_v5_8}").doesNotContain(password);
		assertThat(encoder.matches(password, hash)).isTrue();
		assertThat(new ApiClient(port).login("admin", password).status()).isEqualTo(200);
	}

	@Test
	void theStartPrintsNoFlywayWarningAboutTheH2Version(CapturedOutput output) {
		assertThat(output.getOut()).contains("QuizFest is ready").doesNotContain("Flyway has been verified with");
	}

	@Test
	void theStartupMessageNamesThePlayerAndOrganiserUrls(CapturedOutput output) {
		assertThat(output.getOut()).contains("Người chơi: http://localhost:" + port + "/")
			.contains("Organisers: http://localhost:" + port + "/admin/");
	}
}
