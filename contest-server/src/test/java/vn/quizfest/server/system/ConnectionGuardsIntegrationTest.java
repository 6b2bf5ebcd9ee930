package vn.quizfest.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The connection guards over real sockets: a request whose request line and headers drip in (a byte
 * a second, never silent long enough for Tomcat's connection timeout) is cut 10 s (the default header
 * deadline) after its first byte, a plain request and a WebSocket upgrade alike; an honest slow client
 * still gets its answers; and one address holds at most the cap of open connections (lowered to 500
 * here), the next ones closed at once while another address still gets in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:connection-guards;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=kết-nối-chậm-0001", "quizfest.questions.load-seed-bank=false",
		"quizfest.http.max-connections-per-address=" + ConnectionGuardsIntegrationTest.CAP })
class ConnectionGuardsIntegrationTest {

	static final int CAP = 500;

	private static final String UPGRADE = "GET /ws/play HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
			+ "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

	private static final String HEALTH = "GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n"
			+ "Accept: application/json\r\n\r\n";

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext server;

	private final List<AutoCloseable> opened = new ArrayList<>();

	private final ExecutorService drips = Executors.newCachedThreadPool();

	@AfterEach
	void closeEverything() throws Exception {
		drips.shutdownNow();
		for (AutoCloseable socket : opened) {
			socket.close();
		}
		opened.clear();
	}

