package vn.quizfest.server.contest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text a spreadsheet could run as a formula is kept as text. */
class ResultsSheetsTest {

	@Test
	void aCellThatCouldBeAFormulaGetsALeadingApostrophe() {
		for (String risky : new String[] { "=HYPERLINK(\"http://x\")", "+84 Hoa", "-1", "@SUM(A1)", "\tTab", "\rCR" }) {
			assertThat(ResultsSheets.safe(risky)).isEqualTo("'" + risky);
		}
		for (String plain : new String[] { "Nguyễn Thị Ánh", "Lê = Lan", "", "'quoted", "Ánh+" }) {
			assertThat(ResultsSheets.safe(plain)).isEqualTo(plain);
		}
	}
}
