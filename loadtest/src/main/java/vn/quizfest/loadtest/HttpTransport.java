package vn.quizfest.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the contest simulator's entrants send their HTTP requests ({@code --http}): the JDK's
 * HttpClient, or the lean keep-alive client on Netty's event loops ({@link LeanHttp}), which leaves
 * more of a shared machine's cores to the server it measures.
 */
interface HttpTransport extends AutoCloseable {

	String JDK = "jdk";

	String NIO = "nio";

	/** Each request's time limit, connect to the last byte of the body. */
	Duration TIMEOUT = Duration.ofSeconds(30);

	/** A reply as it came: status, Retry-After in seconds (-1 when absent) and the body as text. */
	record Raw(int status, long retryAfterSeconds, String body) {
	}

	/**
	 * Sends one request to the path (with its query) on the base address, with the JSON headers the
	 * entrant page sends, the entrant token when not null and a JSON body when not null.
	 */
	CompletableFuture<Raw> exchange(String method, String path, String token, String body);

	@Override
	void close();

	static HttpTransport of(String kind, URI base) {
		return switch (kind.toLowerCase(Locale.ROOT)) {
			case NIO -> new LeanHttp(base, Math.max(2, Runtime.getRuntime().availableProcessors()));
			case JDK -> new Jdk(base);
			default -> throw new IllegalArgumentException("--http must be jdk or nio, not '" + kind + "'");
		};
	}

	/** The JDK's HttpClient, HTTP/1.1 (the default, HTTP/2, would send h2c upgrade headers on plain http). */
	final class Jdk implements HttpTransport {

		private final URI base;

		private final ExecutorService executor;

		private final HttpClient http;

		Jdk(URI base) {
			this.base = base;
			this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
					runnable -> {
						Thread thread = new Thread(runnable, "contest-http");
						thread.setDaemon(true);
						return thread;
					});
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(executor)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		@Override
		public CompletableFuture<Raw> exchange(String method, String path, String token, String body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
				.timeout(TIMEOUT)
				.header("Accept", "application/json")
				.header("Accept-Language", "vi");
			if (token != null) {
				request.header("X-Entrant-Token", token);
			}
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(body));
			}
			return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
				.thenApply(response -> new Raw(response.statusCode(),
						response.headers().firstValueAsLong("Retry-After").orElse(-1), response.body()));
		}

		@Override
		public void close() {
			executor.shutdownNow();
		}
	}
}
