package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.quizfest.server.TestSocket;

/**
 * Sockets held open without speaking: a connection that never finishes its request headers is
 * closed after the header deadline, a joined player socket that sends nothing (not even a ping) after
 * the idle deadline, and one address holds at most a set number of WebSocket connections; an honest
 * client still gets in. Short deadlines here; the defaults are 10 s, 120 s and 600.
 */
@TestPropertySource(properties = { "server.tomcat.connection-timeout=2s", "quizfest.live.idle-timeout=3s",
		"quizfest.live.max-connections-per-address=30" })
class SlowClientsIntegrationTest extends LiveIntegrationSupport {

	@Test
	void fiftySilentConnectionsAreClosedAfterTheHeaderDeadlineAndAnHonestPlayerGetsIn() throws IOException {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				Socket socket = new Socket();
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
				// The start of an upgrade, then silence: the headers never end.
				socket.getOutputStream().write(("GET /ws/play HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
				socket.setSoTimeout(10_000);
				slow.add(socket);
			}
			long started = System.nanoTime();
			for (Socket socket : slow) {
				assertThat(closedByServer(socket)).as("a silent socket is closed by the server").isTrue();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			Player lan = join(game, "Lan");
			assertThat(lan.number()).isEqualTo(1);
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	private static boolean closedByServer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			// Tomcat may answer 400/408 before closing; what matters is that the stream ends.
			while (in.read() >= 0) {
				// drain
			}
			return true;
		}
		catch (SocketTimeoutException stillOpen) {
			return false;
		}
		catch (IOException reset) {
			return true;
		}
	}

	@Test
	void aJoinedPlayerThatSendsNothingIsClosedWith4011AndOneThatPingsStays() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player silent = join(game, "Im lặng");
		Player pinging = join(game, "Chăm chỉ");
		long started = System.nanoTime();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
			pinging.socket().send(Map.of("type", "ping", "t", 1));
			return silent.socket().socket.isClosed();
		});
		assertThat(silent.socket().awaitClose(WAIT)).isEqualTo(4011);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(pinging.socket().socket.isClosed()).isFalse();
		// The silent player only lost its socket: it resumes.
		Client back = resume(game, silent.token());
		assertThat(back.next("resumed", WAIT).path("player").path("number").asInt()).isEqualTo(silent.number());
	}

	@Test
	void oneAddressHoldsAtMostTheCapOfWebSocketConnections() {
		List<Client> held = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			held.add(connect("/ws/play"));
		}
		assertThatThrownBy(() -> connect("/ws/host")).as("the 31st connection").hasStackTraceContaining("429");
		held.get(0).socket.close();
		await().atMost(WAIT).ignoreExceptions().until(() -> {
			TestSocket socket = TestSocket.connect(http, port, "/ws/play");
			sockets.add(new Client(socket));
			return true;
		});
	}
}
