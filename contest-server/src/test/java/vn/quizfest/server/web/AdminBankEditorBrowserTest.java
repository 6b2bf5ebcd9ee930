package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.quizfest.server.ApiClient;

/** The question editor: the live phone preview, saving, status, a stale edit, field errors, images, the list. */
class AdminBankEditorBrowserTest extends AdminBankSupport {

	static final String ORIGINAL = "Ứng dụng nào dùng để định danh điện tử?";

	@TempDir
	Path files;

	@Test
	void thePreviewFollowsTheTypingAndAStaleSaveKeepsWhatWasTyped() {
		ApiClient admin = admin();
		long bankId = createBank(admin, "Ngân hàng soạn thử " + System.nanoTime() % 100000);
		long id = createQuestion(admin, bankId, ORIGINAL, "VNEID", 1, "DRAFT");

		Page page = laptop();
		logIn(page);
		page.navigate(base() + "/admin/#/questions/" + id);
		onConsole(page, "/questions/:id");
		Locator preview = page.locator("#phone-preview");
		expect(page.locator("#preview-text")).hasText(ORIGINAL);
		expect(preview.locator(".pv-tile")).hasCount(3);

		page.locator("#q-text").fill("Ứng dụng VNeID do cơ quan nào phát triển?");
		expect(page.locator("#preview-text")).hasText("Ứng dụng VNeID do cơ quan nào phát triển?");
		page.locator("#option-1").fill("Bộ Thông tin và Truyền thông");
		expect(preview.locator(".pv-tile[data-letter=B]")).containsText("Bộ Thông tin và Truyền thông");
		expect(preview.locator(".pv-tile[data-letter=B]")).hasClass(Pattern.compile("pv-diamond"));
		page.locator("#add-option").click();
		expect(preview.locator(".pv-tile")).hasCount(4);
		page.locator("#option-3").fill("Ngân hàng Nhà nước");
		expect(preview.locator(".pv-tile[data-letter=D]")).containsText("Ngân hàng Nhà nước");
		expect(preview.locator(".pv-tile[data-letter=D]")).hasClass(Pattern.compile("pv-square"));
		page.locator("#remove-option-2").click();
		expect(preview.locator(".pv-tile")).hasCount(3);
		expect(preview.locator(".pv-tile[data-letter=C]")).containsText("Ngân hàng Nhà nước");
		page.locator("#q-time").fill("45");
		expect(page.locator("#preview-timer")).hasText("45");
		page.locator("#q-explanation").fill("VNeID do Bộ Công an phát triển và vận hành.");

		page.locator("#preview-result").click();
		expect(page.locator("#phone-preview")).hasAttribute("data-mode", "result");
		expect(page.locator("#preview-explanation")).containsText("Bộ Công an phát triển");
		expect(preview.locator(".pv-tile[data-letter=A]")).hasClass(Pattern.compile("pv-correct"));
		page.locator("#correct-1").check();
		expect(preview.locator(".pv-tile[data-letter=B]")).hasClass(Pattern.compile("pv-correct"));
		expect(preview.locator(".pv-tile[data-letter=A]")).hasClass(Pattern.compile("pv-wrong"));
		adminScreenshot(page, "bank-05-editor-result-preview");
		AxeCheck.assertNoViolations(page, "bank-05-editor-result-preview");
		page.locator("#correct-0").check();
		page.locator("#preview-question").click();
		adminScreenshot(page, "bank-06-editor-preview");
		AxeCheck.assertNoViolations(page, "bank-06-editor-preview");

		page.locator("#save-question").click();
		toast(page, "Đã lưu câu hỏi");
		JsonNode saved = admin.get("/api/questions/" + id).body();
		assertThat(saved.path("text").asString()).isEqualTo("Ứng dụng VNeID do cơ quan nào phát triển?");
		assertThat(saved.path("options").get(2).asString()).isEqualTo("Ngân hàng Nhà nước");
		assertThat(saved.path("timeLimitSeconds").asInt()).isEqualTo(45);
		assertThat(saved.path("version").asInt()).isEqualTo(1);

		page.locator("[data-status=PUBLISHED]").click();
		expect(page.locator("#question-status")).hasText("Đã xuất bản");
		assertThat(admin.get("/api/questions/" + id).body().path("status").asString()).isEqualTo("PUBLISHED");

		// someone else saves the question between this editor's load and its save
		Map<String, Object> other = new LinkedHashMap<>();
		JsonNode current = admin.get("/api/questions/" + id).body();
		other.put("bankId", bankId);
		other.put("type", "SINGLE_CHOICE");
		other.put("topic", "VNEID");
		other.put("text", "VNeID là ứng dụng của cơ quan nào?");
		other.put("options", List.of("Bộ Công an", "Bộ Y tế"));
		other.put("answer", Map.of("correct", List.of(0)));
		other.put("status", "PUBLISHED");
		other.put("version", current.path("version").asInt());
		assertThat(admin.put("/api/questions/" + id, other).status()).isEqualTo(200);

		page.locator("#q-text").fill("Tôi đang sửa dở câu này");
		page.locator("#save-question").click();
		expect(page.locator("#stale-box")).containsText("vừa được người khác sửa");
		expect(page.locator("#q-text")).hasValue("Tôi đang sửa dở câu này");
		adminScreenshot(page, "bank-07-stale");
		AxeCheck.assertNoViolations(page, "bank-07-stale");
		page.locator("#reload-question").click();
		expect(page.locator("#q-text")).hasValue("VNeID là ứng dụng của cơ quan nào?");
		expect(page.locator("#stale-box")).hasCount(0);
		expect(preview.locator(".pv-tile")).hasCount(2);

		page.locator("#q-text").fill("");
		page.locator("#save-question").click();
		expect(page.locator("#err-text")).isVisible();
		expect(page.locator("#q-text")).hasAttribute("aria-invalid", "true");
		assertThat(admin.get("/api/questions/" + id).body().path("text").asString()).isEqualTo("VNeID là ứng dụng của cơ quan nào?");

		Page phone = hostPhone();
		logIn(phone);
		phone.navigate(base() + "/admin/#/questions/" + id);
		onConsole(phone, "/questions/:id");
		expect(phone.locator("#preview-text")).hasText("VNeID là ứng dụng của cơ quan nào?");
		Number width = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
		Object wide = phone.evaluate("() => Array.from(document.querySelectorAll('#main *')).filter((e) => e.getBoundingClientRect().right > 361)"
				+ ".slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
		assertThat(width.intValue()).as("no sideways scrolling at 360 px: %s", wide).isLessThanOrEqualTo(PHONE_WIDTH);
		adminScreenshot(phone, "bank-08-editor-phone");
		AxeCheck.assertNoViolations(phone, "bank-08-editor-phone");
	}

	@Test
	void aNewTypedAnswerQuestionIsCreatedThenPublishedFromTheListAndDeleted() {
		ApiClient admin = admin();
		long bankId = createBank(admin, "Ngân hàng tạo mới " + System.nanoTime() % 100000);
		long draft = createQuestion(admin, bankId, "Mã OTP có được đọc cho người lạ không?", "SCAMS_CYBER_SAFETY", 1, "DRAFT");

		Page page = laptop();
		logIn(page);
		page.navigate(base() + "/admin/#/questions?bankId=" + bankId);
		onConsole(page, "/questions");
		page.locator("#new-question").click();
		onConsole(page, "/questions/new");
		expect(page.locator("#q-bank")).hasValue(Long.toString(bankId));
		page.locator("#q-type").selectOption("TYPE_ANSWER");
		expect(page.locator("#phone-preview .pv-input")).hasText("Gõ câu trả lời…");
		page.locator("#q-text").fill("Số điện thoại khẩn cấp của công an là số nào?");
		page.locator("#q-topic").selectOption("SCAMS_CYBER_SAFETY");
		page.locator("#save-question").click();
		expect(page.locator("#err-accepted")).isVisible();
		page.locator("#accepted-0").fill("113");
		page.locator("#add-accepted").click();
		page.locator("#accepted-1").fill("một một ba");
		page.locator("#preview-result").click();
		expect(page.locator("#phone-preview .pv-answer")).hasText("113 / một một ba");
		page.locator("#save-question").click();
		onConsole(page, "/questions/:id");
		toast(page, "Đã lưu câu hỏi");
		String created = page.url().replaceAll(".*/questions/", "");
		JsonNode question = admin.get("/api/questions/" + created).body();
		assertThat(question.path("type").asString()).isEqualTo("TYPE_ANSWER");
		assertThat(question.path("answer").path("accepted").toString()).isEqualTo("[\"113\",\"một một ba\"]");

		// the English version of the same question, linked both ways
		page.locator("[data-add-translation=EN]").click();
		onConsole(page, "/questions/new");
		expect(page.locator("#q-language")).hasValue("EN");
		page.locator("#q-type").selectOption("TYPE_ANSWER");
		page.locator("#q-topic").selectOption("SCAMS_CYBER_SAFETY");
		page.locator("#q-text").fill("What is the police emergency number?");
		page.locator("#accepted-0").fill("113");
		page.locator("#save-question-top").click();
		onConsole(page, "/questions/:id");
		expect(page.locator("[data-translation=VI]")).isVisible();
		String english = page.url().replaceAll(".*/questions/", "");
		assertThat(admin.get("/api/questions/" + english).body().path("translationGroup").asString())
			.isEqualTo(question.path("translationGroup").asString());
		page.locator("[data-translation=VI]").click();
		expect(page.locator("#q-text")).hasValue("Số điện thoại khẩn cấp của công an là số nào?");
		expect(page.locator("[data-translation=EN]")).isVisible();

		page.navigate(base() + "/admin/#/questions?bankId=" + bankId + "&lang=VI");
		onConsole(page, "/questions");
		expect(page.locator("#question-table tbody tr")).hasCount(2);
		page.locator("#select-all").check();
		page.locator("[data-bulk-status=PUBLISHED]").click();
		toast(page, "Đã chuyển 2 câu");
		expect(page.locator("#question-table tbody .badge.ok")).hasCount(2);
		assertThat(admin.get("/api/questions/" + draft).body().path("status").asString()).isEqualTo("PUBLISHED");
		adminScreenshot(page, "bank-09-list-published");
		AxeCheck.assertNoViolations(page, "bank-09-list-published");

		page.locator("#question-table tr[data-id='" + created + "'] a").click();
		onConsole(page, "/questions/:id");
		page.locator("#delete-question").click();
		page.locator("#confirm-delete").click();
		onConsole(page, "/questions");
		// the draft and the English version stay
		expect(page.locator("#question-table tbody tr")).hasCount(2);
		expect(page.locator("#question-table tr[data-id='" + created + "']")).hasCount(0);
		assertThat(admin.get("/api/questions/" + created).status()).isEqualTo(404);
	}

	@Test
	void aHostReadsQuestionsButCannotChangeThem() {
		ApiClient admin = admin();
		ApiClient.Response shared = admin.post("/api/banks", Map.of("name", "Ngân hàng dùng chung " + System.nanoTime() % 100000, "shared", true));
		assertThat(shared.status()).as(shared.body().toString()).isEqualTo(201);
		long bankId = shared.body().path("id").asLong();
		long id = createQuestion(admin, bankId, "Chữ ký số có giá trị pháp lý như chữ ký tay không?", "DIGITAL_SIGNATURE", 2, "PUBLISHED");
		String username = "dan.ct" + System.nanoTime() % 100000;
		ApiClient.Response host = admin.post("/api/users", Map.of("username", username, "displayName", "Anh Dẫn chương trình",
				"role", "HOST", "password", "Người dẫn chương trình 2026"));
		assertThat(host.status()).as(host.body().toString()).isEqualTo(201);

		Page page = laptop();
		logIn(page, username, "Người dẫn chương trình 2026");
		page.navigate(base() + "/admin/#/questions?bankId=" + bankId);
		onConsole(page, "/questions");
		expect(page.locator("#question-table tbody tr")).hasCount(1);
		expect(page.locator("#new-question")).hasCount(0);
		expect(page.locator("#open-import")).hasCount(0);
		expect(page.locator("#select-all")).hasCount(0);
		page.locator("#question-table tbody tr a").click();
		onConsole(page, "/questions/:id");
		expect(page.locator("#preview-text")).hasText("Chữ ký số có giá trị pháp lý như chữ ký tay không?");
		expect(page.locator("#q-text")).hasAttribute("readonly", "");
		expect(page.locator("#save-question")).hasCount(0);
		expect(page.locator("#delete-question")).hasCount(0);
		expect(page.locator("[data-status]")).hasCount(0);
		expect(page.locator(".question-form .hint").last()).hasText("Bạn chỉ được xem câu hỏi này.");
	}

	/** Needs POST /api/images (image upload), built in parallel to the console. */
	@Test
	void anUploadedImageShowsInThePreviewAndAFileThatIsNoImageIsRefused() throws Exception {
		ApiClient admin = admin();
		long bankId = createBank(admin, "Ngân hàng ảnh " + System.nanoTime() % 100000);
		long id = createQuestion(admin, bankId, "Biểu tượng nào là của ứng dụng VNeID?", "VNEID", 1, "DRAFT");
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(0xC6, 0x28, 0x28));
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		var png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		Path picture = files.resolve("vneid.png");
		Files.write(picture, png.toByteArray());
		Path notImage = files.resolve("ghi-chu.png");
		Files.writeString(notImage, "đây không phải là ảnh");

		Page page = laptop();
		logIn(page);
		page.navigate(base() + "/admin/#/questions/" + id);
		onConsole(page, "/questions/:id");
		page.locator("#image-file").setInputFiles(notImage);
		expect(page.locator("#image-error")).isVisible();
		expect(page.locator("#preview-image")).hasCount(0);

		page.locator("#image-file").setInputFiles(picture);
		expect(page.locator("#preview-image")).hasAttribute("src", Pattern.compile("^/api/images/"));
		expect(page.locator("#image-error")).hasCount(0);
		assertThat((Boolean) page.locator("#preview-image").evaluate("img => img.complete && img.naturalWidth === 64")).isTrue();
		adminScreenshot(page, "bank-10-image");
		AxeCheck.assertNoViolations(page, "bank-10-image");
		page.locator("#save-question").click();
		toast(page, "Đã lưu câu hỏi");
		assertThat(admin.get("/api/questions/" + id).body().path("imageUrl").asString()).startsWith("/api/images/");
		page.locator("#remove-image").click();
		expect(page.locator("#preview-image")).hasCount(0);
	}
}
