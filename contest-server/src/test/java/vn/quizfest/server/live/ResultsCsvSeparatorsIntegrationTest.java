package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.quizfest.server.ApiClient;
import vn.quizfest.server.CsvRows;

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

		List<String> nicknames = CsvRows.parse(text).stream().skip(1).map(row -> row.get(1)).toList();
		assertThat(nicknames).hasSize(2).contains("Lan");
		String written = nicknames.stream().filter(name -> !name.equals("Lan")).findFirst().orElseThrow();
		assertThat(written).as("one cell, marked as text where a cell could start").isEqualTo(";'=1+1;");

		for (String cell : text.split("[;\r\n]")) {
			String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
			assertThat(bare).as("a cell when split at ;").doesNotStartWith("=").doesNotStartWith("+")
				.doesNotStartWith("-").doesNotStartWith("@");
		}
	}
}
