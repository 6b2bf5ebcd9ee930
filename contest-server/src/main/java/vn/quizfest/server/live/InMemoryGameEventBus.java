package vn.quizfest.server.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The embedded shape's bus: one process, so publishing calls the listeners directly. */
class InMemoryGameEventBus implements GameEventBus {

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	@Override
	public void publish(String gameId, String event) {
		List<Consumer<String>> current = listeners.get(gameId);
		if (current != null) {
			current.forEach(listener -> listener.accept(event));
		}
	}

	@Override
	public Subscription subscribe(String gameId, Consumer<String> listener) {
		// Added inside compute: a concurrent close of the last listener cannot orphan the new one.
		listeners.compute(gameId, (id, list) -> {
			List<Consumer<String>> current = list == null ? new CopyOnWriteArrayList<>() : list;
			current.add(listener);
			return current;
		});
		return () -> listeners.computeIfPresent(gameId, (id, list) -> {
			list.remove(listener);
			return list.isEmpty() ? null : list;
		});
	}
}
