package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The glossary of docs/organiser-console.md: one word per concept. No Vietnamese catalog (console,
 * player page, server and question-bank messages) uses a word the glossary set aside, and the results
 * page names its columns as the Excel/CSV export does, in both languages.
 */
class GlossaryCatalogTest {

	/** Set-aside word, and the word the glossary uses instead. */
	static final Map<String, String> NOT_USED = Map.of("đề thi", "bộ đề", "trận thi", "trò chơi", "hội thi", "trò chơi",
			"tên người chơi", "tên hiển thị", "tỉ lệ", "tỷ lệ", "dân số", "số dân");

	/** A contest is "cuộc thi"; a game is never called so, outside the contest screens and messages. */
	static final String CONTEST_WORD = "cuộc thi";

	/** Console results columns and the export's headings of the same thing. */
	static final Map<String, String> SAME_HEADING = Map.of("results.col.rank", "results.column.rank",
			"results.col.nickname", "results.column.nickname", "results.col.score", "results.column.score",
			"results.col.correct", "results.column.correct", "results.col.answered", "results.column.answered");

	@Test
	void noVietnameseCatalogUsesAWordTheGlossarySetAside() throws Exception {
		Map<String, String> texts = vietnameseTexts();
		assertThat(texts).as("Vietnamese catalog entries").hasSizeGreaterThan(500);
		List<String> found = new ArrayList<>();
		texts.forEach((where, text) -> {
			String lower = text.toLowerCase(Locale.ROOT);
			NOT_USED.forEach((word, instead) -> {
				if (lower.contains(word)) {
					found.add(where + ": \"" + word + "\" (use \"" + instead + "\")");
				}
			});
			boolean contestEntry = where.contains("contest");
			if (!contestEntry && lower.contains(CONTEST_WORD)) {
				found.add(where + ": \"" + CONTEST_WORD + "\" is a contest (use \"trò chơi\" for a game)");
			}
		});
		assertThat(found).isEmpty();
	}

	/** Vietnamese quotes are “…”, never the German „…”. */
	@Test
	void vietnameseTextQuotesWithCurlyQuotesNotGermanOnes() throws Exception {
		assertThat(vietnameseTexts()).allSatisfy((where, text) -> assertThat(text).as(where).doesNotContain("„"));
	}

	@Test
	void theResultsPageNamesItsColumnsLikeTheExport() throws Exception {
		for (String language : List.of("vi", "en")) {
			Map<String, String> console = AdminCatalogTest.catalog("results", language);
			Properties server = properties(language.equals("vi") ? "/messages.properties" : "/messages_en.properties");
			SAME_HEADING.forEach((consoleKey, exportKey) -> assertThat(console.get(consoleKey))
				.as("%s %s against %s", language, consoleKey, exportKey)
				.isNotBlank()
				.isEqualTo(server.getProperty(exportKey)));
		}
	}

	/** Every Vietnamese catalog entry, keyed by file and key. */
	static Map<String, String> vietnameseTexts() throws IOException, URISyntaxException {
		Map<String, String> texts = new LinkedHashMap<>();
		Path i18n = AdminCatalogTest.consoleFolder().resolve("i18n");
		try (Stream<Path> files = Files.list(i18n)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".vi.json")).sorted().toList()) {
				String name = "admin/i18n/" + file.getFileName();
				JsonMapper.builder().build().readTree(Files.readString(file)).properties()
					.forEach(entry -> texts.put(name + " " + entry.getKey(), entry.getValue().asString()));
			}
		}
		try (InputStream in = Objects.requireNonNull(GlossaryCatalogTest.class.getResourceAsStream("/static/play/i18n/vi.json"))) {
			JsonMapper.builder().build().readTree(in).properties()
				.forEach(entry -> texts.put("play/i18n/vi.json " + entry.getKey(), entry.getValue().asString()));
		}
		try (InputStream in = Objects.requireNonNull(GlossaryCatalogTest.class.getResourceAsStream("/static/contest/i18n/vi.json"))) {
			JsonMapper.builder().build().readTree(in).properties()
				.forEach(entry -> texts.put("contest/i18n/vi.json " + entry.getKey(), entry.getValue().asString()));
		}
		for (String file : List.of("/messages.properties", "/messages-bank.properties", "/messages-contest.properties",
				"/questionbank/messages.properties")) {
			Properties properties = properties(file);
			properties.stringPropertyNames().forEach(key -> texts.put(file + " " + key, properties.getProperty(key)));
		}
		return texts;
	}

	static Properties properties(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Objects.requireNonNull(GlossaryCatalogTest.class.getResourceAsStream(resource), resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
