package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.TestSocket;

/**
 * The PIN check ({@code GET /api/pins/{pin}}, no account) tells the phone which kind of game the PIN
 * belongs to: {@code format}, and {@code joinWith} {@code NUMBER} where players join with the
 * organiser's numbers (docs/protocol.md section 17), beside the fields a v1 page already reads.
 */
class PinLookupFormatIntegrationTest extends PlayerPageServer {

	JsonNode lookup(String pin) {
		ApiClient.Response found = new ApiClient(port).get("/api/pins/" + pin);
		assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
		return found.body();
	}

	@Test
	void aClassicGameSaysHostedAndNickname() {
		Game game = hostGame(singleChoiceQuiz(1, 20), Map.of());
		JsonNode body = lookup(game.pin());
		assertThat(body.path("format").asString()).isEqualTo("HOSTED");
		assertThat(body.path("joinWith").asString()).isEqualTo("NICKNAME");
		// the fields a v1 page reads are unchanged, the new ones added beside them
		List<String> fields = new ArrayList<>();
		body.propertyNames().forEach(fields::add);
		assertThat(fields).containsExactly("pin", "title", "joinable", "joinUrl", "joinHost", "units", "unitsAssigned", "format",
				"joinWith");
		assertThat(body.path("title").asString()).isEqualTo(GAME_TITLE);
		assertThat(body.path("joinable").asBoolean()).isTrue();
	}

	@Test
	void rungChuongVangWithTheOrganisersListSaysNumber() {
		Game game = hostGame(singleChoiceQuiz(2, 20), Map.of("format", "ELIMINATION", "elimination",
				Map.of("numbers", List.of(Map.of("number", "A01", "name", "Nguyễn Văn An"), Map.of("number", "A02")))));
		JsonNode body = lookup(game.pin());
		assertThat(body.path("format").asString()).isEqualTo("ELIMINATION");
		assertThat(body.path("joinWith").asString()).isEqualTo("NUMBER");
		// the list's names stay with the organiser: the check names no number and no player
		assertThat(body.toString()).doesNotContain("A01").doesNotContain("Nguyễn Văn An");

		// What the field promises: a number joins, a nickname is refused.
		TestSocket an = socketPlayer(game.pin(), "A01");
		assertThat(an).isNotNull();
		TestSocket stranger = TestSocket.connect(http, port, "/ws/play");
		sockets.add(stranger);
		stranger.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan"));
		assertThat(stranger.next("error").path("code").asString()).isEqualTo("NUMBER_UNKNOWN");

		// Still said once the game is over (the phone then hears it is not joinable).
		game.host().send(Map.of("type", "end"));
		game.host().next("ended");
		JsonNode over = lookup(game.pin());
		assertThat(over.path("joinable").asBoolean()).isFalse();
		assertThat(over.path("joinWith").asString()).isEqualTo("NUMBER");
	}

	@Test
	void rungChuongVangWithoutAListNumbersInJoinOrderAndTakesNicknames() {
		Game game = hostGame(singleChoiceQuiz(2, 20), Map.of("format", "ELIMINATION"));
		JsonNode body = lookup(game.pin());
		assertThat(body.path("format").asString()).isEqualTo("ELIMINATION");
		assertThat(body.path("joinWith").asString()).isEqualTo("NICKNAME");
	}

	@Test
	void aBuzzerGameSaysBuzzerAndNickname() {
		Game game = hostGame(singleChoiceQuiz(2, 20), Map.of("format", "BUZZER"));
		JsonNode body = lookup(game.pin());
		assertThat(body.path("format").asString()).isEqualTo("BUZZER");
		assertThat(body.path("joinWith").asString()).isEqualTo("NICKNAME");
	}
}
