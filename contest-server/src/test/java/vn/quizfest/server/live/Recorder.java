package vn.quizfest.server.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.TestSocket;

/**
 * Takes every frame off a socket as soon as it arrives, with its arrival time, so that the gaps
 * between coalesced counts can be measured.
 */
final class Recorder {

	record Received(long nanos, JsonNode frame) {
	}

	final TestSocket socket;

	private final List<Received> frames = new CopyOnWriteArrayList<>();

	Recorder(TestSocket socket) {
		this.socket = socket;
		Thread reader = new Thread(() -> {
			while (!socket.isClosed()) {
				try {
					JsonNode frame = socket.nextMatching(any -> true, Duration.ofMillis(200), "any");
					frames.add(new Received(System.nanoTime(), frame));
				}
				catch (AssertionError nothingYet) {
					// poll again
				}
			}
			socket.drain().forEach(frame -> frames.add(new Received(System.nanoTime(), frame)));
		}, "recorder");
		reader.setDaemon(true);
		reader.start();
	}

	List<Received> received(String type) {
		return frames.stream().filter(r -> type.equals(r.frame().path("type").asString())).toList();
	}

	/** Milliseconds between consecutive frames. */
	static List<Long> gaps(List<Received> frames) {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < frames.size(); i++) {
			gaps.add((frames.get(i).nanos() - frames.get(i - 1).nanos()) / 1_000_000);
		}
		return gaps;
	}

	JsonNode await(Predicate<JsonNode> match, String what) {
		return org.awaitility.Awaitility.await(what)
			.atMost(Client.WAIT)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> frames.stream().map(Received::frame).filter(match).findFirst().orElse(null),
					frame -> frame != null);
	}
}
