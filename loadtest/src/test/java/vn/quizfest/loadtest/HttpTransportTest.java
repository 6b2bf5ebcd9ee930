package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both entrant clients against a real HTTP/1.1 server on 127.0.0.1 (the JDK's own): method, path,
 * headers and body arrive as sent, the reply's status, Retry-After and UTF-8 body come back, a
 * connection the server closes is not reused, and the lean client keeps its connections alive.
 */
class HttpTransportTest {

	private HttpServer server;

	private ExecutorService serverThreads;

	private final AtomicInteger requests = new AtomicInteger();

	private URI base;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		serverThreads = Executors.newFixedThreadPool(8);
		server.setExecutor(serverThreads);
		server.createContext("/echo", this::echo);
		server.createContext("/busy", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "7");
			reply(exchange, 429, "{\"code\":\"contest.rate-limited\"}");
		});
		server.createContext("/close", exchange -> {
			exchange.getResponseHeaders().set("Connection", "close");
			reply(exchange, 200, "{\"closed\":true}");
		});
		server.start();
		base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		server.stop(0);
		serverThreads.shutdownNow();
	}

	private void echo(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String text = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " token="
				+ exchange.getRequestHeaders().getFirst("X-Entrant-Token") + " type="
				+ exchange.getRequestHeaders().getFirst("Content-Type") + " lang="
				+ exchange.getRequestHeaders().getFirst("Accept-Language") + " body=" + body;
		reply(exchange, "PUT".equals(exchange.getRequestMethod()) ? 200 : 201, text);
	}

	private static void reply(HttpExchange exchange, int status, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "nio" })
	void aRequestArrivesAsSentAndItsReplyComesBack(String kind) throws Exception {
		try (HttpTransport http = HttpTransport.of(kind, base)) {
			HttpTransport.Raw put = http.exchange("PUT", "/echo/attempts/5/answers/2", "tok-1", "{\"choice\":3,\"t\":\"Đắk Lắk\"}")
				.get(10, TimeUnit.SECONDS);
			assertThat(put.status()).isEqualTo(200);
			assertThat(put.retryAfterSeconds()).isEqualTo(-1);
			assertThat(put.body()).isEqualTo("PUT /echo/attempts/5/answers/2 token=tok-1 type=application/json lang=vi "
					+ "body={\"choice\":3,\"t\":\"Đắk Lắk\"}");

			HttpTransport.Raw post = http.exchange("POST", "/echo/submit?x=1", null, null).get(10, TimeUnit.SECONDS);
			assertThat(post.status()).isEqualTo(201);
			assertThat(post.body()).isEqualTo("POST /echo/submit?x=1 token=null type=null lang=vi body=");

			HttpTransport.Raw busy = http.exchange("GET", "/busy", null, null).get(10, TimeUnit.SECONDS);
			assertThat(busy.status()).isEqualTo(429);
			assertThat(busy.retryAfterSeconds()).isEqualTo(7);
			assertThat(busy.body()).contains("contest.rate-limited");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "nio" })
	void manyRequestsAtOnceEachGetTheirOwnReply(String kind) throws Exception {
		try (HttpTransport http = HttpTransport.of(kind, base)) {
			List<CompletableFuture<HttpTransport.Raw>> replies = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				replies.add(http.exchange("PUT", "/echo/" + i, "t" + i, "{\"i\":" + i + "}"));
			}
			for (int i = 0; i < replies.size(); i++) {
				assertThat(replies.get(i).get(20, TimeUnit.SECONDS).body())
					.isEqualTo("PUT /echo/" + i + " token=t" + i + " type=application/json lang=vi body={\"i\":" + i + "}");
			}
			assertThat(requests.get()).isEqualTo(300);
		}
	}

	@org.junit.jupiter.api.Test
	void theLeanClientKeepsOneConnectionForRequestsInTurnAndDropsAClosedOne() throws Exception {
		try (LeanHttp http = new LeanHttp(base, 2)) {
			for (int i = 0; i < 20; i++) {
				assertThat(http.exchange("GET", "/echo/" + i, null, null).get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
			assertThat(http.connectionsOpened()).isEqualTo(1);

			assertThat(http.exchange("GET", "/close", null, null).get(10, TimeUnit.SECONDS).body()).contains("closed");
			// The server said Connection: close: the next request opens a new connection and gets its reply.
			assertThat(http.exchange("GET", "/echo/after", null, null).get(10, TimeUnit.SECONDS).body())
				.startsWith("GET /echo/after");
			assertThat(http.connectionsOpened()).isEqualTo(2);
		}
	}

	@org.junit.jupiter.api.Test
	void aServerThatIsNotThereFailsTheRequestAndAnUnknownKindIsRefused() {
		int port = server.getAddress().getPort();
		server.stop(0);
		try (HttpTransport http = HttpTransport.of("nio", URI.create("http://127.0.0.1:" + port))) {
			assertThatThrownBy(() -> http.exchange("GET", "/echo", null, null).get(15, TimeUnit.SECONDS))
				.hasCauseInstanceOf(java.net.ConnectException.class);
		}
		assertThatThrownBy(() -> HttpTransport.of("curl", base)).hasMessageContaining("--http must be jdk or nio");
	}
}
