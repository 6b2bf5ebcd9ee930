package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The System screen: an administrator sees this node's live figures and their charts, in both languages. */
class AdminSystemBrowserTest extends AdminConsoleSupport {

	@Test
	void anAdministratorWatchesPlayersJoinAndAnswerOnTheSystemScreen() {
		Game game = hostGame(singleChoiceQuiz(1, 30), Map.of("previewSeconds", 0));
		Page page = laptop();
		logIn(page);
		page.locator("[data-nav=system]").click();
		onConsole(page, "/system");
		expect(page.locator("h1")).hasText("Hệ thống");
		expect(page.locator("#fact-players")).hasText("0");

		var first = socketPlayer(game.pin(), "Chị Mai");
		var second = socketPlayer(game.pin(), "Anh Tuấn");
		// Refreshed every 2 s: the two phones show within the assertion's deadline.
		expect(page.locator("#fact-players")).hasText("2");
		expect(page.locator("#fact-games")).not().hasText("0");
		game.command("next");
		for (var player : java.util.List.of(first, second)) {
			player.next("open");
			player.send(Map.of("type", "answer", "q", 0, "choice", 0));
			assertThat(player.next("ack").path("accepted").asBoolean()).isTrue();
		}
		// Two acks measured: the next reading shows a p99 above zero (two decimals: tens of microseconds show).
		expect(page.locator("#fact-ack")).hasText(java.util.regex.Pattern.compile("^p50 [0-9,.]+ ms, p99 (?!0,00 )[0-9,.]+ ms$"));
		expect(page.locator("#fact-answers")).hasText(java.util.regex.Pattern.compile("^(?!0,0 nhận)[0-9,.]+ nhận, 0,0 từ chối$"));
		expect(page.locator("#fact-heap")).containsText("MB");
		expect(page.locator("#fact-results")).containsText("bản ghi");
		for (String chart : new String[] { "players", "rates", "latency", "heap" }) {
			expect(page.locator("#chart-" + chart)).isVisible();
		}
		// The menu and the account links still fit one line of the laptop.
		double menuTop = page.locator("[data-nav=system]").boundingBox().y;
		assertThat(page.locator("#logout").boundingBox().y).isBetween(menuTop - 20, menuTop + 20);
		adminScreenshot(page, "system-01-live");

		page.locator("#lang-switch").click();
		expect(page.locator("h1")).hasText("System");
		expect(page.locator("#fact-results")).containsText("records");
		expect(page.locator("[data-nav=system]")).hasText("System");
		adminScreenshot(page, "system-02-english");
	}
}
