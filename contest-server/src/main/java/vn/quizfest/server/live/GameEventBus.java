package vn.quizfest.server.live;

import java.util.function.Consumer;

/**
 * Carries a game's events to every node that has players of that game. Each node subscribes once
 * per game and fans the events out to its own sockets. Events from one publisher arrive in the
 * order they were published.
 *
 * <p>Listeners may be called on an I/O thread: they must hand work off and return quickly.
 */
public interface GameEventBus {

	void publish(String gameId, String event);

	/**
	 * As {@link #publish(String, String)}, and runs {@code failed} (on any thread) when the event could not
	 * be handed to the transport: the publisher knows its receivers missed it. A bus that never fails never
	 * calls it.
	 */
	default void publish(String gameId, String event, Runnable failed) {
		publish(gameId, event);
	}

	/** Whether the bus can carry events right now (a Redis bus whose connections are up). */
	default boolean connected() {
		return true;
	}

	Subscription subscribe(String gameId, Consumer<String> listener);

	/**
	 * Runs the task each time the bus has lost its connection and subscribed again: messages of that
	 * gap may be gone, so the listener resynchronises (a bus that never loses messages never calls it).
	 */
	default void onResubscribed(Runnable task) {
	}

	/** Stops delivery to one listener; closing twice is harmless. */
	interface Subscription extends AutoCloseable {

		@Override
		void close();
	}
}
