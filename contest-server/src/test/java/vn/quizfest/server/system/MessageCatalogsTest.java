package vn.quizfest.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The server's message catalogs: Vietnamese and English hold the same keys, no message is empty,
 * every message is a valid MessageFormat pattern, and Vietnamese is in NFC.
 */
class MessageCatalogsTest {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageCatalogsTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void bothLanguagesHaveTheSameValidMessages() throws IOException {
		for (String catalog : List.of("messages", "messages-bank", "messages-contest")) {
			Properties vi = load(catalog + ".properties");
			Properties en = load(catalog + "_en.properties");
			assertThat(en.stringPropertyNames()).as(catalog).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
			for (Properties language : List.of(vi, en)) {
				for (String key : language.stringPropertyNames()) {
					String text = language.getProperty(key);
					assertThat(text).as(catalog + " " + key).isNotBlank();
					new MessageFormat(text);
				}
			}
			for (String key : vi.stringPropertyNames()) {
				assertThat(Normalizer.isNormalized(vi.getProperty(key), Normalizer.Form.NFC)).as("vi %s in NFC", key).isTrue();
			}
		}
	}

	@Test
	void theConsoleEndpointsHaveTheirProblemCodes() throws IOException {
		Properties vi = load("messages.properties");
		assertThat(vi.stringPropertyNames()).contains("qr.text.invalid", "image.empty", "image.unsupported",
				"image.too-large", "image.not-found", "error.status.415", "results.filename");
		assertThat(load("messages-bank.properties").stringPropertyNames()).contains("error.status.413");
	}
}
