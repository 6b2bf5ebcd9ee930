package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.TestSocket;

/**
 * Weak networks: the QR link, a reload in the middle of a question (the answer and the score are
 * kept, the countdown shows only the time really left), a dropped connection that comes back by
 * itself and sends the answer tapped while offline, and another tab taking the game over.
 */
class PlayerReconnectBrowserTest extends PlayerBrowserSupport {

	/** Slack for the page's 200 ms clock tick and the clock-sync error on one machine. */
	static final long COUNTDOWN_SLACK_MILLIS = 400;

	static Map<String, Object> quick() {
		return Map.of("previewSeconds", 0, "openLeadMillis", 50);
	}

	@Test
	void theQrLinkJoinsAndAReloadMidQuestionKeepsTheAnswerAndShowsOnlyTheTimeLeft() {
		Game game = hostGame(singleChoiceQuiz(3, 30), quick());
		// A second phone that never answers keeps each question open until the host closes it.
		socketPlayer(game.pin(), "Người xem");
		Page page = phone();
		page.navigate(base() + "/join/" + game.pin());
		onScreen(page, "nick");
		expect(page.locator(".pin-chip")).containsText(game.pin().substring(0, 3) + " " + game.pin().substring(3));
		screenshot(page, "20-join-link");
		AxeCheck.assertNoViolations(page, "20-join-link");
		page.locator("#nickname").fill("Ông Tư");
		page.locator("form button[type=submit]").click();
		onScreen(page, "lobby");

		game.command("start");
		game.host().next("open");
		onScreen(page, "open");
		tile(page, "113").click();
		expect(page.locator("h1")).hasText("Đã nhận câu trả lời!");
		game.command("next");
		game.host().next("closed");
		onScreen(page, "result");
		int first = Integer.parseInt(page.locator(".points").getAttribute("data-points"));
		assertThat(first).isPositive();
		game.command("next");
		game.host().next("leaderboard");

		// Question 2: answer, let a few seconds pass, reload.
		game.command("next");
		JsonNode open = game.host().next("open");
		onScreen(page, "open");
		tile(page, "113").click();
		expect(page.locator("h1")).hasText("Đã nhận câu trả lời!");
		// Waits (with a deadline) until at least three seconds have run down.
		expect(page.locator(".timer-number")).hasText(java.util.regex.Pattern.compile("^(2[0-7]|1?[0-9])$"));
		page.reload();
		onScreen(page, "answered");
		expect(page.locator("h1")).hasText("Đã nhận câu trả lời!");
		expect(page.locator("#score")).hasAttribute("data-score", String.valueOf(first));
		assertCountdownAtMostTimeLeft(page, open.path("closesAt").asLong());
		screenshot(page, "21-after-reload");
		AxeCheck.assertNoViolations(page, "21-after-reload");
		game.command("next");
		game.host().next("closed");
		onScreen(page, "result");
		expect(page.locator(".result-banner")).hasAttribute("data-result", "correct");
		int second = Integer.parseInt(page.locator(".points").getAttribute("data-points"));
		assertThat(second).as("the answer sent before the reload counts").isPositive();
		expect(page.locator("#score")).hasAttribute("data-score", String.valueOf(first + second));
		assertThat(game.standing("Ông Tư").path("score").asInt()).isEqualTo(first + second);
		game.command("next");
		game.host().next("leaderboard");

		// Question 3: reload before answering, then answer after the reload.
		game.command("next");
		open = game.host().next("open");
		onScreen(page, "open");
		expect(page.locator(".timer-number")).hasText(java.util.regex.Pattern.compile("^(2[0-8]|1?[0-9])$"));
		page.reload();
		onScreen(page, "open");
		assertCountdownAtMostTimeLeft(page, open.path("closesAt").asLong());
		tile(page, "114").click();
		expect(page.locator("h1")).hasText("Đã nhận câu trả lời!");
		game.command("next");
		game.host().next("closed");
		onScreen(page, "result");
		expect(page.locator(".result-banner")).hasAttribute("data-result", "wrong");
		expect(page.locator("#score")).hasAttribute("data-score", String.valueOf(first + second));
	}

	/** The page's countdown (milliseconds left at its last tick) is never more than the server's time left. */
	static void assertCountdownAtMostTimeLeft(Page page, long closesAt) {
		expect(page.locator(".timer")).hasAttribute("data-ms", java.util.regex.Pattern.compile("\\d+"));
		long before = System.currentTimeMillis();
		long shown = Long.parseLong(page.locator(".timer").getAttribute("data-ms"));
		long left = closesAt - before;
		assertThat(shown).as("countdown after the reload vs the time really left (%d ms)", left)
			.isLessThanOrEqualTo(left + COUNTDOWN_SLACK_MILLIS)
			.isGreaterThan(left - 2_000);
		assertThat(Integer.parseInt(page.locator(".timer-number").textContent()))
			.isLessThanOrEqualTo((int) Math.ceil((left + COUNTDOWN_SLACK_MILLIS) / 1000.0));
	}

