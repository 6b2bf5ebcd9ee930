package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.system.ApiException;

/**
 * The contest API over real HTTP: an organiser sets up a contest, entrants register and take their
 * attempts, the round closes and ranks them. Run on both shapes: {@link ContestApiIntegrationTest}
 * (MySQL/MariaDB and Redis) and {@link EmbeddedContestApiIntegrationTest} (H2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContestApiContract {

	@LocalServerPort
	int port;

	ContestFixture fixture;

	@Autowired
	AttemptDesk desk;

	@Autowired
	ContestStore contests;

	@Autowired
	EntrantStore entrantStore;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AttemptStore attemptStore;

	@BeforeAll
	void setUp() {
		fixture = ContestFixture.create(port, "Sở KH&CN tỉnh Đắk Lắk", 12);
	}

	record Setup(long contestId, String slug, long roundId) {
	}

	Setup openContest(String title, Map<String, Object> policy) {
		ApiClient organiser = fixture.organiser;
		ApiClient.Response contest = organiser.post("/api/contests", ContestFixture.contest(title, "CCCD"));
		long contestId = ContestFixture.created(contest);
		assertThat(organiser.put("/api/contests/" + contestId + "/units", ContestFixture.units(3)).status()).isEqualTo(200);
		Instant now = Instant.now();
		ApiClient.Response round = organiser.post("/api/contests/" + contestId + "/rounds",
				fixture.round("Tuần 1", now.plus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS), 3, 600, policy));
		long roundId = ContestFixture.created(round);
		ApiClient.Response opened = organiser.post("/api/contests/" + contestId + "/rounds/" + roundId + "/open", Map.of());
		assertThat(opened.status()).as(opened.raw().body()).isEqualTo(200);
		assertThat(opened.body().path("state").asString()).isEqualTo("OPEN");
		return new Setup(contestId, contest.body().path("slug").asString(), roundId);
	}

	EntrantClient register(Setup setup, String name, int year, String cccd, String unit) {
		EntrantClient phone = new EntrantClient(port);
		EntrantClient.Response registered = phone.post("/api/public/contests/" + setup.slug() + "/entrants",
				ContestFixture.registration(name, year, cccd, unit));
		assertThat(registered.status()).as(registered.raw().body()).isIn(200, 201);
		return phone.token(registered.body().path("token").asString());
	}

	/** The option ids that are right: the options whose text starts with "Đúng". */
	static int rightOption(JsonNode question) {
		for (JsonNode option : question.path("options")) {
			if (option.path("text").asString().startsWith("Đúng")) {
				return option.path("id").asInt();
			}
		}
		throw new AssertionError("no right option in " + question);
	}

	@Test
	void anEntrantRegistersAnswersSubmitsAndIsRankedWhenTheRoundCloses() {
		Setup setup = openContest("Cuộc thi tìm hiểu chuyển đổi số 2026", Map.of("kind", "ONE_PER_ROUND"));
		EntrantClient.Response page = new EntrantClient(port).get("/api/public/contests/" + setup.slug());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().path("identityKey").asString()).isEqualTo("CCCD");
		assertThat(page.body().path("units").size()).isEqualTo(5);
		assertThat(page.body().path("rounds").get(0).path("state").asString()).isEqualTo("OPEN");
		assertThat(page.body().path("serverTime").asLong()).isPositive();

		EntrantClient lan = register(setup, "Nguyễn Thị Lan", 1990, ContestFixture.cccd(1), "X1");
		EntrantClient.Response started = lan.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null);
		assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
		JsonNode attempt = started.body();
		long attemptId = attempt.path("attemptId").asLong();
		assertThat(attempt.path("questions").size()).isEqualTo(6);
		assertThat(attempt.toString()).doesNotContain("correct").doesNotContain("explanation").doesNotContain("Giải thích");

		// Resuming gives the same attempt, with the same questions.
		EntrantClient.Response again = lan.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("attemptId").asLong()).isEqualTo(attemptId);
		assertThat(again.body().path("questions")).isEqualTo(attempt.path("questions"));

		for (JsonNode question : attempt.path("questions")) {
			int index = question.path("index").asInt();
			EntrantClient.Response saved = lan.put("/api/public/attempts/" + attemptId + "/answers/" + index,
					Map.of("choice", rightOption(question)));
			assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
		}
		// The same answer again is the same result; a changed one replaces it.
		JsonNode first = attempt.path("questions").get(0);
		EntrantClient.Response once = lan.put("/api/public/attempts/" + attemptId + "/answers/0", Map.of("choice", rightOption(first)));
		EntrantClient.Response twice = lan.put("/api/public/attempts/" + attemptId + "/answers/0", Map.of("choice", rightOption(first)));
		assertThat(twice.body().path("savedAt")).isEqualTo(once.body().path("savedAt"));
		assertThat(lan.put("/api/public/attempts/" + attemptId + "/prediction", Map.of("value", 3)).status()).isEqualTo(200);
		assertThat(lan.put("/api/public/attempts/" + attemptId + "/prediction", Map.of("value", 3)).status())
			.as("the same prediction again").isEqualTo(200);

		JsonNode resumed = lan.get("/api/public/attempts/" + attemptId).body();
		assertThat(resumed.path("answers").size()).isEqualTo(6);
		assertThat(resumed.path("prediction").path("value").asLong()).isEqualTo(3);

		EntrantClient.Response submitted = lan.post("/api/public/attempts/" + attemptId + "/submit", null);
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.body().path("result").path("score").asInt()).isEqualTo(60);
		assertThat(submitted.body().path("result").path("correctCount").asInt()).isEqualTo(6);
		assertThat(lan.post("/api/public/attempts/" + attemptId + "/submit", null).body().path("result"))
			.isEqualTo(submitted.body().path("result"));
		EntrantClient.Response late = lan.put("/api/public/attempts/" + attemptId + "/answers/1", Map.of("choice", 0));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("attempt.closed");
		EntrantClient.Response latePrediction = lan.put("/api/public/attempts/" + attemptId + "/prediction", Map.of("value", 9));
		assertThat(latePrediction.status()).isEqualTo(409);
		assertThat(latePrediction.code()).isEqualTo("attempt.closed");
		assertThat(lan.get("/api/public/attempts/" + attemptId).body().path("prediction").path("value").asLong())
			.as("the prediction as submitted").isEqualTo(3);
		EntrantClient.Response second = lan.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("attempt.limit-reached");

		// Another entrant answers nothing right and predicts far off.
		EntrantClient minh = register(setup, "Trần Văn Minh", 1985, ContestFixture.cccd(2), "X2");
		JsonNode other = minh.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null).body();
		long otherId = other.path("attemptId").asLong();
		minh.put("/api/public/attempts/" + otherId + "/prediction", Map.of("value", 100));
		minh.post("/api/public/attempts/" + otherId + "/submit", null);

		ApiClient.Response closed = fixture.organiser.post("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/close", Map.of());
		assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
		assertThat(closed.body().path("entrants").asLong()).isEqualTo(2);
		assertThat(closed.body().path("perfectScores").asLong()).isEqualTo(1);
		assertThat(closed.body().path("realFigure").asLong()).isEqualTo(1);

		JsonNode ranking = fixture.organiser.get("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/ranking").body();
		assertThat(ranking.path("total").asLong()).isEqualTo(2);
		JsonNode top = ranking.path("rows").get(0);
		assertThat(top.path("rank").asInt()).isEqualTo(1);
		assertThat(top.path("entrant").path("fullName").asString()).isEqualTo("Nguyễn Thị Lan");
		assertThat(top.path("entrant").path("cccd").asString()).isEqualTo("*********001");
		assertThat(top.path("prize").asString()).isEqualTo("Giải Nhất");
		assertThat(top.path("predictionDistance").asLong()).isEqualTo(2);

		JsonNode winners = fixture.organiser.get("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/winners").body();
		assertThat(winners.path("rows").get(0).path("entrant").path("cccd").asString()).isEqualTo(ContestFixture.cccd(1));
		JsonNode log = fixture.organiser.get("/api/contests/" + setup.contestId() + "/exports").body();
		assertThat(log.get(0).path("what").asString()).isEqualTo("winners:" + setup.roundId());
		assertThat(log.get(0).path("rows").asInt()).isEqualTo(2);

		// After the close the entrant sees the key, and the organiser can re-check the attempt from its seed.
		JsonNode review = lan.get("/api/public/attempts/" + attemptId).body().path("review");
		assertThat(review.size()).isEqualTo(6);
		JsonNode check = fixture.organiser.get("/api/contests/" + setup.contestId() + "/attempts/" + attemptId + "/check").body();
		assertThat(check.path("matches").asBoolean()).as(check.toString()).isTrue();
		assertThat(check.path("recomputedScore").asInt()).isEqualTo(60);
	}

	@Test
	void twentyParallelStartsOfOneIdentityMakeOneAttempt() throws Exception {
		Setup setup = openContest("Cuộc thi song song", Map.of("kind", "ONE_PER_ROUND"));
		EntrantClient first = register(setup, "Lê Thị Hoa", 1970, ContestFixture.cccd(77), "X3");
		List<EntrantClient> phones = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			phones.add(register(setup, "Lê Thị Hoa", 1970, ContestFixture.cccd(77), "X3"));
		}
		assertThat(phones.stream().map(EntrantClient::token).distinct()).hasSize(20).doesNotContain(first.token());
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<EntrantClient.Response>> starts = phones.stream()
				.<Callable<EntrantClient.Response>>map(phone -> () -> phone
					.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null))
				.toList();
			List<Long> attemptIds = new ArrayList<>();
			int createdCount = 0;
			for (Future<EntrantClient.Response> future : pool.invokeAll(starts, 60, TimeUnit.SECONDS)) {
				EntrantClient.Response response = future.get();
				assertThat(response.status()).as(response.raw().body()).isIn(200, 201);
				createdCount += response.status() == 201 ? 1 : 0;
				attemptIds.add(response.body().path("attemptId").asLong());
			}
			assertThat(createdCount).isEqualTo(1);
			assertThat(attemptIds.stream().distinct()).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode me = first.get("/api/public/contests/" + setup.slug() + "/me").body();
		assertThat(me.path("attempts").size()).isEqualTo(1);
		assertThat(me.path("locked").asBoolean()).isTrue();
	}

	@Test
	void badRegistrationsAreRefusedFieldByField() {
		Setup setup = openContest("Cuộc thi kiểm tra thông tin", Map.of("kind", "ONE_PER_ROUND"));
		EntrantClient phone = new EntrantClient(port);
		EntrantClient.Response bad = phone.post("/api/public/contests/" + setup.slug() + "/entrants",
				ContestFixture.registration("", 1890, "999123456789", "NOPE"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.code()).isEqualTo("entrant.invalid");
		List<String> codes = new ArrayList<>();
		bad.body().path("errors").forEach(e -> codes.add(e.path("field").asString() + ":" + e.path("code").asString()));
		assertThat(codes).containsExactlyInAnyOrder("fullName:field.required", "birthYear:birthYear.invalid",
				"cccd:cccd.invalid", "unitCode:unit.unknown");
		assertThat(bad.body().path("errors").get(0).path("message").asString()).isNotBlank();

		EntrantClient.Response noConsent = phone.post("/api/public/contests/" + setup.slug() + "/entrants",
				Map.of("fields", Map.of("fullName", "A"), "consent", false));
		assertThat(noConsent.body().path("errors").get(0).path("code").asString()).isEqualTo("consent.required");

		register(setup, "Phạm Văn Đức", 1980, ContestFixture.cccd(5), "X1");
		EntrantClient.Response taken = phone.post("/api/public/contests/" + setup.slug() + "/entrants",
				ContestFixture.registration("Người Khác", 1980, ContestFixture.cccd(5), "X1"));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.code()).isEqualTo("entrant.identity-taken");
		// The same person, name typed in another case and with decomposed diacritics, on another phone.
		String decomposed = java.text.Normalizer.normalize("PHẠM VĂN ĐỨC", java.text.Normalizer.Form.NFD);
		EntrantClient.Response same = phone.post("/api/public/contests/" + setup.slug() + "/entrants",
				ContestFixture.registration(decomposed, 1980, ContestFixture.cccd(5), "X1"));
		assertThat(same.status()).as(same.raw().body()).isEqualTo(200);
	}

	@Test
	void anotherOrganisationAndAHostSeeNoIdentityField() {
		Setup setup = openContest("Cuộc thi riêng tư", Map.of("kind", "ONE_PER_ROUND"));
		register(setup, "Võ Thị Sáu", 1995, ContestFixture.cccd(9), "X1");
		ApiClient host = fixture.account("HOST", fixture.organisation);
		long otherOrg = ContestFixture.created(fixture.admin.post("/api/organisations", Map.of("name", "Xã Ea Kao", "kind", "COMMUNE")));
		ApiClient stranger = fixture.account("ORGANISER", otherOrg);
		for (ApiClient outsider : List.of(host, stranger)) {
			for (String path : List.of("/api/contests/" + setup.contestId(), "/api/contests/" + setup.contestId() + "/entrants",
					"/api/contests/" + setup.contestId() + "/exports")) {
				ApiClient.Response response = outsider.get(path);
				assertThat(response.status()).as(path).isEqualTo(403);
				assertThat(response.raw().body()).doesNotContain("Võ Thị Sáu").doesNotContain(ContestFixture.cccd(9));
			}
		}
		JsonNode list = fixture.organiser.get("/api/contests/" + setup.contestId() + "/entrants").body();
		assertThat(list.path("items").get(0).path("fields").path("cccd").asString()).isEqualTo("*********009");
	}

	@Test
	void badRequestsGetClearProblemsAndChangeNothing() {
		Setup setup = openContest("Cuộc thi kiểm tra lỗi", Map.of("kind", "ONE_PER_ROUND"));
		String base = "/api/contests/" + setup.contestId();
		ApiClient organiser = fixture.organiser;

		// The contest: fields, a taken link, a stale version.
		ApiClient.Response invalid = organiser.post("/api/contests", Map.of("title", "", "slug", "Không Hợp Lệ",
				"identityKey", "EMAIL", "form", List.of(Map.of("field", "shoeSize", "required", true))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body().path("code").asString()).isEqualTo("contest.invalid");
		List<String> fields = new ArrayList<>();
		invalid.body().path("errors").forEach(e -> fields.add(e.path("field").asString() + ":" + e.path("code").asString()));
		assertThat(fields).contains("title:field.required", "slug:contest.slug.invalid",
				"identityKey:contest.identity-key.invalid", "consent.purpose:field.required");
		Map<String, Object> taken = new java.util.HashMap<>(ContestFixture.contest("Trùng đường dẫn", "CCCD"));
		taken.put("slug", setup.slug());
		assertThat(organiser.post("/api/contests", taken).body().path("errors").get(0).path("code").asString())
			.isEqualTo("contest.slug.taken");
		Map<String, Object> stale = new java.util.HashMap<>(ContestFixture.contest("Đổi tên", "CCCD"));
		stale.put("version", 99);
		assertThat(organiser.put(base, stale).body().path("code").asString()).isEqualTo("contest.stale");

		// Rounds: fields, a locked plan once open, a closed-only ranking, a pool too small.
		Map<String, Object> badRound = new java.util.HashMap<>(fixture.round("", Instant.now().plus(2, ChronoUnit.DAYS),
				Instant.now().plus(1, ChronoUnit.DAYS), 3, 5, Map.of("kind", "SOMETIMES")));
		badRound.put("tieBreak", List.of("SCORE", "SCORE"));
		ApiClient.Response round = organiser.post(base + "/rounds", badRound);
		assertThat(round.status()).isEqualTo(400);
		assertThat(round.body().path("code").asString()).isEqualTo("round.invalid");
		List<String> roundFields = new ArrayList<>();
		round.body().path("errors").forEach(e -> roundFields.add(e.path("field").asString() + ":" + e.path("code").asString()));
		assertThat(roundFields).contains("name:field.required", "closesAt:round.window.invalid",
				"plan.timeLimitSeconds:round.plan.time-limit.invalid", "attemptPolicy.kind:round.policy.invalid",
				"tieBreak:round.tie-break.invalid");
		Map<String, Object> changedPlan = fixture.round("Tuần 1", Instant.now().plus(1, ChronoUnit.HOURS),
				Instant.now().plus(7, ChronoUnit.DAYS), 4, 600, Map.of("kind", "ONE_PER_ROUND"));
		ApiClient.Response locked = organiser.put(base + "/rounds/" + setup.roundId(), changedPlan);
		assertThat(locked.status()).isEqualTo(409);
		assertThat(locked.body().path("code").asString()).isEqualTo("round.locked");
		assertThat(organiser.post(base + "/rounds/" + setup.roundId() + "/open", Map.of()).body().path("code").asString())
			.isEqualTo("round.not-scheduled");
		assertThat(organiser.get(base + "/rounds/" + setup.roundId() + "/ranking").body().path("code").asString())
			.isEqualTo("round.not-closed");
		assertThat(organiser.get(base + "/rounds/" + setup.roundId() + "/winners.pdf").status()).isEqualTo(404);
		long big = ContestFixture.created(organiser.post(base + "/rounds", fixture.round("Quá nhiều câu",
				Instant.now().plus(1, ChronoUnit.HOURS), Instant.now().plus(2, ChronoUnit.DAYS), 40, 600, Map.of("kind", "ONE_PER_ROUND"))));
		ApiClient.Response shortPool = organiser.post(base + "/rounds/" + big + "/open", Map.of());
		assertThat(shortPool.status()).isEqualTo(409);
		assertThat(shortPool.body().path("code").asString()).isEqualTo("round.pool.short");
		assertThat(organiser.get(base + "/rounds/" + big).body().path("state").asString()).isEqualTo("SCHEDULED");

		// Units: duplicates, unknown parents, cycles.
		ApiClient.Response units = organiser.put(base + "/units", List.of(ContestFixture.unit("A", "Xã A", "B", 10L),
				ContestFixture.unit("B", "Xã B", "A", 10L), ContestFixture.unit("A", "Lặp", null, -1L),
				ContestFixture.unit("C", "Xã C", "Z", null)));
		assertThat(units.status()).isEqualTo(400);
		assertThat(units.body().path("code").asString()).isEqualTo("units.invalid");
		assertThat(organiser.get(base + "/units").body().size()).as("nothing changed").isEqualTo(5);

		// The entrant side: tokens, other entrants' attempts, answers that do not fit, predictions.
		EntrantClient nobody = new EntrantClient(port);
		assertThat(nobody.get("/api/public/contests/" + setup.slug() + "/me").status()).isEqualTo(401);
		assertThat(nobody.token("not-a-token").get("/api/public/contests/" + setup.slug() + "/me").code())
			.isEqualTo("entrant.token.invalid");
		assertThat(nobody.get("/api/public/contests/khong-co-cuoc-thi-nay").code()).isEqualTo("contest.not-found");
		EntrantClient an = register(setup, "Đinh Văn An", 1999, ContestFixture.cccd(31), "X2");
		EntrantClient binh = register(setup, "Đinh Thị Bình", 1998, ContestFixture.cccd(32), "X2");
		assertThat(an.post("/api/public/contests/" + setup.slug() + "/rounds/999999/attempts", null).code()).isEqualTo("round.not-found");
		JsonNode attempt = an.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null).body();
		long id = attempt.path("attemptId").asLong();
		assertThat(binh.get("/api/public/attempts/" + id).status()).isEqualTo(404);
		assertThat(binh.put("/api/public/attempts/" + id + "/answers/0", Map.of("choice", 0)).status()).isEqualTo(404);
		assertThat(an.put("/api/public/attempts/" + id + "/answers/0", Map.of("choice", 9)).code()).isEqualTo("answer.invalid");
		assertThat(an.put("/api/public/attempts/" + id + "/answers/0", Map.of("choices", List.of(0, 1))).code()).isEqualTo("answer.invalid");
		assertThat(an.put("/api/public/attempts/" + id + "/answers/0", Map.of("text", "A")).code()).isEqualTo("answer.invalid");
		assertThat(an.putRaw("/api/public/attempts/" + id + "/answers/0", "{not json").status()).isEqualTo(400);
		assertThat(an.put("/api/public/attempts/" + id + "/answers/6", Map.of("choice", 0)).code()).isEqualTo("answer.index.invalid");
		assertThat(an.put("/api/public/attempts/" + id + "/prediction", Map.of("value", -1)).code()).isEqualTo("prediction.invalid");
		assertThat(an.put("/api/public/attempts/" + id + "/prediction", Map.of("value", 2_000_000_000L)).code()).isEqualTo("prediction.invalid");
		assertThat(binh.put("/api/public/attempts/" + id + "/prediction", Map.of("value", 5)).status()).isEqualTo(404);
		// A round that asks no prediction refuses one, and an attempt of it takes answers as usual.
		Map<String, Object> noPrediction = new java.util.HashMap<>(fixture.round("Không dự đoán", Instant.now().plus(1, ChronoUnit.HOURS),
				Instant.now().plus(7, ChronoUnit.DAYS), 3, 600, Map.of("kind", "ONE_PER_ROUND")));
		noPrediction.put("predictionKind", "NONE");
		long plain = ContestFixture.created(organiser.post(base + "/rounds", noPrediction));
		assertThat(organiser.post(base + "/rounds/" + plain + "/open", Map.of()).status()).isEqualTo(200);
		long plainAttempt = an.post("/api/public/contests/" + setup.slug() + "/rounds/" + plain + "/attempts", null).body()
			.path("attemptId").asLong();
		EntrantClient.Response notAsked = an.put("/api/public/attempts/" + plainAttempt + "/prediction", Map.of("value", 5));
		assertThat(notAsked.status()).isEqualTo(400);
		assertThat(notAsked.code()).isEqualTo("prediction.not-asked");
		JsonNode plainView = an.get("/api/public/attempts/" + plainAttempt).body();
		assertThat(plainView.path("prediction").isNull() || plainView.path("prediction").isMissingNode()).as(plainView.toString())
			.isTrue();
		EntrantClient.Response english = an.language("en").put("/api/public/attempts/" + id + "/answers/0", Map.of("choice", 9));
		assertThat(english.body().path("detail").asString()).isEqualTo("This answer does not fit the question.");
		assertThat(an.get("/api/public/attempts/" + id).body().path("answers").size()).as("nothing was saved").isZero();
	}

	@Test
	void theUnitListComesFromTheExcelTemplateCheckedRowByRow() throws Exception {
		ApiClient organiser = fixture.organiser;
		long contestId = ContestFixture.created(organiser.post("/api/contests", ContestFixture.contest("Đơn vị từ Excel", "PHONE")));
		var template = organiser.download("/api/contests/units-template.xlsx");
		assertThat(template.statusCode()).isEqualTo(200);
		byte[] good;
		byte[] bad;
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã đơn vị");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			var out = new java.io.ByteArrayOutputStream();
			book.write(out);
			good = out.toByteArray();
			var row = sheet.createRow(5);
			row.createCell(0).setCellValue("66001");
			row.createCell(1).setCellValue("Trùng mã");
			row.createCell(2).setCellValue("99");
			row.createCell(3).setCellValue("nhiều");
			out = new java.io.ByteArrayOutputStream();
			book.write(out);
			bad = out.toByteArray();
		}
		String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		ApiClient.Response checked = organiser.postFile("/api/contests/" + contestId + "/units/import?dryRun=true", "file", "don-vi.xlsx", type, bad);
		assertThat(checked.status()).as(checked.raw().body()).isEqualTo(200);
		List<String> problems = new ArrayList<>();
		checked.body().path("errors").forEach(e -> problems.add(e.path("row").asInt() + ":" + e.path("field").asString() + ":"
				+ e.path("code").asString()));
		assertThat(problems).containsExactlyInAnyOrder("6:population:unit.population.invalid", "6:code:unit.code.duplicate",
				"6:parentCode:unit.parent.unknown");
		assertThat(organiser.postFile("/api/contests/" + contestId + "/units/import?dryRun=false", "file", "don-vi.xlsx", type, bad)
			.body().path("units").asInt()).isZero();
		assertThat(organiser.get("/api/contests/" + contestId + "/units").body().size()).isZero();

		ApiClient.Response imported = organiser.postFile("/api/contests/" + contestId + "/units/import?dryRun=false", "file", "don-vi.xlsx", type, good);
		assertThat(imported.body().path("units").asInt()).isEqualTo(4);
		JsonNode units = organiser.get("/api/contests/" + contestId + "/units").body();
		assertThat(units.get(3).path("code").asString()).isEqualTo("66001-THCS1");
		assertThat(units.get(3).path("level").asInt()).isEqualTo(2);
		assertThat(units.get(1).path("population").asLong()).isEqualTo(120000);
		ApiClient.Response notExcel = organiser.postFile("/api/contests/" + contestId + "/units/import", "file", "x.xlsx", type,
				"không phải Excel".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(notExcel.status()).isEqualTo(400);
		assertThat(notExcel.body().path("code").asString()).isEqualTo("contest.units.file.invalid");
	}

	@Test
	void theContestHasAQrCodeOfItsPublicLinkAndASampleDraw() throws Exception {
		Setup setup = openContest("Mã QR", Map.of("kind", "ONE_PER_ROUND"));
		var qr = fixture.organiser.download("/api/contests/" + setup.contestId() + "/qr.svg");
		assertThat(qr.statusCode()).isEqualTo(200);
		String link = vn.quizfest.server.web.QrDecoding.decode(qr.body());
		assertThat(link).endsWith("/c/" + setup.slug()).startsWith("http");
		assertThat(fixture.organiser.get("/api/contests/" + setup.contestId()).body().path("publicUrl").asString()).isEqualTo(link);
		JsonNode preview = fixture.organiser.post("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/preview",
				Map.of("seed", 42)).body();
		assertThat(preview.path("questions").size()).isEqualTo(6);
		assertThat(preview.path("questions").get(0).path("correct").size()).isEqualTo(1);
		JsonNode again = fixture.organiser.post("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/preview",
				Map.of("seed", 42)).body();
		assertThat(again.path("questions")).isEqualTo(preview.path("questions"));
	}

	private long attemptsOfRound(long roundId) {
		return jdbc.sql("SELECT COUNT(*) FROM contest_attempt WHERE round_id = ?").param(roundId).query(Long.class).single();
	}

	/**
	 * Phones of one entrant start and submit a best-of-3 round's attempts all at once: exactly three
	 * attempts are made, and every other start is the attempt in progress, the limit, or the retryable
	 * refusal of a start that lost its races — never another answer.
	 */
	@Test
	void parallelStartsOfOneIdentityMakeExactlyThePolicysAttempts() throws Exception {
		Setup setup = openContest("Cuộc thi ba lượt song song", Map.of("kind", "BEST_OF", "maxAttempts", 3));
		List<EntrantClient> phones = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			phones.add(register(setup, "Phạm Văn Đức", 1975, ContestFixture.cccd(78), "X1"));
		}
		String start = "/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts";
		ExecutorService pool = Executors.newFixedThreadPool(phones.size());
		List<String> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.Set<Long> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
		try {
			List<Callable<Void>> work = new ArrayList<>();
			for (EntrantClient phone : phones) {
				work.add(() -> {
					for (int round = 0; round < 10; round++) {
						EntrantClient.Response started = phone.post(start, null);
						outcomes.add(started.status() + " " + started.code());
						if (started.status() == 201 || started.status() == 200) {
							long attemptId = started.body().path("attemptId").asLong();
							if (started.status() == 201) {
								created.add(attemptId);
							}
							EntrantClient.Response submitted = phone.post("/api/public/attempts/" + attemptId + "/submit", null);
							assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(200);
						}
						else if ("attempt.limit-reached".equals(started.code())) {
							return null;
						}
						else {
							assertThat(started.status()).as(started.raw().body()).isEqualTo(503);
							assertThat(started.code()).isEqualTo("attempt.start.busy");
							assertThat(started.header("Retry-After")).isEqualTo("1");
						}
					}
					return null;
				});
			}
			for (Future<Void> future : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome)
			.isIn("201 ", "200 ", "409 attempt.limit-reached", "503 attempt.start.busy"));
		assertThat(created).as(outcomes.toString()).hasSize(3);
		assertThat(attemptsOfRound(setup.roundId())).isEqualTo(3);
		EntrantClient.Response fourth = phones.get(0).post(start, null);
		assertThat(fourth.status()).isEqualTo(409);
		assertThat(fourth.code()).isEqualTo("attempt.limit-reached");
	}

	/**
	 * A start that finds its slot taken every time it looks (here by a row it cannot see as one of the
	 * round's attempts, as a racing start's would be) is told to try again with its own code, not that
	 * the limit is reached, and makes no attempt.
	 */
	@Test
	void aStartThatLosesEveryRaceIsToldToTryAgain() {
		Setup setup = openContest("Cuộc thi tranh lượt", Map.of("kind", "BEST_OF", "maxAttempts", 2));
		EntrantClient phone = register(setup, "Vũ Thị Mai", 1992, ContestFixture.cccd(79), "X2");
		long entrantId = jdbc.sql("SELECT id FROM contest_entrant WHERE contest_id = ?")
			.param(setup.contestId())
			.query(Long.class)
			.single();
		Instant now = Instant.now();
		long otherRound = ContestFixture.created(fixture.organiser.post("/api/contests/" + setup.contestId() + "/rounds",
				fixture.round("Tuần 2", now.plus(8, ChronoUnit.DAYS), now.plus(14, ChronoUnit.DAYS), 3, 600,
						Map.of("kind", "ONE_PER_ROUND"))));
		long nowMillis = System.currentTimeMillis();
		attemptStore.create(otherRound, entrantId, "R" + setup.roundId() + "#1", 1L, nowMillis, nowMillis + 600_000, "X2", 3);

		String start = "/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts";
		EntrantClient.Response busy = phone.post(start, null);
		assertThat(busy.status()).as(busy.raw().body()).isEqualTo(503);
		assertThat(busy.code()).isEqualTo("attempt.start.busy");
		assertThat(busy.header("Retry-After")).isEqualTo("1");
		assertThat(busy.body().path("detail").asString())
			.isEqualTo("Nhiều thiết bị đang cùng bắt đầu lượt thi này. Vui lòng thử lại sau 1 giây.");
		EntrantClient.Response english = phone.language("en").post(start, null);
		assertThat(english.body().path("detail").asString()).as(english.raw().body())
			.isEqualTo("Several devices are starting this attempt at the same time. Please try again in a second.");
		assertThat(attemptsOfRound(setup.roundId())).isZero();
	}

	/**
	 * The start read the round while it was open; the close began before the start's insert: the start
	 * is refused with its own message and leaves no attempt that the ranking would miss.
	 */
	@Test
	void aStartMeetingTheBeginningOfTheCloseIsRefusedAndLeavesNoAttempt() {
		Setup setup = openContest("Cuộc thi đóng đúng lúc", Map.of("kind", "ONE_PER_ROUND"));
		register(setup, "Trần Văn Minh", 1985, ContestFixture.cccd(91), "X1");
		Round asTheStartReadIt = contests.round(setup.roundId()).orElseThrow();
		long entrantId = jdbc.sql("SELECT id FROM contest_entrant WHERE contest_id = ?")
			.param(setup.contestId())
			.query(Long.class)
			.single();
		Entrant entrant = entrantStore.byId(entrantId).orElseThrow();
		assertThat(asTheStartReadIt.state()).isEqualTo(Round.State.OPEN);
		assertThat(contests.changeState(setup.roundId(), Round.State.OPEN, Round.State.CLOSING, System.currentTimeMillis()))
			.as("the close begins").isTrue();

		assertThatThrownBy(() -> desk.start(entrant, asTheStartReadIt)).isInstanceOfSatisfying(ApiException.class,
				refused -> assertThat(refused.code()).isEqualTo("round.closing"));
		assertThat(attemptsOfRound(setup.roundId())).isZero();
	}

	/** Starts racing the close: every attempt that started is ranked; every other start was told why. */
	@Test
	void everyAttemptStartedWhileTheRoundClosesIsRanked() throws Exception {
		Setup setup = openContest("Cuộc thi đóng giữa lúc bắt đầu", Map.of("kind", "ONE_PER_ROUND"));
		List<EntrantClient> phones = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			phones.add(register(setup, "Người dự thi " + i, 1980 + i, ContestFixture.cccd(200 + i), "X" + (1 + i % 3)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(17);
		List<String> refusals = new ArrayList<>();
		try {
			List<Callable<Object>> work = new ArrayList<>();
			for (EntrantClient phone : phones) {
				work.add(() -> phone.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null));
			}
			work.add(work.size() / 2, () -> fixture.organiser
				.post("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/close", Map.of()));
			for (Future<Object> future : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
				Object answer = future.get();
				if (answer instanceof EntrantClient.Response start && start.status() != 201) {
					assertThat(start.status()).as(start.raw().body()).isEqualTo(409);
					refusals.add(start.code());
				}
				if (answer instanceof ApiClient.Response close) {
					assertThat(close.status()).as(close.raw().body()).isEqualTo(200);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(refusals).allSatisfy(code -> assertThat(code).isIn("round.closing", "round.not-open"));
		JsonNode ranking = fixture.organiser
			.get("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/ranking?size=100")
			.body();
		assertThat(ranking.path("total").asLong()).as("ranked = started").isEqualTo(attemptsOfRound(setup.roundId()));
		assertThat(ranking.path("total").asLong() + refusals.size()).isEqualTo(16);
	}

	/** Pages of the ranking by position: page n and "after the last one shown" give the same rows. */
	@Test
	void rankingPagesAreFoundByPosition() {
		Setup setup = openContest("Cuộc thi nhiều trang", Map.of("kind", "ONE_PER_ROUND"));
		for (int i = 0; i < 7; i++) {
			EntrantClient phone = register(setup, "Người thứ " + i, 1990, ContestFixture.cccd(300 + i), i % 2 == 0 ? "X1" : "X2");
			long attempt = phone.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null)
				.body()
				.path("attemptId")
				.asLong();
			assertThat(phone.post("/api/public/attempts/" + attempt + "/submit", null).status()).isEqualTo(200);
		}
		String path = "/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/ranking";
		assertThat(fixture.organiser.post("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/close",
				Map.of()).status()).isEqualTo(200);

		JsonNode second = fixture.organiser.get(path + "?page=1&size=3").body();
		assertThat(positions(second)).containsExactly(4, 5, 6);
		assertThat(second.path("next").asInt()).isEqualTo(6);
		assertThat(positions(fixture.organiser.get(path + "?after=3&size=3").body())).containsExactly(4, 5, 6);
		JsonNode last = fixture.organiser.get(path + "?after=6&size=3").body();
		assertThat(positions(last)).containsExactly(7);
		assertThat(last.path("next").isIntegralNumber()).as("no next page").isFalse();
		assertThat(positions(fixture.organiser.get(path + "?page=2&size=3").body())).containsExactly(7);

		List<Integer> unit = positions(fixture.organiser.get(path + "?unit=X1&size=50").body());
		assertThat(unit).hasSize(4).isSorted();
		JsonNode unitFirst = fixture.organiser.get(path + "?unit=X1&size=2").body();
		assertThat(positions(unitFirst)).isEqualTo(unit.subList(0, 2));
		assertThat(positions(fixture.organiser.get(path + "?unit=X1&size=2&after=" + unitFirst.path("next").asInt()).body()))
			.isEqualTo(unit.subList(2, 4));
		assertThat(positions(fixture.organiser.get(path + "?unit=X1&size=2&page=1").body())).isEqualTo(unit.subList(2, 4));
	}

	private static List<Integer> positions(JsonNode ranking) {
		List<Integer> positions = new ArrayList<>();
		for (JsonNode row : ranking.path("rows")) {
			positions.add(row.path("position").asInt());
		}
		return positions;
	}
}