	@Test
	void theServerRunsTheGuardedProtocolWithTheDefaultDeadline() {
		Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProtocolHandler()).isInstanceOf(GuardedNioProtocol.class);
	}

	@Test
	void requestsWhoseHeadersDripInAreCutTenSecondsAfterTheirFirstByte() throws Exception {
		// A byte a second: Tomcat's connection timeout (10 s of silence) alone would never end them.
		CompletableFuture<Duration> request = drip("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
				+ "a".repeat(60), Duration.ofSeconds(1));
		CompletableFuture<Duration> upgrade = drip("GET /ws/play HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
				+ "X-Slow: " + "a".repeat(60), Duration.ofSeconds(1));
		for (CompletableFuture<Duration> cut : List.of(request, upgrade)) {
			Duration open = cut.get(30, TimeUnit.SECONDS);
			assertThat(open).as("how long the dripping connection lived after its first byte")
				.isGreaterThanOrEqualTo(Duration.ofMillis(9_500))
				.isLessThan(Duration.ofMillis(12_500));
		}
	}

	@Test
	void anHonestSlowClientGetsItsAnswersAndTheDeadlineCountsPerRequest() throws Exception {
		Socket socket = socket("127.0.0.1");
		// Headers in four pieces over two seconds, twice on one kept-alive connection, the second request
		// 11 s after the connection opened: the deadline is the request's, not the connection's.
		send(socket, HEALTH, 4, Duration.ofMillis(500));
		assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
		drainBody(socket);
		Thread.sleep(4_000); // idle between two requests, below the keep-alive timeout
		send(socket, HEALTH, 12, Duration.ofMillis(500));
		assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");

		Socket upgrade = socket("127.0.0.1");
		send(upgrade, UPGRADE, 4, Duration.ofMillis(500));
		assertThat(statusLine(upgrade)).startsWith("HTTP/1.1 101");
	}

	@Test
	void oneAddressHoldsAtMostTheCapOfConnectionsAndTheRestAreClosedAtOnce() throws Exception {
		GuardedNioProtocol protocol = (GuardedNioProtocol) ((TomcatWebServer) server.getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler();
		List<SocketChannel> idle = new ArrayList<>();
		for (int i = 0; i < 700; i++) {
			SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
			channel.configureBlocking(false);
			opened.add(channel);
			idle.add(channel);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> protocol.openConnections("127.0.0.1") == CAP);
		// The refused ones see their stream end within moments, without sending a byte.
		await().atMost(Duration.ofSeconds(5)).until(() -> closedByServer(idle) >= 700 - CAP);
		assertThat(closedByServer(idle)).isEqualTo(700 - CAP);

		Socket turnedAway = socket("127.0.0.1");
		assertThat(endsWithoutAnswer(turnedAway)).as("a connection over the cap is closed unanswered").isTrue();

		Socket other = socket("127.0.0.2");
		other.getOutputStream().write(HEALTH.getBytes(StandardCharsets.US_ASCII));
		assertThat(statusLine(other)).as("another address").startsWith("HTTP/1.1 200");

		// Closed connections give their places back.
		for (SocketChannel channel : idle) {
			channel.close();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> protocol.openConnections("127.0.0.1") == 0);
		Socket back = socket("127.0.0.1");
		back.getOutputStream().write(UPGRADE.getBytes(StandardCharsets.US_ASCII));
		assertThat(statusLine(back)).startsWith("HTTP/1.1 101");
	}

	private static boolean endsWithoutAnswer(Socket socket) {
		try {
			socket.getOutputStream().write(HEALTH.getBytes(StandardCharsets.US_ASCII));
			return socket.getInputStream().read() < 0;
		}
		catch (IOException reset) {
			return true;
		}
	}

	private static int closedByServer(List<SocketChannel> channels) {
		int closed = 0;
		ByteBuffer buffer = ByteBuffer.allocate(256);
		for (SocketChannel channel : channels) {
			buffer.clear();
			try {
				if (channel.read(buffer) < 0) {
					closed++;
				}
			}
			catch (IOException reset) {
				closed++;
			}
		}
		return closed;
	}

	/** Writes one byte per interval until the server closes; completes with the time since the first byte. */
	private CompletableFuture<Duration> drip(String text, Duration interval) throws IOException, InterruptedException {
		Socket socket = socket("127.0.0.1");
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		CompletableFuture<Duration> cut = new CompletableFuture<>();
		long[] first = { 0 };
		drips.submit(() -> {
			try {
				OutputStream out = socket.getOutputStream();
				for (byte b : bytes) {
					out.write(b);
					out.flush();
					if (first[0] == 0) {
						synchronized (first) {
							first[0] = System.nanoTime();
							first.notifyAll();
						}
					}
					Thread.sleep(interval.toMillis());
				}
			}
			catch (IOException | InterruptedException closed) {
				// the server cut it: the reader below measures when
			}
			return null;
		});
		drips.submit(() -> {
			try {
				InputStream in = socket.getInputStream();
				socket.setSoTimeout(40_000);
				while (in.read() >= 0) {
					// an error answer may come before the end of the stream
				}
			}
			catch (SocketTimeoutException stillOpen) {
				cut.completeExceptionally(stillOpen);
				return null;
			}
			catch (IOException reset) {
				// ended too
			}
			synchronized (first) {
				cut.complete(Duration.ofNanos(System.nanoTime() - first[0]));
			}
			return null;
		});
		synchronized (first) {
			while (first[0] == 0) {
				first.wait(5_000);
			}
		}
		return cut;
	}

	private Socket socket(String from) throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(from, 0));
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(15_000);
		opened.add(socket);
		return socket;
	}

	private static void send(Socket socket, String text, int pieces, Duration pause) throws Exception {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		OutputStream out = socket.getOutputStream();
		int size = (bytes.length + pieces - 1) / pieces;
		for (int start = 0; start < bytes.length; start += size) {
			if (start > 0) {
				Thread.sleep(pause.toMillis());
			}
			out.write(bytes, start, Math.min(size, bytes.length - start));
			out.flush();
		}
	}

	private static String statusLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			line.write(b);
		}
		return line.toString(StandardCharsets.US_ASCII).strip();
	}

	/** Reads the rest of a small response: headers up to the blank line, then a sized or chunked body. */
	private static void drainBody(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		int length = -1;
		String header;
		while (!(header = statusLine(socket)).isEmpty()) {
			if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				length = Integer.parseInt(header.substring(15).strip());
			}
		}
		if (length >= 0) {
			assertThat(in.readNBytes(length)).hasSize(length);
			return;
		}
		int chunk;
		while ((chunk = Integer.parseInt(statusLine(socket), 16)) > 0) {
			assertThat(in.readNBytes(chunk + 2)).hasSize(chunk + 2); // the chunk and its CRLF
		}
		assertThat(statusLine(socket)).isEmpty(); // no trailers
	}
}
