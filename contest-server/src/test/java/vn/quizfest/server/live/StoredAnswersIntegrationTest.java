package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/** {@code GET /api/games/{id}/answers} stores what the ack said: the real arrival time and {@code ms}. */
class StoredAnswersIntegrationTest extends LiveIntegrationSupport {

	@Test
	void anAnswerInTheOpenLeadIsStoredWithItsRealArrivalTimeAndMsZero() {
		Map<String, Object> settings = quickSettings();
		// A long lead, so the answer surely arrives before the clock starts.
		settings.put("openLeadMillis", 3_000);
		Created game = createGame(singleChoiceQuiz(1), settings);
		Client host = host(game);
		Player lan = join(game, "Lan");

		command(host, "start");
		JsonNode open = lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 0));
		JsonNode ack = lan.socket().next("ack", WAIT);
		assertThat(ack.path("accepted").asBoolean()).isTrue();
		assertThat(ack.path("ms").asLong()).isZero();
		assertThat(ack.path("receivedAt").asLong()).isLessThan(open.path("opensAt").asLong());
		command(host, "next");

		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode stored = await().atMost(WAIT).until(() -> organiser.get("/api/games/" + game.id() + "/answers").body(),
				body -> body.path("count").asInt() == 1);
		JsonNode answer = stored.path("answers").get(0);
		assertThat(answer.path("player").asInt()).isEqualTo(lan.number());
		assertThat(answer.path("ms").asLong()).isZero();
		assertThat(answer.path("receivedAt").asLong()).isEqualTo(ack.path("receivedAt").asLong());
	}
}
