package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contest page's two catalogs hold the same non-empty keys, Vietnamese in NFC, every key the
 * page's code names (literal keys, and the keys it builds from a form field, a gender, a prediction
 * kind or an error code of the public contest API).
 */
class ContestCatalogTest {

	/** The identity form's fields (docs/contests.md): each has a label. */
	static final List<String> FIELDS = List.of("fullName", "birthYear", "gender", "cccd", "phone", "email", "unitCode",
			"freeText");

	/** The error codes an entrant can meet and the page explains in its own words. */
	static final List<String> ERROR_CODES = List.of("attempt.limit-reached", "attempt.start.busy", "round.not-open", "round.closing", "attempt.closed",
			"entrant.identity-taken", "entrant.locked", "http.429", "http.500", "http.503");

	static Map<String, String> catalog(String language) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (InputStream in = ContestCatalogTest.class.getResourceAsStream("/static/contest/i18n/" + language + ".json")) {
			assertThat(in).as(language + " catalog").isNotNull();
			JsonNode node = JsonMapper.builder().build().readTree(in);
			node.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asString()));
		}
		return entries;
	}

	static String code() throws IOException, URISyntaxException {
		Path folder = Paths.get(ContestCatalogTest.class.getResource("/static/contest/app.js").toURI()).getParent();
		StringBuilder all = new StringBuilder();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
				all.append(Files.readString(file)).append('\n');
			}
		}
		return all.toString();
	}

	@Test
	void bothLanguagesHaveTheSameNonEmptyKeysAndVietnameseIsComposed() throws IOException {
		Map<String, String> vi = catalog("vi");
		Map<String, String> en = catalog("en");
		assertThat(vi).hasSizeGreaterThan(100);
		assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
		vi.forEach((key, text) -> assertThat(text).as("vi " + key).isNotBlank());
		en.forEach((key, text) -> assertThat(text).as("en " + key).isNotBlank());
		vi.forEach((key, text) -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("vi %s in NFC", key)
			.isTrue());
		// Placeholders match, so neither language shows a raw {name}.
		Pattern placeholder = Pattern.compile("\\{(\\w+)}");
		vi.forEach((key, text) -> assertThat(placeholders(placeholder, en.get(key))).as("placeholders of " + key)
			.isEqualTo(placeholders(placeholder, text)));
	}

	private static Set<String> placeholders(Pattern pattern, String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	@Test
	void everyKeyThePageNamesIsInTheCatalog() throws IOException, URISyntaxException {
		Map<String, String> vi = catalog("vi");
		String code = code();
		Set<String> named = new TreeSet<>();
		Matcher literal = Pattern.compile("\\bt\\('([A-Za-z]+(?:\\.[A-Za-z-]+)+)'").matcher(code);
		while (literal.find()) {
			named.add(literal.group(1));
		}
		// Keys built at run time: t('form.field.' + field), t('form.gender.' + gender), ...
		Matcher built = Pattern.compile("t\\('([a-z]+(?:\\.[A-Za-z]+)*\\.)' \\+").matcher(code);
		Set<String> prefixes = new TreeSet<>();
		while (built.find()) {
			prefixes.add(built.group(1));
		}
		assertThat(prefixes).containsExactlyInAnyOrder("form.field.", "form.gender.", "form.hint.", "prediction.");
		FIELDS.forEach(field -> named.add("form.field." + field));
		List.of("MALE", "FEMALE", "OTHER").forEach(gender -> named.add("form.gender." + gender));
		List.of("PERFECT_SCORES", "ENTRANTS").forEach(kind -> named.add("prediction." + kind));
		ERROR_CODES.forEach(error -> named.add("error." + error));
		assertThat(code).contains("const key = 'error.' + result.code;");
		assertThat(code).contains("export const GENDERS = ['MALE', 'FEMALE', 'OTHER'];");
		assertThat(named).hasSizeGreaterThan(100);
		assertThat(vi.keySet()).containsAll(named);
	}

	@Test
	void theFormHintsExistOnlyForFieldsOfTheForm() throws IOException {
		for (String key : catalog("vi").keySet()) {
			if (key.startsWith("form.hint.")) {
				assertThat(FIELDS).as(key).contains(key.substring("form.hint.".length()));
			}
		}
	}
}
