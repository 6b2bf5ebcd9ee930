package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/** The quiz builder: picking from the bank, ordering, drawing by quotas, saving, the host link. */
class AdminQuizBuilderBrowserTest extends AdminBankSupport {

	@Test
	void aQuizIsBuiltByPickingAndByDrawingWithQuotasAndSaved() {
		ApiClient admin = admin();
		long n = System.nanoTime() % 100000;
		String marker = "Tân Hòa " + n;
		long bankId = createBank(admin, "Ngân hàng bộ đề " + n);
		List<Long> vneid = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			vneid.add(createQuestion(admin, bankId, marker + " – câu VNeID số " + i, "VNEID", 1, "PUBLISHED"));
		}
		List<Long> scams = new ArrayList<>();
		for (int i = 1; i <= 2; i++) {
			scams.add(createQuestion(admin, bankId, marker + " – câu lừa đảo số " + i, "SCAMS_CYBER_SAFETY", 2, "PUBLISHED"));
		}

		Page page = laptop();
		logIn(page);
		page.locator("[data-nav=quizzes]").click();
		onConsole(page, "/quizzes");
		page.locator("#new-quiz").click();
		onConsole(page, "/quizzes/new");
		page.locator("#quiz-title").fill("Rung chuông vàng – vòng loại xã Tân Hòa");
		page.locator("#quiz-description").fill("Vòng loại dành cho các chi hội");

		// pick: the scam questions, then swap their order
		page.locator("#pick-q").fill("tan hoa " + n + " lua dao");
		page.locator("#pick-search").click();
		Locator found = page.locator("#pick-results li");
		expect(found).hasCount(2);
		found.nth(0).locator("[data-add]").click();
		found.nth(1).locator("[data-add]").click();
		expect(found.nth(0).locator("[data-add]")).isDisabled();
		// the accessible name starts with the visible label (WCAG 2.5.3), then names the question
		expect(found.nth(0).locator("[data-add]")).hasText("Đã thêm");
		expect(found.nth(0).locator("[data-add]")).hasAttribute("aria-label", java.util.regex.Pattern.compile("^Đã thêm: .+"));
		AxeCheck.assertNoViolations(page, "quiz builder picker with added questions");
		Locator chosen = page.locator("#quiz-questions li");
		expect(chosen).hasCount(2);
		chosen.nth(1).locator("[data-move=up]").click();
		expect(chosen.nth(0)).containsText("câu lừa đảo số 2");
		expect(page.locator("#chosen-count")).containsText("2 câu");

