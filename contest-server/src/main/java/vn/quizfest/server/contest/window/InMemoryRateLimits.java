package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed one-minute windows in a map; expired windows are dropped when the map grows large. */
class InMemoryRateLimits implements RateLimits {

	private static final int MAX_KEYS = 200_000;

	private record Window(long start, int count) {
	}

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemoryRateLimits(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Duration acquire(String key, int perWindow) {
		long now = clock.millis();
		long length = WINDOW.toMillis();
		if (windows.size() >= MAX_KEYS) {
			windows.values().removeIf(w -> w.start() + length <= now);
		}
		Window window = windows.compute(key, (k, w) -> w == null || w.start() + length <= now ? new Window(now, 1)
				: new Window(w.start(), w.count() + 1));
		return window.count() <= perWindow ? Duration.ZERO : Duration.ofMillis(window.start() + length - now);
	}
}
