package vn.quizfest.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * What a client may send, over real sockets: bodies over the limit refused before they are read (with
 * and without Content-Length), JSON nesting bounded, the client address not taken from headers of an
 * untrusted sender, and the metrics token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:request-limits;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + RequestLimitsIntegrationTest.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false", "quizfest.login.max-failures-per-address=5",
		// What docs/operations.md advised behind a reverse proxy before trusted proxies were a setting.
		"server.forward-headers-strategy=native",
		"quizfest.metrics.token=" + RequestLimitsIntegrationTest.METRICS_TOKEN })
class RequestLimitsIntegrationTest {

	static final String ADMIN_PASSWORD = "giới-hạn-yêu-cầu-0001";

	static final String METRICS_TOKEN = "metrics-token-for-the-test-7f3a9c";

	static final long TWENTY_MB = 20L * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The rotating-address test leaves 127.0.0.1 backing off; the other tests log in from it. */
	@AfterEach
	void forgetFailedLogins() {
		jdbc.sql("DELETE FROM login_failure").update();
	}

	/** What a raw client saw: the answer, and how much of its body it had sent when the answer came. */
	record Answer(String head, JsonNode problem, long sentWhenAnswered, long allocatedBytes) {
	}

	@Test
	void aTwentyMegabyteBodyWithContentLengthIsAnswered413BeforeItIsSent() throws Exception {
		Answer answer = sendLogin(false, "vi");

		assertThat(answer.head()).startsWith("HTTP/1.1 413");
		assertThat(answer.problem().path("code").asString()).isEqualTo("request.too-large");
		assertThat(answer.problem().path("detail").asString()).isEqualTo("Dữ liệu gửi lên quá lớn (tối đa 64 KB).");
		assertThat(answer.sentWhenAnswered()).as("answered before the client had sent it all").isLessThan(TWENTY_MB);
		assertThat(answer.allocatedBytes()).as("the server did not read the body into memory").isLessThan(16L * 1024 * 1024);
	}

	@Test
	void aTwentyMegabyteChunkedBodyIsCutOffAtTheLimit() throws Exception {
		Answer answer = sendLogin(true, "en");

		assertThat(answer.head()).startsWith("HTTP/1.1 413");
		assertThat(answer.problem().path("code").asString()).isEqualTo("request.too-large");
		assertThat(answer.problem().path("detail").asString()).isEqualTo("The request is too large (at most 64 KB).");
		assertThat(answer.sentWhenAnswered()).isLessThan(TWENTY_MB);
		assertThat(answer.allocatedBytes()).isLessThan(16L * 1024 * 1024);
	}

	@Test
	void aBodyWithinTheLimitStillWorksAndDeepNestingIsAClearError() {
		ApiClient client = new ApiClient(port);
		assertThat(client.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);

		String deep = "{\"name\":\"Trường THCS Kim Đồng\",\"kind\":\"SCHOOL\",\"extra\":" + "[".repeat(200)
				+ "]".repeat(200) + "}";
		ApiClient.Response nested = client.postRaw("/api/organisations", deep);

		assertThat(nested.status()).isEqualTo(400);
		assertThat(nested.body().path("code").asString()).isEqualTo("request.json-limits");
		assertThat(client.post("/api/organisations", Map.of("name", "Trường THCS Kim Đồng", "kind", "SCHOOL"))
			.status()).isEqualTo(201);
	}

