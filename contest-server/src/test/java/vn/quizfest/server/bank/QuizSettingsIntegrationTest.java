package vn.quizfest.server.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.bank.QuestionBankApiIntegrationTest.created;
import static vn.quizfest.server.bank.QuestionBankApiIntegrationTest.question;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/**
 * A quiz carries game settings that games made from it start with: stored and returned as given,
 * checked like a game's, and replaced as a whole by a game's own settings. Real HTTP, real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + QuizSettingsIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizSettingsIntegrationTest {

	static final String ADMIN_PASSWORD = "quiz-settings-admin-password";

	static final Map<String, Object> FESTIVAL = Map.of("leaderboardSize", 10, "autoAdvance", true, "scoring", "ACCURACY");

	@LocalServerPort
	int port;

	ApiClient admin;

	long questionId;

	@BeforeAll
	void aQuestion() {
		admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		long bank = created(admin.post("/api/banks", Map.of("name", "Ngân hàng cho cài đặt", "shared", true)));
		questionId = created(admin.post("/api/questions",
				question(bank, "Khi nhận cuộc gọi tự xưng công an yêu cầu chuyển tiền, bạn nên làm gì?", "SCAMS_CYBER_SAFETY",
						1, "PUBLISHED")));
	}

	Map<String, Object> quiz(String title, Object settings, Object version) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("questionIds", List.of(questionId));
		if (settings != null) {
			body.put("settings", settings);
		}
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

	JsonNode quizWithId(long id) {
		for (JsonNode quiz : admin.get("/api/quizzes").body()) {
			if (quiz.path("id").asLong() == id) {
				return quiz;
			}
		}
		throw new AssertionError("quiz " + id + " is not listed");
	}

	/** The settings a game was created with, as the games list shows them. */
	JsonNode gameSettings(String gameId) {
		for (JsonNode item : admin.get("/api/games?size=200").body().path("games")) {
			if (item.path("game").path("id").asString().equals(gameId)) {
				return JsonMapper.builder().build().readTree(item.path("game").path("settingsJson").asString());
			}
		}
		throw new AssertionError("game " + gameId + " is not listed");
	}

	String game(Map<String, Object> request) {
		ApiClient.Response response = admin.post("/api/games", request);
		assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
		return response.body().path("id").asString();
	}

	@Test
	void settingsAreStoredAsGivenReturnedByEveryReadAndReplacedOrClearedByAnUpdate() {
		ApiClient.Response created = admin.post("/api/quizzes", quiz("Hội thi xã Tân Hòa", FESTIVAL, null));
		long id = created(created);
		JsonNode expected = JsonMapper.builder().build().valueToTree(FESTIVAL);
		assertThat(created.body().path("settings")).isEqualTo(expected);
		assertThat(admin.get("/api/quizzes/" + id).body().path("settings")).isEqualTo(expected);
		assertThat(quizWithId(id).path("settings")).isEqualTo(expected);

		ApiClient.Response untouched = admin.put("/api/quizzes/" + id, quiz("Hội thi xã Tân Hòa 2026", null, 0));
		assertThat(untouched.status()).isEqualTo(200);
		assertThat(untouched.body().path("settings")).as("left out: kept").isEqualTo(expected);

		ApiClient.Response replaced = admin.put("/api/quizzes/" + id, quiz("Hội thi xã Tân Hòa 2026",
				Map.of("previewSeconds", 0), 1));
		assertThat(replaced.body().path("settings").toString()).isEqualTo("{\"previewSeconds\":0}");

		ApiClient.Response cleared = admin.put("/api/quizzes/" + id, quiz("Hội thi xã Tân Hòa 2026", Map.of(), 2));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.body().has("settings")).as("none: absent").isFalse();
		assertThat(quizWithId(id).has("settings")).isFalse();

		long plain = created(admin.post("/api/quizzes", quiz("Đề không cài đặt", null, null)));
		assertThat(admin.get("/api/quizzes/" + plain).body().has("settings")).isFalse();
	}

	@Test
	void anInvalidSettingIsRefusedLikeAGamesAndNothingIsSaved() {
		Map<String, Object> tooMany = Map.of("leaderboardSize", 51);
		ApiClient.Response refused = admin.post("/api/quizzes", quiz("Đề sai cài đặt", tooMany, null));
		ApiClient.Response gameRefused = admin.post("/api/games",
				Map.of("title", "Trò chơi sai cài đặt", "questionIds", List.of(questionId), "settings", tooMany));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("code").asString()).isEqualTo("request.invalid");
		assertThat(refused.body().path("fields").has("settings.leaderboardSize")).isTrue();
		assertThat(gameRefused.status()).isEqualTo(400);
		assertThat(refused.body().path("code")).isEqualTo(gameRefused.body().path("code"));
		assertThat(refused.body().path("fields")).isEqualTo(gameRefused.body().path("fields"));
		for (JsonNode quiz : admin.get("/api/quizzes").body()) {
			assertThat(quiz.path("title").asString()).isNotEqualTo("Đề sai cài đặt");
		}

		long id = created(admin.post("/api/quizzes", quiz("Đề đúng cài đặt", Map.of("previewSeconds", 5), null)));
		for (Map<String, Object> wrong : List.of(Map.<String, Object>of("previewSeconds", -1),
				Map.<String, Object>of("maxPlayers", 50_001), Map.<String, Object>of("resultSeconds", 0))) {
			ApiClient.Response update = admin.put("/api/quizzes/" + id, quiz("Đổi tên không được lưu", wrong, 0));
			assertThat(update.status()).as(wrong.toString()).isEqualTo(400);
			assertThat(update.body().path("code").asString()).isEqualTo("request.invalid");
		}
		ApiClient.Response badMode = admin.put("/api/quizzes/" + id, quiz("Đổi tên không được lưu",
				Map.of("scoring", "FASTEST"), 0));
		assertThat(badMode.status()).isEqualTo(400);
		assertThat(badMode.body().path("code").asString()).isEqualTo("request.malformed");
		JsonNode kept = admin.get("/api/quizzes/" + id).body();
		assertThat(kept.path("title").asString()).isEqualTo("Đề đúng cài đặt");
		assertThat(kept.path("version").asInt()).isZero();
		assertThat(kept.path("settings").toString()).isEqualTo("{\"previewSeconds\":5}");
	}

	@Test
	void aGameFromAQuizStartsWithTheQuizsSettingsUnlessItBringsItsOwn() {
		long festival = created(admin.post("/api/quizzes", quiz("Rung chuông vàng huyện", FESTIVAL, null)));
		long plain = created(admin.post("/api/quizzes", quiz("Ôn tập lớp 9A", null, null)));

		JsonNode fromQuiz = gameSettings(game(Map.of("title", "Theo bộ đề", "quizId", festival)));
		assertThat(fromQuiz.path("leaderboardSize").asInt()).isEqualTo(10);
		assertThat(fromQuiz.path("autoAdvance").asBoolean()).isTrue();
		assertThat(fromQuiz.path("scoring").asString()).isEqualTo("ACCURACY");
		assertThat(fromQuiz.path("previewSeconds").asInt()).as("not set by the quiz: the default").isEqualTo(3);

		JsonNode own = gameSettings(game(Map.of("title", "Cài đặt riêng", "quizId", festival, "settings",
				Map.of("previewSeconds", 0))));
		assertThat(own.path("previewSeconds").asInt()).isZero();
		assertThat(own.path("leaderboardSize").asInt()).as("the whole object wins").isEqualTo(5);
		assertThat(own.path("autoAdvance").asBoolean()).isFalse();
		assertThat(own.path("scoring").asString()).isEqualTo("SPEED");

		JsonNode defaults = gameSettings(game(Map.of("title", "Bộ đề không cài đặt", "quizId", plain)));
		assertThat(defaults.path("leaderboardSize").asInt()).isEqualTo(5);
		assertThat(defaults.path("autoAdvance").asBoolean()).isFalse();
	}
}
