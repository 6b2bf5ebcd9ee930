package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * The phone's join screen asks for the số báo danh where the organiser's list gives numbers (Rung
 * chuông vàng with a list): the PIN check says so, the page asks for the number in plain words with a
 * large box, and the number joins. Without the PIN check's answer, the server's refusal turns the page
 * to the number. A Rung chuông vàng game without a list and a classic game keep the nickname.
 */
class PlayerNumberJoinBrowserTest extends PlayerBrowserSupport {

	static final LocatorAssertions.IsInViewportOptions WHOLLY = new LocatorAssertions.IsInViewportOptions().setRatio(1);

	Game numberedGame() {
		return hostGame(singleChoiceQuiz(2, 20), Map.of("format", "ELIMINATION", "elimination", Map.of("numbers",
				List.of(Map.of("number", "A01", "name", "Nguyễn Văn An"), Map.of("number", "A02", "name", "Trần Thị Bình")))));
	}

	@Test
	void aGameWithTheOrganisersListAsksForTheNumberAndTheNumberJoins() {
		Game game = numberedGame();
		Page an = phone();
		an.navigate(base() + "/");
		onScreen(an, "pin");
		an.locator("#pin").fill(game.pin());
		an.locator("form button[type=submit]").click();
		onScreen(an, "nick");
		expect(an.locator("h1")).hasText("Số báo danh của bạn");
		expect(an.locator("#number-lead")).hasText("Trò chơi Rung chuông vàng này dùng số báo danh thay cho tên.");
		expect(an.locator("label[for=number]")).hasText("Số báo danh");
		expect(an.locator("#number")).hasAccessibleName("Số báo danh");
		expect(an.locator("#number")).hasAccessibleDescription("Số ghi trên thẻ dự thi, hoặc số ban tổ chức đã đưa cho bạn.");
		assertThat(an.locator("#nickname").count()).as("no nickname box").isZero();
		// The box and the button fit the first screen of a 360 x 640 phone, as large targets.
		expect(an.locator("#number")).isInViewport(WHOLLY);
		expect(an.locator("form button[type=submit]")).isInViewport(WHOLLY);
		expect(an.locator("form button[type=submit]")).hasText("Vào trò chơi");
		screenshot(an, "number-01-join");
		AxeCheck.assertNoViolations(an, "number-01-join");

		// Nothing typed; then a number not on the list: each says what to do.
		an.locator("form button[type=submit]").click();
		expect(an.locator("#number-error")).hasText("Vui lòng nhập số báo danh của bạn.");
		an.locator("#number").fill("A09");
		an.locator("form button[type=submit]").click();
		expect(an.locator("#number-error")).hasText(
				"Số báo danh này không có trong danh sách của ban tổ chức. Hãy xem lại số trên thẻ dự thi, hoặc hỏi ban tổ chức.");
		expect(an.locator("#number")).hasAttribute("aria-invalid", "true");
		expect(an.locator("#number")).hasValue("A09");
		screenshot(an, "number-02-unknown");
		AxeCheck.assertNoViolations(an, "number-02-unknown");

		// Typed in small letters with spaces: the server matches the listed number.
		an.locator("#number").fill(" a01 ");
		an.locator("form button[type=submit]").click();
		onScreen(an, "lobby");
		expect(an.locator(".big-name")).hasText("A01");
		expect(an.locator("#elim")).containsText("Số báo danh A01 · Nguyễn Văn An");

		// A second phone by the QR link: the number screen too; a number already in the game is refused.
		Page binh = phone();
		binh.navigate(base() + "/join/" + game.pin());
		onScreen(binh, "nick");
		expect(binh.locator("#number")).isVisible();
		binh.locator("#number").fill("A01");
		binh.locator("form button[type=submit]").click();
		expect(binh.locator("#number-error")).hasText("Số báo danh này đã có người vào trò chơi. Nếu đó là số của bạn, hãy báo ban tổ chức.");
		binh.locator("#number").fill("A02");
		binh.locator("form button[type=submit]").click();
		onScreen(binh, "lobby");
		expect(binh.locator("#elim")).containsText("Số báo danh A02 · Trần Thị Bình");
		expect(an.locator(".count")).hasAttribute("data-count", "2");
	}

