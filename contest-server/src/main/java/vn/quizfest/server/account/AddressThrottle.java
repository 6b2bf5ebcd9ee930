package vn.quizfest.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address in a fixed window, so one address cannot try passwords
 * against many accounts. Memory is bounded: expired windows are dropped when the map grows.
 */
class AddressThrottle {

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private record Window(Instant start, int failures) {
	}

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	AddressThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	/** How long the address must wait, or {@link Duration#ZERO} when it may try. */
	Duration waitTime(String address) {
		Window current = windows.get(address);
		if (current == null || current.failures() < maxFailures) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), current.start().plus(window));
		return left.isNegative() ? Duration.ZERO : left;
	}

	void recordFailure(String address) {
		Instant now = clock.instant();
		if (windows.size() >= MAX_TRACKED_ADDRESSES) {
			windows.values().removeIf(w -> w.start().plus(window).isBefore(now));
		}
		windows.compute(address, (key, current) -> current == null || current.start().plus(window).isBefore(now)
				? new Window(now, 1) : new Window(current.start(), current.failures() + 1));
	}
}
