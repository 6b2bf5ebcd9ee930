package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.ApiClient;

/**
 * The contest page's browser tests: a contest with a unit tree and an open round made over the
 * organiser API, the entrant side of the public API for checking what reached the server, and
 * screenshots under target/screenshots/contest after the phone layout checks.
 */
abstract class ContestPageSupport extends PlayerBrowserSupport {

	static final Path CONTEST_SCREENSHOTS = Paths.get("target", "screenshots", "contest");

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The questions of the test rounds and, for each, the texts of its right options. */
	static final Map<String, List<String>> RIGHT = new LinkedHashMap<>();
	static {
		RIGHT.put("Số điện thoại khẩn cấp của Công an là số nào?", List.of("113"));
		RIGHT.put("Những việc nào giúp bảo vệ tài khoản ngân hàng?", List.of("Bật xác thực sinh trắc học", "Không chia sẻ mã OTP"));
		RIGHT.put("Nhân viên ngân hàng có thể hỏi mã OTP của bạn qua điện thoại.", List.of("Sai"));
		RIGHT.put("Ứng dụng định danh điện tử quốc gia là ứng dụng nào?", List.of("VNeID"));
		RIGHT.put("Cổng Dịch vụ công quốc gia có địa chỉ nào?", List.of("dichvucong.gov.vn"));
	}

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient entrantHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Script errors on any phone of the test: there must be none. */
	final List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Override
	Page phone() {
		Page page = super.phone();
		page.onPageError(pageErrors::add);
		return page;
	}

	@org.junit.jupiter.api.AfterEach
	void noScriptErrors() {
		List<String> errors = List.copyOf(pageErrors);
		pageErrors.clear();
		assertThat(errors).as("script errors on the page").isEmpty();
	}

	@BeforeAll
	void screenshotFolder() throws IOException {
		Files.createDirectories(CONTEST_SCREENSHOTS);
	}

	record Contest(long id, String slug, long roundId, ApiClient organiser) {
	}

	/** Five questions: single choice, multiple select, true/false, two more single choice. */
	List<Long> contestQuestions() {
		long bankId = bank();
		List<Question> quiz = List.of(
				question(bankId, QuestionType.SINGLE_CHOICE, "Số điện thoại khẩn cấp của Công an là số nào?",
						List.of("113", "114", "115", "116"), AnswerKey.options(List.of(0)), 30),
				question(bankId, QuestionType.MULTIPLE_SELECT, "Những việc nào giúp bảo vệ tài khoản ngân hàng?",
						List.of("Bật xác thực sinh trắc học", "Cho người lạ mượn điện thoại", "Không chia sẻ mã OTP",
								"Dùng mật khẩu 123456"),
						AnswerKey.options(List.of(0, 2)), 30),
				question(bankId, QuestionType.TRUE_FALSE, "Nhân viên ngân hàng có thể hỏi mã OTP của bạn qua điện thoại.",
						List.of("Đúng", "Sai"), AnswerKey.options(List.of(1)), 30),
				question(bankId, QuestionType.SINGLE_CHOICE, "Ứng dụng định danh điện tử quốc gia là ứng dụng nào?",
						List.of("Zalo", "VNeID", "Facebook", "YouTube"), AnswerKey.options(List.of(1)), 30),
				question(bankId, QuestionType.SINGLE_CHOICE, "Cổng Dịch vụ công quốc gia có địa chỉ nào?",
						List.of("dichvucong.gov.vn", "dichvucong.com", "dvc.vn", "congdichvu.net"), AnswerKey.options(List.of(0)),
						30));
		List<Long> ids = new ArrayList<>();
		for (Question question : quiz) {
			ids.add(questions.add(question));
		}
		return List.of(bankId);
	}

