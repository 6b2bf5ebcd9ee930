package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.TestSocket;

/**
 * Rung chuông vàng by unit in real browsers: the console's create form with team play and a
 * substitute per unit, phones showing their unit's players on the floor (a substitute coming on for
 * its own unit), the presenter's counts per unit between questions, and the winning unit on the
 * presenter's golden bell and on the phones.
 */
class EliminationTeamsBrowserTest extends AdminConsoleSupport {

	@Test
	void unitCountsOnThePresenterASubstituteForItsUnitAndTheWinningUnitOnTheBell() {
		singleChoiceQuiz(2, 20).forEach(q -> questions.add(q));
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		laptop.locator("input[name=source][value=questions]").check();
		laptop.locator("#game-title").fill("Rung chuông vàng khối 10");
		laptop.locator("#question-search").fill("khẩn cấp Công an");
		laptop.locator("#question-search-go").click();
		laptop.locator(".found input[type=checkbox]").nth(0).check();
		laptop.locator(".found input[type=checkbox]").nth(1).check();
		laptop.locator("#create-settings summary").click();
		laptop.locator("#teams-on").check();
		laptop.locator("#teams-units").fill("10A1 | Lớp 10A1\n10A2 | Lớp 10A2\n");
		laptop.locator("#format-elimination").check();
		expect(laptop.locator("#elim-unit-reserves")).isVisible();
		// A line without its unit is refused with the way to write it.
		laptop.locator("#elim-reserve-below").fill("1");
		laptop.locator("#elim-unit-reserves").fill("3");
		laptop.locator("#create-submit").click();
		expect(laptop.locator(".error-box")).containsText("mỗi dòng bắt đầu bằng mã đơn vị");
		// Without a list numbers follow the join order: the third to join is 10A2's substitute.
		laptop.locator("#elim-unit-reserves").fill("10A2: 3");
		adminScreenshot(laptop, "elim-units-01-create-form");
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
		assertThat(settings.path("elimination").path("reserves")).extracting(JsonNode::asString).containsExactly("3");
		assertThat(settings.path("elimination").path("reserveBelow").asInt()).isEqualTo(1);
		assertThat(settings.path("teams").path("assignments").path("3").asString()).isEqualTo("10A2");
		String pin = organiser.get("/api/games/" + gameId).body().path("pin").asString();

		Page presenter = laptop.context().newPage();
		presenter.setViewportSize(1920, 1080);
		presenter.onPageError(error -> pageErrors.add("page error: " + error));
		presenter.navigate(base() + "/admin/#/present/" + gameId);
		onConsole(presenter, "/present/:id");

		Page lan = phone();
		lan.navigate(base() + "/");
		onScreen(lan, "pin");
		lan.locator("#pin").fill(pin);
		lan.locator("form button[type=submit]").click();
		onScreen(lan, "nick");
		lan.locator("#unit").selectOption("10A1");
		lan.locator("#nickname").fill("Lan");
		lan.locator("form button[type=submit]").click();
		onScreen(lan, "lobby");
		expect(lan.locator("#elim-unit-remaining")).hasAttribute("data-count", "1");
		expect(lan.locator("#elim-unit-remaining")).containsText("Đơn vị của bạn còn 1 người trên sàn thi");

		TestSocket minh = TestSocket.connect(http, port, "/ws/play");
		sockets.add(minh);
		minh.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", "Minh", "unit", "10A2"));
		assertThat(minh.next("joined").path("player").path("number").asInt()).isEqualTo(2);

		// Hoa joins third without choosing: the organiser's line put number 3 in 10A2, as a substitute.
		Page hoa = phone();
		joinByPin(hoa, base(), pin, "Hoa");
		onScreen(hoa, "lobby");
		expect(hoa.locator("#elim")).hasAttribute("data-state", "reserve");
		expect(hoa.locator("#elim-unit-remaining")).hasAttribute("data-count", "1");

		// Question 1: Lan right, Minh wrong: 10A2 has nobody left on the floor, so its substitute comes on.
		expect(presenter.locator("#player-count")).hasAttribute("data-count", "3");
		laptop.locator("#ctl-next").click();
		onScreen(lan, "open");
		tile(lan, "113").click();
		minh.next("open");
		minh.send(Map.of("type", "answer", "q", 0, "choice", 1));
		onScreen(lan, "result");
		expect(hoa.locator("#elim")).hasAttribute("data-state", "floor");
		expect(hoa.locator("#elim-unit-remaining")).hasAttribute("data-count", "1");
		screenshot(hoa, "elim-units-02-substitute-on");
		laptop.locator("#ctl-next").click(); // to the floor (the leaderboard step)
		expect(presenter.locator("#floor-units li[data-unit='10A1']")).hasAttribute("data-remaining", "1");
		expect(presenter.locator("#floor-units li[data-unit='10A2']")).hasAttribute("data-remaining", "1");
		expect(presenter.locator("#floor-units li[data-unit='10A2']")).containsText("Lớp 10A2");
		expect(presenter.locator("#floor-grid .seat[data-badge='2']")).hasAttribute("data-unit", "10A2");
		viewportScreenshot(presenter, "elim-units-03-present-units");

		// Question 2: Lan wrong, Hoa right: 10A2 is the last unit with players on the floor.
		laptop.locator("#ctl-next").click();
		onScreen(lan, "open");
		tile(lan, "114").click();
		onScreen(hoa, "open");
		tile(hoa, "113").click();
		onScreen(hoa, "result");
		expect(lan.locator("#elim")).hasAttribute("data-state", "out");
		laptop.locator("#ctl-next").click();
		laptop.locator("#ctl-next").click(); // past the last question: the bell and the podium
		onScreen(hoa, "podium");
		expect(presenter.locator("#bell-unit")).hasAttribute("data-unit", "10A2");
		expect(presenter.locator("#bell-unit")).containsText("Đơn vị rung chuông vàng: Lớp 10A2");
		expect(presenter.locator("#floor-units li[data-unit='10A1']")).hasAttribute("data-remaining", "0");
		viewportScreenshot(presenter, "elim-units-04-present-bell");
		expect(hoa.locator("#golden-bell #bell-unit")).containsText("Đơn vị của bạn rung chuông vàng: Lớp 10A2");
		screenshot(hoa, "elim-units-05-unit-bell");
		onScreen(lan, "podium");
		expect(lan.locator("#bell-unit")).containsText("Đơn vị rung chuông vàng: Lớp 10A2");
		AxeCheck.assertNoViolations(presenter, "presenter, golden bell by unit");
		AxeCheck.assertNoViolations(hoa, "phone, golden bell by unit");

		// The results page, once the game has ended: the winning unit and each unit's survivors.
		laptop.locator("#ctl-next").click();
		laptop.navigate(base() + "/admin/#/results/" + gameId);
		onConsole(laptop, "/results/:id");
		expect(laptop.locator("#results-unit-bell")).hasAttribute("data-unit", "10A2");
		expect(laptop.locator("#results-unit-bell")).containsText("Lớp 10A2");
		expect(laptop.locator("#results-units tr[data-unit='10A2']")).hasAttribute("data-survivors", "1");
		expect(laptop.locator("#results-units tr[data-unit='10A1']")).hasAttribute("data-survivors", "0");
		adminScreenshot(laptop, "elim-units-06-results");
	}
}