	@Test
	void withoutThePinChecksAnswerTheRefusalTurnsThePageToTheNumber() {
		Game game = numberedGame();
		Page phone = phone();
		// The PIN check does not answer (a network that drops it): the page goes on to the nickname.
		phone.route("**/api/pins/**", route -> route.abort());
		phone.navigate(base() + "/");
		phone.locator("#pin").fill(game.pin());
		phone.locator("form button[type=submit]").click();
		onScreen(phone, "nick");
		expect(phone.locator("#nickname")).isVisible();
		phone.locator("#nickname").fill("Lan");
		phone.locator("form button[type=submit]").click();
		expect(phone.locator("#number")).isVisible();
		expect(phone.locator("#number-error")).hasText("Trò chơi này dùng số báo danh thay cho tên. Hãy nhập số báo danh của bạn.");
		expect(phone.locator("#number")).hasValue(""); // the name typed before is not a number
		screenshot(phone, "number-03-turned");
		phone.locator("#number").fill("A02");
		phone.locator("form button[type=submit]").click();
		onScreen(phone, "lobby");
		expect(phone.locator("#elim")).containsText("Số báo danh A02");
	}

	@Test
	void rungChuongVangWithoutAListAndTheClassicGameKeepTheNickname() {
		Game numbersInJoinOrder = hostGame(singleChoiceQuiz(2, 20), Map.of("format", "ELIMINATION"));
		Page lan = phone();
		lan.navigate(base() + "/join/" + numbersInJoinOrder.pin());
		onScreen(lan, "nick");
		expect(lan.locator("#number-note")).hasText("Rung chuông vàng: khi vào trò chơi, bạn sẽ nhận một số báo danh.");
		expect(lan.locator("h1")).hasText("Tên của bạn");
		assertThat(lan.locator("#number").count()).isZero();
		screenshot(lan, "number-04-nickname-rcv");
		AxeCheck.assertNoViolations(lan, "number-04-nickname-rcv");
		lan.locator("#nickname").fill("Lan");
		lan.locator("form button[type=submit]").click();
		onScreen(lan, "lobby");
		expect(lan.locator("#elim")).containsText("Số báo danh 1");

		Game classic = hostGame(singleChoiceQuiz(1, 20), Map.of());
		Page minh = phone();
		minh.navigate(base() + "/");
		minh.locator("#pin").fill(classic.pin());
		minh.locator("form button[type=submit]").click();
		onScreen(minh, "nick");
		expect(minh.locator("#game-title")).hasText(GAME_TITLE);
		expect(minh.locator("#nickname")).isVisible();
		assertThat(minh.locator("#number-note").count()).isZero();
		assertThat(minh.locator("#number").count()).isZero();
	}

	@Test
	void theNumberScreenSpeaksEnglishToo() {
		Game game = numberedGame();
		Page phone = phone();
		phone.navigate(base() + "/join/" + game.pin());
		onScreen(phone, "nick");
		expect(phone.locator("#number")).isVisible();
		phone.locator("#lang").click();
		expect(phone.locator("h1")).hasText("Your number");
		expect(phone.locator("#number-lead")).hasText("This Rung chuông vàng game uses your number instead of a name.");
		expect(phone.locator("form button[type=submit]")).hasText("Join the game");
		phone.locator("#number").fill("B77");
		phone.locator("form button[type=submit]").click();
		expect(phone.locator("#number-error")).hasText("This number is not on the organiser's list. Check the number on your badge, or ask the organiser.");
		screenshot(phone, "number-05-english");
		AxeCheck.assertNoViolations(phone, "number-05-english");
	}
}
