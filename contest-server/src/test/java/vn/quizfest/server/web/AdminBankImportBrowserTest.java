package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.quizfest.server.ApiClient;

/** Importing a question file from the console: the row-by-row report, then a clean import and a search. */
class AdminBankImportBrowserTest extends AdminBankSupport {

	static final String TEXT = "Tài khoản định danh điện tử mức độ 2 được cấp qua ứng dụng nào?";

	@TempDir
	Path files;

	@Test
	void aFileWithErrorsIsRefusedRowByRowAndTheCorrectedFileIsImportedAndFound() throws Exception {
		ApiClient admin = admin();
		String bankName = "Xã Tân Hòa – nhập thử " + System.nanoTime() % 100000;
		Map<String, String> good = row("Loại câu hỏi", "Một đáp án", "Nội dung câu hỏi", TEXT, "Phương án 1", "VNeID",
				"Phương án 2", "Zalo", "Phương án 3", "Facebook", "Đáp án đúng", "1", "Chủ đề", "VNeID", "Trạng thái",
				"Đã xuất bản");
		Map<String, String> noCorrect = row("Loại câu hỏi", "Một đáp án", "Nội dung câu hỏi",
				"Mã OTP có được đọc cho người gọi tự xưng là công an không?", "Phương án 1", "Có", "Phương án 2", "Không",
				"Chủ đề", "Lừa đảo và an toàn mạng");
		Map<String, String> badType = row("Loại câu hỏi", "Câu đố vui", "Nội dung câu hỏi", "Chữ ký số dùng để làm gì?",
				"Phương án 1", "Ký văn bản điện tử", "Phương án 2", "Trang trí", "Đáp án đúng", "1", "Chủ đề", "Chữ ký số");
		Path wrong = files.resolve("câu-hỏi-lỗi.xlsx");
		Files.write(wrong, templateWith(admin, List.of(good, noCorrect, badType)));

		Page page = laptop();
		logIn(page);
		page.locator("[data-nav=questions]").click();
		onConsole(page, "/questions");
		page.locator("#new-bank").click();
		page.locator("#bank-form button[type=submit]").click();
		expect(page.locator("#bank-form .error-box")).containsText("chưa hợp lệ");
		expect(page.locator("#bank-form .problem-fields")).containsText("Vui lòng nhập tên ngân hàng");
		page.locator("#bank-name").fill(bankName);
		page.locator("#bank-form button[type=submit]").click();
		toast(page, "Đã tạo ngân hàng");
		expect(page.locator("#bank-select option:checked")).containsText(bankName);
		long bankId = Long.parseLong(page.locator("#bank-select").inputValue());
		assertThat(page.url()).contains("bankId=" + bankId);
		expect(page.locator("#no-questions")).isVisible();
		adminScreenshot(page, "bank-01-empty-bank");
		AxeCheck.assertNoViolations(page, "bank-01-empty-bank");
		page.locator("#open-import").click();
		onConsole(page, "/questions/import");
		expect(page.locator("#import-bank")).hasValue(Long.toString(bankId));

		Download template = page.waitForDownload(() -> page.locator("#download-template").click());
		assertThat(template.suggestedFilename()).endsWith(".xlsx");

		page.locator("#import-file").setInputFiles(wrong);
		page.locator("#import-submit").click();
		Locator rejected = page.locator("#import-rejected");
		expect(rejected).isVisible();
		expect(rejected.locator("h2")).hasText("Tệp cần sửa trước khi nhập");
		expect(rejected.locator(".rejected-detail")).containsText("Chưa nhập câu hỏi nào");
		Locator rows = page.locator("#import-errors tbody tr");
		expect(rows).hasCount(2);
		expect(rows.nth(0).locator("td").nth(0)).hasText("3");
		expect(rows.nth(0).locator("td").nth(1)).hasText("Đáp án đúng");
		expect(rows.nth(1).locator("td").nth(0)).hasText("4");
		expect(rows.nth(1).locator("td").nth(1)).hasText("Loại câu hỏi");
		// the report says exactly what the server says, in the console's language
		ApiClient.Response report = admin.postFile("/api/banks/" + bankId + "/import", "file", "câu-hỏi-lỗi.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Files.readAllBytes(wrong));
		assertThat(report.status()).isEqualTo(422);
		expect(rows.nth(0).locator("td").nth(2)).hasText(report.body().path("errors").get(0).path("message").asString());
		expect(rows.nth(1).locator("td").nth(2)).hasText(report.body().path("errors").get(1).path("message").asString());
		expect(rows.nth(1).locator("td").nth(2)).containsText("Câu đố vui");
		adminScreenshot(page, "bank-02-import-rejected");
		AxeCheck.assertNoViolations(page, "bank-02-import-rejected");
		assertThat(admin.get("/api/questions?bankId=" + bankId).body().path("total").asInt()).isZero();

		noCorrect.put("Đáp án đúng", "2");
		badType.put("Loại câu hỏi", "Một đáp án");
		Path fixed = files.resolve("câu-hỏi.xlsx");
		Files.write(fixed, templateWith(admin, List.of(good, noCorrect, badType)));
		page.locator("#import-file").setInputFiles(fixed);
		page.locator("#import-submit").click();
		expect(page.locator("#import-result")).isVisible();
		expect(page.locator("#import-imported")).hasText("3");
		expect(page.locator("#import-rejected")).hasCount(0);
		toast(page, "Đã nhập 3 câu hỏi");
		adminScreenshot(page, "bank-03-import-done");
		AxeCheck.assertNoViolations(page, "bank-03-import-done");

		page.locator("#see-imported").click();
		onConsole(page, "/questions");
		expect(page.locator("#question-table tbody tr")).hasCount(3);
		page.locator("#search-q").fill("dinh danh");
		page.locator("#search-submit").click();
		expect(page.locator("#question-table tbody tr")).hasCount(1);
		expect(page.locator("#question-table tbody tr")).containsText("định danh điện tử");
		expect(page.locator("#results-count")).hasText("Tìm thấy 1 câu hỏi");
		assertThat(page.url()).contains("q=dinh%20danh").contains("bankId=" + bankId);
		page.reload();
		onConsole(page, "/questions");
		expect(page.locator("#search-q")).hasValue("dinh danh");
		expect(page.locator("#question-table tbody tr")).hasCount(1);
		adminScreenshot(page, "bank-04-search");
		AxeCheck.assertNoViolations(page, "bank-04-search");

		Download export = page.waitForDownload(() -> page.locator("#export-bank").click());
		assertThat(export.suggestedFilename()).isEqualTo(bankName + ".xlsx");
	}
}
