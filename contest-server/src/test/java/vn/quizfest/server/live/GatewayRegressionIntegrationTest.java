package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regression tests for gateway bugs found by the live integration tests: last frames and close codes
 * lost behind a frame in flight, floods ending as slow consumers, stale serverTime on catch-up, one
 * socket bound to two players, the abuse metric, housekeeping rescheduled on restart.
 */
class GatewayRegressionIntegrationTest extends LiveIntegrationSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Connection.sendAndClose closes at once when a frame is still in flight: the ABUSE error is
	 * dropped and Tomcat cannot write the close frame behind the pending message, so the client sees
	 * the connection die (1006) instead of 4008. Replies to the client's own burst also count as
	 * queued frames, so the flood is often dropped as a slow consumer (4010) before the 50th refusal.
	 */
	@Test
	void aFloodGetsRateLimitedErrorsThenTheAbuseErrorAndClose4008() throws Exception {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		for (int round = 0; round < 5; round++) {
			try (RawWebSocket flooder = RawWebSocket.connect(port, "/ws/play", 256 * 1024)) {
				flooder.sendText(JSON.writeValueAsString(
						Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lũ lụt " + round)));
				assertThat(JSON.readTree(flooder.read().text()).path("type").asString()).isEqualTo("joined");
				try {
					for (int i = 0; i < 200; i++) {
						flooder.sendText("{\"type\":\"ping\",\"t\":" + i + "}");
					}
				}
				catch (IOException closedMeanwhile) {
					// The server may close the socket in the middle of the flood.
				}
				List<String> codes = new ArrayList<>();
				int closeCode = -1;
				try {
					while (true) {
						RawWebSocket.Frame frame = flooder.read();
						if (frame.opcode() == 8) {
							closeCode = frame.closeCode();
							break;
						}
						JsonNode node = JSON.readTree(frame.text());
						if ("error".equals(node.path("type").asString())) {
							codes.add(node.path("code").asString());
						}
					}
				}
				catch (IOException connectionDropped) {
					// No close frame: the server aborted the connection.
				}
				assertThat(closeCode).as("round %d, errors %s", round, codes).isEqualTo(4008);
				assertThat(codes).as("round %d", round).endsWith("ABUSE").contains("RATE_LIMITED");
			}
		}
	}

	/**
	 * The same cause at the end of a game, for a phone on a slow network: when "end" comes while a
	 * frame to the phone is still in flight, sendAndClose(ended, 4000) closes at once, so the phone
	 * loses its result and the end frame and sees the connection die (1006), as if the network had
	 * dropped. It then tries to resume into a finished game.
	 */
	@Test
	void aPhoneOnASlowNetworkGetsItsResultTheEndFrameAndClose4000() throws Exception {
		Created game = createGame(longQuiz(3), quickSettings());
		Client host = host(game);
		try (RawWebSocket phone = slowPhone(game, "Điện thoại chậm")) {
			// The phone reads nothing for a moment (a weak signal): two questions go by (more than
			// its buffers hold), and the host ends the game during the third.
			playTwoQuestions(host);
			command(host, "end");
			List<String> types = readUntilClosed(phone);
			assertThat(types).as("what the phone received").contains("outcome", "final", "ended").endsWith("close 4000");
		}
	}

	/** Same cause: a kicked phone with a frame in flight never learns it was kicked (no frame, no 4001). */
	@Test
	void aKickedPhoneOnASlowNetworkGetsTheKickedFrameAndClose4001() throws Exception {
		Created game = createGame(longQuiz(3), quickSettings());
		Client host = host(game);
		join(game, "Lan");
		try (RawWebSocket phone = slowPhone(game, "Điện thoại chậm")) {
			// Two questions go by while the phone reads nothing: its buffers fill.
			playTwoQuestions(host);
			host.send(Map.of("type", "kick", "player", 2));
			host.next("done");
			List<String> types = readUntilClosed(phone);
			assertThat(types).as("what the phone received").contains("kicked").endsWith("close 4001");
		}
	}

	/** Start, then close, leaderboard and next question twice: the third question is open. */
	private static void playTwoQuestions(Client host) {
		command(host, "start");
		for (int i = 0; i < 6; i++) {
			command(host, "next");
		}
	}

	/** A joined player on a raw socket with a 1 KB receive buffer; the joined frame has been read. */
	private RawWebSocket slowPhone(Created game, String nickname) throws IOException {
		RawWebSocket phone = RawWebSocket.connect(port, "/ws/play", 1024);
		phone.sendText(JSON.writeValueAsString(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", nickname)));
		assertThat(JSON.readTree(phone.read().text()).path("type").asString()).isEqualTo("joined");
		return phone;
	}

	/** Frame types until the close frame ("close N") or the connection's end ("dropped"). */
	private static List<String> readUntilClosed(RawWebSocket phone) {
		List<String> types = new ArrayList<>();
		try {
			while (true) {
				RawWebSocket.Frame frame = phone.read();
				if (frame.opcode() == 8) {
					types.add("close " + frame.closeCode());
					return types;
				}
				types.add(JSON.readTree(frame.text()).path("type").asString());
			}
		}
		catch (IOException ex) {
			types.add("dropped");
			return types;
		}
	}

	/**
	 * LiveGame.catchUp (and attachHost) replay the stored broadcast string, whose serverTime is the
	 * time of the original broadcast. A phone that syncs its clock from frames then believes the
	 * question has just opened and shows the full time again. The replayed frame should be rebuilt
	 * with the current time (LiveGame.rebuildCurrentFrame already does it after a pause).
	 */
	@Test
	void theQuestionReplayedOnResumeCarriesTheCurrentServerTime() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		join(game, "Minh");
		command(host, "start");
		JsonNode open = lan.socket().next("open", 0);
		await().atMost(WAIT).until(() -> System.currentTimeMillis() > open.path("serverTime").asLong() + 200);
		lan.socket().abort();
		Client back = resume(game, lan.token());
		JsonNode resumed = back.next("resumed");
		JsonNode again = back.next("open", 0);
		assertThat(again.path("serverTime").asLong()).as("serverTime of the replayed open frame")
			.isGreaterThanOrEqualTo(resumed.path("serverTime").asLong());
	}

	/**
	 * PlayerSocketHandler lets a socket that has joined send "resume" with another player's token
	 * (same game): LiveGame.bind then registers the socket under both players, so it receives every
	 * broadcast twice and the first player stays "connected" forever (it never counts as gone for
	 * the all-answered rule). Expected: ALREADY_JOINED, like a second join.
	 */
	@Test
	void aJoinedSocketCannotTakeOverASecondPlayer() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player minh = join(game, "Minh");
		lan.socket().send(Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", minh.token()));
		JsonNode reply = lan.socket().next(f -> "error".equals(f.path("type").asString())
				|| "resumed".equals(f.path("type").asString()), WAIT, "error or resumed");
		command(host, "start");
		lan.socket().next("open", 0);
		assertThat(reply.path("code").asString()).as(reply.toString()).isEqualTo("ALREADY_JOINED");
		assertThat(live(game).connectedPlayers()).isEqualTo(2);
	}

	/**
	 * LiveGames.start() schedules the housekeeping (coalesced counts, clean-up) again each time it is
	 * called, and stop() never cancels it. After a stop and a start (Spring pauses a cached test
	 * context while another runs; any lifecycle restart), counts go out twice per interval, three
	 * times after the next restart, and so on.
	 */
	@Test
	void hostCountsStayCoalescedAfterTheGatewayIsStoppedAndStartedAgain() throws InterruptedException {
		// Two restarts half an interval apart: whatever the first schedule's phase, two of the
		// schedules then run 125 ms apart. The pause is the input of this test, not a wait.
		liveGames.stop();
		liveGames.start();
		Thread.sleep(125);
		liveGames.stop();
		liveGames.start();
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Recorder host = new Recorder(host(game).socket);
		long end = System.nanoTime() + 2_000_000_000L;
		for (int i = 0; System.nanoTime() < end; i++) {
			join(game, "Người chơi " + i);
		}
		List<Recorder.Received> counts = host.received("players");
		List<Long> gaps = Recorder.gaps(counts);
		long span = gaps.stream().mapToLong(Long::longValue).sum();
		assertThat(gaps.size()).as("players frames over %d ms (every 250 ms at most): gaps %s", span, gaps)
			.isLessThanOrEqualTo((int) (span / 250) + 1);
	}

	/**
	 * SocketHandler.abuse runs for every message still buffered after the abuse decision, so one
	 * flooding socket adds dozens to quiz_connections_closed_total{reason="abuse"}.
	 */
	@Test
	void oneAbusiveSocketCountsAsOneAbuseClose() throws Exception {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		double before = abuseCloses();
		try (RawWebSocket flooder = RawWebSocket.connect(port, "/ws/play", 256 * 1024)) {
			flooder.sendText(JSON.writeValueAsString(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lũ")));
			flooder.read();
			try {
				// 60 bad frames: the 50th closes the socket before the error replies can fill its queue.
				for (int i = 0; i < 60; i++) {
					flooder.sendText("}{");
				}
			}
			catch (IOException closedMeanwhile) {
				// expected once the server closes
			}
			// Read to the end: closing with unread replies would reset the connection before the
			// server has read every frame.
			readUntilClosed(flooder);
		}
		await().atMost(WAIT).until(() -> abuseCloses() > before);
		// Once the count has settled, it must be one: messages already sent must not count again.
		double[] last = { -1 };
		await().pollInterval(java.time.Duration.ofMillis(200)).atMost(WAIT).until(() -> {
			double now = abuseCloses();
			boolean settled = now == last[0];
			last[0] = now;
			return settled;
		});
		assertThat(last[0] - before).isEqualTo(1.0);
	}

	private double abuseCloses() {
		return meter("quiz_connections_closed_total", "reason=\"abuse\"");
	}

	/**
	 * The organiser API's security chain used to run on every phone's handshake: a fresh CSRF token
	 * cookie and ten security headers on each 101 response, for sockets that never use cookies.
	 */
	@Test
	void theHandshakeAnswersWithoutCookiesOrPageHeaders() throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("GET /ws/play HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
					+ "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
			java.io.InputStream in = socket.getInputStream();
			while (!head.toString(java.nio.charset.StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				int b = in.read();
				assertThat(b).as("end of the handshake response").isNotNegative();
				head.write(b);
			}
			String response = head.toString(java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
			assertThat(response).startsWith("http/1.1 101").contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo=");
			assertThat(response).doesNotContain("set-cookie", "content-security-policy", "cache-control",
					"sec-websocket-extensions");
		}
	}
}