	@Test
	void aDroppedConnectionComesBackByItselfAndSendsTheAnswerTappedWhileOffline() throws Exception {
		Game game = hostGame(singleChoiceQuiz(1, 60), quick());
		socketPlayer(game.pin(), "Người xem");
		try (DroppableProxy network = new DroppableProxy(port)) {
			Page page = phone();
			page.navigate("http://127.0.0.1:" + network.port() + "/join/" + game.pin());
			onScreen(page, "nick");
			page.locator("#nickname").fill("Cô Ba");
			page.locator("form button[type=submit]").click();
			onScreen(page, "lobby");
			game.command("start");
			game.host().next("open");
			onScreen(page, "open");
			expect(tile(page, "113")).isEnabled();

			network.cut();
			expect(page.locator("#conn")).isVisible();
			expect(page.locator("#conn")).hasAttribute("data-state", "waiting");
			expect(page.locator("#conn-text")).containsText("Mất kết nối");
			screenshot(page, "22-connection-lost");
			AxeCheck.assertNoViolations(page, "22-connection-lost");
			tile(page, "113").click();
			expect(page.locator("h1")).hasText("Đang gửi câu trả lời…");
			expect(page.locator("main")).containsText("Câu trả lời sẽ được gửi ngay khi kết nối lại");
			screenshot(page, "23-answer-queued");
			AxeCheck.assertNoViolations(page, "23-answer-queued");

			network.restore();
			expect(page.locator("h1")).hasText("Đã nhận câu trả lời!", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
			expect(page.locator("#conn")).isHidden();
			game.host().nextMatching(f -> "answers".equals(f.path("type").asString()) && f.path("count").asInt() == 1,
					TestSocket.DEFAULT_WAIT, "answers count 1");
			game.command("next");
			game.host().next("closed");
			onScreen(page, "result");
			expect(page.locator(".result-banner")).hasAttribute("data-result", "correct");
			int points = Integer.parseInt(page.locator(".points").getAttribute("data-points"));
			assertThat(points).isPositive();
			assertThat(game.standing("Cô Ba").path("score").asInt()).isEqualTo(points);
		}
	}

	@Test
	void anotherTabTakingTheGameOverIsShownAndTheGameCanContinueHere() {
		Game game = hostGame(singleChoiceQuiz(1, 60), quick());
		Page page = phone();
		joinByPin(page, base(), game.pin(), "Chú Sáu");
		onScreen(page, "lobby");
		String stored = (String) page.evaluate("() => localStorage.getItem('quizfest.player.session')");
		String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored).path("token").asString();
		assertThat(token).hasSizeGreaterThan(20);

		TestSocket other = TestSocket.connect(http, port, "/ws/play");
		sockets.add(other);
		other.send(Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", token));
		other.next("resumed");
		onScreen(page, "replaced");
		expect(page.locator("h1")).hasText("Bạn đang chơi ở nơi khác");
		screenshot(page, "24-replaced");
		AxeCheck.assertNoViolations(page, "24-replaced");
		page.locator("button.primary").click();
		onScreen(page, "lobby");
		assertThat(other.awaitClose(TestSocket.DEFAULT_WAIT)).isEqualTo(4002);
	}

	@Test
	void aPinCheckThatReturnsLatePutsTheTitleInPlaceWithoutReplacingTheForm() {
		Game game = hostGame(singleChoiceQuiz(1, 60), quick());
		Page page = phone();
		java.util.List<com.microsoft.playwright.Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
		// the QR link's PIN check is held back, as on a slow network, while the player types
		page.route("**/api/pins/*", held::add);
		page.navigate(base() + "/join/" + game.pin());
		onScreen(page, "nick");
		page.locator("#nickname").fill("Bác Tư");
		page.evaluate("() => { document.getElementById('nickname').dataset.mark = 'typed'; }");
		page.waitForCondition(() -> !held.isEmpty());
		held.get(0).resume();
		expect(page.locator("#game-title")).hasText(GAME_TITLE);
		// the same input element: a re-render here could eat a tap on "join"
		expect(page.locator("#nickname")).hasAttribute("data-mark", "typed");
		expect(page.locator("#nickname")).hasValue("Bác Tư");
		page.locator("form button[type=submit]").click();
		onScreen(page, "lobby");
	}
}
