package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organiser console's catalogs: per area, Vietnamese and English hold the same non-empty keys in NFC;
 * no key is defined by two areas; every key the code names literally exists; and no screen carries
 * Vietnamese text of its own instead of a catalog key.
 */
class AdminCatalogTest {

	static final List<String> AREAS = List.of("common", "accounts", "bank", "quiz", "host", "results");

	/** The console's folder, inside the admin-ui jar (or its classes folder in an IDE). */
	static Path consoleFolder() throws URISyntaxException, IOException {
		URI app = AdminCatalogTest.class.getResource("/META-INF/resources/admin/app.js").toURI();
		if ("jar".equals(app.getScheme())) {
			try {
				FileSystems.newFileSystem(app, Map.of());
			}
			catch (FileSystemAlreadyExistsException ex) {
				// opened by an earlier test
			}
		}
		return Paths.get(app).getParent();
	}

	static Map<String, String> catalog(String area, String language) throws IOException, URISyntaxException {
		Map<String, String> entries = new LinkedHashMap<>();
		JsonNode node = JsonMapper.builder().build()
			.readTree(Files.readString(consoleFolder().resolve("i18n").resolve(area + "." + language + ".json")));
		node.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asString()));
		return entries;
	}

	static List<Path> scripts() throws IOException, URISyntaxException {
		try (Stream<Path> files = Files.walk(consoleFolder())) {
			return files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
		}
	}

	@Test
	void eachAreaHasTheSameKeysInBothLanguagesAndNoKeyIsDefinedTwice() throws Exception {
		Map<String, String> owner = new TreeMap<>();
		for (String area : AREAS) {
			Map<String, String> vi = catalog(area, "vi");
			Map<String, String> en = catalog(area, "en");
			assertThat(en.keySet()).as("keys of %s.en against %s.vi", area, area).containsExactlyInAnyOrderElementsOf(vi.keySet());
			vi.forEach((key, text) -> assertThat(text).as("vi " + key).isNotBlank());
			en.forEach((key, text) -> assertThat(text).as("en " + key).isNotBlank());
			vi.forEach((key, text) -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("vi %s in NFC", key).isTrue());
			for (String key : vi.keySet()) {
				String before = owner.put(key, area);
				assertThat(before).as("key %s is defined by %s and %s", key, before, area).isNull();
			}
		}
		assertThat(owner).hasSizeGreaterThan(40);
	}

	@Test
	void everyKeyTheCodeNamesIsInACatalog() throws Exception {
		Set<String> known = new TreeSet<>();
		for (String area : AREAS) {
			known.addAll(catalog(area, "vi").keySet());
		}
		Pattern call = Pattern.compile("\\bt\\(\\s*'([A-Za-z0-9_.-]+)'");
		Set<String> named = new TreeSet<>();
		for (Path script : scripts()) {
			Matcher matcher = call.matcher(Files.readString(script));
			while (matcher.find()) {
				named.add(matcher.group(1));
			}
		}
		named.removeIf(key -> key.endsWith("."));
		assertThat(named).hasSizeGreaterThan(20);
		assertThat(known).containsAll(named);
	}

	@Test
	void screensTakeTheirWordsFromTheCatalogs() throws Exception {
		// Vietnamese letters outside the basic Latin range: a screen that shows them has text of its own.
		Pattern vietnamese = Pattern.compile("[À-ỹ]");
		List<String> found = new ArrayList<>();
		for (Path script : scripts()) {
			String[] lines = Files.readString(script).split("\n");
			for (int i = 0; i < lines.length; i++) {
				String line = lines[i].strip();
				if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
					continue;
				}
				// the one bilingual line: the console could not load its catalogs
				if (line.contains("không tải được bảng điều khiển / the console failed to load")) {
					continue;
				}
				if (vietnamese.matcher(line).find()) {
					found.add(consoleFolder().relativize(script) + ":" + (i + 1) + ": " + line);
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
