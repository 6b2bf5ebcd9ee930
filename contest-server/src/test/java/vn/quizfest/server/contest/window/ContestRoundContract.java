package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * A round end to end over HTTP with 1,000 entrants: registration, attempts with every choice saved,
 * some left to the deadline (submitted by the server with what they saved), parallel starts of one
 * identity refused, the close, the ranking, the units, and the exports read back with POI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContestRoundContract {

	static final int ENTRANTS = 1000;

	static final int QUESTIONS = 6;

	static final int TIME_LIMIT_SECONDS = 600;

	@LocalServerPort
	int port;

	@Autowired
	ContestClock clock;

	@Autowired
	ContestJobs jobs;

	record Expected(long attemptId, String token, int right, long prediction, boolean submitsItself) {
	}

	static int option(JsonNode question, boolean right) {
		for (JsonNode option : question.path("options")) {
			if (option.path("text").asString().startsWith("Đúng") == right) {
				return option.path("id").asInt();
			}
		}
		throw new AssertionError("no such option in " + question);
	}

	static String name(int i) {
		return i == 7 ? "=HYPERLINK(\"http://x\";\"Bấm vào\")" : "Người dự thi số " + i;
	}

	static String unit(int i) {
		return i % 10 == 0 ? "S1" : "X" + (1 + i % 3);
	}

	@Test
	void aThousandEntrantsTakeARoundFromRegistrationToTheExports() throws Exception {
		ContestFixture fixture = ContestFixture.create(port, "Sở KH&CN tỉnh Bến Tre", 8);
		ApiClient organiser = fixture.organiser;
		ApiClient.Response created = organiser.post("/api/contests", ContestFixture.contest("Tìm hiểu chuyển đổi số Bến Tre", "CCCD"));
		long contestId = ContestFixture.created(created);
		String slug = created.body().path("slug").asString();
		assertThat(organiser.put("/api/contests/" + contestId + "/units", ContestFixture.units(3)).status()).isEqualTo(200);
		Instant now = clock.instant();
		long roundId = ContestFixture.created(organiser.post("/api/contests/" + contestId + "/rounds",
				fixture.round("Tuần 1", now.plus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), QUESTIONS / 2,
						TIME_LIMIT_SECONDS, Map.of("kind", "ONE_PER_ROUND"))));
		assertThat(organiser.post("/api/contests/" + contestId + "/rounds/" + roundId + "/open", Map.of()).status()).isEqualTo(200);
		String attemptsPath = "/api/public/contests/" + slug + "/rounds/" + roundId + "/attempts";

		Map<Integer, Expected> expected = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Callable<Void>> entrants = new ArrayList<>();
			for (int n = 0; n < ENTRANTS; n++) {
				int i = n;
				entrants.add(() -> {
					EntrantClient phone = new EntrantClient(port);
					EntrantClient.Response registered = phone.post("/api/public/contests/" + slug + "/entrants",
							ContestFixture.registration(name(i), 1950 + i % 50, ContestFixture.cccd(100_000 + i), unit(i)));
					assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
					phone.token(registered.body().path("token").asString());
					EntrantClient.Response started = phone.post(attemptsPath, null);
					assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
					JsonNode attempt = started.body();
					long attemptId = attempt.path("attemptId").asLong();
					int right = i % (QUESTIONS + 1);
					int k = 0;
					for (JsonNode question : attempt.path("questions")) {
						EntrantClient.Response saved = phone.put("/api/public/attempts/" + attemptId + "/answers/"
								+ question.path("index").asInt(), Map.of("choice", option(question, k++ < right)));
						assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
					}
					long prediction = i % 300;
					assertThat(phone.put("/api/public/attempts/" + attemptId + "/prediction", Map.of("value", prediction))
						.status()).isEqualTo(200);
					boolean submitsItself = i % 10 != 9;
					if (submitsItself) {
						EntrantClient.Response submitted = phone.post("/api/public/attempts/" + attemptId + "/submit", null);
						assertThat(submitted.status()).isEqualTo(200);
						assertThat(submitted.body().path("result").path("score").asInt()).isEqualTo(right * 10);
					}
					expected.put(i, new Expected(attemptId, phone.token(), right, prediction, submitsItself));
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(entrants, 8, TimeUnit.MINUTES)) {
				done.get();
			}

			// One more identity starts from 20 phones at once: one attempt.
			List<EntrantClient> phones = new ArrayList<>();
			for (int p = 0; p < 20; p++) {
				EntrantClient phone = new EntrantClient(port);
				EntrantClient.Response r = phone.post("/api/public/contests/" + slug + "/entrants",
						ContestFixture.registration("Đặng Thị Mười", 1960, ContestFixture.cccd(999_999), "X2"));
				assertThat(r.status()).isIn(200, 201);
				phones.add(phone.token(r.body().path("token").asString()));
			}
			List<Callable<EntrantClient.Response>> starts = phones.stream()
				.<Callable<EntrantClient.Response>>map(phone -> () -> phone.post(attemptsPath, null))
				.toList();
			List<Integer> statuses = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			for (Future<EntrantClient.Response> f : pool.invokeAll(starts, 2, TimeUnit.MINUTES)) {
				statuses.add(f.get().status());
				ids.add(f.get().body().path("attemptId").asLong());
			}
			assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
			assertThat(ids.stream().distinct()).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(expected).hasSize(ENTRANTS);

		// The deadline passes: the sweeper submits what the others saved; a late answer is refused.
		clock.advance(Duration.ofSeconds(TIME_LIMIT_SECONDS + 1));
		Expected late = expected.get(9);
		EntrantClient latePhone = new EntrantClient(port).token(late.token());
		assertThat(latePhone.put("/api/public/attempts/" + late.attemptId() + "/answers/0", Map.of("choice", 0)).status())
			.isEqualTo(409);
		jobs.runOnce();
		JsonNode autoSubmitted = latePhone.get("/api/public/attempts/" + late.attemptId()).body();
		assertThat(autoSubmitted.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(autoSubmitted.path("result").path("autoSubmitted").asBoolean()).isTrue();
		assertThat(autoSubmitted.path("result").path("score").asInt()).isEqualTo(late.right() * 10);
		assertThat(autoSubmitted.path("result").path("timeUsedMs").asLong()).isEqualTo(TIME_LIMIT_SECONDS * 1000L);
		assertThat(autoSubmitted.has("review")).as("no key while the round is open").isFalse();

		// Close.
		ApiClient.Response closed = organiser.post("/api/contests/" + contestId + "/rounds/" + roundId + "/close", Map.of());
		assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
		long perfect = expected.values().stream().filter(e -> e.right() == QUESTIONS).count();
		assertThat(closed.body().path("entrants").asLong()).isEqualTo(ENTRANTS + 1);
		assertThat(closed.body().path("attempts").asLong()).isEqualTo(ENTRANTS + 1);
		assertThat(closed.body().path("perfectScores").asLong()).isEqualTo(perfect);
		assertThat(closed.body().path("realFigure").asLong()).isEqualTo(perfect);

		// The whole ranking, page by page, follows the tie-break order.
		List<JsonNode> rows = new ArrayList<>();
		for (int page = 0; rows.size() < ENTRANTS + 1; page++) {
			JsonNode ranking = organiser.get("/api/contests/" + contestId + "/rounds/" + roundId + "/ranking?size=300&page=" + page).body();
			assertThat(ranking.path("total").asLong()).isEqualTo(ENTRANTS + 1);
			assertThat(ranking.path("rows").size()).isPositive();
			ranking.path("rows").forEach(rows::add);
		}
		for (int r = 1; r < rows.size(); r++) {
			JsonNode a = rows.get(r - 1);
			JsonNode b = rows.get(r);
			int byScore = Integer.compare(b.path("score").asInt(), a.path("score").asInt());
			// No prediction (the identity that started from 20 phones never gave one) ranks after every prediction.
			long da = a.has("predictionDistance") ? a.path("predictionDistance").asLong() : Long.MAX_VALUE;
			long db = b.has("predictionDistance") ? b.path("predictionDistance").asLong() : Long.MAX_VALUE;
			assertThat(byScore).as("row %d", r).isLessThanOrEqualTo(0);
			if (byScore == 0) {
				assertThat(da).as("row %d", r).isLessThanOrEqualTo(db);
				if (da == db) {
					assertThat(a.path("timeUsedMs").asLong()).isLessThanOrEqualTo(b.path("timeUsedMs").asLong());
				}
			}
			assertThat(b.path("rank").asInt()).isGreaterThanOrEqualTo(a.path("rank").asInt());
			assertThat(b.path("entrant").path("cccd").asString()).startsWith("*********");
		}
		assertThat(rows.get(0).path("score").asInt()).isEqualTo(QUESTIONS * 10);
		assertThat(rows.get(0).path("prize").asString()).isEqualTo("Giải Nhất");
		assertThat(rows.get(0).path("predictionDistance").asLong()).isEqualTo(
				expected.values().stream().filter(e -> e.right() == QUESTIONS).mapToLong(e -> Math.abs(e.prediction() - perfect)).min().orElseThrow());

		JsonNode winners = organiser.get("/api/contests/" + contestId + "/rounds/" + roundId + "/winners").body();
		int winnerCount = winners.path("rows").size();
		assertThat(winnerCount).isGreaterThanOrEqualTo(6);
		assertThat(winners.path("rows").get(0).path("entrant").path("cccd").asString()).startsWith("066").hasSize(12);

		// Units: the school's entrants count in its commune too; the communes add up to everyone with a unit.
		JsonNode units = organiser.get("/api/contests/" + contestId + "/reports/units?round=" + roundId).body();
		Map<String, JsonNode> byCode = new HashMap<>();
		units.forEach(u -> byCode.put(u.path("code").asString(), u));
		long schools = expected.keySet().stream().filter(i -> unit(i).equals("S1")).count();
		assertThat(byCode.get("S1").path("entrants").asLong()).isEqualTo(schools);
		assertThat(byCode.get("T").path("entrants").asLong()).isEqualTo(ENTRANTS + 1);
		assertThat(byCode.get("X1").path("entrants").asLong()
				+ byCode.get("X2").path("entrants").asLong() + byCode.get("X3").path("entrants").asLong()).isEqualTo(ENTRANTS + 1);
		assertThat(byCode.get("X1").path("participationRate").asDouble())
			.isEqualTo(byCode.get("X1").path("entrants").asDouble() / 1000.0);
		JsonNode overview = organiser.get("/api/contests/" + contestId + "/reports/overview").body();
		assertThat(overview.path("entrants").asLong()).isEqualTo(ENTRANTS + 1);
		assertThat(overview.path("submitted").asLong()).isEqualTo(ENTRANTS + 1);

		// Exports, read back.
		try (Workbook book = xlsx(organiser, "/api/contests/" + contestId + "/rounds/" + roundId + "/winners.xlsx")) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Người đoạt giải");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Hạng");
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Số CCCD");
			assertThat(sheet.getLastRowNum()).isEqualTo(winnerCount);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Giải Nhất");
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).startsWith("066").hasSize(12);
		}
		int hyperlinkRow = -1;
		try (Workbook book = xlsx(organiser, "/api/contests/" + contestId + "/rounds/" + roundId + "/entrants.xlsx")) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(ENTRANTS + 1);
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().contains("HYPERLINK")) {
					hyperlinkRow = row.getRowNum();
					assertThat(row.getCell(2).getStringCellValue()).startsWith("'=");
				}
			}
		}
		assertThat(hyperlinkRow).as("the entrant named like a formula is in the export").isPositive();
		var csv = organiser.download("/api/contests/" + contestId + "/rounds/" + roundId + "/entrants.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFHạng,Giải,Họ và tên");
		assertThat(text.split("\r\n")).hasSize(ENTRANTS + 2);
		try (Workbook book = xlsx(organiser.language("en"), "/api/contests/" + contestId + "/rounds/" + roundId + "/unit-ranking.xlsx")) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Unit code");
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(5);
		}
		organiser.language("vi");
		try (Workbook book = xlsx(organiser, "/api/contests/" + contestId + "/reports/participation.xlsx")) {
			// One row per unit and day with entrants: the three communes and the school, today.
			assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(4);
		}
		JsonNode log = organiser.get("/api/contests/" + contestId + "/exports").body();
		List<String> what = new ArrayList<>();
		log.forEach(entry -> what.add(entry.path("what").asString() + "=" + entry.path("rows").asInt()));
		assertThat(what).contains("winners:" + roundId + ".xlsx=" + winnerCount, "entrants:" + roundId + ".xlsx=" + (ENTRANTS + 1),
				"entrants:" + roundId + ".csv=" + (ENTRANTS + 1), "winners:" + roundId + "=" + winnerCount);
		assertThat(log.get(0).path("user").asString()).isNotBlank();

		// Any attempt can be re-checked from its stored seed.
		for (int i : new int[] { 0, 6, 9, 500 }) {
			JsonNode check = organiser.get("/api/contests/" + contestId + "/attempts/" + expected.get(i).attemptId() + "/check").body();
			assertThat(check.path("matches").asBoolean()).as(check.toString()).isTrue();
			assertThat(check.path("recomputedScore").asInt()).isEqualTo(expected.get(i).right() * 10);
		}
	}

	@Test
	void oneEntrantHammeringTheApiIsSlowedDown() {
		ContestFixture fixture = ContestFixture.create(port, "Xã Tân Thành " + System.nanoTime(), 3);
		ApiClient.Response created = fixture.organiser.post("/api/contests", ContestFixture.contest("Giới hạn", "CCCD"));
		String slug = created.body().path("slug").asString();
		fixture.organiser.put("/api/contests/" + created.body().path("id").asLong() + "/units", ContestFixture.units(1));
		EntrantClient phone = new EntrantClient(port);
		EntrantClient.Response registered = phone.post("/api/public/contests/" + slug + "/entrants",
				ContestFixture.registration("Hồ Văn Nhanh", 2000, ContestFixture.cccd(424_242), "X1"));
		phone.token(registered.body().path("token").asString());
		EntrantClient.Response last = null;
		// The test contexts allow 100 requests per entrant per minute.
		for (int i = 0; i < 300 && (last == null || last.status() == 200); i++) {
			last = phone.get("/api/public/contests/" + slug + "/me");
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.code()).isEqualTo("contest.rate-limited");
		assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
	}

	/** The requests of an attempt (saves, reads) count against the entrant as well, in the same round trip as the address. */
	@Test
	void oneEntrantSavingTooFastIsSlowedDown() {
		ContestFixture fixture = ContestFixture.create(port, "Xã Tân Lập " + System.nanoTime(), 3);
		ApiClient.Response created = fixture.organiser.post("/api/contests", ContestFixture.contest("Giới hạn lưu", "CCCD"));
		long contestId = created.body().path("id").asLong();
		String slug = created.body().path("slug").asString();
		fixture.organiser.put("/api/contests/" + contestId + "/units", ContestFixture.units(1));
		Instant now = clock.instant();
		long roundId = ContestFixture.created(fixture.organiser.post("/api/contests/" + contestId + "/rounds",
				fixture.round("Tuần 1", now.plus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), 2, 600,
						Map.of("kind", "ONE_PER_ROUND"))));
		assertThat(fixture.organiser.post("/api/contests/" + contestId + "/rounds/" + roundId + "/open", Map.of()).status())
			.isEqualTo(200);
		EntrantClient phone = new EntrantClient(port);
		EntrantClient.Response registered = phone.post("/api/public/contests/" + slug + "/entrants",
				ContestFixture.registration("Lý Thị Nhanh", 2001, ContestFixture.cccd(434_343), "X1"));
		phone.token(registered.body().path("token").asString());
		JsonNode attempt = phone.post("/api/public/contests/" + slug + "/rounds/" + roundId + "/attempts", null).body();
		String save = "/api/public/attempts/" + attempt.path("attemptId").asLong() + "/answers/0";
		int choice = attempt.path("questions").get(0).path("options").get(0).path("id").asInt();
		EntrantClient.Response last = null;
		int saved = 0;
		// The test contexts allow 100 requests per entrant per minute; the registration and start took two.
		for (int i = 0; i < 300 && (last == null || last.status() == 200); i++) {
			last = phone.put(save, Map.of("choice", choice));
			saved += last.status() == 200 ? 1 : 0;
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.code()).isEqualTo("contest.rate-limited");
		assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
		// 99 within one window; a window that ends during the loop gives the entrant up to 100 more.
		assertThat(saved).isBetween(90, 199);
	}

	static Workbook xlsx(ApiClient client, String path) throws Exception {
		var response = client.download(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
		return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
	}
}
