package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.TestSocket;

/**
 * Team play by unit in a real browser: the phone's unit picker, the team leaderboard with the
 * player's own unit and place on the phone, the presenter's unit leaderboard and podium of units, and
 * the create form's team settings.
 */
class TeamPlayBrowserTest extends AdminConsoleSupport {

	private static Map<String, Object> teamSettings() {
		return Map.of("previewSeconds", 0, "openLeadMillis", 50, "teams",
				Map.of("units", List.of(Map.of("id", "10A1", "name", "Lớp 10A1"), Map.of("id", "10A2", "name", "Lớp 10A2"),
						Map.of("id", "10A3", "name", "Lớp 10A3")), "minMembers", 1));
	}

	@Test
	void aPhonePicksItsUnitAndThePhoneAndThePresenterShowTheUnitsLeaderboardAndPodium() {
		List<Long> ids = new java.util.ArrayList<>();
		singleChoiceQuiz(1, 20).forEach(q -> ids.add(questions.add(q)));
		ApiClient organiser = admin();
		JsonNode created = organiser.post("/api/games", Map.of("title", GAME_TITLE, "questionIds", ids, "settings",
				teamSettings())).body();
		String token = created.path("hostToken").asString();
		TestSocket host = TestSocket.connect(http, port, "/ws/host");
		sockets.add(host);
		host.send(Map.of("type", "host", "v", 1, "game", created.path("id").asString(), "token", token));
		host.next("hosted");
		Game game = new Game(created.path("id").asString(), created.path("pin").asString(), host, organiser);

		Page phone = phone();
		phone.navigate(base() + "/");
		onScreen(phone, "pin");
		phone.locator("#pin").fill(game.pin());
		phone.locator("form button[type=submit]").click();
		onScreen(phone, "nick");
		expect(phone.locator("#unit")).isVisible();
		expect(phone.locator("#unit option")).hasCount(4);
		phone.locator("#nickname").fill("Lan");
		phone.locator("form button[type=submit]").click();
		expect(phone.locator(".field-error")).containsText("Hãy chọn đơn vị");
		phone.locator("#unit").selectOption("10A1");
		screenshot(phone, "teams-01-unit-picker");
		phone.locator("form button[type=submit]").click();
		onScreen(phone, "lobby");

		TestSocket other = TestSocket.connect(http, port, "/ws/play");
		sockets.add(other);
		other.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Minh", "unit", "10A2"));
		assertThat(other.next("joined").path("player").path("unit").path("id").asString()).isEqualTo("10A2");

		Page presenter = projector();
		presenter.navigate(base() + "/admin/#/present/" + game.id() + "?t=" + token);
		onConsole(presenter, "/present/:id");

		game.command("start");
		onScreen(phone, "open");
		tile(phone, "113").click();
		other.send(Map.of("type", "answer", "q", 0, "choice", 2));
		onScreen(phone, "result");
		expect(phone.locator(".teams")).containsText("Bảng xếp hạng đơn vị");
		expect(phone.locator(".team-place")).hasText("Bạn đứng thứ 1/1 trong đơn vị");
		expect(phone.locator(".team-row.me")).hasAttribute("data-unit", "10A1");
		screenshot(phone, "teams-02-result");

		game.command("next"); // leaderboard
		onScreen(phone, "leaderboard");
		expect(phone.locator(".team-you")).containsText("Lớp 10A1, hạng 1/2");
		expect(presenter.locator("#team-board .team-row").first()).hasAttribute("data-unit", "10A1");
		// 10A3 has nobody: listed as unranked, not on the board.
		expect(presenter.locator("#team-board")).containsText("chưa được xếp hạng");
		viewportScreenshot(presenter, "teams-03-present-leaderboard");

		game.command("next"); // podium
		expect(presenter.locator("#team-podium li[data-rank='1']")).hasAttribute("data-unit", "10A1");
		expect(presenter.locator("#team-podium li[data-rank='2']")).hasAttribute("data-unit", "10A2");
		onScreen(phone, "podium");
		expect(phone.locator(".teams")).containsText("Đơn vị dẫn đầu");
		screenshot(phone, "teams-04-podium");
		viewportScreenshot(presenter, "teams-05-present-podium");

		// The results page lists the units' final standings once the game has ended.
		game.command("next");
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/results/" + game.id());
		onConsole(laptop, "/results/:id");
		expect(laptop.locator("#results-units tr[data-unit='10A1']")).containsText("Lớp 10A1");
		expect(laptop.locator("#results-units tr[data-unit='10A3']")).containsText("chưa xếp hạng");
		adminScreenshot(laptop, "teams-07-results");
	}

	@Test
	void theCreateFormSendsTeamPlayAndRefusesItWithoutUnits() {
		singleChoiceQuiz(1, 20).forEach(q -> questions.add(q));
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		laptop.locator("input[name=source][value=questions]").check();
		laptop.locator("#game-title").fill("Thi theo đơn vị khối 10");
		laptop.locator("#question-search").fill("khẩn cấp Công an");
		laptop.locator("#question-search-go").click();
		laptop.locator(".found input[type=checkbox]").first().check();
		laptop.locator("#create-settings summary").click();
		laptop.locator("#teams-on").check();
		laptop.locator("#create-submit").click();
		expect(laptop.locator(".error-box")).containsText("cần danh sách đơn vị");
		laptop.locator("#teams-units").fill("10A1 | Lớp 10A1\nLớp 10A2\n");
		laptop.locator("#teams-score").selectOption("BEST_K");
		laptop.locator("#teams-best-k").fill("3");
		adminScreenshot(laptop, "teams-06-create-form");
		laptop.locator("#create-submit").click();
		onConsole(laptop, "/games/:id/run");
		String gameId = laptop.url().replaceAll(".*#/games/([^/]+)/run.*", "$1");
		ApiClient organiser = admin();
		String pin = organiser.get("/api/games/" + gameId).body().path("pin").asString();
		JsonNode lookup = new ApiClient(port).get("/api/pins/" + pin).body();
		assertThat(lookup.path("units").size()).isEqualTo(2);
		assertThat(lookup.path("units").get(0).path("id").asString()).isEqualTo("10A1");
		assertThat(lookup.path("units").get(1).path("id").asString()).isEqualTo("Lớp 10A2");
	}
}
