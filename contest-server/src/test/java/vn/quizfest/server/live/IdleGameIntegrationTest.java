package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/** A game left in the lobby ends by itself after quizfest.live.idle-game-timeout; its results are kept. */
@TestPropertySource(properties = "quizfest.live.idle-game-timeout=2s")
class IdleGameIntegrationTest extends LiveIntegrationSupport {

	@Test
	void aGameLeftInTheLobbyEndsByItselfAndKeepsItsResults() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");

		JsonNode ended = lan.socket().next("ended", Duration.ofSeconds(20));
		assertThat(ended.path("reason").asString()).isEqualTo("IDLE");

		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode results = organiser.get("/api/games/" + game.id() + "/results").body();
			assertThat(results.path("game").path("game").path("status").asString()).isEqualTo("ENDED");
			assertThat(results.path("players")).extracting(p -> p.path("nickname").asString()).containsExactly("Lan");
		});
	}
}
