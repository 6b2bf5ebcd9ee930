package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.quizfest.server.ApiClient;

/**
 * A player named {@code ;=1+1;} (the nickname rules let it through) in a real game's
 * {@code results.csv}: read with a comma, the name is one cell; read the way Excel set to the
 * Vietnamese list separator reads it (split at every {@code ;} and line break, quotes or not), no cell
 * starts with a formula character. The contest exports go through the same writer
 * (ContestCsvSeparatorsTest).
 */
class ResultsCsvSeparatorsIntegrationTest extends LiveIntegrationSupport {

	static final String FORMULA_NICKNAME = ";=1+1;";

	@Test
	void aNicknameThatLooksLikeAFormulaIsTextWithBothSeparators() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player formula = join(game, FORMULA_NICKNAME);
		assertThat(formula.joined().path("player").path("nickname").asString()).isEqualTo(FORMULA_NICKNAME);
		join(game, "Lan");
		command(host, "end");
		host.next("ended", WAIT);

		ApiClient admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		HttpResponse<byte[]> csv = await().atMost(WAIT).until(() -> admin.download("/api/games/" + game.id() + "/results.csv"),
				response -> response.statusCode() == 200);
		String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);

		List<String> nicknames = commaSeparated(text).stream().skip(1).map(row -> row.get(1)).toList();
		assertThat(nicknames).hasSize(2).contains("Lan");
		String written = nicknames.stream().filter(name -> !name.equals("Lan")).findFirst().orElseThrow();
		assertThat(written).as("one cell, marked as text where a cell could start").isEqualTo(";'=1+1;");

		for (String cell : text.split("[;\r\n]")) {
			String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
			assertThat(bare).as("a cell when split at ;").doesNotStartWith("=").doesNotStartWith("+")
				.doesNotStartWith("-").doesNotStartWith("@");
		}
	}

	/** RFC 4180 with a comma: quoted fields may hold separators and doubled quotes; rows end with CRLF. */
	static List<List<String>> commaSeparated(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		return rows;
	}
}
