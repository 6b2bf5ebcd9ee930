package vn.quizfest.server.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/**
 * The question bank API over real HTTP against a real MySQL/MariaDB: banks, questions, quizzes and
 * draws, with organisation isolation and roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + QuestionBankApiIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class QuestionBankApiIntegrationTest {

	public static final String ADMIN_PASSWORD = "bank-api-admin-password";

	@LocalServerPort
	int port;

	ApiClient admin;

	/** ORGANISER and HOST of the province of Lào Cai, ORGANISER of a school in Huế. */
	ApiClient organiserA;

	ApiClient hostA;

	ApiClient organiserB;

	long orgA;

	long orgB;

	long sharedBank;

	long sharedQuestion;

	@BeforeAll
	void organisationsAndAccounts() {
		admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		orgA = created(admin.post("/api/organisations", Map.of("name", "Sở KH&CN tỉnh Lào Cai", "kind", "PROVINCE")));
		orgB = created(admin.post("/api/organisations", Map.of("name", "Trường THPT Quốc Học Huế", "kind", "SCHOOL")));
		organiserA = account("ORGANISER", orgA);
		hostA = account("HOST", orgA);
		organiserB = account("ORGANISER", orgB);
		sharedBank = created(admin.post("/api/banks", Map.of("name", "Bộ câu hỏi dùng chung", "shared", true)));
		sharedQuestion = created(admin.post("/api/questions",
				question(sharedBank, "Ứng dụng VNeID do cơ quan nào phát triển?", "VNEID", 1, "PUBLISHED", "vneid")));
	}

	ApiClient account(String role, long organisationId) {
		String username = role.toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/users", Map.of("username", username, "displayName",
				"Nguyễn Thị " + role, "role", role, "organisationId", organisationId));
		assertThat(created.status()).isEqualTo(201);
		ApiClient client = new ApiClient(port);
		assertThat(client.login(username, created.body().path("generatedPassword").asString()).status()).isEqualTo(200);
		return client;
	}

	static long created(ApiClient.Response response) {
		assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
		return response.body().path("id").asLong();
	}

	static Map<String, Object> question(long bankId, String text, String topic, int difficulty, String status,
			String... tags) {
		Map<String, Object> question = new HashMap<>();
		question.put("bankId", bankId);
		question.put("language", "VI");
		question.put("type", "SINGLE_CHOICE");
		question.put("text", text);
		question.put("options", List.of("Bộ Công an", "Bộ Y tế", "Bộ Giáo dục và Đào tạo"));
		question.put("answer", Map.of("correct", List.of(0)));
		question.put("explanation", "VNeID do Trung tâm Dữ liệu quốc gia về dân cư, Bộ Công an phát triển.");
		question.put("timeLimitSeconds", 20);
		question.put("difficulty", difficulty);
		question.put("topic", topic);
		question.put("status", status);
		question.put("tags", List.of(tags));
		return question;
	}

	long bankOf(ApiClient client, String name) {
		return created(client.post("/api/banks", Map.of("name", name)));
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static List<Long> ids(JsonNode items) {
		List<Long> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.path("id").asLong()));
		return ids;
	}

	@Test
	void anOrganiserManagesTheBanksOfTheirOrganisationAndReadsSharedOnes() {
		ApiClient.Response created = organiserA.post("/api/banks", Map.of("name", "Ngân hàng xã Bắc Hà"));
		long bank = created(created);
		assertThat(created.body().path("ownerOrganisationId").asLong()).isEqualTo(orgA);
		assertThat(created.body().path("writable").asBoolean()).isTrue();

		JsonNode list = organiserA.get("/api/banks").body();
		assertThat(ids(list)).contains(bank, sharedBank);
		assertThat(list.valueStream().filter(b -> b.path("id").asLong() == sharedBank).findFirst().orElseThrow()
			.path("writable").asBoolean()).isFalse();

		ApiClient.Response renamed = organiserA.put("/api/banks/" + bank, Map.of("name", "Ngân hàng xã Bắc Hà 2026", "shared", false));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().path("name").asString()).isEqualTo("Ngân hàng xã Bắc Hà 2026");

		assertThat(organiserA.delete("/api/banks/" + bank).status()).isEqualTo(204);
		assertThat(organiserA.get("/api/banks/" + bank).status()).isEqualTo(404);
	}

	@Test
	void onlyAnAdminSharesOrChangesASharedBank() {
		long bank = bankOf(organiserA, "Muốn chia sẻ");

		ApiClient.Response createShared = organiserA.post("/api/banks", Map.of("name", "Chung", "shared", true));
		ApiClient.Response share = organiserA.put("/api/banks/" + bank, Map.of("name", "Muốn chia sẻ", "shared", true));
		ApiClient.Response renameShared = organiserA.put("/api/banks/" + sharedBank, Map.of("name", "Đổi", "shared", true));
		ApiClient.Response writeShared = organiserA.post("/api/questions",
				question(sharedBank, "Câu mới?", "VNEID", 1, "DRAFT"));

		assertThat(createShared.status()).isEqualTo(403);
		assertThat(createShared.body().path("code").asString()).isEqualTo("bank.shared.admin-only");
		assertThat(share.status()).isEqualTo(403);
		assertThat(renameShared.status()).isEqualTo(403);
		assertThat(writeShared.status()).isEqualTo(403);
		assertThat(writeShared.body().path("detail").asString())
			.isEqualTo("Chỉ quản trị viên được tạo, sửa hoặc chia sẻ ngân hàng câu hỏi dùng chung.");
		assertThat(admin.put("/api/banks/" + bank, Map.of("name", "Đã chia sẻ", "shared", true)).status()).isEqualTo(200);
		assertThat(ids(organiserB.get("/api/banks").body())).contains(bank);
	}

	@Test
	void anOrganisationNeitherReadsNorWritesAnotherOrganisationsBank() {
		long bankA = bankOf(organiserA, "Riêng của Lào Cai");
		long questionA = created(organiserA.post("/api/questions",
				question(bankA, "Câu hỏi riêng về định danh?", "VNEID", 1, "PUBLISHED")));

		assertThat(ids(organiserB.get("/api/banks").body())).doesNotContain(bankA).contains(sharedBank);
		assertThat(organiserB.get("/api/banks/" + bankA).status()).isEqualTo(404);
		assertThat(organiserB.put("/api/banks/" + bankA, Map.of("name", "Chiếm", "shared", false)).status()).isEqualTo(404);
		assertThat(organiserB.delete("/api/banks/" + bankA).status()).isEqualTo(404);
		assertThat(organiserB.post("/api/questions", question(bankA, "Chen vào?", "VNEID", 1, "DRAFT")).status())
			.isEqualTo(404);
		ApiClient.Response read = organiserB.get("/api/questions/" + questionA);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.body().path("code").asString()).isEqualTo("question.not-found");
		assertThat(organiserB.put("/api/questions/" + questionA, Map.of("bankId", bankA, "type", "SINGLE_CHOICE",
				"topic", "VNEID", "text", "Sửa trộm", "version", 0)).status()).isEqualTo(404);
		assertThat(organiserB.delete("/api/questions/" + questionA).status()).isEqualTo(404);
		assertThat(ids(organiserB.get("/api/questions?size=100&q=" + encode("định danh")).body().path("items")))
			.doesNotContain(questionA);
		assertThat(organiserB.get("/api/questions?bankId=" + bankA).status()).isEqualTo(404);
		assertThat(organiserB.get("/api/questions/" + sharedQuestion).status()).as("shared is readable").isEqualTo(200);
		assertThat(admin.get("/api/questions/" + questionA).status()).as("an admin sees all").isEqualTo(200);
	}

	@Test
	void aHostReadsButDoesNotWriteAndAnonymousCallersAreRefused() {
		long bank = bankOf(organiserA, "Cho người dẫn chương trình");

		assertThat(hostA.get("/api/banks").status()).isEqualTo(200);
		assertThat(hostA.get("/api/questions?bankId=" + bank).status()).isEqualTo(200);
		ApiClient.Response write = hostA.post("/api/questions", question(bank, "Câu của host?", "VNEID", 1, "DRAFT"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.body().path("code").asString()).isEqualTo("access.denied");
		assertThat(hostA.post("/api/banks", Map.of("name", "Của host")).status()).isEqualTo(403);
		assertThat(hostA.delete("/api/banks/" + bank).status()).isEqualTo(403);
		assertThat(hostA.post("/api/quizzes", Map.of("title", "Đề của host")).status()).isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/questions").status()).isEqualTo(401);
		assertThat(new ApiClient(port).get("/api/banks").body().path("code").asString()).isEqualTo("login.required");
	}

	@Test
	void aQuestionIsCreatedReadChangedAndDeleted() {
		long bank = bankOf(organiserA, "Soạn đề");

		ApiClient.Response created = organiserA.post("/api/questions",
				question(bank, "Mã OTP có được đọc cho người khác không?", "SCAMS_CYBER_SAFETY", 2, "DRAFT", "otp", "lừa-đảo"));
		long id = created(created);
		JsonNode body = created.body();
		assertThat(body.path("version").asInt()).isZero();
		assertThat(body.path("author").asString()).startsWith("organiser");
		assertThat(body.path("tags").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder("otp", "lừa-đảo");
		assertThat(body.path("answer").path("correct").get(0).asInt()).isZero();
		assertThat(organiserA.get("/api/questions/" + id).body().path("text").asString())
			.isEqualTo("Mã OTP có được đọc cho người khác không?");

		Map<String, Object> change = question(bank, "Có nên đọc mã OTP cho người gọi tự xưng công an?", "SCAMS_CYBER_SAFETY",
				3, "REVIEWED", "otp");
		change.put("version", 0);
		ApiClient.Response updated = organiserA.put("/api/questions/" + id, change);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().path("version").asInt()).isEqualTo(1);
		assertThat(updated.body().path("difficulty").asInt()).isEqualTo(3);
		assertThat(updated.body().path("status").asString()).isEqualTo("REVIEWED");
		assertThat(updated.body().path("translationGroup").asString()).isEqualTo(body.path("translationGroup").asString());

		ApiClient.Response published = organiserA.post("/api/questions/" + id + "/status",
				Map.of("status", "PUBLISHED", "version", 1));
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.body().path("status").asString()).isEqualTo("PUBLISHED");

		assertThat(organiserA.delete("/api/questions/" + id).status()).isEqualTo(204);
		assertThat(organiserA.get("/api/questions/" + id).status()).isEqualTo(404);
	}

	@Test
	void aChangeFromAStaleVersionIsAConflictAndChangesNothing() {
		long bank = bankOf(organiserA, "Sửa cùng lúc");
		long id = created(organiserA.post("/api/questions", question(bank, "Bản đầu", "VNEID", 1, "DRAFT")));
		Map<String, Object> first = question(bank, "Người thứ nhất sửa", "VNEID", 1, "DRAFT");
		first.put("version", 0);
		Map<String, Object> second = question(bank, "Người thứ hai sửa", "VNEID", 1, "DRAFT");
		second.put("version", 0);

		assertThat(organiserA.put("/api/questions/" + id, first).status()).isEqualTo(200);
		ApiClient.Response stale = organiserA.put("/api/questions/" + id, second);
		ApiClient.Response staleEnglish = organiserA.language("en").put("/api/questions/" + id, second);
		organiserA.language("vi");
		ApiClient.Response staleStatus = organiserA.post("/api/questions/" + id + "/status",
				Map.of("status", "PUBLISHED", "version", 0));
		second.remove("version");
		ApiClient.Response noVersion = organiserA.put("/api/questions/" + id, second);

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().path("code").asString()).isEqualTo("question.stale");
		assertThat(stale.body().path("detail").asString()).startsWith("Câu hỏi vừa được người khác sửa");
		assertThat(staleEnglish.body().path("detail").asString()).startsWith("Someone else has just changed");
		assertThat(staleStatus.status()).isEqualTo(409);
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(noVersion.body().path("code").asString()).isEqualTo("question.version.required");
		assertThat(organiserA.get("/api/questions/" + id).body().path("text").asString()).isEqualTo("Người thứ nhất sửa");
	}

	@Test
	void anInvalidQuestionIsRefusedFieldByFieldInTheCallersLanguage() {
		long bank = bankOf(organiserA, "Câu sai");
		Map<String, Object> invalid = question(bank, " ", "VNEID", 5, "DRAFT");
		invalid.put("options", List.of("Chỉ một phương án"));
		invalid.put("answer", Map.of("correct", List.of(3)));

		ApiClient.Response vietnamese = organiserA.post("/api/questions", invalid);
		ApiClient.Response english = organiserA.language("en").post("/api/questions", invalid);
		organiserA.language("vi");
		ApiClient.Response missingType = organiserA.post("/api/questions", Map.of("bankId", bank, "topic", "VNEID"));
		ApiClient.Response badTopic = organiserA.postRaw("/api/questions",
				"{\"bankId\": " + bank + ", \"type\": \"SINGLE_CHOICE\", \"topic\": \"WEATHER\"}");

		assertThat(vietnamese.status()).isEqualTo(400);
		assertThat(vietnamese.body().path("code").asString()).isEqualTo("question.invalid");
		assertThat(vietnamese.body().path("fields").path("text").asString()).isEqualTo("Vui lòng nhập nội dung câu hỏi.");
		assertThat(vietnamese.body().path("fields").path("options").asString())
			.isEqualTo("Câu hỏi loại này cần từ 2 đến 6 phương án.");
		assertThat(vietnamese.body().path("fields").has("difficulty")).isTrue();
		assertThat(vietnamese.body().path("fields").has("correct")).isTrue();
		assertThat(vietnamese.body().path("violations").get(0).path("code").asString()).isEqualTo("question.text.required");
		assertThat(english.body().path("fields").path("text").asString()).isEqualTo("Please enter the question text.");
		assertThat(missingType.status()).isEqualTo(400);
		assertThat(missingType.body().path("fields").path("type").asString()).isEqualTo("Vui lòng chọn loại câu hỏi.");
		assertThat(badTopic.status()).isEqualTo(400);
		assertThat(organiserA.get("/api/questions?bankId=" + bank).body().path("total").asInt()).isZero();
	}

	@Test
	void searchFindsVietnameseTextWithAndWithoutDiacriticsAndFilters() {
		long bank = bankOf(organiserA, "Tìm kiếm");
		long vneid = created(organiserA.post("/api/questions",
				question(bank, "Định danh điện tử mức 2 giúp gì cho người dân?", "VNEID", 1, "PUBLISHED", "vneid", "mức-2")));
		long draft = created(organiserA.post("/api/questions",
				question(bank, "Tài khoản định danh điện tử có cho mượn được không?", "VNEID", 2, "DRAFT", "vneid")));
		long payment = created(organiserA.post("/api/questions",
				question(bank, "Quét mã QR để thanh toán cần chú ý gì?", "CASHLESS_PAYMENT", 2, "PUBLISHED", "qr")));
		String inBank = "/api/questions?bankId=" + bank;

		assertThat(ids(organiserA.get(inBank + "&q=" + encode("dinh danh")).body().path("items")))
			.containsExactly(vneid, draft);
		assertThat(ids(organiserA.get(inBank + "&q=" + encode("định danh")).body().path("items")))
			.containsExactly(vneid, draft);
		assertThat(ids(organiserA.get(inBank + "&q=" + encode("ĐỊNH DANH điện TỬ mức")).body().path("items")))
			.containsExactly(vneid);
		assertThat(ids(organiserA.get(inBank + "&q=" + encode("ma qr")).body().path("items"))).containsExactly(payment);
		assertThat(ids(organiserA.get(inBank + "&topic=VNEID&status=published").body().path("items"))).containsExactly(vneid);
		assertThat(ids(organiserA.get(inBank + "&difficulty=2").body().path("items"))).containsExactly(draft, payment);
		assertThat(ids(organiserA.get(inBank + "&tag=vneid&lang=vi").body().path("items"))).containsExactly(vneid, draft);
		assertThat(ids(organiserA.get(inBank + "&lang=en").body().path("items"))).isEmpty();
		assertThat(ids(organiserA.get("/api/questions?size=100&q=" + encode("dinh danh dien tu")).body().path("items")))
			.as("all visible banks").contains(vneid, draft);

		ApiClient.Response badTopic = organiserA.get(inBank + "&topic=WEATHER");
		assertThat(badTopic.status()).isEqualTo(400);
		assertThat(badTopic.body().path("code").asString()).isEqualTo("request.parameter.invalid");
		assertThat(badTopic.body().path("detail").asString()).isEqualTo("Giá trị của tham số \"topic\" không hợp lệ.");
		assertThat(organiserA.get(inBank + "&difficulty=hard").status()).isEqualTo(400);
	}

	@Test
	void searchResultsComeInStablePagesOfCappedSize() {
		long bank = bankOf(organiserA, "Nhiều câu");
		List<Long> added = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			added.add(created(organiserA.post("/api/questions",
					question(bank, "Câu hỏi luyện tập số " + i, "BASIC_SKILLS", 1, "DRAFT"))));
		}
		String inBank = "/api/questions?bankId=" + bank;

		JsonNode first = organiserA.get(inBank + "&size=3&page=0").body();
		JsonNode third = organiserA.get(inBank + "&size=3&page=2").body();
		JsonNode huge = organiserA.get(inBank + "&size=5000").body();

		assertThat(first.path("total").asInt()).isEqualTo(7);
		assertThat(ids(first.path("items"))).containsExactlyElementsOf(added.subList(0, 3));
		assertThat(ids(third.path("items"))).containsExactly(added.get(6));
		assertThat(huge.path("size").asInt()).isEqualTo(100);
		assertThat(ids(huge.path("items"))).containsExactlyElementsOf(added);
	}

	@Test
	void aQuizListsQuestionsInOrderAndIsGuardedLikeItsBanks() {
		long bank = bankOf(organiserA, "Cho đề thi");
		long q1 = created(organiserA.post("/api/questions", question(bank, "Câu thứ nhất", "VNEID", 1, "PUBLISHED")));
		long q2 = created(organiserA.post("/api/questions", question(bank, "Câu thứ hai", "AI_TOOLS", 2, "PUBLISHED")));
		long bankB = bankOf(organiserB, "Của trường Quốc Học");
		long foreign = created(organiserB.post("/api/questions", question(bankB, "Câu của Huế", "VNEID", 1, "PUBLISHED")));

		ApiClient.Response created = organiserA.post("/api/quizzes",
				Map.of("title", "Rung chuông vàng xã Bắc Hà", "language", "VI", "questionIds", List.of(q2, sharedQuestion, q1)));
		long quiz = created(created);
		assertThat(ids(created.body().path("questions"))).containsExactly(q2, sharedQuestion, q1);
		assertThat(created.body().path("ownerOrganisationId").asLong()).isEqualTo(orgA);

		ApiClient.Response updated = organiserA.put("/api/quizzes/" + quiz,
				Map.of("title", "Rung chuông vàng 2026", "questionIds", List.of(q1, q2), "version", 0));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().path("version").asInt()).isEqualTo(1);
		assertThat(ids(hostA.get("/api/quizzes/" + quiz).body().path("questions"))).containsExactly(q1, q2);
		assertThat(ids(hostA.get("/api/quizzes").body())).contains(quiz);

		ApiClient.Response stale = organiserA.put("/api/quizzes/" + quiz,
				Map.of("title", "Muộn", "questionIds", List.of(q1), "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().path("code").asString()).isEqualTo("quiz.stale");

		ApiClient.Response withForeign = organiserA.post("/api/quizzes",
				Map.of("title", "Lấy câu của người khác", "questionIds", List.of(q1, foreign)));
		assertThat(withForeign.status()).isEqualTo(400);
		assertThat(withForeign.body().path("code").asString()).isEqualTo("quiz.question.unavailable");
		ApiClient.Response twice = organiserA.post("/api/quizzes", Map.of("title", "Trùng", "questionIds", List.of(q1, q1)));
		assertThat(twice.body().path("code").asString()).isEqualTo("quiz.question.duplicate");

		assertThat(organiserB.get("/api/quizzes/" + quiz).status()).isEqualTo(404);
		assertThat(ids(organiserB.get("/api/quizzes").body())).doesNotContain(quiz);
		assertThat(organiserB.delete("/api/quizzes/" + quiz).status()).isEqualTo(404);

		ApiClient.Response inUse = organiserA.delete("/api/questions/" + q1);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.body().path("code").asString()).isEqualTo("question.in-use");
		assertThat(organiserA.delete("/api/banks/" + bank).body().path("code").asString()).isEqualTo("bank.in-use");

		assertThat(organiserA.delete("/api/quizzes/" + quiz).status()).isEqualTo(204);
		assertThat(organiserA.get("/api/quizzes/" + quiz).status()).isEqualTo(404);
		assertThat(organiserA.delete("/api/questions/" + q1).status()).isEqualTo(204);
	}

	@Test
	void aDrawFillsItsQuotasIsReproducibleAndCanBeSavedAsAQuiz() {
		long bank = bankOf(organiserA, "Kho rút thăm");
		for (String topic : List.of("VNEID", "CASHLESS_PAYMENT", "SCAMS_CYBER_SAFETY", "AI_TOOLS")) {
			for (int difficulty = 1; difficulty <= 3; difficulty++) {
				for (int n = 1; n <= 2; n++) {
					created(organiserA.post("/api/questions", question(bank, "Câu " + topic + " mức " + difficulty + " số " + n,
							topic, difficulty, "PUBLISHED")));
				}
			}
		}
		created(organiserA.post("/api/questions", question(bank, "Bản nháp không được rút", "VNEID", 1, "DRAFT")));
		List<String> threeTopics = List.of("VNEID", "CASHLESS_PAYMENT", "SCAMS_CYBER_SAFETY");
		Map<String, Object> request = new HashMap<>(Map.of("language", "VI", "seed", 20261123, "bankIds", List.of(bank),
				"quotas", List.of(Map.of("topics", threeTopics, "difficulty", 1, "count", 4),
						Map.of("topics", threeTopics, "difficulty", 2, "count", 4),
						Map.of("topics", threeTopics, "difficulty", 3, "count", 2))));

		ApiClient.Response drawn = hostA.post("/api/quizzes/draw", request);
		ApiClient.Response again = organiserA.post("/api/quizzes/draw", request);

		assertThat(drawn.status()).isEqualTo(200);
		JsonNode questions = drawn.body().path("questions");
		assertThat(questions.valueStream().map(q -> q.path("difficulty").asInt()).toList())
			.containsExactly(1, 1, 1, 1, 2, 2, 2, 2, 3, 3);
		assertThat(questions.valueStream().map(q -> q.path("topic").asString()).toList()).allMatch(threeTopics::contains);
		assertThat(questions.valueStream().map(q -> q.path("status").asString()).toList()).containsOnly("PUBLISHED");
		assertThat(drawn.body().path("seed").asLong()).isEqualTo(20261123);
		assertThat(ids(again.body().path("questions"))).containsExactlyElementsOf(ids(questions));

		request.put("saveAs", Map.of("title", "Đề rút thăm vòng 1"));
		ApiClient.Response hostSaves = hostA.post("/api/quizzes/draw", request);
		ApiClient.Response saved = organiserA.post("/api/quizzes/draw", request);
		assertThat(hostSaves.status()).isEqualTo(403);
		assertThat(saved.status()).isEqualTo(201);
		long quiz = saved.body().path("quizId").asLong();
		assertThat(ids(organiserA.get("/api/quizzes/" + quiz).body().path("questions")))
			.containsExactlyElementsOf(ids(questions));

		request.remove("seed");
		request.remove("saveAs");
		ApiClient.Response unseeded = organiserA.post("/api/quizzes/draw", request);
		request.put("seed", unseeded.body().path("seed").asLong());
		assertThat(ids(organiserA.post("/api/quizzes/draw", request).body().path("questions")))
			.as("the returned seed repeats the draw")
			.containsExactlyElementsOf(ids(unseeded.body().path("questions")));
	}

	@Test
	void aQuotaThatCannotBeFilledIsNamedInTheError() {
		long bank = bankOf(organiserA, "Kho nhỏ");
		for (int n = 1; n <= 3; n++) {
			created(organiserA.post("/api/questions", question(bank, "Câu khó số " + n, "AI_TOOLS", 3, "PUBLISHED")));
		}
		Map<String, Object> request = Map.of("language", "VI", "bankIds", List.of(bank), "quotas",
				List.of(Map.of("topics", List.of("AI_TOOLS"), "difficulty", 3, "count", 5)));

		ApiClient.Response vietnamese = organiserA.post("/api/quizzes/draw", request);
		ApiClient.Response english = organiserA.language("en").post("/api/quizzes/draw", request);
		organiserA.language("vi");
		ApiClient.Response empty = organiserA.post("/api/quizzes/draw", Map.of("quotas", List.of()));
		ApiClient.Response foreignBank = organiserB.post("/api/quizzes/draw", request);

		assertThat(vietnamese.status()).isEqualTo(409);
		assertThat(vietnamese.body().path("code").asString()).isEqualTo("draw.quota.short");
		assertThat(vietnamese.body().path("detail").asString())
			.isEqualTo("Yêu cầu thứ 1 (Sử dụng trí tuệ nhân tạo; khó) cần 5 câu nhưng chỉ có 3 câu đã đăng phù hợp.");
		assertThat(vietnamese.body().path("asked").asInt()).isEqualTo(5);
		assertThat(vietnamese.body().path("available").asInt()).isEqualTo(3);
		assertThat(english.body().path("detail").asString())
			.isEqualTo("Quota 1 (Using AI tools; hard) asks for 5 questions, but only 3 matching published questions exist.");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().path("fields").path("quotas").asString()).isEqualTo("Cần ít nhất một yêu cầu về số câu hỏi.");
		assertThat(foreignBank.status()).isEqualTo(404);
	}

	@Test
	void theOpenApiDescriptionIsPublic() {
		ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().path("info").path("title").asString()).isEqualTo("QuizFest API");
		assertThat(docs.body().path("paths").has("/api/questions")).isTrue();
		assertThat(docs.body().path("paths").has("/api/quizzes/draw")).isTrue();
		assertThat(docs.body().path("paths").path("/api/questions").path("get").path("summary").asString())
			.isEqualTo("Search questions");
	}
}
