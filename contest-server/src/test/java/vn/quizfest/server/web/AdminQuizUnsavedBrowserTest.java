package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * Leaving the quiz builder with a typed title or picked questions asks first, from the menu and from
 * the browser's back button; staying keeps everything; after a save nothing is asked. The save button
 * stays in view while the list grows.
 */
class AdminQuizUnsavedBrowserTest extends AdminBankSupport {

	@Test
	void leavingWithUnsavedChangesAsksFirstAndStayingKeepsThem() {
		Page page = laptop();
		logIn(page);
		page.locator("[data-nav=quizzes]").click();
		onConsole(page, "/quizzes");
		page.locator("#new-quiz").click();
		onConsole(page, "/quizzes/new");
		page.locator("#quiz-title").fill("Rung chuông vàng – chưa lưu");

		List<String> asked = new CopyOnWriteArrayList<>();
		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.dismiss();
		});
		page.locator("[data-nav=host]").click();
		expect(page.locator("#quiz-title")).hasValue("Rung chuông vàng – chưa lưu");
		onConsole(page, "/quizzes/new");
		assertThat(asked).containsExactly("Bộ đề có thay đổi chưa lưu. Rời trang này và bỏ các thay đổi?");
		assertThat(page.url()).endsWith("#/quizzes/new");

		// The browser's back button asks too.
		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.dismiss();
		});
		page.goBack();
		expect(page.locator("#quiz-title")).hasValue("Rung chuông vàng – chưa lưu");
		assertThat(asked).hasSize(2);
		expect(page.locator("#save-quiz")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));

		// Accepting leaves.
		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.accept();
		});
		page.locator("[data-nav=host]").click();
		onConsole(page, "/host");
		assertThat(asked).hasSize(3);
	}

	@Test
	void nothingIsAskedAfterASaveOrWithoutChanges() {
		Page page = laptop();
		logIn(page);
		List<String> asked = new CopyOnWriteArrayList<>();
		page.onDialog(dialog -> {
			asked.add(dialog.message());
			dialog.dismiss();
		});
		page.locator("[data-nav=quizzes]").click();
		onConsole(page, "/quizzes");
		page.locator("#new-quiz").click();
		onConsole(page, "/quizzes/new");
		page.locator("[data-nav=host]").click();
		onConsole(page, "/host");

		page.locator("[data-nav=quizzes]").click();
		onConsole(page, "/quizzes");
		page.locator("#new-quiz").click();
		onConsole(page, "/quizzes/new");
		page.locator("#quiz-title").fill("Bộ đề đã lưu " + System.nanoTime() % 100000);
		page.locator("#save-quiz").click();
		onConsole(page, "/quizzes/:id");
		page.locator("[data-nav=host]").click();
		onConsole(page, "/host");
		assertThat(asked).isEmpty();
	}
}
