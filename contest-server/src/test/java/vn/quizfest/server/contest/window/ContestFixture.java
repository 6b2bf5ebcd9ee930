package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.quizfest.server.ApiClient;

/**
 * A contest set up over the real API, as an organiser would: an organisation with an ORGANISER, a
 * bank of published questions, a contest with a form and units, and rounds.
 */
final class ContestFixture {

	static final String ADMIN_PASSWORD = "contest-admin-password-2026";

	final ApiClient admin;

	final int port;

	long organisation;

	ApiClient organiser;

	private String organiserUsername = "";

	private String organiserPassword = "";

	long bank;

	private ContestFixture(ApiClient admin, int port) {
		this.admin = admin;
		this.port = port;
	}

	/** Logs the admin in and creates an organisation, its ORGANISER and a bank of {@code questions} per topic. */
	static ContestFixture create(int port, String organisationName, int questionsPerTopic) {
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ContestFixture fixture = new ContestFixture(admin, port);
		fixture.organisation = created(admin.post("/api/organisations", Map.of("name", organisationName, "kind", "PROVINCE")));
		fixture.organiser = fixture.account("ORGANISER", fixture.organisation);
		fixture.organiserUsername = fixture.lastUsername;
		fixture.organiserPassword = fixture.lastPassword;
		fixture.bank = created(fixture.organiser.post("/api/banks", Map.of("name", "Ngân hàng " + organisationName)));
		for (String topic : List.of("VNEID", "SCAMS_CYBER_SAFETY")) {
			for (int i = 0; i < questionsPerTopic; i++) {
				created(fixture.organiser.post("/api/questions", question(fixture.bank, topic, i)));
			}
		}
		return fixture;
	}

	private String lastUsername = "";

	private String lastPassword = "";

	ApiClient account(String role, long organisationId) {
		String username = role.toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/users", Map.of("username", username, "displayName",
				"Trần Văn " + role, "role", role, "organisationId", organisationId));
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		ApiClient client = new ApiClient(port);
		lastUsername = username;
		lastPassword = created.body().path("generatedPassword").asString();
		assertThat(client.login(username, lastPassword).status()).isEqualTo(200);
		return client;
	}

	/**
	 * A fresh login of the organiser: a test that moves the server's clock by days outlives the
	 * session's absolute lifetime (quizfest.sessions.absolute-lifetime), as a real organiser would.
	 */
	void organiserLogsInAgain() {
		ApiClient client = new ApiClient(port);
		assertThat(client.login(organiserUsername, organiserPassword).status()).isEqualTo(200);
		organiser = client;
	}

	static long created(ApiClient.Response response) {
		assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
		return response.body().path("id").asLong();
	}

	/**
	 * A single-choice question whose right option is always the first one in the bank ("Đúng ... i"),
	 * so a test knows the key by the option's text, whatever order an attempt shows.
	 */
	static Map<String, Object> question(long bankId, String topic, int i) {
		Map<String, Object> question = new HashMap<>();
		question.put("bankId", bankId);
		question.put("language", "VI");
		question.put("type", "SINGLE_CHOICE");
		question.put("text", "Câu hỏi " + topic + " số " + i + ": đâu là cách làm an toàn?");
		question.put("options", List.of("Đúng " + i, "Sai A " + i, "Sai B " + i, "Sai C " + i));
		question.put("answer", Map.of("correct", List.of(0)));
		question.put("explanation", "Giải thích câu " + i);
		question.put("timeLimitSeconds", 20);
		question.put("difficulty", 1 + i % 3);
		question.put("topic", topic);
		question.put("status", "PUBLISHED");
		question.put("tags", List.of());
		return question;
	}

	static Map<String, Object> contest(String title, String identityKey) {
		Map<String, Object> contest = new HashMap<>();
		contest.put("title", title);
		contest.put("rulesText", "Mỗi người thi một lượt mỗi vòng.");
		contest.put("identityKey", identityKey);
		contest.put("form", List.of(Map.of("field", "fullName", "required", true), Map.of("field", "birthYear", "required", true),
				Map.of("field", "cccd", "required", identityKey.equals("CCCD")),
				Map.of("field", "phone", "required", identityKey.equals("PHONE")),
				Map.of("field", "unitCode", "required", true)));
		contest.put("consent", Map.of("purpose", "Tổ chức cuộc thi và trao giải.", "retention",
				"Dữ liệu được lưu 90 ngày sau vòng cuối."));
		contest.put("retentionDays", 90);
		return contest;
	}

	/** A province with communes, and schools under the first commune. */
	static List<Map<String, Object>> units(int communes) {
		List<Map<String, Object>> units = new ArrayList<>();
		units.add(unit("T", "Tỉnh Đắk Lắk", null, null));
		for (int i = 1; i <= communes; i++) {
			units.add(unit("X" + i, "Xã " + i, "T", 1000L * i));
		}
		units.add(unit("S1", "Trường THCS Lê Lợi", "X1", 200L));
		return units;
	}

	static Map<String, Object> unit(String code, String name, String parent, Long population) {
		Map<String, Object> unit = new HashMap<>();
		unit.put("code", code);
		unit.put("name", name);
		unit.put("parentCode", parent);
		unit.put("population", population);
		return unit;
	}

	Map<String, Object> round(String name, Instant opensAt, Instant closesAt, int perTopic, int timeLimitSeconds,
			Map<String, Object> policy) {
		Map<String, Object> round = new HashMap<>();
		round.put("name", name);
		round.put("opensAt", opensAt.atOffset(ZoneOffset.ofHours(7)).toString());
		round.put("closesAt", closesAt.atOffset(ZoneOffset.ofHours(7)).toString());
		round.put("plan", Map.of("bankIds", List.of(bank), "language", "vi", "quotas",
				List.of(Map.of("topics", List.of("VNEID"), "count", perTopic),
						Map.of("topics", List.of("SCAMS_CYBER_SAFETY"), "count", perTopic)),
				"pointsPerQuestion", 10, "timeLimitSeconds", timeLimitSeconds, "shuffleOptions", true, "shuffleQuestions", true));
		round.put("attemptPolicy", policy);
		round.put("predictionKind", "PERFECT_SCORES");
		round.put("prizes", List.of(Map.of("name", "Giải Nhất", "count", 1, "unitPoints", 10),
				Map.of("name", "Giải Nhì", "count", 2, "unitPoints", 8), Map.of("name", "Giải Ba", "count", 3, "unitPoints", 6)));
		round.put("showAnswersAfterClose", true);
		return round;
	}

	/** A valid CCCD: province 066 (Đắk Lắk), then 9 digits from n. */
	static String cccd(int n) {
		return "066" + String.format("%09d", n);
	}

	static Map<String, Object> registration(String name, int birthYear, String cccd, String unit) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("fullName", name);
		fields.put("birthYear", birthYear);
		fields.put("cccd", cccd);
		fields.put("unitCode", unit);
		return Map.of("fields", fields, "consent", true);
	}
}
