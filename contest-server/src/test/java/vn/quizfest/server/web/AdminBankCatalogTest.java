package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.account.OrganisationKind;

/**
 * The console's accounts, bank and quiz catalogs: both languages hold the same non-empty keys,
 * Vietnamese in NFC, every key the screens name literally, and a label for every value of the
 * enumerations the screens show (types, topics, statuses, points, languages, organisation kinds).
 */
class AdminBankCatalogTest {

	static final String ROOT = "/META-INF/resources/admin/";

	static final List<String> AREAS = List.of("accounts", "bank", "quiz");

	static final List<String> SCREENS = List.of("screens/accounts.js", "screens/accounts/screen.js", "screens/questions.js",
			"screens/bank/model.js", "screens/bank/list.js", "screens/bank/editor.js", "screens/bank/preview.js",
			"screens/bank/import.js", "screens/bank/problem.js", "screens/quizzes.js", "screens/quiz/list.js", "screens/quiz/editor.js");

	static Map<String, String> catalog(String area, String language) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (InputStream in = AdminBankCatalogTest.class.getResourceAsStream(ROOT + "i18n/" + area + "." + language + ".json")) {
			assertThat(in).as(area + "." + language).isNotNull();
			JsonNode node = JsonMapper.builder().build().readTree(in);
			node.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asString()));
		}
		return entries;
	}

	static Map<String, String> all(String language) throws IOException {
		Map<String, String> all = new LinkedHashMap<>(catalog("common", language));
		for (String area : AREAS) {
			all.putAll(catalog(area, language));
		}
		return all;
	}

	@Test
	void bothLanguagesHaveTheSameNonEmptyKeysAndVietnameseIsComposed() throws IOException {
		for (String area : AREAS) {
			Map<String, String> vi = catalog(area, "vi");
			Map<String, String> en = catalog(area, "en");
			assertThat(en.keySet()).as(area).containsExactlyInAnyOrderElementsOf(vi.keySet());
			vi.forEach((key, text) -> assertThat(text).as("vi " + key).isNotBlank());
			en.forEach((key, text) -> assertThat(text).as("en " + key).isNotBlank());
			vi.forEach((key, text) -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("vi %s in NFC", key).isTrue());
		}
	}

	@Test
	void everyKeyTheScreensNameIsInBothLanguages() throws IOException {
		Pattern literal = Pattern.compile("\\bt\\('([A-Za-z0-9.]+)'");
		Set<String> named = new TreeSet<>();
		for (String screen : SCREENS) {
			try (InputStream in = AdminBankCatalogTest.class.getResourceAsStream(ROOT + screen)) {
				assertThat(in).as(screen).isNotNull();
				Matcher matcher = literal.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (matcher.find()) {
					if (!matcher.group(1).endsWith(".")) {
						named.add(matcher.group(1));
					}
				}
			}
		}
		for (QuestionType type : QuestionType.values()) {
			named.add("type." + type.name());
		}
		for (Topic topic : Topic.values()) {
			named.add("topic." + topic.name());
		}
		for (QuestionStatus status : QuestionStatus.values()) {
			named.add("status." + status.name());
			named.add("status.to." + status.name());
		}
		for (Points points : Points.values()) {
			named.add("points." + points.name());
		}
		for (Language language : Language.values()) {
			named.add("language." + language.name());
		}
		for (OrganisationKind kind : OrganisationKind.values()) {
			named.add("kind." + kind.name());
		}
		for (String format : List.of("xlsx", "kahoot", "csv", "json")) {
			named.add("format." + format);
		}
		for (int difficulty = 1; difficulty <= 3; difficulty++) {
			named.add("difficulty." + difficulty);
		}
		assertThat(named).hasSizeGreaterThan(150);
		assertThat(all("vi").keySet()).containsAll(named);
		assertThat(all("en").keySet()).containsAll(named);
	}
}
