package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The send path that writes a frame from the sending thread when the socket takes it whole, and
 * leaves the write pending when the socket's buffer is full: 400 frames of 60 bytes to 3 KB (the
 * 7-bit and 16-bit length headers, Vietnamese text), broadcast and per socket, reach 20 phones whole
 * and in order, while a phone that stops reading is closed as a slow consumer and what it did get is
 * an unbroken run of whole frames from the first one on.
 */
class InlineWritesIntegrationTest extends LiveIntegrationSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PLAYERS = 20;

	private static final int FRAMES = 400;

	private static final int BATCH = 20;

	private static final String TEXT = "Bình dân học vụ số: không chia sẻ mã OTP với bất kỳ ai. ";

	@Autowired
	FanOut fanOut;

	@Test
	void aSocketThatStopsReadingIsClosedAsSlowWhileTwentyOthersGetEveryFrameWholeAndInOrder() throws Exception {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		RawWebSocket slow = RawWebSocket.connect(port, "/ws/play", 1024);
		slow.sendText(JSON.writeValueAsString(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Chậm")));
		assertThat(JSON.readTree(slow.read().text()).path("type").asString()).isEqualTo("joined");
		// From here on the slow phone reads nothing.
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi %02d".formatted(i)));
		}
		LiveGame live = live(game);
		await().atMost(WAIT).until(() -> live.localPlayers().size() == PLAYERS + 1);
		List<Peer> peers = live.localPlayers();
		for (Peer peer : peers) {
			assertThat(((Connection) peer).writesInline()).as("Tomcat's sockets are written inline").isTrue();
		}
		double slowBefore = meter("quiz_connections_closed_total", "reason=\"slow\"");

		// In batches well under the queue bound (64 frames), read by the phones that read before the next:
		// a phone keeping up never has more queued, while the one that stopped reading fills its queue.
		for (int batch = 0; batch < FRAMES; batch += BATCH) {
			for (int n = batch; n < batch + BATCH; n++) {
				String frame = probe(n);
				if (n % 10 == 9) {
					// Every tenth goes to each socket as its own frame, as the per-player outcome frames do.
					fanOut.each(peers, peer -> frame);
				}
				else {
					fanOut.broadcast(peers, frame);
				}
			}
			for (Player player : players) {
				for (int n = batch; n < batch + BATCH; n++) {
					JsonNode got = player.socket().next("probe");
					assertThat(got.path("n").asInt()).as("frame %d of a phone that reads", n).isEqualTo(n);
					assertThat(got.path("text").asString()).isEqualTo(text(n));
				}
			}
		}
		await().atMost(WAIT).until(() -> live.connectedPlayers() == PLAYERS);
		assertThat(meter("quiz_connections_closed_total", "reason=\"slow\"")).isGreaterThan(slowBefore);

		// What the slow phone finds when it reads again: whole frames 0, 1, 2... then the end.
		slow.soTimeout(5_000);
		int closeCode = -1;
		int next = 0;
		try {
			while (true) {
				RawWebSocket.Frame frame = slow.read();
				if (frame.opcode() == 8) {
					closeCode = frame.closeCode();
					break;
				}
				JsonNode got = JSON.readTree(frame.text());
				if (!"probe".equals(got.path("type").asString())) {
					continue; // lobby counts sent while the others joined
				}
				assertThat(got.path("n").asInt()).as("the slow phone's frames run unbroken").isEqualTo(next);
				assertThat(got.path("text").asString()).isEqualTo(text(next));
				next++;
			}
		}
		catch (IOException ex) {
			// The server gave up on the socket while its buffer was full: no room for a close frame.
		}
		slow.close();
		assertThat(closeCode).as("close code after %d frames", next).isIn(-1, CloseCodes.SLOW_CONSUMER.getCode());
		assertThat(next).as("the slow phone did not get every frame").isLessThan(FRAMES);
	}

	private static String probe(int n) {
		return JSON.writeValueAsString(Map.of("type", "probe", "n", n, "text", text(n)));
	}

	/** 60 bytes, about 1.5 KB or about 3 KB of UTF-8: frames under 126 bytes and over 1 KB. */
	private static String text(int n) {
		return switch (n % 3) {
			case 0 -> "câu " + n;
			case 1 -> TEXT.repeat(22);
			default -> TEXT.repeat(45);
		};
	}
}
