package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * Unknown PINs are counted per address over REST lookups and socket joins together; past the limit
 * both sides refuse every PIN, the right one too (429 with Retry-After and a problem document, or the
 * TOO_MANY_ATTEMPTS error with retryAfter), so a sweep learns nothing while it waits.
 */
@TestPropertySource(properties = { "quizfest.limits.pin-misses-per-minute=5", "quizfest.limits.pin-misses-per-hour=50" })
class PinEnumerationIntegrationTest extends LiveIntegrationSupport {

	@Test
	void wrongPinsOverSocketsAndRestCountTogetherAndThenEveryPinWaits() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		String wrong = game.pin().equals("100000") ? "100001" : "100000";
		ApiClient rest = new ApiClient(port);
		assertThat(rest.get("/api/pins/" + game.pin()).status()).as("a right PIN costs nothing").isEqualTo(200);

		// Three misses on three sockets, two over REST (one of them malformed).
		for (int i = 0; i < 3; i++) {
			Client socket = connect("/ws/play");
			socket.send(Map.of("type", "join", "v", 1, "pin", wrong, "nickname", "Dò " + i));
			assertThat(error(socket).path("code").asString()).isEqualTo("BAD_PIN");
		}
		assertThat(rest.get("/api/pins/" + wrong).status()).isEqualTo(404);
		assertThat(rest.get("/api/pins/12ab").status()).isEqualTo(400);

		ApiClient.Response limited = rest.get("/api/pins/" + game.pin());
		assertThat(limited.status()).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 12L);
		assertThat(limited.body().path("code").asString()).isEqualTo("pin.too-many-attempts");
		assertThat(limited.body().path("detail").asString()).contains("giây");
		assertThat(rest.get("/api/pins/" + game.pin() + "/qr.svg").status()).isEqualTo(429);

		Client player = connect("/ws/play");
		player.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan", "lang", "en"));
		JsonNode refused = error(player);
		assertThat(refused.path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
		assertThat(refused.path("retryAfter").asLong()).isBetween(1L, 12L);
		assertThat(refused.path("message").asString()).contains("seconds");
		assertThat(live(game).connectedPlayers()).as("the refused join added no player").isZero();
	}
}
