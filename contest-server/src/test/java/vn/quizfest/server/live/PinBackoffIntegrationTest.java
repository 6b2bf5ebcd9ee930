package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * A client that keeps guessing PINs waits longer and longer: every time it uses up its misses (REST
 * lookups and socket joins together), the wait doubles, up to a ceiling, and a quiet spell starts it
 * again from the first wait. Short waits here (2 s doubling to 6 s, forgotten after 3 s quiet, misses
 * refilled at one a second); the defaults are 5 s, 15 min and 1 h.
 */
@TestPropertySource(properties = { "quizfest.limits.pin-misses-per-minute=60", "quizfest.limits.pin-misses-per-hour=5000",
		"quizfest.limits.pin-first-wait=2s", "quizfest.limits.pin-max-wait=6s", "quizfest.limits.pin-forget-after=3s" })
class PinBackoffIntegrationTest extends LiveIntegrationSupport {

	@Test
	void theWaitDoublesOverRestAndSocketsUpToTheCeilingAndAQuietSpellResetsIt() throws InterruptedException {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		String wrong = game.pin().equals("100000") ? "100001" : "100000";
		ApiClient rest = new ApiClient(port);

		assertThat(restMissesUntilRefused(rest, wrong)).as("first wait").isBetween(1L, 2L);
		waitOut(rest, game);
		assertThat(socketMissesUntilRefused(wrong)).as("doubled, on the socket").isBetween(3L, 4L);
		waitOut(rest, game);
		assertThat(restMissesUntilRefused(rest, wrong)).as("doubled again, at the ceiling").isBetween(5L, 6L);
		waitOut(rest, game);
		assertThat(socketMissesUntilRefused(wrong)).as("the ceiling holds").isBetween(5L, 6L);
		waitOut(rest, game);

		Thread.sleep(3_500); // a quiet spell longer than pin-forget-after: nothing to await but time
		assertThat(restMissesUntilRefused(rest, wrong)).as("forgotten: the first wait again").isBetween(1L, 2L);
	}

	/** Wrong PINs over REST until the 429; returns its Retry-After. */
	private static long restMissesUntilRefused(ApiClient rest, String wrong) {
		for (int i = 0; i < 300; i++) {
			ApiClient.Response response = rest.get("/api/pins/" + wrong);
			if (response.status() == 429) {
				assertThat(response.body().path("code").asString()).isEqualTo("pin.too-many-attempts");
				return Long.parseLong(response.header("Retry-After"));
			}
			assertThat(response.status()).isEqualTo(404);
		}
		throw new AssertionError("300 wrong PINs and no 429");
	}

	/** Joins with a wrong PIN, a socket each, until TOO_MANY_ATTEMPTS; returns its retryAfter. */
	private long socketMissesUntilRefused(String wrong) {
		for (int i = 0; i < 100; i++) {
			Client socket = connect("/ws/play");
			socket.send(Map.of("type", "join", "v", 1, "pin", wrong, "nickname", "Dò " + i));
			JsonNode refused = error(socket);
			socket.abort();
			if ("TOO_MANY_ATTEMPTS".equals(refused.path("code").asString())) {
				return refused.path("retryAfter").asLong();
			}
			assertThat(refused.path("code").asString()).isEqualTo("BAD_PIN");
		}
		throw new AssertionError("100 wrong joins and no TOO_MANY_ATTEMPTS");
	}

	/** Until the right PIN is answered again: every PIN waits while the address does. */
	private static void waitOut(ApiClient rest, Created game) {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
			.until(() -> rest.get("/api/pins/" + game.pin()).status() == 200);
	}
}
