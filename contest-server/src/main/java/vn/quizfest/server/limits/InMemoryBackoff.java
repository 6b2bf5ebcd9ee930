package vn.quizfest.server.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** {@link Backoff} in this node's memory, for the embedded shape; the least recently struck keys go first. */
final class InMemoryBackoff implements Backoff {

	private record Strikes(long count, long waitEndsNanos) {
	}

	private final Duration first;

	private final Duration max;

	private final long forgetNanos;

	private final LongSupplier nanos;

	private final Map<String, Strikes> strikes;

	InMemoryBackoff(Duration first, Duration max, Duration forgetAfter, int maxKeys, LongSupplier nanos) {
		this.first = first;
		this.max = max;
		this.forgetNanos = forgetAfter.toNanos();
		this.nanos = nanos;
		this.strikes = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Strikes> eldest) {
				return size() > maxKeys;
			}
		};
	}

	@Override
	public synchronized Duration waiting(String key) {
		Strikes current = strikes.get(key);
		long left = current == null ? 0 : current.waitEndsNanos() - nanos.getAsLong();
		return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
	}

	@Override
	public synchronized Duration strike(String key) {
		long now = nanos.getAsLong();
		Strikes last = strikes.get(key);
		// Quiet for the forget period since the last wait ended: the count starts again.
		long count = last == null || now - last.waitEndsNanos() > forgetNanos ? 1 : last.count() + 1;
		Duration wait = Backoff.waitAfter(count, first, max);
		strikes.put(key, new Strikes(count, now + wait.toNanos()));
		return wait;
	}
}
