package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The accessibility helper itself: it finds what it promises to find (a mismatch between a button's
 * visible label and its accessible name included), passes a clean page, and runs under the pages'
 * own Content-Security-Policy.
 */
class AxeCheckBrowserTest extends PlayerBrowserSupport {

	@Test
	void aPageWithAMismatchedNameNoLanguageAndAnUnlabelledFieldFails() {
		Page page = phone();
		page.setContent("""
				<!doctype html><html><head><title>Thử</title></head><body><main>
				<h1>Chọn câu hỏi</h1>
				<button type="button" aria-label="Thêm vào bộ đề: Mã OTP là gì?">Đã thêm</button>
				<input type="text">
				<p style="color:#bbb;background:#fff">Chữ quá nhạt trên nền trắng</p>
				</main></body></html>""");

		List<String> violations = AxeCheck.violations(page);

		assertThat(String.join("\n", violations)).contains("label-content-name-mismatch", "html-has-lang", "label",
				"color-contrast");
		assertThatThrownBy(() -> AxeCheck.assertNoViolations(page, "a bad page")).isInstanceOf(AssertionError.class)
			.hasMessageContaining("a bad page")
			.hasMessageContaining("label-content-name-mismatch")
			.hasMessageContaining("button");
	}

	@Test
	void aCleanPagePasses() {
		Page page = phone();
		page.setContent("""
				<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main>
				<h1>Chọn câu hỏi</h1>
				<button type="button" aria-label="Đã thêm: Mã OTP là gì?">Đã thêm</button>
				<label for="q">Tìm câu hỏi</label><input id="q" type="text">
				</main></body></html>""");

		assertThat(AxeCheck.violations(page)).isEmpty();
		AxeCheck.assertNoViolations(page, "a clean page");
	}

	@Test
	void itRunsUnderThePagesContentSecurityPolicy() {
		Page page = phone();
		page.navigate(base() + "/");
		onScreen(page, "pin");

		AxeCheck.assertNoViolations(page, "player PIN screen");
		assertThat(page.evaluate("() => typeof window.axe.run")).isEqualTo("function");
	}
}
