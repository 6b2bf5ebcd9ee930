package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The player page's two catalogs hold the same keys, every key the page's code names, a message
 * for every server error code and every close code a player can meet, and Vietnamese text in NFC
 * (composed letters render the same on every phone).
 */
class PlayerCatalogTest {

	static final Set<Integer> PLAYER_CLOSE_CODES = Set.of(4000, 4001, 4002, 4003, 4004, 4008);

	static Map<String, String> catalog(String language) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (InputStream in = PlayerCatalogTest.class.getResourceAsStream("/static/play/i18n/" + language + ".json")) {
			JsonNode node = JsonMapper.builder().build().readTree(in);
			node.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asString()));
		}
		return entries;
	}

	@Test
	void bothLanguagesHaveTheSameNonEmptyKeys() throws IOException {
		Map<String, String> vi = catalog("vi");
		Map<String, String> en = catalog("en");
		assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
		vi.forEach((key, text) -> assertThat(text).as("vi " + key).isNotBlank());
		en.forEach((key, text) -> assertThat(text).as("en " + key).isNotBlank());
		vi.forEach((key, text) -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("vi %s in NFC", key).isTrue());
	}

	@Test
	void everyServerErrorCodeAndPlayerCloseCodeHasAMessage() throws IOException {
		Properties server = new Properties();
		try (InputStream in = PlayerCatalogTest.class.getResourceAsStream("/messages.properties")) {
			server.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> codes = new TreeSet<>();
		server.stringPropertyNames().stream().filter(name -> name.startsWith("live.error.")).forEach(name -> codes.add(name.substring(11)));
		assertThat(codes).contains("BAD_PIN", "NICKNAME_TAKEN", "KICKED");
		Map<String, String> vi = catalog("vi");
		for (String code : codes) {
			if (Set.of("HOST_REFUSED", "NOT_HOST", "ALREADY_STARTED", "NO_PLAYERS", "NOTHING_TO_SKIP", "ALREADY_PAUSED",
					"NOT_PAUSED", "CANNOT_PAUSE", "PLAYER_UNKNOWN").contains(code)) {
				continue; // host commands: a player never sends them
			}
			assertThat(vi).as("message for error " + code).containsKey("error." + code);
		}
		for (int code : PLAYER_CLOSE_CODES) {
			assertThat(vi).as("message for close code " + code).containsKey("close." + code);
		}
	}

	@Test
	void everyKeyThePageNamesIsInTheCatalog() throws IOException, URISyntaxException {
		Path play = Paths.get(PlayerCatalogTest.class.getResource("/static/play/app.js").toURI()).getParent();
		Pattern literal = Pattern.compile("'((?:app|lang|sound|conn|pin|nick|joining|lobby|question|timer|answer|answered|late|result|leaderboard|skipped|podium|ended|paused|unpaused|kicked|replaced|fatal|score|error|close|number)(?:\\.[A-Za-z]+)*)'");
		Map<String, String> vi = catalog("vi");
		Set<String> named = new TreeSet<>();
		try (Stream<Path> files = Files.list(play)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
				Matcher matcher = literal.matcher(Files.readString(file));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		named.removeIf(key -> key.endsWith(".") || !key.contains(".") && !key.equals("unpaused"));
		assertThat(named).hasSizeGreaterThan(60);
		assertThat(vi.keySet()).containsAll(named);
	}
}
