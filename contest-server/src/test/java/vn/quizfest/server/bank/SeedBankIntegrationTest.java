package vn.quizfest.server.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.SeedBank;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/** Loading the seed bank into a cluster database over HTTP, on a real MySQL/MariaDB and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + SeedBankIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
class SeedBankIntegrationTest {

	static final String ADMIN_PASSWORD = "seed-bank-admin-password";

	static final String ENDPOINT = "/api/admin/seed-bank";

	@LocalServerPort
	int port;

	@Autowired
	SeedBank seedBank;

	@Autowired
	QuestionBanks banks;

	@Autowired
	Questions questions;

	ApiClient admin() {
		ApiClient client = new ApiClient(port);
		assertThat(client.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		return client;
	}

	@Test
	void anAdminLoadsTheSeedBankOnceEvenWhenAskingTwiceAtTheSameTime() throws Exception {
		List<Question> seed = seedBank.read(0);
		long vietnamese = seed.stream().filter(question -> question.language() == Language.VI).count();
		long english = seed.size() - vietnamese;
		List<ApiClient> admins = List.of(admin(), admin());

		List<ApiClient.Response> parallel = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(admins.size());
		try {
			List<Future<ApiClient.Response>> calls = new ArrayList<>();
			for (ApiClient admin : admins) {
				calls.add(pool.submit(() -> admin.post(ENDPOINT, Map.of())));
			}
			for (Future<ApiClient.Response> call : calls) {
				parallel.add(call.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		ApiClient.Response later = admins.get(0).post(ENDPOINT, Map.of());

		assertThat(parallel).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 200);
		assertThat(parallel).filteredOn(response -> response.status() == 201)
			.singleElement()
			.satisfies(response -> assertThat(response.body().path("created").asBoolean()).isTrue());
		long bankId = banks.findSharedByName(SeedBank.BANK_NAME).orElseThrow();
		for (ApiClient.Response response : List.of(parallel.get(0), parallel.get(1), later)) {
			assertThat(response.body().path("bankId").asLong()).isEqualTo(bankId);
			assertThat(response.body().path("vietnamese").asLong()).isEqualTo(vietnamese);
			assertThat(response.body().path("english").asLong()).isEqualTo(english);
		}
		assertThat(later.status()).isEqualTo(200);
		assertThat(later.body().path("created").asBoolean()).isFalse();
		assertThat(questions.countInBank(bankId)).isEqualTo(seed.size());
		assertThat(questions.findByBank(bankId, Language.VI)).extracting(Question::text)
			.anyMatch(text -> text.contains("VNeID"));
	}

	@Test
	void anOrganiserIsRefused() {
		ApiClient admin = admin();
		String username = "org" + UUID.randomUUID().toString().substring(0, 8);
		String password = admin.post("/api/users", Map.of("username", username, "displayName", "Hoàng Văn Nam", "role",
				"ORGANISER"))
			.body()
			.path("generatedPassword")
			.asString();
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login(username, password).status()).isEqualTo(200);

		ApiClient.Response refused = organiser.post(ENDPOINT, Map.of());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().path("code").asString()).isEqualTo("access.denied");
	}

	@Test
	void anonymousCallersAndRequestsWithoutTheCsrfTokenAreRefused() {
		ApiClient anonymous = new ApiClient(port);
		anonymous.get("/api/auth/csrf");
		ApiClient withoutToken = admin().withoutCsrf();

		ApiClient.Response notLoggedIn = anonymous.post(ENDPOINT, Map.of());
		ApiClient.Response noToken = withoutToken.post(ENDPOINT, Map.of());

		assertThat(notLoggedIn.status()).isEqualTo(401);
		assertThat(notLoggedIn.body().path("code").asString()).isEqualTo("login.required");
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.body().path("code").asString()).isEqualTo("csrf.invalid");
	}
}
