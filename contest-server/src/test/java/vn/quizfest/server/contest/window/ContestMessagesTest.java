package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every problem code the contest code can answer has its message in both languages: the codes are read
 * from the sources of this package (string literals shaped like {@code round.not-open}), so a new
 * code without a message fails here.
 */
class ContestMessagesTest {

	private static final Path SOURCES = Path.of("src/main/java/vn/quizfest/server/contest/window");

	private static final Pattern CODE = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-z][a-zA-Z-]*)+)\"");

	/** Literals of that shape that are field names or property names, not message codes. */
	private static final Set<String> NOT_CODES = Set.of("consent.purpose", "consent.retention", "quizfest.contests",
			"quizfest.live-state", "attemptPolicy.kind", "attemptPolicy.maxAttempts", "plan.bankIds", "plan.language",
			"plan.quotas", "plan.pointsPerQuestion", "plan.timeLimitSeconds", "contest.prediction.");

	static Properties catalog(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = ContestMessagesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	static Set<String> allKeys(String suffix) throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String name : new String[] { "messages", "messages-bank", "messages-contest" }) {
			keys.addAll(catalog(name + suffix + ".properties").stringPropertyNames());
		}
		keys.addAll(catalog("questionbank/messages" + suffix + ".properties").stringPropertyNames());
		return keys;
	}

	@Test
	void everyCodeInTheSourcesHasAMessageInBothLanguages() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.list(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = CODE.matcher(Files.readString(file));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		codes.removeAll(NOT_CODES);
		assertThat(codes).contains("round.not-open", "attempt.limit-reached", "cccd.invalid");
		assertThat(allKeys("")).containsAll(codes);
		assertThat(allKeys("_en")).containsAll(codes);
		for (PredictionKind kind : PredictionKind.values()) {
			if (kind != PredictionKind.NONE) {
				assertThat(catalog("messages-contest.properties").getProperty("contest.prediction." + kind)).isNotBlank();
				assertThat(catalog("messages-contest_en.properties").getProperty("contest.prediction." + kind)).isNotBlank();
			}
		}
	}
}
