package vn.quizfest.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * Sessions follow the account (embedded shape: sessions in the servlet container): every request sees
 * the account as it is now, changes end the other sessions, sessions have an absolute lifetime. Also
 * the language of the security layer's problems, old hashes upgraded, metrics access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:account-sessions;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + AccountSessionsIntegrationTest.ADMIN_PASSWORD,
		"quizfest.login.max-failures-per-address=1000", "quizfest.questions.load-seed-bank=false" })
@Import(AccountsIntegrationTest.Clocks.class)
class AccountSessionsIntegrationTest {

	static final String ADMIN_PASSWORD = "Phiên-làm-việc-0001";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountsIntegrationTest.TestClock clock;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin() {
		ApiClient client = new ApiClient(port);
		assertThat(client.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		return client;
	}

	record Created(long id, String username, String password) {
	}

	Created create(ApiClient admin, String role) {
		String username = AccountsIntegrationTest.unique(role.toLowerCase());
		ApiClient.Response created = admin.post("/api/users",
				Map.of("username", username, "displayName", "Lê Thị " + username, "role", role));
		assertThat(created.status()).isEqualTo(201);
		return new Created(created.body().path("account").path("id").asLong(), username,
				created.body().path("generatedPassword").asString());
	}

	ApiClient loggedIn(Created user) {
		ApiClient client = new ApiClient(port);
		assertThat(client.login(user.username(), user.password()).status()).isEqualTo(200);
		return client;
	}

	@Test
	void disablingAnAccountEndsItsOpenSessionAtOnce() {
		ApiClient admin = admin();
		Created host = create(admin, "HOST");
		ApiClient session = loggedIn(host);
		assertThat(session.get("/api/auth/me").status()).isEqualTo(200);

		assertThat(admin.put("/api/users/" + host.id(), Map.of("displayName", "Tắt", "role", "HOST", "enabled", false))
			.status()).isEqualTo(200);

		ApiClient.Response after = session.get("/api/auth/me");
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.body().path("code").asString()).isEqualTo("login.required");
	}

	@Test
	void aDemotedAndDisabledAdminsOldSessionCanNeitherCreateAdminsNorRestoreItself() {
		ApiClient admin = admin();
		Created second = create(admin, "ADMIN");
		ApiClient stale = loggedIn(second);
		Created victim = create(admin, "HOST");

		assertThat(admin.put("/api/users/" + second.id(),
				Map.of("displayName", "Hạ quyền", "role", "HOST", "enabled", false)).status()).isEqualTo(200);

		ApiClient.Response newAdmin = stale.post("/api/users",
				Map.of("username", AccountsIntegrationTest.unique("evil"), "displayName", "X", "role", "ADMIN"));
		ApiClient.Response restored = stale.put("/api/users/" + second.id(),
				Map.of("displayName", "Hạ quyền", "role", "ADMIN", "enabled", true));
		ApiClient.Response reset = stale.post("/api/users/" + victim.id() + "/password-reset", Map.of());

		assertThat(newAdmin.status()).isIn(401, 403);
		assertThat(restored.status()).isIn(401, 403);
		assertThat(reset.status()).isIn(401, 403);
		JsonNode stored = admin.get("/api/users").body().valueStream()
			.filter(user -> user.path("id").asLong() == second.id()).findFirst().orElseThrow();
		assertThat(stored.path("role").asString()).isEqualTo("HOST");
		assertThat(stored.path("enabled").asBoolean()).isFalse();
		assertThat(loggedIn(victim).get("/api/auth/me").status()).as("the victim's password is unchanged").isEqualTo(200);
	}

	@Test
	void aDemotionEndsTheSessionThatHadTheHigherRole() {
		ApiClient admin = admin();
		Created second = create(admin, "ADMIN");
		ApiClient session = loggedIn(second);
		assertThat(session.get("/api/users").status()).isEqualTo(200);

		assertThat(admin.put("/api/users/" + second.id(),
				Map.of("displayName", "Ban tổ chức", "role", "ORGANISER", "enabled", true)).status()).isEqualTo(200);

		assertThat(session.get("/api/users").status()).isEqualTo(401);
		ApiClient again = loggedIn(second);
		assertThat(again.get("/api/auth/me").body().path("role").asString()).isEqualTo("ORGANISER");
		assertThat(again.get("/api/users").status()).isEqualTo(403);
	}

