package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The contest page's own checks of the identity form, run in the browser, give the server's
 * answers: the same province codes of a CCCD, the same mobile number forms, NFC names, the same
 * limits. (The server has the last word; these checks only spare the entrant a round trip.)
 */
class ContestFormChecksBrowserTest extends ContestPageSupport {

	Page checks() {
		Page page = phone();
		page.navigate(base() + "/c/checks");
		page.waitForFunction("() => document.querySelector('#screen').hasAttribute('data-screen')");
		return page;
	}

	@Test
	void aLinkToNoContestSaysSo() {
		Page page = checks();
		onScreen(page, "missing");
		expect(page.locator("h1")).hasText("Không tìm thấy cuộc thi");
		shot(page, "00-unknown-link");
		AxeCheck.assertNoViolations(page, "00-unknown-link");
	}

	@Test
	void theCccdProvinceCodesAreTheServersList() throws IOException {
		TreeSet<String> server = new TreeSet<>();
		try (InputStream in = getClass().getResourceAsStream("/contest/cccd-province-codes.txt")) {
			assertThat(in).as("the server's province codes").isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					server.add(line.strip().substring(0, 3));
				}
			}
		}
		@SuppressWarnings("unchecked")
		List<String> page = (List<String>) checks().evaluate("async () => (await import('/contest/validate.js')).PROVINCES");
		assertThat(new TreeSet<>(page)).hasSize(63).isEqualTo(server);
	}

	@Test
	void eachFieldIsCheckedAndNormalisedLikeTheServerDoes() {
		Page page = checks();
		@SuppressWarnings("unchecked")
		Map<String, Object> results = (Map<String, Object>) page.evaluate("""
				async (nextYear) => {
				  const form = await import('/contest/form.js');
				  const cases = {
				    cccd: ['066185000123', '066 185 000 123', '066.185.000.123', '06618500012', '0661850001234', '999185000123', '06618500012a'],
				    phone: ['0912345678', '+84 912 345 678', '84912345678', '(091) 234-5678', '0212345678', '091234567', '1912345678', '+84 212 345 678'],
				    birthYear: ['1900', '1985', '1899', String(nextYear), '85', 'abcd'],
				    email: ['hoa@example.vn', 'hoa@', 'hoa@example', 'a b@example.vn', 'x'.repeat(65) + '@example.vn'],
				    fullName: ['  Nguye\\u0302\\u0303n   Thi\\u0323  Hoa ', 'x'.repeat(201)],
				    gender: ['MALE', 'FEMALE', 'OTHER', 'M'],
				  };
				  const out = {};
				  for (const field of Object.keys(cases)) {
				    out[field] = cases[field].map((raw) => { const value = form.clean(field, raw); return value + ' ' + (form.check(field, value, true) || 'ok'); });
				  }
				  out.empty = [form.check('email', '', false) || 'ok', form.check('cccd', '', true)];
				  return out;
				}""", Year.now().getValue() + 1);
		assertThat(results.get("cccd")).isEqualTo(List.of("066185000123 ok", "066185000123 ok", "066185000123 ok",
				"06618500012 form.error.cccd", "0661850001234 form.error.cccd", "999185000123 form.error.cccdProvince",
				"06618500012a form.error.cccd"));
		assertThat(results.get("phone")).isEqualTo(List.of("0912345678 ok", "0912345678 ok", "0912345678 ok", "0912345678 ok",
				"0212345678 form.error.phone", "091234567 form.error.phone", "1912345678 form.error.phone",
				"0212345678 form.error.phone"));
		assertThat(results.get("birthYear")).isEqualTo(List.of("1900 ok", "1985 ok", "1899 form.error.birthYear",
				(Year.now().getValue() + 1) + " form.error.birthYear", "85 form.error.birthYear", "abcd form.error.birthYear"));
		assertThat(results.get("email")).isEqualTo(List.of("hoa@example.vn ok", "hoa@ form.error.email",
				"hoa@example form.error.email", "a b@example.vn form.error.email", "x".repeat(65) + "@example.vn form.error.email"));
		assertThat(results.get("fullName")).isEqualTo(List.of("Nguyễn Thị Hoa ok", "x".repeat(201) + " form.error.fullName"));
		assertThat(results.get("gender")).isEqualTo(List.of("MALE ok", "FEMALE ok", "OTHER ok", "M form.error.required"));
		assertThat(results.get("empty")).isEqualTo(List.of("ok", "form.error.required"));
	}
}
