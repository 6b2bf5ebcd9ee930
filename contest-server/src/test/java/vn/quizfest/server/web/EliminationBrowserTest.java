package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * Rung chuông vàng in real browsers: created from the console's form with its rules, played on two
 * phones (on the floor, eliminated at question 1, watching, rescued, the golden bell) while the
 * presenter shows the grid of numbers, the count and the bell, and the host controls offer the
 * bring-back.
 */
class EliminationBrowserTest extends AdminConsoleSupport {

	@Test
	void aGameFromTheFormWithAFallARescueAndTheGoldenBellOnPhonesAndThePresenter() {
		singleChoiceQuiz(3, 20).forEach(q -> questions.add(q));
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		laptop.locator("input[name=source][value=questions]").check();
		laptop.locator("#game-title").fill("Rung chuông vàng trường THCS Tân Hòa");
		laptop.locator("#question-search").fill("khẩn cấp Công an");
		laptop.locator("#question-search-go").click();
		Locator found = laptop.locator(".found input[type=checkbox]");
		expect(found.first()).isVisible();
		found.nth(0).check();
		found.nth(1).check();
		found.nth(2).check();
		// The format is one of the folded settings (the create button stays in the first screen).
		laptop.locator("#create-settings summary").click();
		laptop.locator("#format-elimination").check();
		expect(laptop.locator("#elimination-rules")).isVisible();
		expect(laptop.locator("#elim-seconds")).hasValue("15");
		laptop.locator("#elim-seconds").fill("3");
		laptop.locator("#create-submit").click();
		expect(laptop.locator(".error-box")).containsText("từ 5 đến 120 giây");
		laptop.locator("#elim-seconds").fill("12");
		laptop.locator("#elim-rescue").fill("2");
		expect(laptop.locator("#elim-numbers-count")).containsText("số báo danh theo thứ tự vào");
		adminScreenshot(laptop, "elim-01-create-rules");
		laptop.locator("#create-submit").click();
		onConsole(laptop, "/games/:id/run");
		String gameId = laptop.url().replaceAll(".*#/games/([^/]+)/run.*", "$1");
		ApiClient organiser = admin();
		JsonNode settings = null;
		for (JsonNode item : organiser.get("/api/games?size=200").body().path("games")) {
			if (item.path("game").path("id").asString().equals(gameId)) {
				settings = JsonMapper.builder().build().readTree(item.path("game").path("settingsJson").asString());
			}
		}
		assertThat(settings).as("game listed").isNotNull();
		assertThat(settings.path("format").asString()).isEqualTo("ELIMINATION");
		assertThat(settings.path("elimination").path("secondsPerQuestion").asInt()).isEqualTo(12);
		String pin = organiser.get("/api/games/" + gameId).body().path("pin").asString();

		Page presenter = laptop.context().newPage();
		presenter.setViewportSize(1920, 1080);
		presenter.onPageError(error -> pageErrors.add("page error: " + error));
		presenter.navigate(base() + "/admin/#/present/" + gameId);
		onConsole(presenter, "/present/:id");

		Page lan = phone();
		joinByPin(lan, base(), pin, "Lan");
		onScreen(lan, "lobby");
		expect(lan.locator("#elim")).containsText("Bạn đang trên sàn thi");
		expect(lan.locator("#elim")).containsText("Số báo danh 1");
		Page minh = phone();
		joinByPin(minh, base(), pin, "Minh");
		onScreen(minh, "lobby");
		expect(minh.locator("#elim")).containsText("Số báo danh 2");

		// Question 1: Lan right, Minh wrong: Minh falls.
		expect(presenter.locator("#player-count")).hasAttribute("data-count", "2");
		laptop.locator("#ctl-next").click();
		onScreen(lan, "preview");
		onScreen(lan, "open");
		tile(lan, "113").click();
		onScreen(minh, "open");
		tile(minh, "114").click();
		onScreen(minh, "result");
		expect(minh.locator("#elim")).hasAttribute("data-state", "out");
		expect(minh.locator("#elim")).containsText("Bạn đã bị loại ở câu 1");
		expect(lan.locator("#elim-remaining")).hasAttribute("data-count", "1");
		screenshot(minh, "elim-02-eliminated");
		expect(presenter.locator("#floor-count")).hasAttribute("data-remaining", "1");
		laptop.locator("#ctl-next").click(); // to the floor (the leaderboard step)
		expect(presenter.locator("#floor-grid .seat[data-badge='1']")).hasClass(java.util.regex.Pattern.compile("lit"));
		expect(presenter.locator("#floor-grid .seat[data-badge='2']")).hasClass(java.util.regex.Pattern.compile("dark"));
		expect(presenter.locator("#floor-last")).containsText("1 người vừa bị loại");
		viewportScreenshot(presenter, "elim-03-present-grid");
		expect(laptop.locator("#ctl-revive")).containsText("1 người bị loại");

		// Question 2 is the rescue question: Lan watches, Minh answers right and comes back.
		laptop.locator("#ctl-next").click();
		onScreen(lan, "open");
		expect(lan.locator("#elim-watch")).containsText("Câu cứu trợ chỉ dành cho người đã bị loại");
		assertThat(lan.locator("button.tile").count()).isZero();
		screenshot(lan, "elim-04-rescue-watching");
		onScreen(minh, "open");
		expect(minh.locator("#elim")).containsText("Câu cứu trợ");
		tile(minh, "113").click();
		onScreen(minh, "result");
		expect(minh.locator("#elim")).hasAttribute("data-state", "rescued");
		expect(minh.locator("#elim")).containsText("Bạn đã được cứu trở lại sàn thi!");
		screenshot(minh, "elim-05-rescued");
		laptop.locator("#ctl-next").click();
		expect(presenter.locator("#floor-grid .seat[data-badge='2']")).hasClass(java.util.regex.Pattern.compile("lit"));

		// Question 3: both right; both ring the golden bell.
		laptop.locator("#ctl-next").click();
		onScreen(lan, "open");
		tile(lan, "113").click();
		onScreen(minh, "open");
		tile(minh, "113").click();
		onScreen(lan, "result");
		laptop.locator("#ctl-next").click();
		laptop.locator("#ctl-next").click(); // past the last question: the bell and the podium
		onScreen(lan, "podium");
		expect(lan.locator("#golden-bell")).containsText("Rung chuông vàng!");
		expect(lan.locator("#elim")).hasAttribute("data-state", "bell");
		screenshot(lan, "elim-06-golden-bell");
		expect(presenter.locator("#bell-view")).hasAttribute("data-count", "2");
		expect(presenter.locator("#bell-winners li")).hasCount(2);
		viewportScreenshot(presenter, "elim-07-present-bell");
	}
}
