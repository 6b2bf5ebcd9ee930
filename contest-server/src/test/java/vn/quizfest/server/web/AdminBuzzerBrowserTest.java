package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.TestSocket;

/**
 * A buzzer game in real browsers: the host seats two contestants from the phone controls; a
 * contestant's phone is one big buzzer (Vietnamese first, English on the switch), pressed a moment
 * after the other contestant's, so the 1920 x 1080 presenter shows both presses in order with the
 * time behind; the first presser is marked wrong, the buzzers reopen, the phone's contestant wins the
 * floor and answers on the phone; the presenter shows the score. An audience phone plays along on the
 * classic question screen.
 */
class AdminBuzzerBrowserTest extends AdminConsoleSupport {

	static final String HOA = "Lê Thị Hoa";

	static final String BAO = "Võ Quốc Bảo";

	static final String KHAN_GIA = "Khán giả Tâm";

	@Test
	void aContestantsPhoneIsABuzzerAndThePresenterShowsWhoPressedFirst() {
		ApiClient organiser = admin();
		long bankId = bank();
		List<Long> ids = new ArrayList<>();
		ids.add(questions.add(question(bankId, QuestionType.SINGLE_CHOICE, "Số điện thoại khẩn cấp của Công an là số nào?",
				List.of("113", "114", "115", "116"), AnswerKey.options(List.of(0)), 30)));
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("format", "BUZZER");
		settings.put("buzzer", Map.of("pressWindowMillis", 5_000, "answerSeconds", 60));
		ApiClient.Response created = organiser.post("/api/games",
				Map.of("title", GAME_TITLE, "questionIds", ids, "settings", settings));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String gameId = created.body().path("id").asString();
		String pin = created.body().path("pin").asString();
		String token = created.body().path("hostToken").asString();

		Page presenter = projector();
		presenter.navigate(base() + "/admin/#/present/" + gameId + "?t=" + token);
		onConsole(presenter, "/present/:id");
		Page control = hostPhone();
		control.navigate(base() + "/admin/#/control/" + gameId + "?t=" + token);
		onConsole(control, "/control/:id");
		expect(control.locator("#buzzer-controls-title")).hasText("Vòng bấm chuông");

		Page hoa = phone();
		joinByPin(hoa, base(), pin, HOA);
		onScreen(hoa, "lobby");
		TestSocket bao = socketPlayer(pin, BAO);
		Page audience = phone();
		joinByPin(audience, base(), pin, KHAN_GIA);
		onScreen(audience, "lobby");

		// --- the host seats the two contestants from the phone controls
		seat(control, HOA);
		expect(hoa.locator("#buzzer-status")).hasText("Bạn là thí sinh. Chờ người dẫn chương trình bắt đầu.");
		seat(control, BAO);
		expect(presenter.locator(".buzzer-seat")).hasCount(2);
		checkedPhone(control, "buzzer-10-control-seated");

		// --- the question shows, the buzzers open
		control.locator("#ctl-next").click();
		expect(presenter.locator("#buzzer-stage")).hasAttribute("data-stage", "SHOWN");
		expect(hoa.locator("#buzzer-status")).hasText("Chuẩn bị: chuông sắp mở.");
		expect(hoa.locator("#buzzer-button")).isDisabled();
		control.locator("#ctl-next").click();
		expect(presenter.locator("#buzzer-stage")).hasAttribute("data-stage", "ARMED");
		Locator button = hoa.locator("#buzzer-button");
		expect(button).isEnabled();
		expect(button).hasText("BẤM CHUÔNG");
		Number size = (Number) hoa.evaluate("() => document.getElementById('buzzer-button').getBoundingClientRect().width");
		assertThat(size.doubleValue()).as("the buzzer fills most of a 360 px phone").isGreaterThan(250);
		screenshot(hoa, "buzzer-01-armed");

		// --- Bảo presses first (a socket), Hoa a moment later on the page: both in order, with the time behind
		bao.send(Map.of("type", "buzz"));
		bao.next("buzzed");
		button.click();
		expect(presenter.locator("#buzzer-presses li")).hasCount(2);
		expect(presenter.locator("#buzzer-presses li").first()).containsText(BAO);
		expect(presenter.locator("#buzzer-presses li").first()).containsText("bấm đầu tiên");
		expect(presenter.locator("#buzzer-presses li").nth(1)).containsText(HOA);
		expect(presenter.locator("#buzzer-presses li").nth(1).locator(".press-behind")).hasText(Pattern.compile("^\\+[\\d.]+ ms$"));
		expect(presenter.locator(".buzzer-seat.floor")).containsText(BAO);
		expect(hoa.locator("#buzzer-status")).hasText(BAO + " giành quyền trả lời.");
		expect(hoa.locator(".buzzer-presses li")).hasCount(2);
		viewportScreenshot(presenter, "buzzer-20-present-presses");
		screenshot(hoa, "buzzer-02-other-has-the-floor");

		// --- the audience plays along on the classic screen
		onScreen(audience, "open");
		tile(audience, "113").click();
		onScreen(audience, "answered");

		// --- wrong: the buzzers reopen for Hoa alone; she wins the floor and answers on the phone
		control.locator("#ctl-wrong").click();
		expect(presenter.locator("#buzzer-last")).containsText(BAO + " trả lời sai");
		expect(button).isEnabled();
		expect(hoa.locator("#buzzer-status")).hasText("Chuông đã mở: bấm ngay!");
		button.click();
		expect(hoa.locator("#buzzer-status")).hasText("Bạn giành quyền trả lời! Trả lời ngay.");
		expect(presenter.locator(".buzzer-seat.floor")).containsText(HOA);
		screenshot(hoa, "buzzer-03-floor");
		tile(hoa, "113").click();
		expect(presenter.locator("#buzzer-last")).containsText(HOA + " trả lời đúng (+10)");
		expect(presenter.locator(".buzzer-seat").filter(new Locator.FilterOptions().setHasText(HOA)))
			.hasAttribute("data-score", "10");
		expect(hoa.locator(".buzzer-score")).hasText("Điểm: 10");
		viewportScreenshot(presenter, "buzzer-21-present-judged");

		// --- English on the switch
		hoa.locator("#lang").click();
		expect(hoa.locator("#buzzer-status")).hasText("You: right (+10).");
		expect(hoa.locator(".buzzer-score")).hasText("Score: 10");
		screenshot(hoa, "buzzer-04-judged-en");
		JsonNode view = organiser.get("/api/games/" + gameId).body();
		assertThat(view.path("phase").asString()).isEqualTo("CLOSED");

		// --- the results page: the contestants' own table (written after each change on stage), the audience apart
		awaitStage(organiser, gameId);
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/results/" + gameId);
		onConsole(laptop, "/results/:id");
		Locator rows = laptop.locator("#contestants-table tr.contestant-row");
		expect(rows).hasCount(2);
		expect(rows.first()).containsText(HOA);
		Locator hoaRow = rows.filter(new Locator.FilterOptions().setHasText(HOA));
		expect(hoaRow.locator(".rank")).hasText("1");
		expect(hoaRow.locator(".score")).hasText("10");
		expect(hoaRow.locator(".warmup")).hasText("10");
		// Hoa pressed inside the window after Bảo's press, then again when the buzzers reopened.
		expect(hoaRow.locator(".presses")).hasText("2");
		expect(hoaRow.locator(".right")).hasText("1");
		expect(hoaRow.locator(".wrong")).hasText("0");
		Locator baoRow = rows.filter(new Locator.FilterOptions().setHasText(BAO));
		expect(baoRow.locator(".score")).hasText("0");
		expect(baoRow.locator(".presses")).hasText("1");
		expect(baoRow.locator(".wrong")).hasText("1");
		expect(baoRow.locator(".star")).hasText("–");
		expect(laptop.locator("#contestants-heading")).hasText("Thí sinh");
		expect(laptop.locator("#players-heading")).hasText("Khán giả");
		expect(laptop.locator("#players-table tr.player-row")).hasCount(1);
		expect(laptop.locator("#players-table tr.player-row")).containsText(KHAN_GIA);
		adminScreenshot(laptop, "buzzer-30-results");
	}

	/** The contestants' figures are written behind the game: wait (bounded) until both are stored. */
	private static void awaitStage(ApiClient organiser, String gameId) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
		JsonNode stage = null;
		while (System.nanoTime() < deadline) {
			stage = organiser.get("/api/games/" + gameId + "/results").body().path("buzzer").path("contestants");
			if (stage.size() == 2 && stage.get(0).path("score").asLong() == 10) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("the contestants' figures were not stored within 15 s: " + stage);
	}

	private void seat(Page control, String nickname) {
		control.locator("#buzzer-seating li").filter(new Locator.FilterOptions().setHasText(nickname))
			.locator("button.seat").click();
		expect(control.locator("#buzzer-seating li").filter(new Locator.FilterOptions().setHasText(nickname))
			.locator("button.unseat")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
	}

	/** A screenshot of the host's phone after the 48 px and no-scroll checks. */
	private static void checkedPhone(Page page, String name) {
		checkPhoneLayout(page, name);
		adminScreenshot(page, name);
	}
}
