package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Refusals a player can meet, each with a clear message from the catalog, and the English switch. */
class PlayerErrorsBrowserTest extends PlayerBrowserSupport {

	static Map<String, Object> quick() {
		return Map.of("previewSeconds", 0, "openLeadMillis", 50);
	}

	@Test
	void aWrongPinIsRefusedOnThePinScreenBeforeTheNicknameWithTheDigitsKept() {
		Game game = hostGame(singleChoiceQuiz(1, 30), quick());
		String wrong = String.format("%06d", (Integer.parseInt(game.pin()) + 500_000) % 1_000_000);
		Page page = phone();
		page.navigate(base() + "/");
		onScreen(page, "pin");
		page.locator("#pin").fill(wrong);
		page.locator("form button[type=submit]").click();
		expect(page.locator("#pin-error")).hasText("Không tìm thấy trò chơi với mã PIN này. Hãy kiểm tra lại mã trên màn hình lớn.");
		onScreen(page, "pin");
		expect(page.locator("#pin")).hasValue(wrong);
		expect(page.locator("#pin")).hasAttribute("aria-invalid", "true");
		screenshot(page, "30-wrong-pin");
		AxeCheck.assertNoViolations(page, "30-wrong-pin");
		page.locator("#pin").fill(game.pin());
		page.locator("form button[type=submit]").click();
		onScreen(page, "nick");
		// The PIN check names the game, so the player knows they are in the right room.
		expect(page.locator("#game-title")).hasText(GAME_TITLE);
		page.locator("#nickname").fill("Bác Hai");
		page.locator("form button[type=submit]").click();
		onScreen(page, "lobby");
	}

	@Test
	void aQrLinkWithAnUnknownPinComesBackToThePinScreen() {
		hostGame(singleChoiceQuiz(1, 30), quick());
		Page page = phone();
		page.navigate(base() + "/join/000001");
		onScreen(page, "pin");
		expect(page.locator("#pin-error")).hasText("Không tìm thấy trò chơi với mã PIN này. Hãy kiểm tra lại mã trên màn hình lớn.");
		expect(page.locator("#pin")).hasValue("000001");
	}

	@Test
	void aTakenNicknameIsRefusedAndAnotherOneJoins() {
		Game game = hostGame(singleChoiceQuiz(1, 30), quick());
		socketPlayer(game.pin(), "Lan");
		Page page = phone();
		joinByPin(page, base(), game.pin(), "lân");
		onScreen(page, "nick");
		expect(page.locator("#nick-error")).hasText("Tên này đã có người dùng. Hãy chọn tên khác, ví dụ thêm họ hoặc số.");
		screenshot(page, "31-nickname-taken");
		AxeCheck.assertNoViolations(page, "31-nickname-taken");
		page.locator("#nickname").fill("Lan Anh");
		page.locator("form button[type=submit]").click();
		onScreen(page, "lobby");
		expect(page.locator(".big-name")).hasText("Lan Anh");
	}

	@Test
	void englishIsOneTapAwayAndStaysAfterAReload() {
		Game game = hostGame(singleChoiceQuiz(1, 30), quick());
		Page page = phone();
		page.navigate(base() + "/");
		onScreen(page, "pin");
		expect(page.locator("#lang")).hasText("English");
		page.locator("#lang").click();
		expect(page.locator("h1")).hasText("Join the contest");
		expect(page.locator("html")).hasAttribute("lang", "en");
		page.reload();
		expect(page.locator("h1")).hasText("Join the contest");
		expect(page.locator("#lang")).hasText("Tiếng Việt");
		joinByPin(page, base(), game.pin(), "Grandpa Tám");
		onScreen(page, "lobby");
		expect(page.locator("h1")).hasText("You're in!");
		expect(page.locator(".count")).hasText("1 player has joined");
		screenshot(page, "32-english-lobby");
		AxeCheck.assertNoViolations(page, "32-english-lobby");

		JsonNode players = game.host().next("players");
		game.host().send(Map.of("type", "kick", "player", players.path("joined").get(0).path("player").asInt()));
		onScreen(page, "kicked");
		expect(page.locator("h1")).hasText("You left the game");
		expect(page.locator("main")).containsText("The organiser removed you from this game.");
		screenshot(page, "33-kicked");
		AxeCheck.assertNoViolations(page, "33-kicked");
		assertThat(page.evaluate("() => localStorage.getItem('quizfest.player.session')")).isNull();
	}
}
