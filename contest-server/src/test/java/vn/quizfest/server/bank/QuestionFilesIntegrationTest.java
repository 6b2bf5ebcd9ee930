package vn.quizfest.server.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/** Question files over real HTTP against a real MySQL/MariaDB: template, export, import, limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + QuestionBankApiIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionFilesIntegrationTest {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	ApiClient admin;

	ApiClient organiser;

	ApiClient host;

	ApiClient stranger;

	@BeforeAll
	void accounts() {
		admin = new ApiClient(port);
		assertThat(admin.login("admin", QuestionBankApiIntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
		long org = QuestionBankApiIntegrationTest.created(admin.post("/api/organisations",
				Map.of("name", "Đoàn Thanh niên phường Hòa Bình", "kind", "WARD")));
		long other = QuestionBankApiIntegrationTest.created(admin.post("/api/organisations",
				Map.of("name", "Trường Tiểu học Kim Đồng", "kind", "SCHOOL")));
		organiser = account("ORGANISER", org);
		host = account("HOST", org);
		stranger = account("ORGANISER", other);
	}

	ApiClient account(String role, long organisationId) {
		String username = "files" + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/users",
				Map.of("username", username, "displayName", "Lê Văn Tám", "role", role, "organisationId", organisationId));
		ApiClient client = new ApiClient(port);
		assertThat(client.login(username, created.body().path("generatedPassword").asString()).status()).isEqualTo(200);
		return client;
	}

	long bank(String name) {
		return QuestionBankApiIntegrationTest.created(organiser.post("/api/banks", Map.of("name", name)));
	}

	/** A bank with one question of each kind the template holds, a Vietnamese one with its English version. */
	long bankWithEveryKindOfQuestion() {
		long bank = bank("Ngân hàng phường Hòa Bình");
		Map<String, Object> choice = QuestionBankApiIntegrationTest.question(bank,
				"Ứng dụng nào dùng để định danh điện tử?", "VNEID", 1, "PUBLISHED", "vneid", "định-danh");
		ApiClient.Response vi = organiser.post("/api/questions", choice);
		Map<String, Object> english = new HashMap<>(choice);
		english.put("language", "EN");
		english.put("text", "Which app is used for electronic identification?");
		english.put("options", List.of("Ministry of Public Security", "Ministry of Health", "Ministry of Education"));
		english.put("explanation", "VNeID is developed by the Ministry of Public Security.");
		english.put("translationGroup", vi.body().path("translationGroup").asString());
		organiser.post("/api/questions", english);
		organiser.post("/api/questions", Map.of("bankId", bank, "type", "MULTIPLE_SELECT", "topic", "SCAMS_CYBER_SAFETY",
				"difficulty", 2, "text", "Những thông tin nào KHÔNG được chia sẻ qua điện thoại?",
				"options", List.of("Mã OTP", "Mật khẩu ngân hàng", "Tên trường học"), "answer", Map.of("correct", List.of(0, 1)),
				"tags", List.of("otp", "lừa-đảo"), "status", "REVIEWED"));
		organiser.post("/api/questions", Map.of("bankId", bank, "type", "TRUE_FALSE", "topic", "PERSONAL_DATA",
				"text", "Ảnh căn cước công dân đăng công khai trên mạng xã hội là an toàn.", "options", List.of("Đúng", "Sai"),
				"answer", Map.of("correct", List.of(1)), "points", "DOUBLE", "timeLimitSeconds", 15));
		organiser.post("/api/questions", Map.of("bankId", bank, "type", "TYPE_ANSWER", "topic", "PUBLIC_SERVICES",
				"text", "Tên cổng dịch vụ công quốc gia là gì?", "answer", Map.of("accepted", List.of("dichvucong.gov.vn", "Cổng DVC"))));
		organiser.post("/api/questions", Map.of("bankId", bank, "type", "NUMERIC", "topic", "SCAMS_CYBER_SAFETY",
				"text", "Số điện thoại khẩn cấp của công an là số mấy?", "answer", Map.of("value", 113, "tolerance", 0)));
		organiser.post("/api/questions", Map.of("bankId", bank, "type", "ORDERING", "topic", "CASHLESS_PAYMENT",
				"text", "Sắp xếp các bước thanh toán bằng mã QR.", "options", List.of("Quét mã", "Mở ứng dụng", "Xác nhận"),
				"answer", Map.of("correct", List.of(1, 0, 2))));
		assertThat(organiser.get("/api/questions?bankId=" + bank).body().path("total").asInt()).isEqualTo(7);
		return bank;
	}

	List<JsonNode> questionsOf(long bank) {
		List<JsonNode> items = new ArrayList<>();
		organiser.get("/api/questions?size=100&bankId=" + bank).body().path("items").forEach(items::add);
		return items;
	}

	/** What must survive a round trip: everything but ids, bank, group ids, author and times. */
	static Map<String, Object> content(JsonNode question) {
		Map<String, Object> content = new HashMap<>();
		for (String field : List.of("language", "type", "text", "options", "answer", "explanation", "timeLimitSeconds",
				"points", "difficulty", "topic", "tags", "status")) {
			content.put(field, question.path(field).toString());
		}
		return content;
	}

	@Test
	void aVietnameseBankSurvivesAnXlsxRoundTripOverHttp() {
		long source = bankWithEveryKindOfQuestion();
		HttpResponse<byte[]> exported = organiser.download("/api/banks/" + source + "/export?format=xlsx");
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Type").orElseThrow()).startsWith(XLSX);
		String disposition = exported.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
			.isEqualTo("Ngân hàng phường Hòa Bình.xlsx");

		long target = bank("Nhập lại");
		ApiClient.Response dryRun = organiser.postFile("/api/banks/" + target + "/import?dryRun=true", "file", "ngan-hang.xlsx",
				XLSX, exported.body());
		assertThat(dryRun.status()).as(dryRun.raw().body()).isEqualTo(200);
		assertThat(dryRun.body().path("imported").asInt()).isEqualTo(7);
		assertThat(dryRun.body().path("written").asBoolean()).isFalse();
		assertThat(questionsOf(target)).as("a dry run writes nothing").isEmpty();

		ApiClient.Response imported = organiser.postFile("/api/banks/" + target + "/import", "file", "Ngân hàng.xlsx", XLSX,
				exported.body());
		assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
		assertThat(imported.body().path("format").asString()).isEqualTo("XLSX");
		assertThat(imported.body().path("imported").asInt()).isEqualTo(7);
		assertThat(imported.body().path("written").asBoolean()).isTrue();

		List<JsonNode> copies = questionsOf(target);
		assertThat(copies.stream().map(QuestionFilesIntegrationTest::content).toList())
			.containsExactlyInAnyOrderElementsOf(questionsOf(source).stream().map(QuestionFilesIntegrationTest::content).toList());
		assertThat(copies).allSatisfy(q -> assertThat(q.path("author").asString()).startsWith("files"));
		long translated = copies.stream().filter(q -> q.path("language").asString().equals("EN")).findFirst().orElseThrow()
			.path("id").asLong();
		assertThat(organiser.get("/api/questions/" + translated + "/translations").body().valueStream()
			.map(q -> q.path("language").asString()).toList()).containsExactly("VI", "EN");

		ApiClient.Response again = organiser.postFile("/api/banks/" + target + "/import", "file", "lan-hai.xlsx", XLSX,
				exported.body());
		assertThat(again.body().path("imported").asInt()).isZero();
		assertThat(again.body().path("duplicates")).hasSize(7);
		assertThat(again.body().path("duplicates").get(0).path("message").asString())
			.isEqualTo("Câu hỏi đã có trong ngân hàng, không nhập lại.");
	}

	@Test
	void aBadFileIsReportedByRowAndColumnAndWritesNothing() throws IOException {
		long source = bankWithEveryKindOfQuestion();
		byte[] good = organiser.download("/api/banks/" + source + "/export?format=xlsx").body();
		byte[] bad;
		String textHeading;
		String correctHeading;
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(good))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row headings = sheet.getRow(sheet.getFirstRowNum());
			int text = column(headings, "Nội dung câu hỏi");
			int correct = column(headings, "Đáp án đúng");
			textHeading = headings.getCell(text).getStringCellValue();
			correctHeading = headings.getCell(correct).getStringCellValue();
			sheet.getRow(headings.getRowNum() + 2).getCell(text).setBlank();
			sheet.getRow(headings.getRowNum() + 3).createCell(correct).setCellValue("9");
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			bad = out.toByteArray();
		}
		long target = bank("Nhận tệp lỗi");

		ApiClient.Response rejected = organiser.postFile("/api/banks/" + target + "/import", "file", "loi.xlsx", XLSX, bad);
		ApiClient.Response english = organiser.language("en")
			.postFile("/api/banks/" + target + "/import", "file", "loi.xlsx", XLSX, bad);
		organiser.language("vi");

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.body().path("code").asString()).isEqualTo("import.rejected");
		assertThat(rejected.body().path("detail").asString()).startsWith("Chưa nhập câu hỏi nào: tệp có 2 lỗi.");
		JsonNode errors = rejected.body().path("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
		assertThat(errors.get(0).path("column").asString()).isEqualTo(textHeading);
		assertThat(errors.get(0).path("message").asString()).isEqualTo("Vui lòng nhập nội dung câu hỏi.");
		assertThat(errors.get(1).path("row").asInt()).isEqualTo(4);
		assertThat(errors.get(1).path("column").asString()).isEqualTo(correctHeading);
		assertThat(english.body().path("errors").get(0).path("message").asString()).isEqualTo("Please enter the question text.");
		assertThat(english.body().path("detail").asString()).startsWith("No question was imported: the file has 2 problems.");
		assertThat(questionsOf(target)).isEmpty();

		ApiClient.Response validOnly = organiser.postFile("/api/banks/" + target + "/import?validOnly=true", "file",
				"loi.xlsx", XLSX, bad);
		assertThat(validOnly.status()).isEqualTo(200);
		assertThat(validOnly.body().path("imported").asInt()).isEqualTo(5);
		assertThat(validOnly.body().path("errors")).hasSize(2);
		assertThat(questionsOf(target)).hasSize(5);
	}

	@Test
	void notASpreadsheetIsAFileLevelProblem() {
		long target = bank("Tệp lạ");

		ApiClient.Response pdf = organiser.postFile("/api/banks/" + target + "/import?format=xlsx", "file", "de-thi.xlsx", XLSX,
				"%PDF-1.7 không phải bảng tính".getBytes(StandardCharsets.UTF_8));
		ApiClient.Response unknownFormat = organiser.postFile("/api/banks/" + target + "/import", "file", "de-thi.docx",
				"application/octet-stream", new byte[] { 1, 2, 3 });

		assertThat(pdf.status()).isEqualTo(422);
		assertThat(pdf.body().path("errors").get(0).path("row").asInt()).isZero();
		assertThat(pdf.body().path("errors").get(0).path("code").asString()).startsWith("import.file.");
		assertThat(unknownFormat.status()).isEqualTo(400);
		assertThat(unknownFormat.body().path("code").asString()).isEqualTo("request.parameter.invalid");
	}

	@Test
	void anOverSizeUploadIsAClearProblem() {
		long target = bank("Tệp quá lớn");
		byte[] big = new byte[5 * 1024 * 1024 + 200 * 1024];

		ApiClient.Response tooLarge = organiser.postFile("/api/banks/" + target + "/import", "file", "lon.csv", "text/csv", big);

		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.body().path("code").asString()).isEqualTo("upload.too-large");
		assertThat(tooLarge.body().path("detail").asString()).isEqualTo("Tệp tải lên quá lớn (tối đa 5 MB).");
		assertThat(questionsOf(target)).isEmpty();
	}

	@Test
	void csvAndJsonExportsImportBackAndKahootCountsWhatItLeavesOut() {
		long source = bankWithEveryKindOfQuestion();
		for (String format : List.of("csv", "json")) {
			HttpResponse<byte[]> exported = organiser.download("/api/banks/" + source + "/export?format=" + format);
			assertThat(exported.statusCode()).isEqualTo(200);
			assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow()).contains("." + format);
			long target = bank("Từ " + format);
			ApiClient.Response imported = organiser.postFile("/api/banks/" + target + "/import", "file", "cau-hoi." + format,
					"application/octet-stream", exported.body());
			assertThat(imported.status()).as(format + ": " + imported.raw().body()).isEqualTo(200);
			assertThat(imported.body().path("imported").asInt()).isEqualTo(7);
		}
		HttpResponse<byte[]> kahoot = organiser.download("/api/banks/" + source + "/export?format=kahoot");
		assertThat(kahoot.statusCode()).isEqualTo(200);
		assertThat(kahoot.headers().firstValue("X-QuizFest-Skipped").orElseThrow()).isEqualTo("3");
	}

	@Test
	void theTemplateIsInTheCallersLanguageAndFilesFollowTheBankRules() throws IOException {
		HttpResponse<byte[]> vietnamese = host.download("/api/questions/template.xlsx");
		HttpResponse<byte[]> english = host.language("en").download("/api/questions/template.xlsx");
		host.language("vi");
		long bank = bank("Chỉ người trong đơn vị");

		assertThat(vietnamese.statusCode()).isEqualTo(200);
		assertThat(vietnamese.headers().firstValue("Content-Type").orElseThrow()).startsWith(XLSX);
		assertThat(headings(vietnamese.body())).contains("Nội dung câu hỏi");
		assertThat(headings(english.body())).doesNotContain("Nội dung câu hỏi");
		assertThat(host.postFile("/api/banks/" + bank + "/import", "file", "a.csv", "text/csv", new byte[] { 1 }).status())
			.as("a HOST imports nothing").isEqualTo(403);
		assertThat(stranger.download("/api/banks/" + bank + "/export").statusCode()).as("another organisation").isEqualTo(404);
		assertThat(stranger.postFile("/api/banks/" + bank + "/import", "file", "a.csv", "text/csv", new byte[] { 1 }).status())
			.isEqualTo(404);
		assertThat(new ApiClient(port).download("/api/questions/template.xlsx").statusCode()).isEqualTo(401);
	}

	static int column(Row headings, String prefix) {
		for (Cell cell : headings) {
			if (cell.getStringCellValue().startsWith(prefix)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("No heading " + prefix);
	}

	static String headings(byte[] workbook) throws IOException {
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			Sheet sheet = book.getSheetAt(0);
			StringBuilder text = new StringBuilder();
			sheet.getRow(sheet.getFirstRowNum()).forEach(cell -> text.append(cell.getStringCellValue()).append('|'));
			return text.toString();
		}
	}
}
