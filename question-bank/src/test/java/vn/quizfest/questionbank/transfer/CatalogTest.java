package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/** Every code the transfer package reports or writes has its text in Vietnamese and English. */
class CatalogTest {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = CatalogTest.class.getResourceAsStream("/questionbank/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void bothCatalogsHaveTheSameCodes() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.isEqualTo(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyCodeInTheSourceIsInBothCatalogs() throws IOException {
		Pattern literal = Pattern.compile("\"((?:import|export|transfer|question)\\.[a-zA-Z0-9.-]+)\"");
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/java/vn/quizfest/questionbank/transfer"))) {
			for (Path file : files.toList()) {
				Matcher matcher = literal.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!matcher.group(1).endsWith(".")) {
						codes.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(codes).contains("import.file.zip-bomb", "import.csv.encoding", "export.kahoot.too-long");
		for (String name : List.of("messages.properties", "messages_en.properties")) {
			Set<String> keys = load(name).stringPropertyNames();
			// A literal that starts codes built in the code ("transfer.template.example" + n) is a prefix.
			assertThat(codes).as(name)
				.allSatisfy(code -> assertThat(keys.contains(code) || keys.stream().anyMatch(key -> key.startsWith(code)))
					.as(code)
					.isTrue());
		}
	}

	@Test
	void everyValueOfTheModelHasALabelAndEveryColumnAHeadingAndHelp() {
		for (Locale locale : List.of(Catalog.VIETNAMESE, Locale.ENGLISH)) {
			for (Class<? extends Enum<?>> type : List.of(Language.class, QuestionType.class, Topic.class, Points.class,
					QuestionStatus.class)) {
				assertThat(Labels.choices(type, locale)).doesNotContainNull().doesNotHaveDuplicates();
			}
			for (Column column : Column.values()) {
				assertThat(column.label(locale)).isNotBlank();
				assertThat(column.help(locale)).isNotBlank().doesNotContain("{");
			}
		}
		assertThat(Column.OPTION_3.label(Catalog.VIETNAMESE)).isEqualTo("Phương án 3");
	}

	@Test
	void messagesWithArgumentsAreValidMessageFormatPatterns() throws IOException {
		for (String name : List.of("messages.properties", "messages_en.properties")) {
			Properties catalog = load(name);
			for (String code : catalog.stringPropertyNames()) {
				String pattern = catalog.getProperty(code);
				if (pattern.contains("{0}")) {
					// A lone apostrophe would swallow the rest of the message.
					assertThat(pattern.replace("''", "")).as(code).doesNotContain("'");
					assertThat(new MessageFormat(pattern).format(new Object[] { 1, 2, 3 })).as(code).doesNotContain("{");
				}
			}
		}
	}
}
