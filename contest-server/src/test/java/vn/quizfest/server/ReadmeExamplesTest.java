package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The README's curl examples run as written against the quick-start server (the embedded default,
 * seed bank loaded at start, on a random port): the API login and seed-bank block, then the live-game
 * block, in one shell so the cookie jar and token carry over. Each output shown in a {@code # {…}}
 * comment must be what the reader sees: "…" stands for anything, digits inside a quoted value for any
 * digits; other values are literal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:readme-examples;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
class ReadmeExamplesTest {

	static final String PASSWORD = password();

	static final Path README = Path.of("..", "README.md");

	static final String MARK = "@@README-OUTPUT@@";

	static String password() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	@DynamicPropertySource
	static void adminPassword(DynamicPropertyRegistry registry) {
		registry.add("quizfest.admin.initial-password", () -> PASSWORD);
	}

	@LocalServerPort
	int port;

	@TempDir
	Path work;

	@Test
	void theApiAndLiveGameExamplesRunAsWrittenAndPrintWhatTheReadmeShows() throws Exception {
		String readme = Files.readString(README, StandardCharsets.UTF_8);
		List<String> blocks = new ArrayList<>();
		blocks.add(shellBlockWith(readme, "api/admin/seed-bank"));
		blocks.add(shellBlockWith(readme, "/api/games\n"));

		StringBuilder script = new StringBuilder("set -euo pipefail\n");
		List<String> expected = new ArrayList<>();
		for (String block : blocks) {
			for (String line : block.lines().toList()) {
				String runnable = line.replace("http://localhost:8080", "http://localhost:" + port)
					.replace("\"password\":\"…\"", "\"password\":\"" + PASSWORD + "\"");
				script.append(runnable).append('\n');
				if (line.strip().startsWith("# {")) {
					expected.add(line.strip().substring(2));
					// Not in the README: separates the outputs so each is compared with its own comment.
					script.append("printf '\\n").append(MARK).append("\\n'\n");
				}
			}
		}
		script.append("printf 'ids=%s\\n' \"$ids\"\n");
		assertThat(expected).as("outputs shown in the README blocks").hasSize(2);

		String out = run(script.toString());
		String[] segments = out.split(Pattern.quote(MARK), -1);
		assertThat(segments).hasSize(expected.size() + 1);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(Pattern.compile(shown(expected.get(i))).matcher(segments[i]).find())
				.as("README shows %s, the server printed %s", expected.get(i), segments[i])
				.isTrue();
		}

		// The live-game example plays three different Vietnamese questions, not one in two languages.
		Matcher ids = Pattern.compile("ids=([0-9,]+)").matcher(segments[expected.size()]);
		assertThat(ids.find()).as(segments[expected.size()]).isTrue();
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", PASSWORD).status()).isEqualTo(200);
		Set<String> groups = new HashSet<>();
		for (String id : ids.group(1).split(",")) {
			JsonNode question = organiser.get("/api/questions/" + id).body();
			assertThat(question.path("language").asString()).as("question %s", id).isEqualTo("VI");
			groups.add(question.path("translationGroup").asString());
		}
		assertThat(groups).as("translation groups of %s", ids.group(1)).hasSize(3);
	}

	/** The first fenced bash block of the README that contains the text. */
	static String shellBlockWith(String readme, String text) {
		Matcher block = Pattern.compile("(?m)^( *)```bash\\n(.*?)^\\1```", Pattern.DOTALL).matcher(readme);
		while (block.find()) {
			if (block.group(2).contains(text)) {
				String indent = block.group(1);
				return block.group(2).lines().map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
					.reduce("", (a, b) -> a + b + "\n");
			}
		}
		throw new AssertionError("No bash block in the README contains " + text);
	}

	/** A shown output as a pattern: "…" is anything, digits inside quotes any digits. */
	static String shown(String output) {
		StringBuilder pattern = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < output.length(); i++) {
			char c = output.charAt(i);
			if (c == '…') {
				pattern.append(".*?");
			}
			else if (quoted && Character.isDigit(c)) {
				while (i + 1 < output.length() && Character.isDigit(output.charAt(i + 1))) {
					i++;
				}
				pattern.append("[0-9]+");
			}
			else {
				if (c == '"') {
					quoted = !quoted;
				}
				pattern.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return pattern.toString();
	}

	String run(String script) throws IOException, InterruptedException {
		Path file = work.resolve("readme.sh");
		Files.writeString(file, script, StandardCharsets.UTF_8);
		Path output = work.resolve("out.txt");
		Process bash = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the README examples end within 60 s").isTrue();
		String out = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(bash.exitValue()).as(out).isZero();
		return out;
	}
}
