package vn.quizfest.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.microsoft.playwright.Page;

/**
 * The accessibility check of the browser tests: axe-core (from its WebJar on the test classpath,
 * nothing fetched at run time) runs in the page as it is now and the test fails on any WCAG 2.1 A or
 * AA violation, printing each rule, the elements it found and the rule's help. Call it once the
 * screen under test is shown: {@code AxeCheck.assertNoViolations(page, "player lobby")}.
 */
final class AxeCheck {

	/** The WCAG 2.0 and 2.1 levels A and AA: the level the product promises. */
	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * Rules that axe marks experimental and so leaves out of a tag run, switched on because they check
	 * a WCAG 2.1 A criterion the pages must meet (2.5.3 Label in Name).
	 */
	static final List<String> EXTRA_RULES = List.of("label-content-name-mismatch");

	/**
	 * Rules switched off, each with the reason. Empty: a violation is fixed in the page, never hidden
	 * here. A rule added here needs a written reason the reviewer can check.
	 */
	static final Map<String, String> EXCLUDED_RULES = Map.of();

	private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";

	private static volatile String source;

	private AxeCheck() {
	}

	/** Runs axe on the whole page and fails with a readable list of the violations found. */
	static void assertNoViolations(Page page, String context) {
		List<String> violations = violations(page);
		if (!violations.isEmpty()) {
			String report = "Accessibility (WCAG 2.1 A/AA) violations on " + context + " (" + page.url() + "):\n"
					+ String.join("\n", violations);
			System.out.println(report);
			throw new AssertionError(report);
		}
	}

	/** The violations of the page as text lines: rule, impact, help, then each element's target. */
	@SuppressWarnings("unchecked")
	static List<String> violations(Page page) {
		inject(page);
		Map<String, Object> options = Map.of("tags", TAGS, "extra", EXTRA_RULES, "excluded",
				List.copyOf(EXCLUDED_RULES.keySet()));
		return (List<String>) page.evaluate("""
				async (o) => {
				  const rules = {};
				  o.extra.forEach((id) => { rules[id] = { enabled: true }; });
				  o.excluded.forEach((id) => { rules[id] = { enabled: false }; });
				  const result = await window.axe.run(document, {
				    runOnly: { type: 'tag', values: o.tags }, rules, resultTypes: ['violations'] });
				  return result.violations.map((v) => '- ' + v.id + ' (' + v.impact + '): ' + v.help + ' ' + v.helpUrl
				    + v.nodes.map((n) => '\\n    at ' + n.target.join(' ') + ': ' + n.html.slice(0, 160)
				      + '\\n      ' + (n.failureSummary || '').replace(/\\n/g, ' ')).join(''));
				}""", options);
	}

	/**
	 * Evaluated through the DevTools protocol rather than added as a script element, so the page's
	 * Content-Security-Policy (which the tests also check) stays as strict as in production.
	 */
	private static void inject(Page page) {
		if (Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			return;
		}
		page.evaluate(source() + "\n;undefined");
	}

	private static String source() {
		String loaded = source;
		if (loaded == null) {
			ClassLoader loader = AxeCheck.class.getClassLoader();
			try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
				if (pom == null) {
					throw new AssertionError("axe-core is missing from the test classpath (org.webjars.npm:axe-core)");
				}
				Properties properties = new Properties();
				properties.load(pom);
				try (InputStream script = loader
					.getResourceAsStream(WEBJAR + properties.getProperty("version") + "/axe.min.js")) {
					if (script == null) {
						throw new AssertionError("axe.min.js is missing from the axe-core WebJar");
					}
					loaded = new String(script.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			source = loaded;
		}
		return loaded;
	}
}