		// draw: more than the bank has is refused with the server's words, then a quota that fits
		page.locator("#tab-draw").click();
		page.locator("#quota-topic-0").selectOption("VNEID");
		page.locator("#quota-difficulty-0").selectOption("1");
		page.locator("#quota-count-0").fill("5");
		page.locator("#draw-bank").selectOption(Long.toString(bankId));
		page.locator("#draw-submit").click();
		expect(page.locator(".quiz-source .error-box")).containsText("cần 5 câu nhưng chỉ có 3 câu");
		page.locator("#quota-count-0").fill("2");
		page.locator("#draw-submit").click();
		Locator drawn = page.locator("#drawn-questions li");
		expect(drawn).hasCount(2);
		expect(page.locator("#drawn h3")).containsText("mã bốc thăm");
		String seed = page.locator("#draw-seed").inputValue();
		assertThat(seed).matches("\\d{1,9}");
		adminScreenshot(page, "quiz-02-drawn");
		AxeCheck.assertNoViolations(page, "quiz-02-drawn");
		List<Long> drawnIds = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			drawnIds.add(Long.parseLong(drawn.nth(i).getAttribute("data-id")));
		}
		assertThat(vneid).containsAll(drawnIds);
		page.locator("#drawn-add").click();
		expect(chosen).hasCount(4);

		// game settings: out of range is refused before anything is sent
		page.locator("#quiz-settings summary").click();
		page.locator("#setting-leaderboardSize").fill("51");
		page.locator("#save-quiz").click();
		expect(page.locator(".error-box").first()).containsText("phải từ 1 đến 50");
		expect(page.locator("#setting-leaderboardSize")).hasAttribute("aria-invalid", "true");
		page.locator("#setting-leaderboardSize").fill("10");
		page.locator("#setting-autoAdvance").check();

		page.locator("#quiz-title").fill(" ");
		page.locator("#save-quiz").click();
		expect(page.locator(".problem-fields")).containsText("tên");
		page.locator("#quiz-title").fill("Rung chuông vàng – vòng loại xã Tân Hòa");
		page.locator("#save-quiz").click();
		onConsole(page, "/quizzes/:id");
		toast(page, "Đã lưu bộ đề");
		String quizId = page.url().replaceAll(".*/quizzes/", "");
		expect(chosen).hasCount(4);
		expect(page.locator("#quiz-settings")).hasAttribute("open", "");
		expect(page.locator("#setting-leaderboardSize")).hasValue("10");
		expect(page.locator("#setting-autoAdvance")).isChecked();
		adminScreenshot(page, "quiz-03-saved");
		AxeCheck.assertNoViolations(page, "quiz-03-saved");
		JsonNode quiz = admin.get("/api/quizzes/" + quizId).body();
		assertThat(quiz.path("title").asString()).isEqualTo("Rung chuông vàng – vòng loại xã Tân Hòa");
		List<Long> ids = new ArrayList<>();
		quiz.path("questions").forEach(q -> ids.add(q.path("id").asLong()));
		List<Long> expected = new ArrayList<>(List.of(scams.get(1), scams.get(0)));
		expected.addAll(drawnIds);
		assertThat(ids).isEqualTo(expected);
		assertThat(quiz.path("settings").toString()).as("only what differs from the defaults")
			.isEqualTo("{\"leaderboardSize\":10,\"autoAdvance\":true}");

		// the same code draws the same questions again
		page.locator("#tab-draw").click();
		page.locator("#draw-seed").fill(seed);
		page.locator("#quota-topic-0").selectOption("VNEID");
		page.locator("#quota-difficulty-0").selectOption("1");
		page.locator("#quota-count-0").fill("2");
		page.locator("#draw-bank").selectOption(Long.toString(bankId));
		page.locator("#draw-submit").click();
		expect(drawn.nth(0)).hasAttribute("data-id", drawnIds.get(0).toString());
		expect(drawn.nth(1)).hasAttribute("data-id", drawnIds.get(1).toString());
		expect(drawn.nth(0).locator(".badge")).hasText("đã có trong bộ đề");

		// removing a question and saving again goes through PUT with the version
		chosen.nth(0).locator("[data-remove]").click();
		page.locator("#save-quiz").click();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> admin.get("/api/quizzes/" + quizId).body().path("questions").size() == 3);
		expect(chosen).hasCount(3);
		assertThat(admin.get("/api/quizzes/" + quizId).body().path("settings").path("leaderboardSize").asInt()).isEqualTo(10);

		// the create form starts from the quiz's settings
		page.locator("#host-quiz").click();
		assertThat(page.url()).endsWith("#/host?quiz=" + quizId);
		onConsole(page, "/host");
		expect(page.locator("#setting-leaderboardSize")).hasValue("10");
		expect(page.locator("#setting-autoAdvance")).isChecked();

		// a question the quiz uses cannot be deleted, and the editor says why
		page.navigate(base() + "/admin/#/questions/" + scams.get(0));
		onConsole(page, "/questions/:id");
		page.locator("#delete-question").click();
		page.locator("#confirm-delete").click();
		expect(page.locator(".error-box")).containsText("bộ đề số " + quizId + " đang dùng");
		assertThat(admin.get("/api/questions/" + scams.get(0)).status()).isEqualTo(200);

		page.navigate(base() + "/admin/#/quizzes");
		onConsole(page, "/quizzes");
		expect(page.locator("#quiz-table tr[data-id='" + quizId + "']")).containsText("Rung chuông vàng – vòng loại xã Tân Hòa");
		adminScreenshot(page, "quiz-01-list");
		AxeCheck.assertNoViolations(page, "quiz-01-list");
	}
}
