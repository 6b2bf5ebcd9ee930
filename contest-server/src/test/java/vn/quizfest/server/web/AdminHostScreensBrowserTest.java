package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * The hosting screens around the game itself: the create form's refusals and the question picker,
 * the list of games in progress, the screens opened without (or with a wrong) host code, English.
 */
class AdminHostScreensBrowserTest extends AdminConsoleSupport {

	@Test
	void theFormRefusesWhatIsMissingThenCreatesAGameFromPickedQuestionsThatTheLiveListReopens() {
		singleChoiceQuiz(2, 20).forEach(q -> questions.add(q));
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		laptop.locator("input[name=source][value=questions]").check();
		laptop.locator("#create-submit").click();
		expect(laptop.locator(".error-box")).containsText("Hãy nhập tên trò chơi.");
		expect(laptop.locator(".error-box")).containsText("Hãy chọn ít nhất một câu hỏi.");
		laptop.locator("#game-title").fill("Rung chuông vàng thôn Đông");
		laptop.locator("#create-settings summary").click(); // the settings are folded by default
		laptop.locator("#setting-openLeadMillis").fill("");
		laptop.locator("#create-submit").click();
		expect(laptop.locator(".error-box")).containsText("phải từ 0 đến 5.000");
		laptop.locator("#setting-openLeadMillis").fill("500");

		laptop.locator("#question-search").fill("khẩn cấp Công an");
		laptop.locator("#question-search-go").click();
		Locator found = laptop.locator(".found input[type=checkbox]");
		expect(found.first()).isVisible();
		found.nth(1).check();
		found.nth(0).check();
		expect(laptop.locator("#picked-count")).hasText("Đã chọn 2 câu hỏi");
		adminScreenshot(laptop, "host-05-create-picked");
		AxeCheck.assertNoViolations(laptop, "host-05-create-picked");
		laptop.locator("#create-submit").click();
		onConsole(laptop, "/games/:id/run");
		String gameId = laptop.url().replaceAll(".*#/games/([^/]+)/run.*", "$1");
		ApiClient organiser = admin();
		assertThat(organiser.get("/api/games/" + gameId).body().path("questionCount").asInt()).isEqualTo(2);
		expect(laptop.locator("#ctl-phase")).hasText("Phòng chờ");

		laptop.locator("[data-nav=host]").click();
		onConsole(laptop, "/host");
		Locator live = laptop.locator(".live-list li[data-game='" + gameId + "']");
		expect(live).containsText("Rung chuông vàng thôn Đông");
		expect(live).containsText("Phòng chờ");
		adminScreenshot(laptop, "host-06-live-games");
		AxeCheck.assertNoViolations(laptop, "host-06-live-games");
		live.locator("a").click();
		onConsole(laptop, "/games/:id/run");
		expect(laptop.locator("#ctl-connection")).hasText("Đã kết nối");
	}

	@Test
	void choosingAQuizFillsInItsSavedSettingsWhichTheOrganiserMayStillChange() {
		long question = questions.add(singleChoiceQuiz(1, 20).get(0));
		ApiClient organiser = admin();
		String festival = organiser.post("/api/quizzes", Map.of("title", "Chung kết huyện – cài sẵn", "language", "VI",
				"questionIds", List.of(question), "settings", Map.of("leaderboardSize", 10, "autoAdvance", true)))
			.body().path("id").asString();
		String plain = organiser.post("/api/quizzes", Map.of("title", "Ôn tập không cài đặt", "language", "VI",
				"questionIds", List.of(question))).body().path("id").asString();

		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host?quiz=" + festival);
		onConsole(laptop, "/host");
		expect(laptop.locator("#game-quiz")).hasValue(festival);
		expect(laptop.locator("#setting-leaderboardSize")).hasValue("10");
		expect(laptop.locator("#setting-autoAdvance")).isChecked();
		expect(laptop.locator("#setting-previewSeconds")).hasValue("3");
		expect(laptop.locator("#settings-from-quiz")).containsText("Đã điền sẵn cài đặt lưu cùng bộ đề này");
		adminScreenshot(laptop, "host-07-create-quiz-settings");
		AxeCheck.assertNoViolations(laptop, "host-07-create-quiz-settings");

		laptop.locator("#game-quiz").selectOption(plain);
		expect(laptop.locator("#setting-leaderboardSize")).hasValue("5");
		expect(laptop.locator("#setting-autoAdvance")).not().isChecked();
		expect(laptop.locator("#settings-from-quiz")).isEmpty();
		laptop.locator("#game-quiz").selectOption(festival);
		expect(laptop.locator("#setting-leaderboardSize")).hasValue("10");
		expect(laptop.locator("#setting-autoAdvance")).isChecked();

		laptop.locator("#game-title").fill("Chung kết huyện Bắc Hà");
		laptop.locator("#create-settings").evaluate("details => { details.open = true; }"); // folded by default
		laptop.locator("#setting-leaderboardSize").fill("12");
		laptop.locator("#create-submit").click();
		onConsole(laptop, "/games/:id/run");
		String gameId = laptop.url().replaceAll(".*#/games/([^/]+)/run.*", "$1");
		JsonNode stored = null;
		for (JsonNode item : organiser.get("/api/games?size=200").body().path("games")) {
			if (item.path("game").path("id").asString().equals(gameId)) {
				stored = JsonMapper.builder().build().readTree(item.path("game").path("settingsJson").asString());
			}
		}
		assertThat(stored).as("game " + gameId + " listed").isNotNull();
		assertThat(stored.path("leaderboardSize").asInt()).isEqualTo(12);
		assertThat(stored.path("autoAdvance").asBoolean()).isTrue();
	}

