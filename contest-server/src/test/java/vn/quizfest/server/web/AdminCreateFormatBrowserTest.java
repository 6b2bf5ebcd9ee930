package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.ApiClient;

/**
 * The create form's one format selector: classic game, Rung chuông vàng, buzzer rounds, each with its
 * one-line explanation; the settings of the chosen format only; and a game of each format created
 * from the form, read back from the stored settings.
 */
class AdminCreateFormatBrowserTest extends AdminConsoleSupport {

	static final String[] CLASSIC_GROUPS = { "Nhịp trò chơi", "Tính điểm và bảng xếp hạng", "Người chơi", "Thi theo đơn vị" };

	@Test
	void eachChoiceShowsItsOwnSettingsOnly() {
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");

		// Three choices, each named and explained; the classic game is chosen; the button stays in view.
		Locator choices = laptop.locator("#game-format input[name=format]");
		expect(choices).hasCount(3);
		expect(laptop.locator("#format-hosted")).isChecked();
		expect(laptop.locator("#game-format .format-name")).hasText(new String[] { "Trò chơi thường", "Rung chuông vàng",
				"Vòng bấm chuông" });
		expect(laptop.locator("#format-hosted-hint")).hasText("Mọi người trả lời mọi câu; đúng và nhanh thì được nhiều điểm.");
		expect(laptop.locator("#format-elimination-hint")).containsText("Sai hoặc không trả lời là bị loại");
		expect(laptop.locator("#format-buzzer-hint")).containsText("2 đến 8 thí sinh bấm chuông");
		// the accessible name is the format's name, the explanation its description
		expect(laptop.locator("#format-elimination")).hasAccessibleName("Rung chuông vàng");
		expect(laptop.locator("#format-elimination")).hasAccessibleDescription(
				"Sai hoặc không trả lời là bị loại; ai còn trên sàn thi đến câu cuối thì thắng.");
		expect(laptop.locator("#create-submit")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
		expect(laptop.locator("#create-settings")).not().hasAttribute("open", "");
		viewportScreenshot(laptop, "format-01-classic-first-screen");
		AxeCheck.assertNoViolations(laptop, "format-01-classic-first-screen");
		laptop.locator("#create-settings summary").click();
		expect(laptop.locator("#create-settings legend")).hasText(CLASSIC_GROUPS);
		expect(laptop.locator("#elimination-rules")).hasCount(0);
		expect(laptop.locator("#buzzer-form")).hasCount(0);

		// Rung chuông vàng: its rules first, then the classic groups and team play; no buzzer rounds.
		laptop.locator("label[for=format-elimination]").click();
		expect(laptop.locator("#format-elimination")).isChecked();
		expect(laptop.locator("#elimination-rules")).isVisible();
		expect(laptop.locator("#create-settings legend")).hasText(new String[] { "Luật Rung chuông vàng", "Nhịp trò chơi",
				"Tính điểm và bảng xếp hạng", "Người chơi", "Thi theo đơn vị" });
		expect(laptop.locator("#buzzer-form")).hasCount(0);
		adminScreenshot(laptop, "format-02-elimination-settings");
		AxeCheck.assertNoViolations(laptop, "format-02-elimination-settings");
		// folded, the one-line summary starts with the time every question gets
		laptop.locator("#create-settings summary").click();
		expect(laptop.locator("#settings-summary")).containsText("Thời gian mỗi câu (giây): 15 · Thời gian đọc câu hỏi (giây): 3");
		expect(laptop.locator("#create-submit")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
		laptop.locator("#create-settings summary").click();

		// Buzzer rounds: the rounds first, then scoring (the audience's) and players; no reading time, no
		// automatic advance, no team play, no Rung chuông vàng rules.
		laptop.locator("label[for=format-buzzer]").click();
		expect(laptop.locator("#format-buzzer")).isChecked();
		expect(laptop.locator("#buzzer-form")).isVisible();
		expect(laptop.locator("#create-settings legend")).hasText(new String[] { "Vòng bấm chuông (kiểu Olympia)",
				"Tính điểm và bảng xếp hạng", "Người chơi" });
		expect(laptop.locator("#elimination-rules")).hasCount(0);
		expect(laptop.locator("#teams-settings")).hasCount(0);
		expect(laptop.locator("#setting-previewSeconds")).hasCount(0);
		expect(laptop.locator("#setting-autoAdvance")).hasCount(0);
		adminScreenshot(laptop, "format-03-buzzer-settings");
		AxeCheck.assertNoViolations(laptop, "format-03-buzzer-settings");
		// folded, the one-line summary names only the settings this format uses
		laptop.locator("#create-settings summary").click();
		expect(laptop.locator("#settings-summary")).containsText("Tăng tốc: 4");
		expect(laptop.locator("#settings-summary")).containsText("Số người chơi tối đa: 20.000");
		expect(laptop.locator("#settings-summary")).not().containsText("Thời gian đọc câu hỏi");
		expect(laptop.locator("#create-submit")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));

		// Back to the classic game: the classic settings only, as at first.
		laptop.locator("label[for=format-hosted]").click();
		expect(laptop.locator("#settings-summary")).containsText("Thời gian đọc câu hỏi (giây): 3");
		laptop.locator("#create-settings summary").click();
		expect(laptop.locator("#create-settings legend")).hasText(CLASSIC_GROUPS);

		// English: the same choices in the en catalog.
		laptop.locator("#lang-switch").click();
		expect(laptop.locator("#game-format legend")).hasText("Format");
		expect(laptop.locator("#game-format .format-name")).hasText(new String[] { "Classic game", "Rung chuông vàng",
				"Buzzer rounds" });
		expect(laptop.locator("#format-buzzer-hint")).hasText("2 to 8 contestants buzz to answer, Olympia-style; the audience plays along.");
		AxeCheck.assertNoViolations(laptop, "format-04-english");
	}

	@Test
	void aGameOfEachFormatIsCreatedFromTheFormWithTheSettingsOfItsFormatOnly() {
		String tag = "hình thức " + UUID.randomUUID().toString().substring(0, 8);
		long bank = bank();
		for (int i = 1; i <= 3; i++) {
			questions.add(question(bank, QuestionType.SINGLE_CHOICE, "Câu " + i + " " + tag + ": VNeID do cơ quan nào phát triển?",
					List.of("Bộ Công an", "Bộ Y tế"), AnswerKey.options(List.of(0)), 20));
		}
		Page laptop = laptop();
		logIn(laptop);

		// The classic game, with team play switched on: the stored game is HOSTED with its units.
		JsonNode classic = create(laptop, tag, "Đố vui thôn Đông", "format-hosted", () -> {
			laptop.locator("#create-settings summary").click();
			laptop.locator("#teams-on").check();
			laptop.locator("#teams-units").fill("10A1 | Lớp 10A1\n10A2 | Lớp 10A2");
		});
		assertThat(classic.path("format").asString()).isEqualTo("HOSTED");
		assertThat(classic.path("teams").path("units")).hasSize(2);
		assertThat(classic.path("elimination").isMissingNode() || classic.path("elimination").isNull()).isTrue();
		assertThat(classic.path("buzzer").isMissingNode() || classic.path("buzzer").isNull()).isTrue();

		// Rung chuông vàng with its time per question and a rescue question.
		JsonNode elimination = create(laptop, tag, "Rung chuông vàng trường Tân Hòa", "format-elimination", () -> {
			laptop.locator("#elim-seconds").fill("12");
			laptop.locator("#elim-rescue").fill("2");
		});
		assertThat(elimination.path("format").asString()).isEqualTo("ELIMINATION");
		assertThat(elimination.path("elimination").path("secondsPerQuestion").asInt()).isEqualTo(12);
		assertThat(elimination.path("elimination").path("rescueQuestions").get(0).asInt()).isEqualTo(2);
		assertThat(elimination.path("buzzer").isMissingNode() || elimination.path("buzzer").isNull()).isTrue();

		// Buzzer rounds: team play was ticked for another format and is left out; the rounds must add up
		// to the game's three questions, which the form says before asking the server.
		JsonNode buzzer = create(laptop, tag, "Đường lên đỉnh Tân Hòa", "format-buzzer", () -> {
			laptop.locator("label[for=format-hosted]").click();
			laptop.locator("#teams-on").check();
			laptop.locator("#teams-units").fill("10A1 | Lớp 10A1");
			laptop.locator("label[for=format-buzzer]").click();
			laptop.locator("#create-submit").click();
			expect(laptop.locator(".error-box")).containsText("Các vòng bấm chuông có tổng 4 câu, nhưng trò chơi có 3 câu");
			laptop.locator("#buzzer-ACCELERATION").fill("2");
			laptop.locator("#buzzer-WARMUP_COMMON").fill("300");
			laptop.locator("#create-submit").click();
			expect(laptop.locator(".error-box")).containsText("Số câu của mỗi vòng bấm chuông là số nguyên từ 0 đến 200.");
			laptop.locator("#buzzer-WARMUP_COMMON").fill("1");
		});
		assertThat(buzzer.path("format").asString()).isEqualTo("BUZZER");
		List<String> rounds = new ArrayList<>();
		buzzer.path("buzzer").path("rounds").forEach(r -> rounds.add(r.path("kind").asString() + "=" + r.path("questions").asInt()));
		assertThat(rounds).containsExactly("WARMUP_COMMON=1", "ACCELERATION=2");
		assertThat(buzzer.path("teams").isMissingNode() || buzzer.path("teams").isNull()).isTrue();
		assertThat(buzzer.path("elimination").isMissingNode() || buzzer.path("elimination").isNull()).isTrue();
	}

	/**
	 * Fills the form with the three tagged questions, the title and the format (by its tile), runs the
	 * format's own steps, creates the game and returns its stored settings.
	 */
	JsonNode create(Page laptop, String tag, String title, String format, Runnable steps) {
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		laptop.locator("input[name=source][value=questions]").check();
		laptop.locator("#game-title").fill(title);
		laptop.locator("#question-search").fill(tag);
		laptop.locator("#question-search-go").click();
		Locator found = laptop.locator(".found input[type=checkbox]");
		expect(found).hasCount(3);
		for (int i = 0; i < 3; i++) {
			found.nth(i).check();
		}
		laptop.locator("label[for=" + format + "]").click();
		expect(laptop.locator("#" + format)).isChecked();
		steps.run();
		laptop.locator("#create-submit").click();
		onConsole(laptop, "/games/:id/run");
		String gameId = laptop.url().replaceAll(".*#/games/([^/]+)/run.*", "$1");
		ApiClient organiser = admin();
		for (JsonNode item : organiser.get("/api/games?size=200").body().path("games")) {
			if (item.path("game").path("id").asString().equals(gameId)) {
				assertThat(item.path("game").path("title").asString()).isEqualTo(title);
				assertThat(item.path("game").path("questionCount").asInt()).isEqualTo(3);
				return JsonMapper.builder().build().readTree(item.path("game").path("settingsJson").asString());
			}
		}
		throw new AssertionError("game " + gameId + " not listed");
	}
}
