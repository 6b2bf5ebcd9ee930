package vn.quizfest.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) for the tests: it keeps every frame it receives, raw and
 * parsed, and lets a test wait for the next frame of a type with a deadline.
 */
public final class TestSocket implements WebSocket.Listener {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

	private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();

	/** Every text frame in arrival order, as sent on the wire. */
	public final List<String> raw = new CopyOnWriteArrayList<>();

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	private TestSocket() {
	}

	public static TestSocket connect(HttpClient http, int port, String path) {
		TestSocket client = new TestSocket();
		client.socket = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client)
			.join();
		return client;
	}

	public static HttpClient httpClient() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	public TestSocket send(Object frame) {
		return sendText(JSON.writeValueAsString(frame));
	}

	public synchronized TestSocket sendText(String text) {
		socket.sendText(text, true).join();
		return this;
	}

	/** The next frame of this type; frames of other types before it are skipped (and kept in {@link #raw}). */
	public JsonNode next(String type) {
		return next(type, DEFAULT_WAIT);
	}

	public JsonNode next(String type, Duration wait) {
		return nextMatching(node -> type.equals(node.path("type").asString()), wait, type);
	}

	public JsonNode nextMatching(Predicate<JsonNode> predicate, Duration wait, String what) {
		long deadline = System.nanoTime() + wait.toNanos();
		List<String> skipped = new ArrayList<>();
		while (true) {
			long left = deadline - System.nanoTime();
			JsonNode node;
			try {
				node = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (node == null) {
				throw new AssertionError("No '" + what + "' frame within " + wait + "; skipped " + skipped
						+ (closed.isDone() ? "; socket closed with " + closed.join() : ""));
			}
			if (predicate.test(node)) {
				return node;
			}
			skipped.add(node.path("type").asString());
		}
	}

	/** Frames received so far and not yet consumed by {@link #next}. */
	public List<JsonNode> drain() {
		List<JsonNode> frames = new ArrayList<>();
		inbox.drainTo(frames);
		return frames;
	}

	/** The close code the server sent, waiting up to the given time. */
	public int awaitClose(Duration wait) {
		try {
			return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("The socket was not closed within " + wait, ex);
		}
	}

	public boolean isClosed() {
		return closed.isDone();
	}

	public void abort() {
		socket.abort();
	}

	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String text = partial.toString();
			partial.setLength(0);
			raw.add(text);
			inbox.add(JSON.readTree(text));
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closed.complete(-1);
	}
}
