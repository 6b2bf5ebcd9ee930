package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Browser tests of the organiser console at /admin/: a laptop (1366 x 768), the projector
 * (1920 x 1080) and the host's phone (360 x 640), all on the embedded server of
 * {@link PlayerPageServer}. Every page also fails the test when the browser reports a script error or a
 * Content-Security-Policy violation.
 */
abstract class AdminConsoleSupport extends PlayerBrowserSupport {

	static final Path ADMIN_SCREENSHOTS = Paths.get("target", "screenshots", "admin");

	final List<String> pageErrors = new CopyOnWriteArrayList<>();

	@BeforeAll
	void screenshotFolder() throws Exception {
		Files.createDirectories(ADMIN_SCREENSHOTS);
	}

	@AfterEach
	void noPageErrors() {
		List<String> errors = List.copyOf(pageErrors);
		pageErrors.clear();
		assertThat(errors).as("script errors and CSP violations in the console").isEmpty();
	}

	/** A laptop browser window, Vietnamese system language, downloads allowed. */
	Page laptop() {
		return window(1366, 768, false);
	}

	/** The projector: a 1920 x 1080 window. */
	Page projector() {
		return window(1920, 1080, false);
	}

	/** The host's phone: 360 x 640 with touch. */
	Page hostPhone() {
		return window(PHONE_WIDTH, PHONE_HEIGHT, true);
	}

	private Page window(int width, int height, boolean mobile) {
		Page page = newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setIsMobile(mobile)
			.setHasTouch(mobile)
			.setDeviceScaleFactor(1)
			.setLocale("vi-VN")
			.setAcceptDownloads(true)).newPage();
		page.onPageError(error -> pageErrors.add("page error: " + error));
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type()) && !message.text().contains("the server responded with a status of")) {
				pageErrors.add("console: " + message.text());
			}
		});
		return page;
	}

	BrowserContext newContext(Browser.NewContextOptions options) {
		BrowserContext context = browser().newContext(options);
		context.setDefaultTimeout(15_000);
		track(context);
		return context;
	}

	/** Opens the console and logs in as the administrator through the login form. */
	void logIn(Page page) {
		logIn(page, "admin", ADMIN_PASSWORD);
	}

	void logIn(Page page, String username, String password) {
		page.navigate(base() + "/admin/#/login");
		onConsole(page, "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#login-form button[type=submit]").click();
		expect(page.locator("#logout")).isVisible();
	}

	/** Waits until the console shows the screen of this route pattern (#main[data-screen]). */
	static void onConsole(Page page, String route) {
		expect(page.locator("#main")).hasAttribute("data-screen", route);
	}

	/** A full-page screenshot under target/screenshots/admin. */
	static void adminScreenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(ADMIN_SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** A screenshot of the viewport only (the presenter is exactly one screen). */
	static void viewportScreenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(ADMIN_SCREENSHOTS.resolve(name + ".png")));
	}
}