	@Test
	void screensWithoutTheHostCodeSaySoAndAWrongCodeIsRefused() {
		Game game = hostGame(singleChoiceQuiz(1, 20), Map.of());
		Page phone = hostPhone();
		phone.navigate(base() + "/admin/#/control/" + game.id());
		onConsole(phone, "/control/:id");
		expect(phone.locator(".error-box")).containsText("Thiếu mã điều khiển");
		checkPhoneLayout(phone, "control without code");

		Page presenter = projector();
		presenter.navigate(base() + "/admin/#/present/" + game.id());
		onConsole(presenter, "/present/:id");
		expect(presenter.locator("h1")).hasText("Không mở được màn hình trình chiếu");

		presenter.navigate(base() + "/admin/#/present/" + game.id() + "?t=not-the-code");
		expect(presenter.locator(".present-connection")).containsText("Mã điều khiển không đúng");
		viewportScreenshot(presenter, "host-28-present-refused");
		AxeCheck.assertNoViolations(presenter, "host-28-present-refused");

		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/games/" + game.id() + "/run");
		onConsole(laptop, "/games/:id/run");
		expect(laptop.locator("#main")).containsText("Máy này không có mã điều khiển");
	}

	@Test
	void thePresenterAndTheControlsSpeakEnglishWhenTheConsoleDoes() {
		JsonNode game = oneQuestionGame();
		String id = game.path("id").asString();
		Page laptop = laptop();
		logIn(laptop);
		laptop.locator("#lang-switch").click();
		expect(laptop.locator("[data-nav=host]")).hasText("Host a game");
		// the same browser: the console's language choice applies to the presenter too
		Page presenter = laptop.context().newPage();
		presenter.setViewportSize(1920, 1080);
		presenter.onPageError(error -> pageErrors.add("page error: " + error));
		socketPlayer(game.path("pin").asString(), "Lan");
		presenter.navigate(base() + "/admin/#/present/" + id + "?t=" + game.path("hostToken").asString());
		onConsole(presenter, "/present/:id");
		expect(presenter.locator("#player-count")).hasText("1 player");
		expect(presenter.locator("#join-how")).containsText("enter the PIN");
		Page control = laptop.context().newPage();
		control.onPageError(error -> pageErrors.add("page error: " + error));
		control.navigate(base() + "/admin/#/control/" + id);
		onConsole(control, "/control/:id");
		expect(control.locator("#ctl-next")).hasText("Start");
		control.locator("#ctl-next").click();
		expect(presenter.locator("#present")).hasAttribute("data-phase", "PREVIEW");
		expect(control.locator("#ctl-question")).hasText("Question 1/1");
	}

	@Test
	void thePresenterReconnectsByItselfAfterTheNetworkDropsAndCatchesUp() throws Exception {
		JsonNode game = oneQuestionGame();
		String pin = game.path("pin").asString();
		try (DroppableProxy network = new DroppableProxy(port)) {
			Page presenter = projector();
			presenter.navigate("http://127.0.0.1:" + network.port() + "/admin/#/present/" + game.path("id").asString() + "?t="
					+ game.path("hostToken").asString());
			onConsole(presenter, "/present/:id");
			expect(presenter.locator("#player-count")).hasAttribute("data-count", "0");
			AdminHostGameBrowserTest.naturalWidth(presenter, "#present-qr"); // loaded (or refused) before the cut
			network.cut();
			expect(presenter.locator(".present-connection")).containsText("đang kết nối lại");
			viewportScreenshot(presenter, "host-29-present-reconnecting");
			AxeCheck.assertNoViolations(presenter, "host-29-present-reconnecting");
			socketPlayer(pin, "Hồ Thị Thu");
			network.restore();
			expect(presenter.locator(".present-connection")).hasCount(0);
			expect(presenter.locator("#player-count")).hasAttribute("data-count", "1");
			expect(presenter.locator(".chip")).hasText("Hồ Thị Thu");
			presenter.context().close();
			// Chromium logs each refused reconnection, and any request the cut interrupted: expected here, and only here
			pageErrors.removeIf(error -> error.contains("WebSocket connection to 'ws://127.0.0.1:" + network.port() + "/ws/host' failed")
					|| error.contains("net::ERR_EMPTY_RESPONSE"));
		}
	}

