package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A phone that stops reading is dropped (it can resume) and never slows the others: 50 players in
 * the same game get every frame of every question promptly while the slow one's buffers are full.
 */
class SlowConsumerIntegrationTest extends LiveIntegrationSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PLAYERS = 50;

	private static final int QUESTIONS = 5;

	/** Well under the send timeout: a stalled fan-out would take at least that long. */
	private static final Duration PROMPT = Duration.ofMillis(1_500);

	@Test
	void aClientThatStopsReadingIsDroppedWhileFiftyOthersGetEveryFramePromptly() throws Exception {
		Created game = createGame(longQuiz(QUESTIONS), quickSettings());
		Client host = host(game);

		RawWebSocket slow = RawWebSocket.connect(port, "/ws/play", 1024);
		slow.sendText(JSON.writeValueAsString(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Chậm chạp")));
		JsonNode joined = JSON.readTree(slow.read().text());
		assertThat(joined.path("type").asString()).isEqualTo("joined");
		String slowToken = joined.path("token").asString();
		int slowNumber = joined.path("player").path("number").asInt();
		// From here on the slow phone reads nothing.

		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi %02d".formatted(i)));
		}
		LiveGame live = live(game);
		assertThat(live.connectedPlayers()).isEqualTo(PLAYERS + 1);

		double slowBefore = meter("quiz_connections_closed_total", "reason=\"slow\"");
		command(host, "start");
		Client resumed = null;
		for (int q = 0; q < QUESTIONS; q++) {
			if (q == QUESTIONS - 1) {
				// By now the slow phone has been dropped; it comes back with its token mid-game.
				await().atMost(WAIT).until(() -> live.connectedPlayers() == PLAYERS);
				assertThat(meter("quiz_connections_closed_total", "reason=\"slow\"")).isGreaterThan(slowBefore);
				resumed = resume(game, slowToken);
				JsonNode again = resumed.next("resumed", WAIT);
				assertThat(again.path("player").path("number").asInt()).isEqualTo(slowNumber);
				assertThat(again.path("phase").asString()).isEqualTo("OPEN");
				assertThat(resumed.next("open", WAIT).path("q").asInt()).isEqualTo(q);
				resumed.send(answer(q, 0));
				assertThat(resumed.next("ack", WAIT).path("accepted").asBoolean()).isTrue();
			}
			everyoneGets(players, "question", q);
			everyoneGets(players, "open", q);
			// All but the last answer, so the host (not the all-answered rule) closes each question.
			for (int i = 0; i < PLAYERS - 1; i++) {
				players.get(i).socket().send(answer(q, i % 4));
			}
			for (int i = 0; i < PLAYERS - 1; i++) {
				assertThat(players.get(i).socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
			}
			long sent = System.nanoTime();
			host.send(Map.of("type", "next"));
			everyoneGets(players, "closed", q, sent);
			everyoneGets(players, "outcome", q, sent);
			host.next("closed", q);
			sent = System.nanoTime();
			host.send(Map.of("type", "next"));
			everyoneGets(players, "leaderboard", q, sent);
			host.next("leaderboard", q);
			host.send(Map.of("type", "next"));
		}
		for (Player player : players) {
			player.socket().next("podium");
		}
		for (Player player : players) {
			assertThat(player.socket().next("final", WAIT).path("of").asInt()).isEqualTo(PLAYERS + 1);
		}
		assertThat(resumed).isNotNull();
		JsonNode last = resumed.next("final", WAIT);
		assertThat(last.path("score").asLong()).as("the resumed player's answer to the last question counted")
			.isPositive();
		host.send(Map.of("type", "next"));
		for (Player player : players) {
			player.socket().next("ended", WAIT);
		}

		// What the slow phone finds when it reads again: the frames that fitted, then the end.
		slow.soTimeout(5_000);
		int closeCode = -1;
		int frames = 0;
		try {
			while (true) {
				RawWebSocket.Frame frame = slow.read();
				if (frame.opcode() == 8) {
					closeCode = frame.closeCode();
					break;
				}
				frames++;
			}
		}
		catch (IOException ex) {
			// The server gave up on the socket without a close frame (it could not be written).
		}
		slow.close();
		assertThat(closeCode).as("close code after %d frames", frames).isIn(-1, 4010);
		assertThat(frames).as("the slow phone did not get the whole game").isLessThan(QUESTIONS * 5);
	}

	private static void everyoneGets(List<Player> players, String type, int q) {
		for (Player player : players) {
			player.socket().next(type, q);
		}
	}

	/** Every player got the frame within {@link #PROMPT} of the host's command. */
	private static void everyoneGets(List<Player> players, String type, int q, long sentNanos) {
		everyoneGets(players, type, q);
		long took = (System.nanoTime() - sentNanos) / 1_000_000;
		assertThat(took).as("'%s' reached all %d players after %d ms", type, players.size(), took)
			.isLessThan(PROMPT.toMillis());
	}
}
