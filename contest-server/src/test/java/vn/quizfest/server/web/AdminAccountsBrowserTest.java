package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import vn.quizfest.server.ApiClient;

/** The accounts screen: organisations, a new account with its one-time password, disabling, resets. */
class AdminAccountsBrowserTest extends AdminConsoleSupport {

	@Test
	void anAdministratorCreatesAnAccountSeesItsPasswordOnceDisablesItAndResetsItsPassword() {
		long n = System.nanoTime() % 100000;
		String commune = "UBND xã Tân Hòa " + n;
		String username = "gv.hoa" + n;

		Page page = laptop();
		logIn(page);
		page.locator("[data-nav=accounts]").click();
		onConsole(page, "/accounts");
		expect(page.locator("h1")).hasText("Tài khoản và đơn vị");

		page.locator("#organisation-name").fill(commune);
		page.locator("#organisation-kind").selectOption("COMMUNE");
		page.locator("#create-organisation").click();
		expect(page.locator("#organisation-table")).containsText(commune);
		expect(page.locator("#organisation-table")).containsText("Xã");

		page.locator("#new-username").fill(username);
		page.locator("#new-display-name").fill("Cô Nguyễn Thị Hòa");
		page.locator("#new-role").selectOption("ORGANISER");
		page.locator("#new-organisation").selectOption(new SelectOption().setLabel(commune));
		page.locator("#create-user").click();
		Locator secret = page.locator("#one-time-password");
		expect(secret).isVisible();
		expect(page.locator("#secret-box")).containsText("chỉ hiện MỘT LẦN");
		String password = secret.textContent().strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(10);
		Locator row = page.locator("#user-table tr[data-username='" + username + "']");
		expect(row).containsText("Cô Nguyễn Thị Hòa");
		expect(row).containsText("Ban tổ chức");
		expect(row).containsText(commune);
		adminScreenshot(page, "accounts-01-created");
		AxeCheck.assertNoViolations(page, "accounts-01-created");
		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(200);
		page.locator("#secret-done").click();
		expect(page.locator("#secret-box")).hasCount(0);

		row.locator("[data-action=disable]").click();
		expect(row.locator(".badge")).hasText("Đã khóa");
		assertThat(new ApiClient(port).login(username, password).status()).isNotEqualTo(200);
		row.locator("[data-action=enable]").click();
		expect(row.locator(".badge")).hasText("Đang hoạt động");

		row.locator("[data-action=reset]").click();
		row.locator("[data-action=confirm-reset]").click();
		expect(page.locator("#secret-box h2")).containsText("Mật khẩu mới của tài khoản " + username);
		String reset = secret.textContent().strip();
		assertThat(reset).isNotEqualTo(password).hasSizeGreaterThanOrEqualTo(10);
		adminScreenshot(page, "accounts-02-password-reset");
		AxeCheck.assertNoViolations(page, "accounts-02-password-reset");
		assertThat(new ApiClient(port).login(username, password).status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(username, reset).status()).isEqualTo(200);

		row.locator("[data-action=edit]").click();
		page.locator("#edit-display-name").fill("Cô Hòa – tổ trưởng");
		page.locator("#edit-role").selectOption("HOST");
		page.locator("#save-user").click();
		expect(row).containsText("Cô Hòa – tổ trưởng");
		expect(row).containsText("Người dẫn chương trình");

		page.locator("#lang-switch").click();
		expect(page.locator("h1")).hasText("Accounts and organisations");
		expect(row).containsText("Host");
		expect(row.locator(".badge")).hasText("Active");
		expect(page.locator("#organisation-table")).containsText("Commune");
		adminScreenshot(page, "accounts-04-english");
		AxeCheck.assertNoViolations(page, "accounts-04-english");
	}

	@Test
	void anOperatorGivenPasswordThatIsTooShortIsRefusedWithTheServersMessage() {
		Page page = laptop();
		logIn(page);
		page.navigate(base() + "/admin/#/accounts");
		onConsole(page, "/accounts");
		page.locator("#new-username").fill("gv.ngan" + System.nanoTime() % 100000);
		page.locator("#new-display-name").fill("Thầy Ngân");
		page.locator("#password-given").check();
		page.locator("#new-password-value").fill("ngan");
		page.locator("#create-user").click();
		expect(page.locator("#user-form .error-box")).isVisible();
		expect(page.locator("#secret-box")).hasCount(0);
		adminScreenshot(page, "accounts-03-refused");
		AxeCheck.assertNoViolations(page, "accounts-03-refused");
		page.locator("#new-password-value").fill("Một mật khẩu đủ dài 2026");
		page.locator("#create-user").click();
		expect(page.locator(".toast")).containsText("Đã tạo tài khoản");
		expect(page.locator("#secret-box")).hasCount(0);
	}
}
