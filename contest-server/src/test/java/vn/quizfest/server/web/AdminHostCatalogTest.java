package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hosting and results catalogs of the console: both languages hold the same non-empty keys,
 * Vietnamese in NFC, and every key the hosting and results code names exists.
 */
class AdminHostCatalogTest {

	static final String ROOT = "/META-INF/resources/admin/";

	static final List<String> CODE = List.of("lib/live.js", "screens/host.js", "screens/results.js",
			"screens/host/create.js", "screens/host/run.js", "screens/host/control.js", "screens/host/present.js",
			"screens/host/controls.js", "screens/host/chart.js", "screens/host/shapes.js", "screens/host/token.js",
			"screens/results/list.js", "screens/results/detail.js");

	static Map<String, String> catalog(String area, String language) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (InputStream in = AdminHostCatalogTest.class.getResourceAsStream(ROOT + "i18n/" + area + "." + language + ".json")) {
			assertThat(in).as(area + "." + language).isNotNull();
			JsonNode node = JsonMapper.builder().build().readTree(in);
			node.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asString()));
		}
		return entries;
	}

	@Test
	void bothLanguagesHaveTheSameNonEmptyKeysAndVietnameseIsComposed() throws IOException {
		for (String area : List.of("host", "results")) {
			Map<String, String> vi = catalog(area, "vi");
			Map<String, String> en = catalog(area, "en");
			assertThat(en.keySet()).as(area).containsExactlyInAnyOrderElementsOf(vi.keySet());
			vi.forEach((key, text) -> assertThat(text).as("vi " + key).isNotBlank());
			en.forEach((key, text) -> assertThat(text).as("en " + key).isNotBlank());
			vi.forEach((key, text) -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("vi %s in NFC", key).isTrue());
			// the same placeholders in both languages
			vi.forEach((key, text) -> assertThat(placeholders(en.get(key))).as("placeholders of " + key).isEqualTo(placeholders(text)));
		}
	}

	@Test
	void everyKeyTheHostingAndResultsCodeNamesExists() throws IOException {
		Map<String, String> all = new LinkedHashMap<>();
		for (String area : List.of("common", "host", "results")) {
			all.putAll(catalog(area, "vi"));
		}
		// t('key') calls and quoted keys of the areas (computed keys are listed as literals in the code)
		Pattern keys = Pattern.compile("(?<![\\w.])t\\('([\\w.]+)'|'((?:host|present|results)\\.[\\w.]+)'");
		TreeSet<String> named = new TreeSet<>();
		for (String file : CODE) {
			try (InputStream in = AdminHostCatalogTest.class.getResourceAsStream(ROOT + file)) {
				assertThat(in).as(file).isNotNull();
				Matcher m = keys.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (m.find()) {
					named.add(m.group(1) != null ? m.group(1) : m.group(2));
				}
			}
		}
		assertThat(named).hasSizeGreaterThan(150);
		assertThat(all.keySet()).containsAll(named);
	}

	static TreeSet<String> placeholders(String text) {
		TreeSet<String> found = new TreeSet<>();
		Matcher m = Pattern.compile("\\{(\\w+)\\}").matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}
}
