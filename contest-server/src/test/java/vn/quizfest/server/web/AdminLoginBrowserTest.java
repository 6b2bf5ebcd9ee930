package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import vn.quizfest.server.ApiClient;

/** Logging in and out of the organiser console, changing one's password, the language switch, the page's CSP. */
class AdminLoginBrowserTest extends AdminConsoleSupport {

	@Test
	void anOrganiserLogsInWithTheFormAfterAWrongPasswordAndLogsOut() {
		Page page = laptop();
		page.navigate(base() + "/admin/#/password");
		onConsole(page, "/login");
		expect(page.locator("h1")).hasText("Đăng nhập");
		adminScreenshot(page, "01-login");
		AxeCheck.assertNoViolations(page, "console login");

		page.locator("#username").fill("admin");
		page.locator("#password").fill("not the password");
		page.locator("#login-form button[type=submit]").click();
		expect(page.locator(".error-box")).containsText("Tên đăng nhập hoặc mật khẩu không đúng");
		expect(page.locator("#password")).hasValue("");
		AxeCheck.assertNoViolations(page, "console login refused");
		adminScreenshot(page, "02-login-refused");

		page.locator("#password").fill(ADMIN_PASSWORD);
		page.locator("#login-form button[type=submit]").click();
		// back to the page that asked for the login
		onConsole(page, "/password");
		expect(page.locator(".who")).hasText("Administrator");
		expect(page.locator("[data-nav=accounts]")).isVisible();

		page.locator("#logout").click();
		onConsole(page, "/login");
		page.navigate(base() + "/admin/#/results");
		onConsole(page, "/login");
	}

	@Test
	void theLanguageSwitchIsRememberedAndTheNewPasswordIsTheOneThatWorks() {
		ApiClient admin = admin();
		String username = "gv.lan." + System.nanoTime() % 100000;
		ApiClient.Response created = admin.post("/api/users",
				Map.of("username", username, "displayName", "Cô Lan", "role", "HOST"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String password = created.body().path("generatedPassword").asString();

		Page page = laptop();
		logIn(page, username, password);
		expect(page.locator(".who")).hasText("Cô Lan");
		expect(page.locator("[data-nav=accounts]")).hasCount(0);
		page.locator("#lang-switch").click();
		expect(page.locator("[data-nav=password]")).hasText("Change password");
		page.reload();
		expect(page.locator("[data-nav=password]")).hasText("Change password");
		assertThat(page.evaluate("() => document.documentElement.lang")).isEqualTo("en");

		page.locator("[data-nav=password]").click();
		onConsole(page, "/password");
		page.locator("#current-password").fill(password);
		page.locator("#new-password").fill("Một câu dễ nhớ 2026");
		page.locator("#repeat-password").fill("Một câu khác");
		page.locator("#password-form button[type=submit]").click();
		expect(page.locator(".error-box")).containsText("The two new passwords differ");
		page.locator("#repeat-password").fill("Một câu dễ nhớ 2026");
		page.locator("#password-form button[type=submit]").click();
		expect(page.locator(".toast")).containsText("Your password has been changed");
		adminScreenshot(page, "03-password-changed");
		page.locator("#lang-switch").click();
		expect(page.locator("[data-nav=password]")).hasText("Đổi mật khẩu");

		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(username, "Một câu dễ nhớ 2026").status()).isEqualTo(200);
	}

	@Test
	void theConsoleAllowsOnlyItsOwnImportMapInline() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/admin/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).containsPattern("script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		java.util.regex.Matcher map = java.util.regex.Pattern
			.compile("<script type=\"importmap\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
			.matcher(page.body());
		assertThat(map.find()).isTrue();
		String hash = java.util.Base64.getEncoder()
			.encodeToString(java.security.MessageDigest.getInstance("SHA-256")
				.digest(map.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(policy).contains("'sha256-" + hash + "'");
		HttpResponse<String> player = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(player.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';");
		for (String library : new String[] { "/webjars/lit-html/lit-html.js", "/webjars/chart.js/dist/chart.js",
				"/webjars/kurkle__color/dist/color.esm.js" }) {
			HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(base() + library)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(file.statusCode()).as(library).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type").orElse("")).as(library).contains("javascript");
		}
	}
}