	/**
	 * A contest whose form asks name, year of birth, CCCD (the identity key), phone, unit and an
	 * optional e-mail, with a province > commune > school unit tree, and one round open now with
	 * five questions and the given time limit.
	 */
	Contest openContest(int timeLimitSeconds, boolean showAnswersAfterClose) {
		ApiClient organiser = admin();
		String slug = "thi-cds-" + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response organisation = organiser.post("/api/organisations",
				Map.of("name", "Sở Khoa học và Công nghệ tỉnh Đắk Lắk " + slug.substring(8), "kind", "PROVINCE"));
		assertThat(organisation.status()).as(organisation.raw().body()).isEqualTo(201);
		Map<String, Object> contest = new LinkedHashMap<>();
		contest.put("organisationId", organisation.body().path("id").asLong());
		contest.put("slug", slug);
		contest.put("title", "Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Đắk Lắk 2026");
		contest.put("rulesText", "Mỗi người dự thi làm bài một lần mỗi tuần.\n\nBài thi gồm 5 câu hỏi trắc nghiệm và một câu dự đoán.");
		contest.put("form", List.of(Map.of("field", "fullName", "required", true), Map.of("field", "birthYear", "required", true),
				Map.of("field", "cccd", "required", true), Map.of("field", "phone", "required", true),
				Map.of("field", "unitCode", "required", true), Map.of("field", "email", "required", false)));
		contest.put("identityKey", "CCCD");
		contest.put("consent", Map.of("purpose", "Xác định người dự thi và trao giải.", "retention",
				"12 tháng sau khi cuộc thi kết thúc.", "controller", "Sở Khoa học và Công nghệ tỉnh Đắk Lắk"));
		contest.put("retentionDays", 365);
		ApiClient.Response created = organiser.post("/api/contests", contest);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		long id = created.body().path("id").asLong();

		ApiClient.Response units = organiser.put("/api/contests/" + id + "/units", List.of(
				unit("66", "Tỉnh Đắk Lắk", null, 1_900_000), unit("24123", "Phường Buôn Ma Thuột", "66", 120_000),
				unit("24124", "Xã Hòa Phú", "66", 25_000), unit("TH-HP", "Trường Tiểu học Hòa Phú", "24124", 900),
				unit("THCS-HP", "Trường THCS Hòa Phú", "24124", 700)));
		assertThat(units.status()).as(units.body().toString()).isBetween(200, 204);

		OffsetDateTime now = OffsetDateTime.now(VIETNAM);
		// Scheduled for later and opened now by the organiser: a round already due would also be opened
		// by the server's own job at the same moment.
		long roundId = addRound(organiser, id, "Tuần 1", now.plusHours(1), timeLimitSeconds, showAnswersAfterClose);
		ApiClient.Response opened = organiser.post("/api/contests/" + id + "/rounds/" + roundId + "/open", Map.of());
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
		return new Contest(id, slug, roundId, organiser);
	}

	/** A round of a week from opensAt with the five questions; the round opens by itself or by the open request. */
	long addRound(ApiClient organiser, long contestId, String name, OffsetDateTime opensAt, int timeLimitSeconds,
			boolean showAnswersAfterClose) {
		Map<String, Object> round = new LinkedHashMap<>();
		round.put("name", name);
		round.put("opensAt", opensAt.toString());
		round.put("closesAt", opensAt.plusDays(7).toString());
		round.put("plan", Map.of("bankIds", contestQuestions(), "language", "vi", "quotas",
				List.of(Map.of("topics", List.of(), "count", 5)), "pointsPerQuestion", 10, "timeLimitSeconds",
				timeLimitSeconds, "shuffleOptions", true, "shuffleQuestions", false));
		round.put("attemptPolicy", Map.of("kind", "ONE_PER_ROUND", "maxAttempts", 1));
		round.put("predictionKind", "PERFECT_SCORES");
		round.put("tieBreak", List.of("SCORE", "PREDICTION", "TIME_USED", "SUBMITTED_AT"));
		round.put("prizes", List.of(Map.of("name", "Giải Nhất", "count", 1, "unitPoints", 10)));
		round.put("showAnswersAfterClose", showAnswersAfterClose);
		ApiClient.Response created = organiser.post("/api/contests/" + contestId + "/rounds", round);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().path("id").asLong();
	}

	static Map<String, Object> unit(String code, String name, String parentCode, long population) {
		Map<String, Object> unit = new LinkedHashMap<>();
		unit.put("code", code);
		unit.put("name", name);
		unit.put("parentCode", parentCode);
		unit.put("population", population);
		return unit;
	}

	/** What this phone keeps for the contest: token, attempt id, position. */
	JsonNode stored(Page page, String slug) {
		Object text = page.evaluate("(key) => localStorage.getItem(key)", "quizfest.contest." + slug);
		assertThat(text).as("the page's storage for " + slug).isNotNull();
		return json.readTree(text.toString());
	}

	/** The attempt as the server has it, read with the entrant's own token (the public API). */
	JsonNode attemptOnServer(String token, String attemptId) {
		try {
			HttpResponse<String> response = entrantHttp.send(HttpRequest.newBuilder(URI.create(base() + "/api/public/attempts/" + attemptId))
				.header("X-Entrant-Token", token)
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The option ids of the server's saved answer to a question ({choice} or {choices}). */
	static List<String> savedChoices(JsonNode attempt, int index) {
		JsonNode answer = attempt.path("answers").path(String.valueOf(index));
		List<String> ids = new ArrayList<>();
		if (answer.has("choice")) {
			ids.add(answer.path("choice").asString());
		}
		for (JsonNode id : answer.path("choices")) {
			ids.add(id.asString());
		}
		return ids;
	}

	/** The ids of the options of a question whose texts are given. */
	static List<String> optionIds(JsonNode attempt, int index, List<String> texts) {
		for (JsonNode question : attempt.path("questions")) {
			if (question.path("index").asInt() == index) {
				List<String> ids = new ArrayList<>();
				for (JsonNode option : question.path("options")) {
					if (texts.contains(option.path("text").asString())) {
						ids.add(option.path("id").asString());
					}
				}
				return ids;
			}
		}
		throw new AssertionError("no question " + index + " in " + attempt);
	}

	/** A full-page screenshot under target/screenshots/contest, after checking the phone rules. */
	static void shot(Page page, String name) {
		checkPhoneLayout(page, name);
		page.screenshot(new Page.ScreenshotOptions().setPath(CONTEST_SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}
}
