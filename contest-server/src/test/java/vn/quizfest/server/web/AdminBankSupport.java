package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.quizfest.server.ApiClient;

/** Question bank helpers for the console's browser tests: banks and questions over REST, XLSX files. */
abstract class AdminBankSupport extends AdminConsoleSupport {

	long createBank(ApiClient admin, String name) {
		ApiClient.Response bank = admin.post("/api/banks", Map.of("name", name));
		assertThat(bank.status()).as(bank.body().toString()).isEqualTo(201);
		return bank.body().path("id").asLong();
	}

	/** A published single-choice question in the bank; returns its id. */
	long createQuestion(ApiClient admin, long bankId, String text, String topic, int difficulty, String status) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("bankId", bankId);
		body.put("type", "SINGLE_CHOICE");
		body.put("text", text);
		body.put("options", List.of("Bộ Công an", "Bộ Y tế", "Bộ Tài chính"));
		body.put("answer", Map.of("correct", List.of(0)));
		body.put("topic", topic);
		body.put("difficulty", difficulty);
		body.put("status", status);
		ApiClient.Response created = admin.post("/api/questions", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().path("id").asLong();
	}

	/**
	 * The server's own XLSX template (Vietnamese headings) with its example rows replaced by these rows;
	 * each row maps a heading to a cell value.
	 */
	byte[] templateWith(ApiClient admin, List<Map<String, String>> rows) throws IOException {
		byte[] template = admin.download("/api/questions/template.xlsx").body();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row heading = sheet.getRow(0);
			List<String> headings = new ArrayList<>();
			for (int c = 0; c < heading.getLastCellNum(); c++) {
				headings.add(heading.getCell(c) == null ? "" : heading.getCell(c).getStringCellValue());
			}
			for (int r = sheet.getLastRowNum(); r >= 1; r--) {
				if (sheet.getRow(r) != null) {
					sheet.removeRow(sheet.getRow(r));
				}
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (Map.Entry<String, String> cell : rows.get(r).entrySet()) {
					int column = headings.indexOf(cell.getKey());
					assertThat(column).as("template column " + cell.getKey() + " in " + headings).isNotNegative();
					row.createCell(column).setCellValue(cell.getValue());
				}
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** Waits for a toast with this text (several may be showing). */
	static void toast(com.microsoft.playwright.Page page, String text) {
		expect(page.locator(".toast", new com.microsoft.playwright.Page.LocatorOptions().setHasText(text)).first()).isVisible();
	}

	static Map<String, String> row(String... headingsAndValues) {
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < headingsAndValues.length; i += 2) {
			row.put(headingsAndValues[i], headingsAndValues[i + 1]);
		}
		return row;
	}
}
