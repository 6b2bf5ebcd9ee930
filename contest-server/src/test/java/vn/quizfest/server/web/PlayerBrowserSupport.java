package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One headless Chromium (from the OS packages, never downloaded) per test class, and a fresh phone
 * (a browser context of 360 x 640 CSS pixels with touch) per player. A missing Chromium fails the
 * tests with the command that installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlayerBrowserSupport extends PlayerPageServer {

	/** Where Chromium is: QUIZFEST_CHROMIUM, by default the Debian package's /usr/bin/chromium. */
	static final String CHROMIUM_SETTING = "QUIZFEST_CHROMIUM";

	static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

	static final int PHONE_WIDTH = 360;

	static final int PHONE_HEIGHT = 640;

	static final Path SCREENSHOTS = Paths.get("target", "screenshots", "player");

	private Playwright playwright;

	private Browser browser;

	private final List<BrowserContext> contexts = new ArrayList<>();

	static Path chromium() {
		String setting = System.getenv(CHROMIUM_SETTING);
		Path path = Paths.get(setting == null || setting.isBlank() ? DEFAULT_CHROMIUM : setting);
		if (!Files.isExecutable(path)) {
			throw new AssertionError("Chromium is missing at " + path + ". Install it from the OS packages "
					+ "(Debian/Ubuntu: sudo apt-get install -y chromium; scripts/test.sh does this when run as root) "
					+ "or point " + CHROMIUM_SETTING + " at a Chromium or Chrome binary.");
		}
		return path;
	}

	@BeforeAll
	void startBrowser() throws Exception {
		Path executable = chromium();
		Files.createDirectories(SCREENSHOTS);
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--no-first-run", "--disable-sync",
						"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")));
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	@AfterEach
	void closePhones() {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	Browser browser() {
		return browser;
	}

	/** Closes this context after the test. */
	void track(BrowserContext context) {
		contexts.add(context);
	}

	/** A new phone: its own storage, 360 x 640, touch, Vietnamese system language. */
	Page phone() {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setLocale("vi-VN"));
		context.setDefaultTimeout(15_000);
		contexts.add(context);
		return context.newPage();
	}

	static LocatorAssertions expect(Locator locator) {
		return PlaywrightAssertions.assertThat(locator);
	}

	/** Waits until the page shows the named screen (main[data-screen]). */
	static void onScreen(Page page, String screen) {
		expect(page.locator("#screen")).hasAttribute("data-screen", screen);
	}

	/** A full-page screenshot under target/screenshots/player, after checking the phone rules. */
	static void screenshot(Page page, String name) {
		checkPhoneLayout(page, name);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** No horizontal scrolling at 360 px, and every visible control at least 48 x 48 CSS pixels. */
	@SuppressWarnings("unchecked")
	static void checkPhoneLayout(Page page, String name) {
		Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
		Number innerWidth = (Number) page.evaluate("() => window.innerWidth");
		assertThat(scrollWidth.intValue()).as("%s: page width %s in a %s px window", name, scrollWidth, innerWidth)
			.isLessThanOrEqualTo(innerWidth.intValue());
		List<String> small = (List<String>) page.evaluate("""
				() => Array.from(document.querySelectorAll('button, input, a, select, textarea, [role=button]'))
				  .filter((e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
				    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; })
				  .filter((e) => { const r = e.getBoundingClientRect(); return r.width < 47.5 || r.height < 47.5; })
				  .map((e) => e.outerHTML.slice(0, 120) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'
				    + Math.round(e.getBoundingClientRect().height))""");
		assertThat(small).as("%s: touch targets under 48 px", name).isEmpty();
	}

	/** Enters a PIN and a nickname through the page, as a player does. */
	static void joinByPin(Page page, String base, String pin, String nickname) {
		page.navigate(base + "/");
		onScreen(page, "pin");
		page.locator("#pin").fill(pin);
		page.locator("form button[type=submit]").click();
		onScreen(page, "nick");
		page.locator("#nickname").fill(nickname);
		page.locator("form button[type=submit]").click();
	}

	/** The answer tile showing this option text. */
	static Locator tile(Page page, String text) {
		return page.locator("button.tile").filter(new Locator.FilterOptions().setHasText(text));
	}

	static int headerScore(Page page) {
		return Integer.parseInt(page.locator("#score").getAttribute("data-score"));
	}
}
