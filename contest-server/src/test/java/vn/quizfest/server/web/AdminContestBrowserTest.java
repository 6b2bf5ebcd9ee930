package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * The online contest screens: an organiser creates a contest, uploads its units from an XLSX file
 * (checked first, with the row-by-row report), plans and opens a round, watches the dashboard while
 * entrants register and submit through the public API, closes the round, checks the winners and
 * downloads them as XLSX; a host sees none of it and gets no identity field.
 */
class AdminContestBrowserTest extends AdminBankSupport {

	static final Path CONTEST_SCREENSHOTS = ADMIN_SCREENSHOTS.resolve("contest");

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter WINDOW_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The option text that is correct in every question of {@link #createQuestion}. */
	static final String RIGHT = "Bộ Công an";

	@TempDir
	Path files;

	@Test
	void anOrganiserRunsARoundFromUnitsToTheWinnersFile() throws Exception {
		long n = System.nanoTime() % 100000;
		ApiClient admin = admin();
		long department = organisation(admin, "Sở Khoa học và Công nghệ Đắk Lắk " + n);
		Account organiser = account(admin, "btc.daklak" + n, "ORGANISER", department);
		ApiClient.Response bank = admin.post("/api/banks", Map.of("name", "Ngân hàng cuộc thi trực tuyến " + n, "organisationId", department));
		assertThat(bank.status()).as(bank.body().toString()).isEqualTo(201);
		long bankId = bank.body().path("id").asLong();
		for (int i = 1; i <= 8; i++) {
			createQuestion(admin, bankId, "Cơ quan nào cấp tài khoản định danh điện tử? (câu " + i + ")", "VNEID", 1 + i % 3,
					"PUBLISHED");
		}
		Files.createDirectories(CONTEST_SCREENSHOTS);

		Page page = laptop();
		logIn(page, organiser.username(), organiser.password());
		page.locator("[data-nav=contests]").click();
		onConsole(page, "/contests");
		expect(page.locator("h1")).hasText("Cuộc thi trực tuyến");
		page.locator("#new-contest").click();
		onConsole(page, "/contests/new");
		String title = "Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Đắk Lắk " + n;
		page.locator("#contest-title").fill(title);
		page.locator("#contest-rules").fill("Mỗi người dự thi một lượt mỗi tuần. Thời gian làm bài 10 phút.");
		// the identity key is asked for and required, and cannot be switched off
		expect(page.locator("#ask-cccd")).isChecked();
		expect(page.locator("#ask-cccd")).isDisabled();
		page.locator("#ask-gender").check();
		expect(page.locator("#consent-purpose")).not().isEmpty();
		page.locator("#retention-days").fill("90");
		expect(page.locator("#consent-retention")).hasValue(Pattern.compile(".*\\b90 ngày.*"));
		contestShot(page, "01-new-contest");
		AxeCheck.assertNoViolations(page, "01-new-contest");
		page.locator("#save-contest").click();
		toast(page, "Đã tạo cuộc thi");
		onConsole(page, "/contests/:id/units");
		long contestId = Long.parseLong(page.url().replaceAll(".*#/contests/(\\d+)/units.*", "$1"));
		JsonNode contest = organiser.api().get("/api/contests/" + contestId).body();
		assertThat(contest.path("title").asString()).isEqualTo(title);
		assertThat(contest.path("retentionDays").asInt()).isEqualTo(90);
		assertThat(contest.path("identityKey").asString()).isEqualTo("CCCD");
		String slug = contest.path("slug").asString();

		// units: the template, a file with a wrong parent refused row by row, the fixed file checked then imported
		Download template = page.waitForDownload(() -> page.locator("#download-units-template").click());
		assertThat(template.suggestedFilename()).endsWith(".xlsx");
		byte[] templateBytes = Files.readAllBytes(template.path());
		List<List<Object>> units = new ArrayList<>(List.of(List.of("T66", "Tỉnh Đắk Lắk", "", 1_900_000),
				List.of("X0101", "Xã Ea Kao", "T66", 12_000), List.of("P0102", "Phường Buôn Ma Thuột", "T66", 30_000),
				List.of("S010101", "Trường THCS Nguyễn Du", "X0101", 900)));
		List<List<Object>> wrong = new ArrayList<>(units);
		wrong.add(List.of("V999", "Thôn Không Có", "KHONGCO", 100));
		Path wrongFile = files.resolve("đơn-vị-lỗi.xlsx");
		Files.write(wrongFile, unitsFile(templateBytes, wrong));
		page.locator("#units-file").setInputFiles(wrongFile);
		expect(page.locator("#units-dry-run")).isChecked();
		page.locator("#units-import-submit").click();
		expect(page.locator("#units-import-rejected")).isVisible();
		expect(page.locator("#units-import-errors tbody tr")).hasCount(1);
		expect(page.locator("#units-import-errors tbody tr td").first()).hasText("6");
		expect(page.locator("#units-import-errors tbody tr td").nth(1)).hasText("Mã đơn vị cấp trên");
		contestShot(page, "02-units-rejected");
		AxeCheck.assertNoViolations(page, "02-units-rejected");
		assertThat(organiser.api().get("/api/contests/" + contestId + "/units").body().size()).isZero();

		Path unitsFile = files.resolve("đơn-vị.xlsx");
		Files.write(unitsFile, unitsFile(templateBytes, units));
		page.locator("#units-file").setInputFiles(unitsFile);
		page.locator("#units-import-submit").click();
		expect(page.locator("#units-dry-run-note")).isVisible();
		expect(page.locator("#units-imported")).hasText("4");
		assertThat(organiser.api().get("/api/contests/" + contestId + "/units").body().size()).isZero();
		expect(page.locator("#units-dry-run")).not().isChecked();
		page.locator("#units-file").setInputFiles(unitsFile);
		page.locator("#units-import-submit").click();
		toast(page, "Đã nhập 4 đơn vị");
		Locator commune = page.locator(".unit-row[data-code=X0101]");
		expect(commune.locator(".unit-name")).hasText("Xã Ea Kao");
		expect(commune.locator(".badge")).hasText("Xã, phường, đặc khu");
		expect(page.locator(".unit-row[data-code=S010101] .unit-name")).hasText("Trường THCS Nguyễn Du");
		// edited by hand: a commune renamed with its population, a village added below it
		commune.locator("[data-action=edit-unit]").click();
		commune.locator(".unit-edit input[name=name]").fill("Xã Ea Kao (mới)");
		commune.locator(".unit-edit input[name=population]").fill("12500");
		commune.locator("[data-action=save-unit]").click();
		commune.locator("[data-action=add-child]").click();
		Locator add = page.locator("#add-unit-X0101");
		add.locator("input[name=code]").fill("V010102");
		add.locator("input[name=name]").fill("Buôn Kơ Đung");
		add.locator("input[name=population]").fill("700");
		add.locator("[data-action=add-unit]").click();
		expect(page.locator("#units-unsaved")).isVisible();
		page.locator("#save-units").click();
		toast(page, "Đã lưu 5 đơn vị");
		contestShot(page, "03-units-tree");
		AxeCheck.assertNoViolations(page, "03-units-tree");
		JsonNode savedUnits = organiser.api().get("/api/contests/" + contestId + "/units").body();
		assertThat(unitNamed(savedUnits, "X0101").path("name").asString()).isEqualTo("Xã Ea Kao (mới)");
		assertThat(unitNamed(savedUnits, "X0101").path("population").asLong()).isEqualTo(12500);
		assertThat(unitNamed(savedUnits, "V010102").path("parentCode").asString()).isEqualTo("X0101");

		// a round: window in Vietnam's time, the plan, a reordered tie-break, the default prizes
		page.locator("[data-tab=rounds]").click();
		onConsole(page, "/contests/:id/rounds");
		AxeCheck.assertNoViolations(page, "contest rounds list");
		page.locator("#new-round").click();
		onConsole(page, "/contests/:id/rounds/new");
		ZonedDateTime opens = ZonedDateTime.now(VIETNAM).plusDays(1).withSecond(0).withNano(0);
		page.locator("#round-name").fill("Tuần 1");
		page.locator("#round-opens").fill(opens.format(WINDOW_INPUT));
		page.locator("#round-closes").fill(opens.plusDays(7).format(WINDOW_INPUT));
		// echoed in Vietnam's time with a 4-digit year and a 24-hour clock, whatever the browser's format
		expect(page.locator("#window-echo")).containsText(opens.format(DateTimeFormatter.ofPattern("HH:mm")));
		expect(page.locator("#window-echo")).containsText(opens.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		page.locator("[data-bank='" + bankId + "']").check();
		page.locator("#quota-table .quota-count").first().fill("5");
		page.locator("#plan-minutes").fill("10");
		expect(page.locator("#question-total")).containsText("5 câu");
		page.locator("#tie-break li[data-rule=TIME_USED] [data-action=up]").click();
		expect(page.locator("#tie-break li").nth(1)).hasAttribute("data-rule", "TIME_USED");
		page.locator("#tie-break li[data-rule=TIME_USED] [data-action=down]").click();
		expect(page.locator("#prize-table tbody tr")).hasCount(4);
		contestShot(page, "04-new-round");
		AxeCheck.assertNoViolations(page, "04-new-round");
		page.locator("#save-round").click();
		toast(page, "Đã lưu đợt thi");
		onConsole(page, "/contests/:id/rounds/:roundId");
		long roundId = Long.parseLong(page.url().replaceAll(".*/rounds/(\\d+).*", "$1"));
		JsonNode round = roundOf(organiser.api(), contestId, roundId);
		assertThat(OffsetDateTime.parse(round.path("opensAt").asString()).toInstant()).as("the window is Vietnam's time")
			.isEqualTo(opens.toInstant());
		assertThat(round.path("plan").path("timeLimitSeconds").asInt()).isEqualTo(600);
		assertThat(round.path("prizes").size()).isEqualTo(4);

		page.locator("#preview-draw").click();
		expect(page.locator("#preview-list > li")).hasCount(5);
		expect(page.locator("#preview-list li.right").first()).containsText(RIGHT);
		AxeCheck.assertNoViolations(page, "contest round with its sample draw");
		page.locator("#open-round").click();
		page.locator("[data-action=confirm-open]").click();
		toast(page, "đã mở");
		expect(page.locator(".page-header .badge[data-state]")).hasText("Đang mở");
		expect(page.locator("#plan-locked")).isVisible();

		// the dashboard, while entrants arrive through the public API
		page.locator("[data-tab=dashboard]").click();
		onConsole(page, "/contests/:id/dashboard");
		expect(page.locator("#fact-entrants")).hasText("0");
		Entrant first = register(slug, "Nguyễn Thị Hoa", 1990, "066190001231", "0912345671", "X0101");
		first.attempt(roundId, 5, 2);
		expect(page.locator("#fact-entrants")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(25_000));
		Entrant second = register(slug, "Trần Văn Nam", 1985, "066185001232", "0912345672", "X0101");
		second.attempt(roundId, 5, 40);
		Entrant third = register(slug, "Lê Thị Lan", 2001, "066301001233", "0912345673", "P0102");
		third.attempt(roundId, 3, 1);
		page.locator("#refresh-dashboard").click();
		expect(page.locator("#fact-entrants")).hasText("3");
		expect(page.locator("#fact-submitted")).hasText("3");
		expect(page.locator("#unit-report tr[data-code=X0101] .entrants")).hasText("2");
		page.locator("#unit-report [data-sort=name]").click();
		expect(page.locator("#unit-report th[aria-sort=ascending] [data-sort=name]")).hasCount(1);
		contestShot(page, "05-dashboard");
		AxeCheck.assertNoViolations(page, "05-dashboard");
		page.locator("[data-tab=entrants]").click();
		onConsole(page, "/contests/:id/entrants");
		expect(page.locator("#entrant-table tbody tr")).hasCount(3);
		expect(page.locator("#entrant-table")).containsText("Trần Văn Nam");
		expect(page.locator("#entrant-table")).not().containsText("066190001231");
		expect(page.locator("#entrant-table")).not().containsText("0912345671");
		page.locator("#entrant-unit").selectOption("P0102");
		page.locator("#entrant-search-submit").click();
		expect(page.locator("#entrant-table tbody tr")).hasCount(1);
		expect(page.locator("#entrant-table tbody tr")).containsText("Lê Thị Lan");
		contestShot(page, "05b-entrants-masked");
		AxeCheck.assertNoViolations(page, "05b-entrants-masked");

		// closing the round, the winners' verification view, the winners file
		page.navigate(base() + "/admin/#/contests/" + contestId + "/rounds/" + roundId);
		onConsole(page, "/contests/:id/rounds/:roundId");
		page.locator("#close-round").click();
		page.locator("[data-action=confirm-close]").click();
		toast(page, "đã đóng");
		expect(page.locator("#close-summary")).isVisible();
		page.locator("#see-results").click();
		onConsole(page, "/contests/:id/rounds/:roundId/results");
		Locator winners = page.locator("#winners-table tbody tr");
		expect(winners).hasCount(3);
		expect(winners.nth(0)).containsText("Nguyễn Thị Hoa");
		expect(winners.nth(0)).containsText("066190001231");
		expect(winners.nth(0).locator(".prize")).hasText("Giải Nhất");
		expect(winners.nth(1)).containsText("Trần Văn Nam");
		expect(page.locator("#ranking-table")).not().containsText("066190001231");
		contestShot(page, "06-results");
		AxeCheck.assertNoViolations(page, "06-results");
		Download file = page.waitForDownload(() -> page.locator("#export-winners-xlsx").click());
		assertThat(file.suggestedFilename()).endsWith(".xlsx");
		List<List<String>> sheet = readSheet(Files.readAllBytes(file.path()));
		assertThat(String.join(" ", sheet.get(0))).as("Vietnamese headings").containsPattern("[À-ỹ]");
		assertThat(sheet).anySatisfy(row -> assertThat(row).contains("Nguyễn Thị Hoa", "066190001231", "Giải Nhất"));
		assertThat(sheet).anySatisfy(row -> assertThat(row).contains("Lê Thị Lan"));

		page.locator("[data-tab=dashboard]").click();
		onConsole(page, "/contests/:id/dashboard");
		expect(page.locator("#exports-log tbody tr").first()).containsText(organiser.username());
		contestShot(page, "07-exports-log");
		AxeCheck.assertNoViolations(page, "07-exports-log");
		page.locator("#lang-switch").click();
		expect(page.locator("#exports-log-title")).hasText("Personal data exports");
		expect(page.locator("[data-tab=units]")).hasText("Units");
		expect(page.locator("[data-nav=contests]")).hasText("Contests");
		contestShot(page, "09-dashboard-english");
		AxeCheck.assertNoViolations(page, "09-dashboard-english");

		// the settings tab: the public link to copy and its QR code; the list of contests
		page.locator("[data-tab=settings]").click();
		onConsole(page, "/contests/:id");
		// without a configured public address the server gives a path; the console shows it absolute
		expect(page.locator("#public-url")).hasValue(URI.create(base() + "/").resolve(contest.path("publicUrl").asString()).toString());
		assertThat(contest.path("publicUrl").asString()).endsWith("/c/" + slug);
		page.waitForFunction("() => { const qr = document.getElementById('contest-qr'); return qr && qr.complete && qr.naturalWidth > 0; }");
		contestShot(page, "10-settings-link-qr");
		AxeCheck.assertNoViolations(page, "10-settings-link-qr");
		page.locator("[data-nav=contests]").click();
		onConsole(page, "/contests");
		expect(page.locator("h1")).hasText("Online contests");
		expect(page.locator("#contest-table tr[data-contest='" + contestId + "'] .contest-title")).hasText(title);
		AxeCheck.assertNoViolations(page, "contests list");
	}

	@Test
	void aHostSeesNoContestMenuAndGetsNoIdentityField() throws Exception {
		long n = System.nanoTime() % 100000;
		ApiClient admin = admin();
		long organisation = organisation(admin, "UBND xã Ea Kao " + n);
		Account organiser = account(admin, "btc.eakao" + n, "ORGANISER", organisation);
		Account host = account(admin, "dan.eakao" + n, "HOST", organisation);
		ApiClient.Response created = organiser.api().post("/api/contests", Map.of("title", "Cuộc thi xã Ea Kao " + n,
				"rulesText", "Thể lệ", "form", List.of(Map.of("field", "fullName", "required", true), Map.of("field", "cccd", "required", true)),
				"identityKey", "CCCD", "consent", Map.of("purpose", "Trao giải", "retention", "90 ngày"), "retentionDays", 90));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		long contestId = created.body().path("id").asLong();

		Page page = laptop();
		logIn(page, host.username(), host.password());
		expect(page.locator("[data-nav=host]")).isVisible();
		expect(page.locator("[data-nav=contests]")).hasCount(0);
		page.navigate(base() + "/admin/#/contests/" + contestId + "/dashboard");
		toast(page, "không có quyền");
		onConsole(page, "/host");
		contestShot(page, "08-host-no-menu");
		AxeCheck.assertNoViolations(page, "08-host-no-menu");
		for (String path : List.of("/api/contests/" + contestId, "/api/contests/" + contestId + "/entrants",
				"/api/contests/" + contestId + "/exports")) {
			ApiClient.Response refused = host.api().get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.raw().body()).doesNotContain("cccd");
		}
	}

	/** Every contest screen of the console on a 360 x 640 phone: nothing wider than the screen. */
	@Test
	void everyContestScreenFitsAPhone() throws Exception {
		long n = System.nanoTime() % 100000;
		ApiClient admin = admin();
		long department = organisation(admin, "Sở Khoa học và Công nghệ tỉnh Gia Lai " + n);
		Account organiser = account(admin, "btc.gialai" + n, "ORGANISER", department);
		ApiClient.Response bank = admin.post("/api/banks", Map.of("name", "Ngân hàng điện thoại " + n, "organisationId", department));
		long bankId = bank.body().path("id").asLong();
		for (int i = 1; i <= 4; i++) {
			createQuestion(admin, bankId, "Cơ quan nào cấp tài khoản định danh điện tử cho công dân? (câu " + i + ")", "VNEID",
					1 + i % 3, "PUBLISHED");
		}
		ApiClient api = organiser.api();
		ApiClient.Response created = api.post("/api/contests", Map.of("title",
				"Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Gia Lai năm 2026 " + n, "rulesText", "Thể lệ",
				"form", List.of(Map.of("field", "fullName", "required", true), Map.of("field", "birthYear", "required", true),
						Map.of("field", "gender", "required", false), Map.of("field", "cccd", "required", true),
						Map.of("field", "phone", "required", true), Map.of("field", "unitCode", "required", true)),
				"identityKey", "CCCD", "consent", Map.of("purpose", "Trao giải", "retention", "90 ngày"), "retentionDays", 90));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		long contestId = created.body().path("id").asLong();
		String slug = created.body().path("slug").asString();
		assertThat(api.put("/api/contests/" + contestId + "/units", List.of(
				Map.of("code", "T", "name", "Tỉnh Gia Lai"),
				Map.of("code", "X01", "name", "Phường Pleiku (trung tâm hành chính tỉnh)", "parentCode", "T", "population", 120000),
				Map.of("code", "X02", "name", "Xã Ia Grai", "parentCode", "T", "population", 30000))).status()).isEqualTo(200);
		ZonedDateTime opens = ZonedDateTime.now(VIETNAM).plusHours(1);
		Map<String, Object> round = new LinkedHashMap<>();
		round.put("name", "Tuần 1");
		round.put("opensAt", opens.toOffsetDateTime().toString());
		round.put("closesAt", opens.plusDays(7).toOffsetDateTime().toString());
		round.put("plan", Map.of("bankIds", List.of(bankId), "language", "vi", "quotas",
				List.of(Map.of("topics", List.of("VNEID"), "count", 3)), "pointsPerQuestion", 10, "timeLimitSeconds", 600));
		round.put("prizes", List.of(Map.of("name", "Giải Nhất", "count", 1, "unitPoints", 10)));
		ApiClient.Response saved = api.post("/api/contests/" + contestId + "/rounds", round);
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
		long roundId = saved.body().path("id").asLong();
		assertThat(api.post("/api/contests/" + contestId + "/rounds/" + roundId + "/open", Map.of()).status()).isEqualTo(200);
		register(slug, "Nguyễn Thị Hồng Nhung", 1990, "064190001231", "0912345671", "X01").attempt(roundId, 3, 1);
		register(slug, "Rơ Mah Thị H'Bia", 1988, "064188001232", "0912345672", "X02").attempt(roundId, 1, 5);
		assertThat(api.post("/api/contests/" + contestId + "/rounds/" + roundId + "/close", Map.of()).status()).isEqualTo(200);
		Files.createDirectories(CONTEST_SCREENSHOTS);

		Page phone = hostPhone();
		logIn(phone, organiser.username(), organiser.password());
		String contest = "/contests/" + contestId;
		Map<String, String> screens = new LinkedHashMap<>();
		screens.put("/contests", "/contests");
		screens.put("/contests/new", "/contests/new");
		screens.put(contest, "/contests/:id");
		screens.put(contest + "/units", "/contests/:id/units");
		screens.put(contest + "/rounds", "/contests/:id/rounds");
		screens.put(contest + "/rounds/new", "/contests/:id/rounds/new");
		screens.put(contest + "/rounds/" + roundId, "/contests/:id/rounds/:roundId");
		screens.put(contest + "/dashboard", "/contests/:id/dashboard");
		screens.put(contest + "/entrants", "/contests/:id/entrants");
		screens.put(contest + "/rounds/" + roundId + "/results", "/contests/:id/rounds/:roundId/results");
		for (Map.Entry<String, String> screen : screens.entrySet()) {
			phone.navigate(base() + "/admin/#" + screen.getKey());
			onConsole(phone, screen.getValue());
			expect(phone.locator("#main h1")).isVisible();
			phone.waitForFunction("() => !document.querySelector('#main .spinner')");
			String name = "phone" + screen.getValue().replace("/:roundId", "-round").replace("/:id", "-one").replace('/', '-');
			fitsThePhone(phone, name);
		}
	}

	/**
	 * No horizontal scrolling, and no element past the right edge except inside a part that scrolls on
	 * its own (a wide table in its scroll box); then a full-page screenshot.
	 */
	@SuppressWarnings("unchecked")
	static void fitsThePhone(Page page, String name) {
		Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
		Number innerWidth = (Number) page.evaluate("() => window.innerWidth");
		List<String> outside = (List<String>) page.evaluate("""
				() => Array.from(document.querySelectorAll('body *')).filter((e) => {
				    const r = e.getBoundingClientRect();
				    if (r.width === 0 || r.height === 0 || r.right <= innerWidth + 1) return false;
				    for (let p = e.parentElement; p; p = p.parentElement) {
				      const x = getComputedStyle(p).overflowX;
				      if (x === 'auto' || x === 'scroll' || x === 'hidden') return false;
				    }
				    return true;
				  }).slice(0, 8).map((e) => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right '
				    + Math.round(e.getBoundingClientRect().right))""");
		contestShot(page, name);
		assertThat(scrollWidth.intValue()).as("%s: page width in a %s px window", name, innerWidth)
			.isLessThanOrEqualTo(innerWidth.intValue());
		assertThat(outside).as("%s: parts past the right edge", name).isEmpty();
	}

	record Account(String username, String password, ApiClient api) {
	}

	long organisation(ApiClient admin, String name) {
		ApiClient.Response created = admin.post("/api/organisations", Map.of("name", name, "kind", "PROVINCE"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().path("id").asLong();
	}

	Account account(ApiClient admin, String username, String role, long organisationId) {
		String password = "Mật khẩu thử " + UUID.randomUUID();
		ApiClient.Response created = admin.post("/api/users", Map.of("username", username, "displayName", username, "role", role,
				"organisationId", organisationId, "password", password));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		ApiClient api = new ApiClient(port);
		assertThat(api.login(username, password).status()).isEqualTo(200);
		return new Account(username, password, api);
	}

	static JsonNode roundOf(ApiClient organiser, long contestId, long roundId) {
		JsonNode contest = organiser.get("/api/contests/" + contestId).body();
		for (JsonNode round : contest.path("rounds")) {
			if (round.path("id").asLong() == roundId) {
				return round;
			}
		}
		ApiClient.Response round = organiser.get("/api/contests/" + contestId + "/rounds/" + roundId);
		assertThat(round.status()).as(round.body().toString()).isEqualTo(200);
		return round.body();
	}

	static JsonNode unitNamed(JsonNode units, String code) {
		for (JsonNode unit : units) {
			if (code.equals(unit.path("code").asString())) {
				return unit;
			}
		}
		throw new AssertionError("no unit " + code + " in " + units);
	}

	/** The server's units template with its example rows replaced: code, name, parent code, population. */
	static byte[] unitsFile(byte[] template, List<List<Object>> units) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = sheet.getLastRowNum(); r >= 1; r--) {
				if (sheet.getRow(r) != null) {
					sheet.removeRow(sheet.getRow(r));
				}
			}
			for (int r = 0; r < units.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> unit = units.get(r);
				row.createCell(0).setCellValue((String) unit.get(0));
				row.createCell(1).setCellValue((String) unit.get(1));
				row.createCell(2).setCellValue((String) unit.get(2));
				row.createCell(3).setCellValue(((Number) unit.get(3)).doubleValue());
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static List<List<String>> readSheet(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(format.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	static void contestShot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(CONTEST_SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** An entrant on the public API, with the token the registration gave. */
	record Entrant(AdminContestBrowserTest test, String slug, String token) {

		/** Starts an attempt in the round, answers `right` questions right and the rest wrong, predicts, submits. */
		void attempt(long roundId, int right, long prediction) {
			JsonNode attempt = test.send("POST", "/api/public/contests/" + slug + "/rounds/" + roundId + "/attempts", Map.of(), token, 201);
			String attemptId = attempt.path("attemptId").asString();
			int answered = 0;
			for (JsonNode question : attempt.path("questions")) {
				Integer choice = null;
				for (JsonNode option : question.path("options")) {
					boolean isRight = RIGHT.equals(option.path("text").asString());
					if (isRight == answered < right) {
						choice = option.path("id").asInt();
						break;
					}
				}
				test.send("PUT", "/api/public/attempts/" + attemptId + "/answers/" + question.path("index").asInt(),
						Map.of("choice", choice), token, 200);
				answered++;
			}
			test.send("PUT", "/api/public/attempts/" + attemptId + "/prediction", Map.of("value", prediction), token, 200);
			test.send("POST", "/api/public/attempts/" + attemptId + "/submit", Map.of(), token, 200);
		}
	}

	Entrant register(String slug, String name, int birthYear, String cccd, String phone, String unit) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("fullName", name);
		fields.put("birthYear", birthYear);
		fields.put("cccd", cccd);
		fields.put("phone", phone);
		fields.put("unitCode", unit);
		fields.put("gender", "FEMALE");
		JsonNode registered = send("POST", "/api/public/contests/" + slug + "/entrants", Map.of("fields", fields, "consent", true), null, 201);
		return new Entrant(this, slug, registered.path("token").asString());
	}

	/** A public API request as a phone sends it (no session, the entrant's token); asserts the status. */
	JsonNode send(String method, String path, Object body, String token, int expected) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.header("Accept-Language", "vi")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			if (token != null) {
				request.header("X-Entrant-Token", token);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isIn(expected, 200);
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
