package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The CSV export read back as Excel reads it, with the comma (its default) and with the semicolon
 * (Excel set to the Vietnamese list separator): no cell starts a formula either way, and the comma
 * reading keeps every row whole.
 */
class CsvSeparatorsTest {

	static final List<String> RISKY = List.of(";=1+1;", "Lan;=HYPERLINK(\"http://x.example\";\"bấm\")", "Hoa\n=2+2",
			"Đức\r\n+84 912", "@SUM(A1)", "-1+1", "x;\"=1\"", "y; -2", "\t=tab", "Lê, \"Yến\" Nhi", "Nguyễn Thị Ánh",
			"'đã có nháy", "z;'=3");

	static String written() {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (String text : RISKY) {
			rows.add(Arrays.asList(1, text, -3.5, "bình thường"));
		}
		var out = new ByteArrayOutputStream();
		CsvFile.write(List.of("stt", "nội dung", "giá trị", "ghi chú"), rows, out);
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
	}

	@Test
	void readWithCommasEveryRowIsWholeAndNoCellIsAFormula() {
		List<List<String>> rows = excel(written(), ',');

		assertThat(rows).hasSize(RISKY.size() + 1);
		for (int i = 0; i < RISKY.size(); i++) {
			List<String> row = rows.get(i + 1);
			assertThat(row).as(RISKY.get(i)).hasSize(4);
			assertThat(row.get(2)).isEqualTo("-3.5");
			assertThat(row.get(1).replace("'", "")).as("the text survives").isEqualTo(RISKY.get(i).replace("'", ""));
		}
		assertNoFormula(rows);
	}

	@Test
	void readWithSemicolonsNoCellIsAFormula() {
		assertNoFormula(excel(written(), ';'));
	}

	@Test
	void theImportReadsTheLeadingApostropheAway() {
		Sheet sheet = CsvFile.parse(written());
		assertThat(sheet.rows()).hasSize(RISKY.size() + 1);
		assertThat(sheet.rows().get(5).cells().get(1).text()).isEqualTo("@SUM(A1)");
		assertThat(sheet.rows().get(3).cells().get(1).text()).isEqualTo("Hoa\n'=2+2");
	}

	static void assertNoFormula(List<List<String>> rows) {
		for (List<String> row : rows) {
			for (String cell : row) {
				String start = cell.stripLeading();
				while (start.startsWith("\"")) {
					start = start.substring(1).stripLeading();
				}
				boolean number = start.matches("-?[0-9.]+");
				assertThat(!number && !start.isEmpty() && "=+-@\t\r".indexOf(start.charAt(0)) >= 0)
					.as("cell [%s] of row %s", cell, row).isFalse();
			}
		}
	}

	/**
	 * As Excel splits a CSV file: a quote opens a quoted field only at the start of a field (elsewhere it
	 * is a character like any other), quoted fields may hold the separator, doubled quotes and line breaks.
	 */
	static List<List<String>> excel(String text, char separator) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		var field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
				continue;
			}
			if (c == '"' && fieldStart) {
				quoted = true;
				fieldStart = false;
			}
			else if (c == separator) {
				row.add(field.toString());
				field.setLength(0);
				fieldStart = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				fieldStart = true;
			}
			else {
				field.append(c);
				fieldStart = false;
			}
		}
		if (!field.isEmpty() || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}
}
