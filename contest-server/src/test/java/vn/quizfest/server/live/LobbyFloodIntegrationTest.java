package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Lobby flooding: joins per address and game are rate-limited and capped, disconnected players who
 * never answered do not keep honest players out of a full game, and the host can lock the lobby and
 * remove every disconnected player at once. Small limits here; the defaults are 20 joins/s and 300.
 */
@TestPropertySource(properties = { "quizfest.limits.joins-per-second=5", "quizfest.limits.players-per-address=25" })
class LobbyFloodIntegrationTest extends LiveIntegrationSupport {

	private static boolean isType(JsonNode frame, String... types) {
		return List.of(types).contains(frame.path("type").asString());
	}

	/** One join on a new socket: the joined frame, or the error. */
	private JsonNode tryJoin(Created game, String nickname) {
		Client socket = connect("/ws/play");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", nickname));
		return socket.next(f -> isType(f, "joined", "error"), WAIT, "joined or error");
	}

	/** Joins, waiting out the join rate as a phone would (it shows the message, the player taps again). */
	private JsonNode joinPatiently(Created game, String nickname) {
		AtomicReference<JsonNode> reply = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
			reply.set(tryJoin(game, nickname));
			return !"JOIN_RATE_LIMITED".equals(reply.get().path("code").asString());
		});
		return reply.get();
	}

	@Test
	void aFloodOfJoinsFromOneAddressIsSlowedAndCapped() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		// 20 at once: the burst (twice the rate) goes in, the rest are told to wait.
		List<JsonNode> replies = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			replies.add(tryJoin(game, "Lũ " + i));
		}
		long limited = replies.stream().filter(r -> "JOIN_RATE_LIMITED".equals(r.path("code").asString())).count();
		// Opening each socket takes a little time, so the bucket refills a few joins meanwhile.
		assertThat(limited).as("joins refused by the rate").isBetween(3L, 10L);
		JsonNode refusal = replies.stream().filter(r -> r.path("code").asString().equals("JOIN_RATE_LIMITED")).findFirst().orElseThrow();
		assertThat(refusal.path("retryAfter").asLong()).isBetween(1L, 2L);
		assertThat(refusal.path("message").asString()).contains("giây");

		// A refused join (a taken nickname) is no player and leaves the cap alone.
		int joined = (int) replies.stream().filter(r -> isType(r, "joined")).count();
		assertThat(joinPatiently(game, "Lũ 0").path("code").asString()).isEqualTo("NICKNAME_TAKEN");
		for (int i = joined; i < 25; i++) {
			assertThat(joinPatiently(game, "Đủ " + i).path("type").asString()).as("join %d", i).isEqualTo("joined");
		}
		JsonNode full = joinPatiently(game, "Thừa");
		assertThat(full.path("code").asString()).isEqualTo("ADDRESS_FULL");
		assertThat(live(game).<Integer>read(g -> g.activePlayerCount())).isEqualTo(25);
	}

	@Test
	void playersWhoLeftWithoutAnsweringDoNotFillTheGame() {
		Map<String, Object> settings = quickSettings();
		settings.put("maxPlayers", 3);
		Created game = createGame(singleChoiceQuiz(1), settings);
		List<Player> ghosts = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ghosts.add(join(game, "Ma " + i));
		}
		ghosts.forEach(ghost -> ghost.socket().abort());
		await().atMost(WAIT).until(() -> live(game).connectedPlayers() == 0);
		assertThat(join(game, "Người thật").number()).isEqualTo(4);
		// Now three connected or answered seats are taken again: the fifth player is refused.
		Player lan = join(game, "Lan");
		join(game, "Minh");
		assertThat(tryJoin(game, "Thừa").path("code").asString()).isEqualTo("GAME_FULL");
		assertThat(lan.number()).isEqualTo(5);
	}

	@Test
	void theHostLocksTheLobbyAndRemovesDisconnectedPlayers() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");
		Player gone = join(game, "Đã đi");
		Client host = host(game);
		Client presenter = host(game);

		host.send(Map.of("type", "lock", "id", "l1"));
		assertThat(host.next("done").path("command").asString()).isEqualTo("lock");
		assertThat(presenter.next("lobbyLock").path("locked").asBoolean()).isTrue();
		JsonNode locked = tryJoin(game, "Muộn");
		assertThat(locked.path("code").asString()).isEqualTo("LOBBY_LOCKED");
		assertThat(locked.path("message").asString()).isNotBlank();
		// A host screen that connects now sees the lock; a player who dropped may still come back.
		assertThat(connectHosted(game).path("locked").asBoolean()).isTrue();
		lan.socket().abort();
		assertThat(resume(game, lan.token()).next("resumed").path("player").path("number").asInt()).isEqualTo(lan.number());

		gone.socket().abort();
		await().atMost(WAIT).until(() -> live(game).connectedPlayers() == 1);
		host.send(Map.of("type", "prune"));
		JsonNode pruned = host.next("done");
		assertThat(pruned.path("command").asString()).isEqualTo("prune");
		assertThat(pruned.path("removed").asInt()).isEqualTo(1);
		JsonNode removed = presenter.next(f -> isType(f, "players") && !f.path("kicked").isEmpty(), WAIT, "players with kicked");
		assertThat(removed.path("kicked").get(0).asInt()).isEqualTo(gone.number());
		assertThat(resume(game, gone.token()).next("error").path("code").asString()).isEqualTo("KICKED");
		assertThat(live(game).<Integer>read(g -> g.activePlayerCount())).isEqualTo(1);

		host.send(Map.of("type", "unlock"));
		assertThat(host.next("done").path("command").asString()).isEqualTo("unlock");
		assertThat(presenter.next("lobbyLock").path("locked").asBoolean()).isFalse();
		assertThat(tryJoin(game, "Muộn").path("type").asString()).isEqualTo("joined");
	}

	private JsonNode connectHosted(Created game) {
		Client screen = connect("/ws/host");
		screen.send(Map.of("type", "host", "v", 1, "game", game.id(), "token", game.hostToken()));
		return screen.next("hosted", WAIT);
	}
}
