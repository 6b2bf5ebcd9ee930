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
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.account.OrganisationKind;
import vn.quizfest.server.account.Role;

/**
 * The organiser console's catalogs: per area, Vietnamese and English hold the same non-empty keys in NFC
 * with the same placeholders; no key is defined by two areas; every key the code names exists, and a
 * label for every value of the enumerations the screens show; no screen carries Vietnamese text of its
 * own instead of a catalog key.
 */
class AdminCatalogTest {

	static final List<String> AREAS = List.of("common", "accounts", "bank", "quiz", "host", "results", "contest", "system");

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
			vi.forEach((key, text) -> assertThat(placeholders(en.get(key))).as("placeholders of " + key).isEqualTo(placeholders(text)));
			for (String key : vi.keySet()) {
				String before = owner.put(key, area);
				assertThat(before).as("key %s is defined by %s and %s", key, before, area).isNull();
			}
		}
		assertThat(owner).hasSizeGreaterThan(40);
	}

	/**
	 * A button whose accessible name adds detail to its visible label starts with that label (WCAG 2.5.3
	 * Label in Name): "Đã thêm: Mã OTP là gì?" for "Đã thêm", "Mời ra: Hòa" for "Mời ra".
	 */
	@Test
	void accessibleNamesStartWithTheVisibleLabel() throws Exception {
		Map<String, String> labelOfName = Map.of("quiz.addOne", "quiz.add", "quiz.addedOne", "quiz.added",
				"host.kick.label", "host.kick");
		for (String language : List.of("vi", "en")) {
			Map<String, String> texts = new LinkedHashMap<>();
			texts.putAll(catalog("quiz", language));
			texts.putAll(catalog("host", language));
			labelOfName.forEach((name, label) -> assertThat(texts.get(name)).as("%s %s", language, name)
				.startsWith(texts.get(label) + ":"));
		}
	}

	@Test
	void everyKeyTheCodeNamesIsInACatalog() throws Exception {
		Set<String> known = new TreeSet<>();
		for (String area : AREAS) {
			known.addAll(catalog(area, "vi").keySet());
		}
		// t('key') calls, and quoted keys of the hosting and contest areas (their computed keys are listed as literals)
		Pattern call = Pattern.compile("(?<![\\w.])t\\(\\s*'([A-Za-z0-9_.-]+)'|'((?:host|present|results|contest)\\.[\\w.-]+)'");
		Set<String> named = new TreeSet<>();
		for (Path script : scripts()) {
			Matcher matcher = call.matcher(Files.readString(script));
			while (matcher.find()) {
				named.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
			}
		}
		// keys computed from a value: a label for every value the screens can meet
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
		for (Role role : Role.values()) {
			named.add("role." + role.name());
		}
		for (String format : List.of("xlsx", "kahoot", "csv", "json")) {
			named.add("format." + format);
		}
		for (int difficulty = 1; difficulty <= 3; difficulty++) {
			named.add("difficulty." + difficulty);
		}
		contestKeys(named);
		named.removeIf(key -> key.endsWith("."));
		assertThat(named).hasSizeGreaterThan(300);
		assertThat(known).containsAll(named);
	}

	/** The online contest screens' computed keys: a label for every value of the contest API they show. */
	static void contestKeys(Set<String> named) {
		Map<String, List<String>> values = Map.ofEntries(Map.entry("contest.state.", List.of("SCHEDULED", "OPEN", "CLOSED")),
				Map.entry("contest.round.stateText.", List.of("SCHEDULED", "OPEN", "CLOSED")),
				Map.entry("contest.tabs.", List.of("settings", "rounds", "units", "entrants", "dashboard")),
				Map.entry("contest.key.", List.of("CCCD", "PHONE")),
				Map.entry("contest.gender.", List.of("MALE", "FEMALE", "OTHER")),
				Map.entry("contest.field.", List.of("fullName", "birthYear", "gender", "cccd", "phone", "email", "unitCode", "freeText")),
				Map.entry("contest.policy.", List.of("ONE_PER_CONTEST", "ONE_PER_ROUND", "BEST_OF")),
				Map.entry("contest.prediction.", List.of("PERFECT_SCORES", "ENTRANTS", "NONE")),
				Map.entry("contest.tieBreak.", List.of("SCORE", "PREDICTION", "TIME_USED", "SUBMITTED_AT")),
				Map.entry("contest.level.", List.of("0", "1", "2")),
				Map.entry("contest.export.", List.of("winners", "entrants", "unit-ranking")));
		values.forEach((prefix, list) -> list.forEach(value -> named.add(prefix + value)));
		for (String column : List.of("rank", "name", "population", "entrants", "participationRate", "points")) {
			named.add("contest.units.col." + column);
		}
		for (String fact : List.of("entrants", "attempts", "perfectScores", "realFigure")) {
			named.add("contest.results." + fact);
		}
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
				// the bilingual line shown when the catalogs cannot load, and text written into questions
				if (line.contains("không tải được bảng điều khiển / the console failed to load")
						|| line.endsWith("// question content, not console text")) {
					continue;
				}
				if (vietnamese.matcher(line).find()) {
					found.add(consoleFolder().relativize(script) + ":" + (i + 1) + ": " + line);
				}
			}
		}
		assertThat(found).isEmpty();
	}

	static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\{(\\w+)\\}").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
