package vn.quizfest.server.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.TestSocket;

/**
 * A {@link TestSocket} that never loses a frame: {@link #next} takes the first frame that matches
 * and keeps the others for later. A host's {@code done} and the broadcast its command causes travel
 * on different paths, so their order is not fixed; waiting for one must not throw the other away.
 */
final class Client {

	static final Duration WAIT = Duration.ofSeconds(10);

	final TestSocket socket;

	private final List<JsonNode> pending = new ArrayList<>();

	Client(TestSocket socket) {
		this.socket = socket;
	}

	Client send(Object frame) {
		socket.send(frame);
		return this;
	}

	Client sendText(String text) {
		socket.sendText(text);
		return this;
	}

	JsonNode next(String type) {
		return next(type, WAIT);
	}

	JsonNode next(String type, Duration wait) {
		return next(frame -> type.equals(frame.path("type").asString()), wait, type);
	}

	/** The first frame of this type about question {@code q}. */
	JsonNode next(String type, int q) {
		return next(frame -> type.equals(frame.path("type").asString()) && frame.path("q").asInt(-1) == q, WAIT,
				type + " of question " + q);
	}

	synchronized JsonNode next(Predicate<JsonNode> match, Duration wait, String what) {
		for (Iterator<JsonNode> it = pending.iterator(); it.hasNext();) {
			JsonNode frame = it.next();
			if (match.test(frame)) {
				it.remove();
				return frame;
			}
		}
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			JsonNode frame;
			try {
				frame = socket.nextMatching(any -> true, Duration.ofNanos(Math.max(1, left)), what);
			}
			catch (AssertionError timeout) {
				throw new AssertionError("No '" + what + "' frame within " + wait + "; kept "
						+ pending.stream().map(f -> f.path("type").asString()).toList()
						+ (socket.isClosed() ? "; socket closed with " + socket.awaitClose(Duration.ZERO) : ""));
			}
			if (match.test(frame)) {
				return frame;
			}
			pending.add(frame);
		}
	}

	/** Every frame received and not taken yet, in arrival order. */
	synchronized List<JsonNode> drain() {
		List<JsonNode> frames = new ArrayList<>(pending);
		pending.clear();
		frames.addAll(socket.drain());
		return frames;
	}

	/** Every text frame received so far, as sent on the wire. */
	List<String> raw() {
		return socket.raw;
	}

	int awaitClose(Duration wait) {
		return socket.awaitClose(wait);
	}

	boolean isClosed() {
		return socket.isClosed();
	}

	void abort() {
		socket.abort();
	}
}
