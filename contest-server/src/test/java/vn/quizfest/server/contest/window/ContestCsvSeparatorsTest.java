package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The contest exports' CSV (entrants, rankings, reports) on the shared writer: names that look like
 * formulas, with a {@code ;} to start a new cell for Excel set to the Vietnamese list separator, stay
 * text with either separator.
 */
class ContestCsvSeparatorsTest {

	@Test
	void entrantNamesThatLookLikeFormulasAreTextWithBothSeparators() {
		List<List<Object>> rows = List.of(Arrays.asList(1, ";=1+1;", "Trường THCS A; =HYPERLINK(\"x\")", 12.34567),
				Arrays.asList(2, "Lê, \"Yến\" Nhi", null, -3));
		var out = new ByteArrayOutputStream();
		int written = ContestSheets.csv(new ContestSheets.Table("Thí sinh", List.of("Hạng", "Họ và tên", "Đơn vị", "Điểm"),
				new int[] { 6, 30, 30, 8 }, sink -> rows.forEach(sink::accept)), out);
		assertThat(written).isEqualTo(2);
		String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFHạng,Họ và tên,Đơn vị,Điểm\r\n")
			.contains("\r\n1,\";'=1+1;\",\"Trường THCS A; '=HYPERLINK(\"\"x\"\")\",12.3457\r\n")
			.contains("\r\n2,\"Lê, \"\"Yến\"\" Nhi\",,-3\r\n");
		for (String cell : text.substring(1).split("[;,\r\n]")) {
			String bare = cell.strip().replaceFirst("^\"", "");
			assertThat(bare).as("a cell with either separator").doesNotStartWith("=").doesNotStartWith("+")
				.doesNotStartWith("@");
		}
	}
}