	@Test
	void anAdminsPasswordResetEndsEverySessionOfTheAccount() {
		ApiClient admin = admin();
		Created host = create(admin, "HOST");
		ApiClient phone = loggedIn(host);
		ApiClient laptop = loggedIn(host);

		String generated = admin.post("/api/users/" + host.id() + "/password-reset", Map.of())
			.body().path("generatedPassword").asString();

		assertThat(phone.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(laptop.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(host.username(), generated).status()).isEqualTo(200);
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() {
		ApiClient admin = admin();
		Created host = create(admin, "HOST");
		ApiClient here = loggedIn(host);
		ApiClient elsewhere = loggedIn(host);

		ApiClient.Response changed = here.put("/api/auth/password",
				Map.of("currentPassword", host.password(), "newPassword", "Mật khẩu mới của tôi 2026"));

		assertThat(changed.status()).isEqualTo(204);
		assertThat(here.get("/api/auth/me").status()).as("the session that made the change goes on").isEqualTo(200);
		assertThat(elsewhere.get("/api/auth/me").status()).isEqualTo(401);
	}

	@Test
	void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() {
		ApiClient admin = admin();
		Created host = create(admin, "HOST");
		ApiClient session = loggedIn(host);

		for (int hour = 0; hour < 11; hour++) {
			clock.advance(Duration.ofHours(1));
			assertThat(session.get("/api/auth/me").status()).as("busy at hour %d", hour + 1).isEqualTo(200);
		}
		clock.advance(Duration.ofMinutes(59));
		assertThat(session.get("/api/auth/me").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));

		assertThat(session.get("/api/auth/me").status()).as("12 h after login").isEqualTo(401);
		assertThat(loggedIn(host).get("/api/auth/me").status()).isEqualTo(200);
	}

	@Test
	void anOldBcryptHashStillLogsInAndIsUpgradedOnTheWay() {
		ApiClient admin = admin();
		Created host = create(admin, "HOST");
		String old = new BCryptPasswordEncoder().encode("Mật khẩu từ bản cũ");
		jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(old, host.id()).update();

		assertThat(new ApiClient(port).login(host.username(), "Mật khẩu từ bản cũ").status()).isEqualTo(200);

		String stored = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(host.id())
			.query(String.class).single();
		assertThat(stored).startsWith("{pbkdf2@SpringSecurity_v5_8}");
		assertThat(new ApiClient(port).login(host.username(), "Mật khẩu từ bản cũ").status()).isEqualTo(200);
		assertThat(new ApiClient(port).login(host.username(), "Mật khẩu từ bản mới").status()).isEqualTo(401);
	}

	@Test
	void longVietnamesePasswordsAreWholeAndCommonOnesAreRefused() {
		ApiClient admin = admin();
		String username = AccountsIntegrationTest.unique("long");
		// 40 characters, 100+ bytes: past BCrypt's 72 bytes, where a different ending would not count.
		String password = "Trường Tiểu học Kim Đồng, xã Bắc Hà 2026";
		ApiClient.Response created = admin.post("/api/users", Map.of("username", username, "displayName", "Dài",
				"role", "HOST", "password", password));
		ApiClient.Response common = admin.post("/api/users", Map.of("username", AccountsIntegrationTest.unique("c"),
				"displayName", "Phổ biến", "role", "HOST", "password", "matkhau123456"));
		ApiClient.Response same = admin.language("en").post("/api/users", Map.of("username", "hoa.nguyen.thi",
				"displayName", "Trùng", "role", "HOST", "password", "Hoa.Nguyen.Thi"));
		admin.language("vi");

		assertThat(created.status()).isEqualTo(201);
		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(200);
		assertThat(new ApiClient(port).login(username, password.substring(0, 39) + "7").status()).isEqualTo(401);
		assertThat(common.status()).isEqualTo(400);
		assertThat(common.body().path("code").asString()).isEqualTo("password.common");
		assertThat(common.body().path("detail").asString()).startsWith("Mật khẩu này quá phổ biến");
		assertThat(same.body().path("code").asString()).isEqualTo("password.same-as-username");
		assertThat(same.body().path("detail").asString()).isEqualTo("The password must not be the same as the username.");
	}

	/** Without Accept-Language the security layer answers in Vietnamese, like the rest of the API. */
	@Test
	void securityProblemsAreVietnameseByDefaultAndEnglishWhenAsked() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/users")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> noCsrf = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"x\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> englishNoCsrf = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"x\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> englishAnonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/users"))
			.header("Accept-Language", "en-GB,en;q=0.8").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(anonymous.body()).path("detail").asString()).isEqualTo("Vui lòng đăng nhập.");
		assertThat(JSON.readTree(anonymous.body()).path("title").asString()).isEqualTo("Chưa đăng nhập");
		assertThat(noCsrf.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(noCsrf.body()).path("code").asString()).isEqualTo("csrf.invalid");
		assertThat(JSON.readTree(noCsrf.body()).path("title").asString()).isEqualTo("Không có quyền");
		assertThat(JSON.readTree(englishNoCsrf.body()).path("title").asString()).isEqualTo("Forbidden");
		assertThat(JSON.readTree(englishAnonymous.body()).path("detail").asString()).isEqualTo("Please log in.");
	}

	@Test
	void metricsAreReadableFromThisMachineButNotThroughAProxy() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> local = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
			.header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
			.header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(local.statusCode()).isEqualTo(200);
		assertThat(local.body()).contains("jvm_memory_used_bytes");
		assertThat(proxied.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(proxied.body()).path("code").asString()).isEqualTo("metrics.unauthorized");
		assertThat(proxied.body()).doesNotContain("jvm_memory");
		assertThat(health.statusCode()).as("health stays public").isEqualTo(200);
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}
}
