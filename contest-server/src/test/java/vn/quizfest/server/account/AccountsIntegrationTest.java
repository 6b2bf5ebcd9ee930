package vn.quizfest.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.quizfest.server.ApiClient;

/** Organiser accounts over real HTTP: login with CSRF, sessions, roles, login back-off, administration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:accounts;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + AccountsIntegrationTest.ADMIN_PASSWORD,
		"quizfest.login.max-failures-per-address=1000", "quizfest.questions.load-seed-bank=false" })
class AccountsIntegrationTest {

	static final String ADMIN_PASSWORD = "Mật-khẩu-thử-0001";

	/** A clock the tests move forward, so lockout expiry needs no waiting. */
	static class TestClock extends Clock {

		private volatile Instant now = Instant.parse("2026-11-23T08:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	ApiClient admin() {
		ApiClient client = new ApiClient(port);
		assertThat(client.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		return client;
	}

	/** Creates an account through the API and returns its generated password. */
	String createUser(ApiClient admin, String username, String role) {
		ApiClient.Response created = admin.post("/api/users",
				Map.of("username", username, "displayName", "Nguyễn Văn " + username, "role", role));
		assertThat(created.status()).isEqualTo(201);
		return created.body().path("generatedPassword").asString();
	}

	static long idOf(ApiClient admin, String username) {
		return admin.get("/api/users")
			.body()
			.valueStream()
			.filter(user -> user.path("username").asString().equals(username))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void loginNeedsTheCsrfToken() {
		ApiClient client = new ApiClient(port).withoutCsrf();
		client.get("/api/auth/csrf");

		ApiClient.Response refused = client.post("/api/auth/login",
				Map.of("username", "admin", "password", ADMIN_PASSWORD));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().path("code").asString()).isEqualTo("csrf.invalid");
	}

	@Test
	void loginStartsASessionWithANewIdAndANewCsrfToken() {
		ApiClient client = new ApiClient(port);
		client.get("/api/auth/csrf");
		client.get("/api/auth/me"); // creates no session for an anonymous caller, but must not fail
		String tokenBefore = client.cookie("XSRF-TOKEN");

		ApiClient.Response login = client.post("/api/auth/login",
				Map.of("username", "ADMIN", "password", ADMIN_PASSWORD));

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body().path("account").path("username").asString()).isEqualTo("admin");
		assertThat(login.body().path("account").path("role").asString()).isEqualTo("ADMIN");
		assertThat(login.body().has("passwordHash")).isFalse();
		assertThat(client.cookie("QUIZFEST_SESSION")).isNotBlank();
		assertThat(client.cookie("XSRF-TOKEN")).isNotEqualTo(tokenBefore)
			.isEqualTo(login.body().path("csrfToken").asString());
		assertThat(client.get("/api/auth/me").body().path("username").asString()).isEqualTo("admin");
	}

	@Test
	void theApiRefusesAnonymousCallersWithALocalizedProblem() {
		ApiClient.Response vietnamese = new ApiClient(port).get("/api/users");
		ApiClient.Response english = new ApiClient(port).language("en").get("/api/users");

		assertThat(vietnamese.status()).isEqualTo(401);
		assertThat(vietnamese.body().path("code").asString()).isEqualTo("login.required");
		assertThat(vietnamese.body().path("detail").asString()).isEqualTo("Vui lòng đăng nhập.");
		assertThat(english.body().path("detail").asString()).isEqualTo("Please log in.");
	}

	@Test
	void aWrongPasswordIsRefusedInTheCallersLanguage() {
		ApiClient.Response vietnamese = new ApiClient(port).login("admin", "sai-mat-khau-123");
		ApiClient.Response english = new ApiClient(port).language("en").login("nobody-here", "wrong-password-1");

		assertThat(vietnamese.status()).isEqualTo(401);
		assertThat(vietnamese.body().path("detail").asString()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
		assertThat(english.status()).isEqualTo(401);
		assertThat(english.body().path("detail").asString()).isEqualTo("Wrong username or password.");
		admin(); // a success resets the admin's failure count for the other tests
	}

	@Test
	void anAdminCreatesOrganisationsAndAccountsThatCanLogIn() {
		ApiClient admin = admin();
		ApiClient.Response province = admin.post("/api/organisations",
				Map.of("name", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "kind", "PROVINCE"));
		assertThat(province.status()).isEqualTo(201);
		assertThat(province.body().has("parentId")).as("a province has no parent").isFalse();
		long provinceId = province.body().path("id").asLong();
		ApiClient.Response commune = admin.post("/api/organisations",
				Map.of("name", "UBND xã Bắc Hà", "kind", "COMMUNE", "parentId", provinceId));
		assertThat(commune.status()).isEqualTo(201);
		assertThat(commune.body().path("parentId").asLong()).isEqualTo(provinceId);
		assertThat(commune.body().path("name").asString()).isEqualTo("UBND xã Bắc Hà");

		String username = unique("host");
		Map<String, Object> request = new HashMap<>(Map.of("username", username, "displayName", "Trần Thị Hoa", "role",
				"HOST", "organisationId", commune.body().path("id").asLong()));
		ApiClient.Response created = admin.post("/api/users", request);
		assertThat(created.status()).isEqualTo(201);
		String generated = created.body().path("generatedPassword").asString();
		assertThat(generated).hasSize(16);

		ApiClient host = new ApiClient(port);
		ApiClient.Response login = host.login(username, generated);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body().path("account").path("displayName").asString()).isEqualTo("Trần Thị Hoa");
		assertThat(admin.get("/api/users").body().findValuesAsString("username")).contains(username);
	}

	@Test
	void usernamesAreUniqueIgnoringCase() {
		ApiClient admin = admin();
		String username = unique("dup");
		createUser(admin, username, "HOST");

		ApiClient.Response again = admin.post("/api/users",
				Map.of("username", username.toUpperCase(), "displayName", "Khác", "role", "HOST"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().path("code").asString()).isEqualTo("user.username.taken");
	}

	@Test
	void onlyAnAdminManagesAccounts() {
		ApiClient admin = admin();
		String username = unique("org");
		String password = createUser(admin, username, "ORGANISER");
		ApiClient organiser = new ApiClient(port);
		organiser.login(username, password);

		ApiClient.Response list = organiser.get("/api/users");
		ApiClient.Response create = organiser.post("/api/users",
				Map.of("username", unique("x"), "displayName", "X", "role", "ADMIN"));

		assertThat(list.status()).isEqualTo(403);
		assertThat(list.body().path("code").asString()).isEqualTo("access.denied");
		assertThat(create.status()).isEqualTo(403);
	}

	@Test
	void repeatedWrongPasswordsSlowTheUsernameDownWithAGrowingBackOff() {
		ApiClient admin = admin();
		String username = unique("lock");
		String password = createUser(admin, username, "HOST");
		ApiClient client = new ApiClient(port);

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(client.login(username, "wrong-password-" + attempt).status()).isEqualTo(401);
		}
		ApiClient.Response rightButWaiting = client.login(username, password);
		assertThat(rightButWaiting.status()).isEqualTo(429);
		assertThat(rightButWaiting.body().path("code").asString()).isEqualTo("login.backoff");
		assertThat(rightButWaiting.header("Retry-After")).isEqualTo("1");
		assertThat(rightButWaiting.body().path("detail").asString()).contains("1 giây");

		clock.advance(Duration.ofSeconds(1));
		assertThat(client.login(username, "wrong-password-6").status()).isEqualTo(401);
		assertThat(client.login(username, password).header("Retry-After")).as("doubled").isEqualTo("2");
		clock.advance(Duration.ofSeconds(2));
		assertThat(client.login(username, "wrong-password-7").status()).isEqualTo(401);
		assertThat(client.login(username, password).header("Retry-After")).isEqualTo("4");

		clock.advance(Duration.ofSeconds(4));
		ApiClient.Response afterBackOff = client.login(username, password);
		assertThat(afterBackOff.status()).isEqualTo(200);
		assertThat(afterBackOff.body().path("account").has("lockedUntil")).isFalse();
		assertThat(client.login(username, "wrong-again").status()).as("a success starts the count again").isEqualTo(401);
		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(200);
	}

	/** No username oracle: an unknown name answers exactly as a known one, back-off included. */
	@Test
	void unknownAndKnownUsernamesGetTheSameAnswers() {
		ApiClient admin = admin();
		String known = unique("known");
		createUser(admin, known, "HOST");
		String unknown = unique("ghost");

		for (int attempt = 1; attempt <= 7; attempt++) {
			ApiClient.Response forKnown = new ApiClient(port).login(known, "wrong-password-" + attempt);
			ApiClient.Response forUnknown = new ApiClient(port).login(unknown, "wrong-password-" + attempt);
			assertThat(forUnknown.status()).as("attempt %d", attempt).isEqualTo(forKnown.status());
			assertThat(forUnknown.body().path("code").asString()).isEqualTo(forKnown.body().path("code").asString());
			assertThat(forUnknown.body().path("detail").asString()).isEqualTo(forKnown.body().path("detail").asString());
			assertThat(forUnknown.header("Retry-After")).isEqualTo(forKnown.header("Retry-After"));
		}
		assertThat(new ApiClient(port).login(unknown, "x-wrong-password").status()).isEqualTo(429);
	}

	/** However many failures a stranger causes, the admin waits at most max-account-delay (1 min). */
	@Test
	void nobodyCanLockTheAdminOutForLong() {
		String username = unique("boss");
		String password = createUser(admin(), username, "ADMIN");
		int longestWait = 0;
		for (int round = 0; round < 15; round++) {
			ApiClient.Response attempt = new ApiClient(port).login(username, "guess-" + round);
			if (attempt.status() == 429) {
				int wait = Integer.parseInt(attempt.header("Retry-After"));
				longestWait = Math.max(longestWait, wait);
				clock.advance(Duration.ofSeconds(wait));
			}
			assertThat(new ApiClient(port).login(username, "guess-again-" + round).status()).isIn(401, 429);
		}
		assertThat(longestWait).isEqualTo(60);
		clock.advance(Duration.ofSeconds(60));
		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(200);
	}

	@Test
	void guessingTheCurrentPasswordOfASessionIsThrottledLikeALogin() {
		ApiClient admin = admin();
		String username = unique("pwguess");
		String password = createUser(admin, username, "HOST");
		ApiClient stolen = new ApiClient(port);
		stolen.login(username, password);

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(stolen.put("/api/auth/password", Map.of("currentPassword", "guess-" + attempt,
					"newPassword", "Mật khẩu của kẻ gian 1")).body().path("code").asString())
				.isEqualTo("password.current.wrong");
		}
		ApiClient.Response throttled = stolen.put("/api/auth/password",
				Map.of("currentPassword", password, "newPassword", "Mật khẩu của kẻ gian 1"));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.body().path("code").asString()).isEqualTo("login.backoff");
		assertThat(new ApiClient(port).login(username, password).status()).as("the login shares the count")
			.isEqualTo(429);

		clock.advance(Duration.ofSeconds(1));
		assertThat(stolen.put("/api/auth/password", Map.of("currentPassword", password, "newPassword",
				"Mật khẩu mới sau khi chờ")).status()).isEqualTo(204);
	}

	@Test
	void parallelWrongPasswordsStillLockTheAccount() throws Exception {
		ApiClient admin = admin();
		String username = unique("race");
		String password = createUser(admin, username, "HOST");

		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				int attempt = i;
				attempts.add(pool.submit(() -> new ApiClient(port).login(username, "wrong-" + attempt).status()));
			}
			for (Future<Integer> attempt : attempts) {
				assertThat(attempt.get(30, TimeUnit.SECONDS)).isIn(401, 429);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(429);
	}

	@Test
	void aDisabledAccountCannotLogIn() {
		ApiClient admin = admin();
		String username = unique("off");
		String password = createUser(admin, username, "HOST");
		long id = idOf(admin, username);

		ApiClient.Response disabled = admin.put("/api/users/" + id,
				Map.of("displayName", "Tắt", "role", "HOST", "enabled", false));
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.body().path("enabled").asBoolean()).isFalse();

		ApiClient.Response login = new ApiClient(port).login(username, password);
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.body().path("code").asString()).isEqualTo("login.disabled");
	}

	@Test
	void anAdminCannotDemoteThemself() {
		ApiClient admin = admin();
		long self = admin.get("/api/auth/me").body().path("id").asLong();

		ApiClient.Response demoted = admin.put("/api/users/" + self,
				Map.of("displayName", "Administrator", "role", "HOST", "enabled", true));

		assertThat(demoted.status()).isEqualTo(409);
		assertThat(demoted.body().path("code").asString()).isEqualTo("user.self-demotion");
	}

	@Test
	void passwordsAreChangedWithTheCurrentOneAndMustBeLongEnough() {
		ApiClient admin = admin();
		String username = unique("pw");
		String password = createUser(admin, username, "HOST");
		ApiClient user = new ApiClient(port);
		user.login(username, password);

		ApiClient.Response wrongCurrent = user.put("/api/auth/password",
				Map.of("currentPassword", "not-it-at-all", "newPassword", "mật khẩu mới đủ dài"));
		ApiClient.Response tooShort = user.put("/api/auth/password",
				Map.of("currentPassword", password, "newPassword", "ngắn"));
		ApiClient.Response changed = user.put("/api/auth/password",
				Map.of("currentPassword", password, "newPassword", "mật khẩu mới đủ dài"));

		assertThat(wrongCurrent.body().path("code").asString()).isEqualTo("password.current.wrong");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body().path("detail").asString()).isEqualTo("Mật khẩu phải có ít nhất 12 ký tự.");
		assertThat(changed.status()).isEqualTo(204);
		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(username, "mật khẩu mới đủ dài").status()).isEqualTo(200);
	}

	@Test
	void anAdminResetsAPasswordToANewGeneratedOne() {
		ApiClient admin = admin();
		String username = unique("reset");
		createUser(admin, username, "HOST");
		long id = idOf(admin, username);

		String generated = admin.post("/api/users/" + id + "/password-reset", Map.of())
			.body()
			.path("generatedPassword")
			.asString();

		assertThat(new ApiClient(port).login(username, generated).status()).isEqualTo(200);
	}

	@Test
	void logoutEndsTheSession() {
		ApiClient admin = admin();

		assertThat(admin.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
		assertThat(admin.get("/api/auth/me").status()).isEqualTo(401);
	}

	@Test
	void badInputGetsAClearErrorPerField() {
		ApiClient admin = admin();

		ApiClient.Response invalid = admin.post("/api/users", Map.of("username", "a b", "displayName", "", "role", "HOST"));
		ApiClient.Response tooLong = admin.language("en").post("/api/organisations",
				Map.of("name", "Đ".repeat(201), "kind", "SCHOOL"));
		admin.language("vi");
		ApiClient.Response malformed = admin.postRaw("/api/organisations", "{\"name\": ");
		ApiClient.Response unknownParent = admin.post("/api/organisations",
				Map.of("name", "Trường THCS Kim Đồng", "kind", "SCHOOL", "parentId", 987654));

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body().path("fields").path("username").asString()).startsWith("Tên đăng nhập gồm 3–64 ký tự");
		assertThat(invalid.body().path("fields").path("displayName").asString()).isEqualTo("Vui lòng nhập họ tên hiển thị.");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body().path("fields").path("name").asString()).isEqualTo("This value is too long.");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().path("code").asString()).isEqualTo("request.malformed");
		assertThat(unknownParent.status()).isEqualTo(404);
		assertThat(unknownParent.body().path("detail").asString()).isEqualTo("Không tìm thấy đơn vị số 987654.");
	}
}