	/**
	 * A client on the LAN (here 127.0.0.1, which the container's default list counted as a proxy) that
	 * rotates X-Forwarded-For is throttled by its real address: no proxy is trusted unless configured.
	 */
	@Test
	void aClientRotatingXForwardedForIsThrottledByItsRealAddress() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		ApiClient csrf = new ApiClient(port);
		csrf.get("/api/auth/csrf");
		String token = csrf.cookie("XSRF-TOKEN");
		int throttled = 0;
		for (int attempt = 0; attempt < 12; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
				.header("Content-Type", "application/json")
				.header("Cookie", "XSRF-TOKEN=" + token)
				.header("X-XSRF-TOKEN", token)
				.header("X-Forwarded-For", "10.9." + attempt + ".7")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"rotating-" + attempt
						+ "\",\"password\":\"sai-mat-khau-moi-lan\"}"))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				throttled++;
				assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("login.backoff");
			}
			else {
				assertThat(response.statusCode()).isEqualTo(401);
			}
		}
		assertThat(throttled).as("every attempt after the fifth failure from 127.0.0.1").isGreaterThanOrEqualTo(6);
	}

	@Test
	void metricsNeedTheBearerTokenWhenOneIsSet() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI metrics = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
		HttpResponse<String> none = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(metrics)
			.header("Authorization", "Bearer not-the-token").build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> right = http.send(HttpRequest.newBuilder(metrics)
			.header("Authorization", "Bearer " + METRICS_TOKEN).header("X-Forwarded-For", "203.0.113.9").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(none.statusCode()).as("loopback is not enough once a token is set").isEqualTo(401);
		assertThat(JSON.readTree(none.body()).path("detail").asString())
			.isEqualTo("Cần mã truy cập để đọc số liệu giám sát.");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(right.statusCode()).isEqualTo(200);
		assertThat(right.body()).contains("jvm_memory_used_bytes");
	}

	/**
	 * Sends a 20 MB login body from a second thread, 64 KB at a time, until the server answers or closes;
	 * counts what it had sent when the answer came and how many bytes every thread of this JVM (the
	 * server's too) allocated meanwhile.
	 */
	private Answer sendLogin(boolean chunked, String language) throws Exception {
		ApiClient csrf = new ApiClient(port);
		csrf.get("/api/auth/csrf");
		String token = csrf.cookie("XSRF-TOKEN");
		long allocatedBefore = allocatedByAllThreads();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String head = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
					+ "Content-Type: application/json\r\nAccept-Language: " + language + "\r\n"
					+ "Cookie: XSRF-TOKEN=" + token + "\r\nX-XSRF-TOKEN: " + token + "\r\n"
					+ (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + TWENTY_MB + "\r\n") + "\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			AtomicLong sent = new AtomicLong();
			AtomicBoolean answered = new AtomicBoolean();
			CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
				byte[] chunk = new byte[64 * 1024];
				Arrays.fill(chunk, (byte) 'a');
				byte[] start = "{\"username\":\"admin\",\"password\":\"".getBytes(StandardCharsets.US_ASCII);
				System.arraycopy(start, 0, chunk, 0, start.length);
				try {
					while (sent.get() < TWENTY_MB && !answered.get()) {
						if (chunked) {
							out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						}
						out.write(chunk);
						if (chunked) {
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						}
						sent.addAndGet(chunk.length);
						if (sent.get() == chunk.length) {
							// Keep the body's start from filling the 16 KB header buffer at once.
							Arrays.fill(chunk, 0, start.length, (byte) 'a');
						}
					}
					if (chunked && !answered.get()) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				catch (IOException closedByTheServer) {
					// The server answered and closed the connection: what the test expects.
				}
			});
			InputStream in = socket.getInputStream();
			String responseHead = readHead(in);
			long sentWhenAnswered = sent.get();
			answered.set(true);
			JsonNode problem = JSON.readTree(readBody(in, responseHead));
			sender.get(30, TimeUnit.SECONDS);
			return new Answer(responseHead, problem, sentWhenAnswered, allocatedByAllThreads() - allocatedBefore);
		}
	}

	private static String readHead(InputStream in) throws IOException {
		var head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("closed before the response head: " + head);
			}
			head.write(b);
			matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
					? matched + 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static String readBody(InputStream in, String head) throws IOException {
		String lower = head.toLowerCase();
		int at = lower.indexOf("content-length:");
		if (at >= 0) {
			int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
			return new String(in.readNBytes(length), StandardCharsets.UTF_8);
		}
		if (!lower.contains("transfer-encoding: chunked")) {
			// Neither length nor chunks: the body ends when the server closes the connection.
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// Chunked answer: read chunk by chunk up to the last one.
		var body = new ByteArrayOutputStream();
		while (true) {
			var sizeLine = new StringBuilder();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					return body.toString(StandardCharsets.UTF_8);
				}
				if (b != '\r') {
					sizeLine.append((char) b);
				}
			}
			int size = Integer.parseInt(sizeLine.toString().trim(), 16);
			if (size == 0) {
				return body.toString(StandardCharsets.UTF_8);
			}
			body.write(in.readNBytes(size));
			in.readNBytes(2);
		}
	}

	private static long allocatedByAllThreads() {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] ids = threads.getAllThreadIds();
		return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
	}
}
