package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.Question;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.TestSocket;

/**
 * The end-to-end run of the console: a game created with the /host form from a quiz, three
 * players (two on sockets, one on the real player page) played to the podium from the phone controls
 * while the 1920 x 1080 presenter follows; a player kicked, the game paused and resumed, a question
 * skipped; then the results screen checked against the API and both exports read back.
 */
class AdminHostGameBrowserTest extends AdminConsoleSupport {

	static final String LAN = "Nguyễn Thị Lan";

	static final String MINH = "Trần Văn Minh";

	static final String DUC = "Phạm Đức Anh";

	static final String EXTRA = "Người thừa";

	@Test
	void threePlayersPlayToThePodiumWhileThePresenterFollowsAndTheResultsExport() throws Exception {
		ApiClient organiser = admin();
		long quizId = quizOverRest(organiser);

		// --- the create form, with a setting out of range first
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host?quiz=" + quizId);
		onConsole(laptop, "/host");
		expect(laptop.locator("#game-quiz")).hasValue(String.valueOf(quizId));
		expect(laptop.locator("#setting-previewSeconds")).hasValue("3");
		expect(laptop.locator("#setting-maxPlayers")).hasValue("20000");
		laptop.locator("#game-title").fill(GAME_TITLE);
		laptop.locator("#create-settings summary").click(); // the settings are folded by default
		laptop.locator("#setting-leaderboardSize").fill("99");
		laptop.locator("#setting-previewSeconds").fill("30");
		laptop.locator("#create-submit").click();
		expect(laptop.locator(".error-box")).containsText("phải từ 1 đến 50");
		expect(laptop.locator("#setting-leaderboardSize")).hasAttribute("aria-invalid", "true");
		expect(laptop.locator("#game-title")).hasValue(GAME_TITLE);
		adminScreenshot(laptop, "host-01-create-refused");
		AxeCheck.assertNoViolations(laptop, "host-01-create-refused");
		laptop.locator("#setting-leaderboardSize").fill("10");
		adminScreenshot(laptop, "host-02-create");
		AxeCheck.assertNoViolations(laptop, "host-02-create");
		laptop.locator("#create-submit").click();
		onConsole(laptop, "/games/:id/run");
		String gameId = laptop.url().replaceAll(".*#/games/([^/]+)/run.*", "$1");
		String token = (String) laptop.evaluate("(id) => localStorage.getItem('quizfest.host.' + id)", gameId);
		assertThat(token).isNotBlank();
		JsonNode game = organiser.get("/api/games/" + gameId).body();
		String pin = game.path("pin").asString();
		assertThat(game.path("phase").asString()).isEqualTo("LOBBY");
		expect(laptop.locator("#run-pin")).hasText(pin.substring(0, 3) + " " + pin.substring(3));
		expect(laptop.locator("#ctl-connection")).hasText("Đã kết nối");

		// --- the presenter on the projector and the controls on the host's phone (token after the '#')
		Page presenter = projector();
		presenter.navigate(base() + "/admin/#/present/" + gameId + "?t=" + token);
		onConsole(presenter, "/present/:id");
		expect(presenter.locator("#present")).hasAttribute("data-phase", "LOBBY");
		assertThat(presenter.url()).endsWith("#/present/" + gameId).doesNotContain(token);
		expect(presenter.locator("#present-pin")).hasText(pin.substring(0, 3) + " " + pin.substring(3));
		expect(presenter.locator("#join-how")).containsText("nhập PIN");
		Page control = hostPhone();
		control.navigate(base() + "/admin/#/control/" + gameId + "?t=" + token);
		onConsole(control, "/control/:id");
		assertThat(control.url()).doesNotContain(token);
		expect(control.locator("#ctl-next")).hasText("Bắt đầu");
		expect(control.locator("#ctl-next")).isDisabled();

		// --- players join: two sockets, a real phone, and one who will be removed
		TestSocket lan = socketPlayer(pin, LAN);
		TestSocket minh = socketPlayer(pin, MINH);
		Page duc = phone();
		joinByPin(duc, base(), pin, DUC);
		onScreen(duc, "lobby");
		TestSocket extra = socketPlayer(pin, EXTRA);
		expect(presenter.locator("#player-count")).hasAttribute("data-count", "4");
		expect(presenter.locator(".chip").first()).hasText(EXTRA);
		for (String name : List.of(LAN, MINH, DUC)) {
			expect(presenter.locator(".chip").filter(new Locator.FilterOptions().setHasText(name))).hasCount(1);
		}
		Locator extraRow = control.locator(".players li").filter(new Locator.FilterOptions().setHasText(EXTRA));
		expect(extraRow.locator("button.kick")).hasText("Mời ra");
		expect(extraRow.locator("button.kick")).hasAttribute("aria-label", "Mời ra: " + EXTRA);
		extraRow.locator("button.kick").click();
		checkedPhone(control, "host-10-control-kick-confirm");
		extraRow.locator("button.kick-yes").click();
		assertThat(extra.next("kicked").path("type").asString()).isEqualTo("kicked");
		expect(presenter.locator("#player-count")).hasAttribute("data-count", "3");
		expect(presenter.locator(".chip")).hasCount(3);
		expect(control.locator("#ctl-players")).hasText("3");
		assertThat(naturalWidth(presenter, "#present-qr")).as("presenter's join QR code").isPositive();
		noScroll(presenter, "lobby");
		viewportScreenshot(presenter, "host-20-present-lobby");
		AxeCheck.assertNoViolations(presenter, "host-20-present-lobby");
		checkedPhone(control, "host-11-control-lobby");
		adminScreenshot(laptop, "host-03-run");
		AxeCheck.assertNoViolations(laptop, "host-03-run");
		laptop.locator("#show-control-qr").click();
		expect(laptop.locator("#control-qr .warning")).containsText("ai có mã này đều điều khiển được trò chơi");
		assertThat(waitNaturalWidth(laptop, "#control-qr-img")).as("run screen's control QR code").isPositive();
		adminScreenshot(laptop, "host-04-run-control-qr");
		AxeCheck.assertNoViolations(laptop, "host-04-run-control-qr");

		// --- question 1: preview, open, pause and resume, three answers, the chart
		control.locator("#ctl-next").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "PREVIEW");
		expect(presenter.locator("#question-text")).hasText(QUESTION_1);
		expect(presenter.locator("#present-q")).hasText("Câu 1/3");
		noScroll(presenter, "preview");
		viewportScreenshot(presenter, "host-21-present-preview");
		AxeCheck.assertNoViolations(presenter, "host-21-present-preview");
		expect(control.locator("#ctl-next")).hasText("Mở đáp án");
		expect(control.locator("#ctl-question")).hasText("Câu 1/3");
		checkedPhone(control, "host-12-control-preview");
		control.locator("#ctl-next").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "OPEN");
		expect(presenter.locator(".tile")).hasCount(4);
		expect(presenter.locator(".tile").first()).containsText("113");
		expect(presenter.locator("#countdown")).hasAttribute("data-seconds", Pattern.compile("^(1[0-9]|20)$"));
		expect(presenter.locator("#answer-count")).hasAttribute("data-count", "0");
		expect(control.locator("#ctl-next")).hasText("Đóng câu hỏi");
		expect(control.locator("#ctl-countdown")).containsText("giây");

		control.locator("#ctl-pause").click();
		expect(presenter.locator("#paused-overlay")).isVisible();
		expect(control.locator("#ctl-resume")).isVisible();
		expect(control.locator("#ctl-next")).isDisabled();
		viewportScreenshot(presenter, "host-22-present-paused");
		AxeCheck.assertNoViolations(presenter, "host-22-present-paused");
		checkedPhone(control, "host-13-control-paused");
		control.locator("#ctl-resume").click();
		expect(presenter.locator("#paused-overlay")).hasCount(0);
		expect(control.locator("#ctl-pause")).isVisible();

		answer(lan, 0, 0);
		expect(presenter.locator("#answer-count")).hasAttribute("data-count", "1");
		answer(minh, 0, 1);
		expect(presenter.locator("#answer-count")).hasAttribute("data-count", "2");
		expect(control.locator("#ctl-answers")).hasText("2/3 đã trả lời");
		noScroll(presenter, "open");
		viewportScreenshot(presenter, "host-23-present-open");
		AxeCheck.assertNoViolations(presenter, "host-23-present-open");
		checkedPhone(control, "host-14-control-open");
		onScreen(duc, "open");
		tile(duc, "113").click();
		// everyone connected answered: the question closes by itself
		expect(presenter.locator("#present")).hasAttribute("data-phase", "CLOSED");
		expect(presenter.locator("#distribution")).hasAttribute("data-counts", "2,1,0,0");
		expect(presenter.locator("#distribution")).hasAttribute("data-correct", "0");
		expect(presenter.locator("#distribution canvas")).isVisible();
		expect(presenter.locator("#result-counts")).containsText("2 trả lời đúng · 3/3 đã trả lời");
		expect(presenter.locator("#explanation")).containsText("Giải thích");
		expect(control.locator("#ctl-answers")).hasText("3/3 đã trả lời");
		expect(control.locator("#ctl-next")).hasText("Bảng xếp hạng");
		noScroll(presenter, "closed");
		viewportScreenshot(presenter, "host-24-present-closed");
		AxeCheck.assertNoViolations(presenter, "host-24-present-closed");
		checkedPhone(control, "host-15-control-closed");

		// --- leaderboard as the API has it
		control.locator("#ctl-next").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "LEADERBOARD");
		expectLeaderboard(presenter, organiser, gameId);
		noScroll(presenter, "leaderboard");
		viewportScreenshot(presenter, "host-25-present-leaderboard");
		AxeCheck.assertNoViolations(presenter, "host-25-present-leaderboard");
		expect(control.locator("#ctl-next")).hasText("Câu tiếp theo");
		checkedPhone(control, "host-16-control-leaderboard");

		// --- question 2: all right; Minh first
		control.locator("#ctl-next").click();
		expect(presenter.locator("#question-text")).hasText(QUESTION_2);
		control.locator("#ctl-next").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "OPEN");
		answer(minh, 1, 0);
		answer(lan, 1, 0);
		onScreen(duc, "open");
		tile(duc, "Hà Nội").click();
		expect(presenter.locator("#distribution")).hasAttribute("data-counts", "3,0,0,0");
		control.locator("#ctl-next").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "LEADERBOARD");
		expectLeaderboard(presenter, organiser, gameId);
		expect(control.locator("#ctl-next")).hasText("Câu tiếp theo");

		// --- question 3 is skipped: the podium follows
		control.locator("#ctl-next").click();
		expect(presenter.locator("#question-text")).hasText(QUESTION_3);
		expect(control.locator("#ctl-skip")).isEnabled();
		control.locator("#ctl-skip").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "PODIUM");
		JsonNode top = organiser.get("/api/games/" + gameId + "/leaderboard?top=3").body().path("top");
		for (int rank = 1; rank <= 3; rank++) {
			expect(presenter.locator(".podium-place[data-rank='" + rank + "']"))
				.hasAttribute("data-nickname", top.get(rank - 1).path("nickname").asString());
		}
		expect(presenter.locator(".podium-place")).hasCount(3);
		noScroll(presenter, "podium");
		viewportScreenshot(presenter, "host-26-present-podium");
		AxeCheck.assertNoViolations(presenter, "host-26-present-podium");
		expect(control.locator("#ctl-next")).hasText("Kết thúc");
		checkedPhone(control, "host-17-control-podium");

		// --- the end, with its confirmation
		control.locator("#ctl-end").click();
		expect(control.locator("#end-question")).containsText("Kết thúc trò chơi ngay bây giờ?");
		checkedPhone(control, "host-18-control-end-confirm");
		control.locator("#ctl-end-no").click();
		expect(control.locator("#ctl-end-yes")).hasCount(0);
		control.locator("#ctl-end").click();
		control.locator("#ctl-end-yes").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "ENDED");
		expect(control.locator("#ctl-next")).hasText("Trò chơi đã kết thúc");
		viewportScreenshot(presenter, "host-27-present-ended");
		AxeCheck.assertNoViolations(presenter, "host-27-present-ended");
		checkedPhone(control, "host-19-control-ended");

		checkResults(laptop, organiser, gameId);
	}

	static final String QUESTION_1 = "Số điện thoại khẩn cấp của Công an là số nào?";

	static final String QUESTION_2 = "Thủ đô của Việt Nam là thành phố nào?";

	static final String QUESTION_3 = "Ứng dụng định danh điện tử quốc gia tên là gì?";

	long quizOverRest(ApiClient organiser) {
		long bank = bank();
		List<Question> quiz = new ArrayList<>();
		quiz.add(question(bank, vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE, QUESTION_1,
				List.of("113", "114", "115", "116"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)), 20));
		quiz.add(question(bank, vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE, QUESTION_2,
				List.of("Hà Nội", "Huế", "Đà Nẵng", "TP. Hồ Chí Minh"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)),
				20));
		quiz.add(question(bank, vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE, QUESTION_3,
				List.of("VNeID", "Zalo", "VssID", "Bluezone"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)), 20));
		List<Long> ids = new ArrayList<>();
		quiz.forEach(q -> ids.add(questions.add(q)));
		ApiClient.Response created = organiser.post("/api/quizzes",
				Map.of("title", "Đề thi trình chiếu " + System.nanoTime() % 100000, "language", "VI", "questionIds", ids));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().path("id").asLong();
	}

	static void answer(TestSocket player, int q, int choice) {
		player.send(Map.of("type", "answer", "q", q, "choice", choice));
		assertThat(player.next("ack").path("accepted").asBoolean()).isTrue();
	}

	static void expectLeaderboard(Page presenter, ApiClient organiser, String gameId) {
		JsonNode top = organiser.get("/api/games/" + gameId + "/leaderboard?top=10").body().path("top");
		Locator rows = presenter.locator(".leader-row");
		expect(rows).hasCount(top.size());
		for (int i = 0; i < top.size(); i++) {
			expect(rows.nth(i)).hasAttribute("data-nickname", top.get(i).path("nickname").asString());
			expect(rows.nth(i)).hasAttribute("data-score", String.valueOf(top.get(i).path("score").asLong()));
			expect(rows.nth(i).locator(".rank")).hasText(String.valueOf(top.get(i).path("rank").asInt()));
		}
	}

	/** Common projector resolutions besides 1920 x 1080: HD, and the 4:3 XGA of many school projectors. */
	static final int[][] PROJECTORS = { { 1280, 720 }, { 1024, 768 } };

	/**
	 * The presenter is one screen: nothing scrolls at 1920 x 1080, nor on the smaller projectors
	 * (each gets a screenshot), and the window is 1920 x 1080 again afterwards.
	 */
	static void noScroll(Page page, String what) {
		fitsWindow(page, what, 1920, 1080);
		for (int[] size : PROJECTORS) {
			page.setViewportSize(size[0], size[1]);
			fitsWindow(page, what, size[0], size[1]);
			viewportScreenshot(page, "host-present-" + what + "-" + size[0] + "x" + size[1]);
		}
		page.setViewportSize(1920, 1080);
	}

	static void fitsWindow(Page page, String what, int width, int height) {
		Number scrollHeight = (Number) page.evaluate("() => document.documentElement.scrollHeight");
		Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
		Object below = page.evaluate("""
				() => Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().bottom > innerHeight)
				  .slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().bottom))
				  .concat([getComputedStyle(document.getElementById('main')).minHeight, getComputedStyle(document.getElementById('main')).position,
				    Array.from(document.getElementById('main').children).map((c) => c.tagName + '.' + c.className + ':' + getComputedStyle(c).position + ':' + Math.round(c.getBoundingClientRect().height)).join(';')])""");
		assertThat(scrollHeight.intValue()).as("%s at %dx%d: presenter height; below the fold: %s", what, width, height, below)
			.isLessThanOrEqualTo(height);
		assertThat(scrollWidth.intValue()).as("%s at %dx%d: presenter width", what, width, height).isLessThanOrEqualTo(width);
		// The presenter hides its overflow, so also nothing may reach past the window's edges (once the
		// chart has followed a resize: Chart.js redraws on the next animation frame).
		String outside = """
				Array.from(document.querySelectorAll('#present *')).filter((e) => {
				    const r = e.getBoundingClientRect();
				    return r.width > 0 && r.height > 0 && (r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1);
				  }).slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ','
				    + Math.round(e.getBoundingClientRect().bottom))""";
		try {
			page.waitForFunction("() => (" + outside + ").length === 0", null,
					new Page.WaitForFunctionOptions().setTimeout(5_000));
		}
		catch (com.microsoft.playwright.TimeoutError ex) {
			// reported with the offending parts below
		}
		Object cut = page.evaluate("() => " + outside);
		assertThat((java.util.List<?>) cut).as("%s at %dx%d: presenter parts outside the window", what, width, height).isEmpty();
	}

	/** The phone controls' layout rules, then a screenshot. */
	static void checkedPhone(Page page, String name) {
		checkPhoneLayout(page, name);
		adminScreenshot(page, name);
		AxeCheck.assertNoViolations(page, name);
		AxeCheck.assertNoViolations(page, name);
	}

	static int naturalWidth(Page page, String selector) {
		return ((Number) page.locator(selector)
			.evaluate("img => img.complete ? img.naturalWidth : new Promise((done) => { img.onload = img.onerror = () => done(img.naturalWidth); })"))
			.intValue();
	}

	static int waitNaturalWidth(Page page, String selector) {
		try {
			page.locator(selector).waitFor(new Locator.WaitForOptions().setTimeout(5_000));
		}
		catch (RuntimeException missing) {
			return 0;
		}
		return naturalWidth(page, selector);
	}

	void checkResults(Page laptop, ApiClient organiser, String gameId) throws Exception {
		JsonNode results = awaitFinalResults(organiser, gameId);
		laptop.locator("[data-nav=results]").click();
		onConsole(laptop, "/results");
		Locator row = laptop.locator("tr[data-game='" + gameId + "']");
		expect(row).containsText(GAME_TITLE);
		expect(row).containsText("Đã kết thúc");
		adminScreenshot(laptop, "results-01-list");
		AxeCheck.assertNoViolations(laptop, "results-01-list");
		row.locator("a").click();
		onConsole(laptop, "/results/:id");
		expect(laptop.locator("h1")).hasText(GAME_TITLE);

		JsonNode players = results.path("players");
		Locator rows = laptop.locator("tr.player-row");
		expect(rows).hasCount(4);
		for (int i = 0; i < players.size(); i++) {
			JsonNode player = players.get(i);
			Locator shown = laptop.locator("tr.player-row[data-player='" + player.path("player").asInt() + "']");
			expect(shown.locator(".rank")).hasText(player.path("kicked").asBoolean() ? "–" : String.valueOf(player.path("rank").asInt()));
			expect(shown.locator(".nick")).hasText(player.path("nickname").asString());
			expect(shown.locator(".score")).hasText(formatted(player.path("score").asLong()));
			expect(shown.locator(".correct")).hasText(String.valueOf(player.path("correctCount").asInt()));
			expect(shown.locator(".answered")).hasText(String.valueOf(player.path("answered").asInt()));
		}
		expect(rows.first().locator(".rank")).hasText("1");
		adminScreenshot(laptop, "results-02-detail");
		AxeCheck.assertNoViolations(laptop, "results-02-detail");
		expect(laptop.locator("tr.player-row").filter(new Locator.FilterOptions().setHasText(EXTRA))).containsText("đã bị mời ra");
		laptop.locator("#player-filter").fill("minh");
		expect(rows).hasCount(1);
		expect(rows.first().locator(".nick")).hasText(MINH);
		laptop.locator("#player-filter").fill("");
		laptop.locator("button.sort[data-sort=nickname]").click();
		expect(rows.first().locator(".nick")).hasText(LAN);

		for (JsonNode question : results.path("questions")) {
			Locator card = laptop.locator(".question-result[data-position='" + question.path("position").asInt() + "']");
			expect(card.locator(".share")).hasAttribute("data-correct", String.valueOf(question.path("correct").asInt()));
			expect(card.locator(".share")).hasAttribute("data-answered", String.valueOf(question.path("answered").asInt()));
			String average = question.path("averageResponseMillis").isNull() || question.path("averageResponseMillis").isMissingNode()
					? "" : String.valueOf(question.path("averageResponseMillis").asLong());
			expect(card.locator(".avg")).hasAttribute("data-ms", average);
			if (!question.path("skipped").asBoolean() && question.path("distribution").size() > 0) {
				List<String> counts = new ArrayList<>();
				question.path("distribution").forEach(n -> counts.add(String.valueOf(n.asInt())));
				expect(card.locator(".result-chart")).hasAttribute("data-counts", String.join(",", counts));
				expect(card.locator("canvas")).isVisible();
			}
		}
		expect(laptop.locator(".question-result[data-position='0'] .share")).containsText("67% (2/3 câu trả lời)");
		expect(laptop.locator(".question-result[data-position='2']")).containsText("đã bỏ qua");
		expect(laptop.locator(".question-result[data-position='0'] .q-text")).hasText(QUESTION_1);
		expect(laptop.locator(".question-result[data-position='0'] .counts li.right")).containsText("113: 2");

		Download xlsx = laptop.waitForDownload(() -> laptop.locator("#export-xlsx").click());
		assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
		List<String> cells = new ArrayList<>();
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(xlsx.path())))) {
			DataFormatter format = new DataFormatter();
			for (Sheet sheet : book) {
				for (Row r : sheet) {
					for (Cell cell : r) {
						cells.add(format.formatCellValue(cell));
					}
				}
			}
		}
		assertThat(cells).contains(LAN, MINH, DUC);
		Download csv = laptop.waitForDownload(() -> laptop.locator("#export-csv").click());
		assertThat(csv.suggestedFilename()).endsWith(".csv");
		byte[] bytes = Files.readAllBytes(csv.path());
		assertThat(bytes.length).isGreaterThan(3);
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(LAN, MINH, DUC);
	}

	/** The results once the final standings are written (the writer runs behind the game). */
	static JsonNode awaitFinalResults(ApiClient organiser, String gameId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (true) {
			JsonNode results = organiser.get("/api/games/" + gameId + "/results").body();
			boolean ranked = results.path("players").size() == 4;
			for (JsonNode player : results.path("players")) {
				ranked &= player.path("kicked").asBoolean() || player.path("rank").isNumber();
			}
			if (ranked) {
				return results;
			}
			assertThat(Instant.now()).as("final standings of " + gameId + ": " + results).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/** A number as the Vietnamese console writes it (a dot between thousands). */
	static String formatted(long value) {
		return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', '.');
	}
}