	@Test
	void aFullLobbyShowsTheNewestNamesAndCountsTheRest() {
		JsonNode game = oneQuestionGame();
		String pin = game.path("pin").asString();
		for (int i = 1; i <= 65; i++) {
			socketPlayer(pin, "Học sinh " + i);
		}
		socketPlayer(pin, "<b>Bạn mới</b>");
		Page presenter = projector();
		presenter.navigate(base() + "/admin/#/present/" + game.path("id").asString() + "?t=" + game.path("hostToken").asString());
		onConsole(presenter, "/present/:id");
		expect(presenter.locator("#player-count")).hasText("66 người chơi");
		expect(presenter.locator(".chip:not(.more)")).hasCount(29);
		expect(presenter.locator("#chips-more")).hasText("+37 người");
		expect(presenter.locator("#chips-more")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
		// newest first, and a nickname is text, never HTML
		expect(presenter.locator(".chip").first()).hasText("<b>Bạn mới</b>");
		expect(presenter.locator(".chip b")).hasCount(0);
		AdminHostGameBrowserTest.noScroll(presenter, "full lobby");
		viewportScreenshot(presenter, "host-30-present-full-lobby");
		AxeCheck.assertNoViolations(presenter, "host-30-present-full-lobby");
	}

	/**
	 * Against a flood: the controls lock the lobby (the presenter says so and a new phone is told why,
	 * in Vietnamese), remove the player who left without answering, and unlock it again.
	 */
	@Test
	void theLobbyControlsLockUnlockAndRemoveDisconnectedPlayers() {
		JsonNode game = oneQuestionGame();
		String id = game.path("id").asString();
		String pin = game.path("pin").asString();
		socketPlayer(pin, "Lan");
		vn.quizfest.server.TestSocket gone = socketPlayer(pin, "Rời đi");
		Page laptop = laptop();
		logIn(laptop);
		Page presenter = laptop.context().newPage();
		presenter.setViewportSize(1920, 1080);
		presenter.onPageError(error -> pageErrors.add("page error: " + error));
		presenter.navigate(base() + "/admin/#/present/" + id + "?t=" + game.path("hostToken").asString());
		onConsole(presenter, "/present/:id");
		expect(presenter.locator("#player-count")).hasText("2 người chơi");
		Page control = laptop.context().newPage();
		control.onPageError(error -> pageErrors.add("page error: " + error));
		control.navigate(base() + "/admin/#/control/" + id);
		onConsole(control, "/control/:id");

		control.locator("#ctl-lock").click();
		expect(control.locator("#ctl-locked"))
			.hasText("Phòng chờ đã khóa: không ai vào thêm được. Người chơi bị mất kết nối vẫn quay lại được.");
		expect(control.locator("#ctl-unlock")).hasAttribute("aria-pressed", "true");
		expect(presenter.locator("#present-locked")).hasText("Đã khóa: không nhận thêm người chơi");

		Page phone = hostPhone();
		phone.navigate(base() + "/join/" + pin);
		phone.locator("#nickname").fill("Bạn mới");
		phone.locator("form button[type=submit]").click();
		expect(phone.locator("#nick-error"))
			.hasText("Người điều khiển đã khóa phòng chờ. Hãy nhờ mở lại rồi bấm Vào chơi lần nữa.");
		expect(presenter.locator("#player-count")).hasText("2 người chơi");

		gone.abort();
		// The server sees the socket go a moment later: remove until it has counted that one.
		org.awaitility.Awaitility.await().atMost(WAIT_FOR_PRUNE).pollInSameThread().pollInterval(java.time.Duration.ofMillis(500))
			.until(() -> {
				control.locator("#ctl-prune").click();
				return control.locator("#ctl-pruned").textContent().contains("Đã xóa 1 người chơi");
			});
		expect(presenter.locator("#player-count")).hasText("1 người chơi");

		control.locator("#ctl-unlock").click();
		expect(presenter.locator("#present-locked")).hasCount(0);
		expect(control.locator("#ctl-lock")).hasAttribute("aria-pressed", "false");
		phone.locator("form button[type=submit]").click();
		expect(phone.locator(".big-name")).hasText("Bạn mới");
		expect(presenter.locator("#player-count")).hasText("2 người chơi");
	}

	private static final java.time.Duration WAIT_FOR_PRUNE = java.time.Duration.ofSeconds(15);

	/** A game of one single-choice question created over REST, not yet hosted: its id, PIN and host token. */
	JsonNode oneQuestionGame() {
		long question = questions.add(singleChoiceQuiz(1, 20).get(0));
		ApiClient.Response created = admin().post("/api/games", Map.of("title", GAME_TITLE, "questionIds", List.of(question)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}
}
