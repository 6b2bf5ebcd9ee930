package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.quizfest.server.ApiClient;

/**
 * An organiser hides a game left behind from "games in progress" and from Results (after a
 * confirmation), finds it again with "show hidden games too" and unhides it; its results stay.
 */
class AdminHideGamesBrowserTest extends AdminConsoleSupport {

	@Test
	void anOrganiserHidesAGameLeftBehindAndFindsItAgainInResults() {
		long question = questions.add(singleChoiceQuiz(1, 20).get(0));
		ApiClient.Response created = admin().post("/api/games",
				Map.of("title", "Trò chơi diễn tập", "questionIds", List.of(question)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String id = created.body().path("id").asString();

		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		Locator row = laptop.locator(".live-list li[data-game='" + id + "']");
		row.locator("[data-hide]").click();
		expect(row).containsText("Kết quả vẫn được giữ");
		AxeCheck.assertNoViolations(laptop, "games in progress, hiding one");
		adminScreenshot(laptop, "host-43-hide-confirm");
		row.locator("[data-hide-confirm]").click();
		toast(laptop, "Đã ẩn trò chơi");
		expect(row).hasCount(0);

		laptop.locator("[data-nav=results]").click();
		onConsole(laptop, "/results");
		Locator result = laptop.locator("#games tr[data-game='" + id + "']");
		expect(laptop.locator("#show-hidden")).isVisible();
		expect(result).hasCount(0);
		laptop.locator("#show-hidden").check();
		expect(result.locator("[data-hidden-badge]")).hasText("Đã ẩn");
		AxeCheck.assertNoViolations(laptop, "results with hidden games");
		adminScreenshot(laptop, "results-03-hidden-shown");
		assertThat(admin().get("/api/games/" + id + "/results").status()).as("results stay").isEqualTo(200);

		result.locator("[data-unhide]").click();
		toast(laptop, "hiện lại");
		laptop.locator("#show-hidden").uncheck();
		expect(result).hasCount(1);
		expect(result.locator("[data-hidden-badge]")).hasCount(0);

		// hidden from Results itself, in English this time
		laptop.locator("#lang-switch").click();
		expect(laptop.locator("label[for], label").filter(new Locator.FilterOptions().setHasText("Show hidden games too")))
			.hasCount(1);
		result.locator("[data-hide]").click();
		expect(result).containsText("Its results are kept.");
		result.locator("[data-hide-confirm]").click();
		toast(laptop, "Game hidden");
		expect(result).hasCount(0);
		assertThat(admin().get("/api/games?includeHidden=true&size=200").body().toString()).contains(id);
	}

	/** A toast with this text (earlier toasts may still be shown). */
	static void toast(Page page, String text) {
		expect(page.locator(".toast", new Page.LocatorOptions().setHasText(text)).first()).isVisible();
	}
}
