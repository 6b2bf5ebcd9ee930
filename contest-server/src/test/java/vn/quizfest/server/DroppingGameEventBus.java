package vn.quizfest.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.quizfest.server.live.GameEventBus;

/**
 * A test hook around a node's real Redis bus: it loses, on purpose, the next message this node would
 * hear that matches a predicate, as a network or a Redis failover can. Everything else passes through
 * untouched, so the relay above it runs as in production.
 */
public final class DroppingGameEventBus implements GameEventBus {

	private final GameEventBus real;

	private final AtomicReference<Predicate<String>> next = new AtomicReference<>();

	/** The texts dropped so far, in order. */
	public final List<String> dropped = new CopyOnWriteArrayList<>();

	DroppingGameEventBus(GameEventBus real) {
		this.real = real;
	}

	/** The next message heard on this node that matches is lost (one message only). */
	public void dropNext(Predicate<String> which) {
		next.set(which);
	}

	@Override
	public void publish(String gameId, String event) {
		real.publish(gameId, event);
	}

	@Override
	public void publish(String gameId, String event, Runnable failed) {
		real.publish(gameId, event, failed);
	}

	@Override
	public boolean connected() {
		return real.connected();
	}

	@Override
	public void onResubscribed(Runnable task) {
		real.onResubscribed(task);
	}

	@Override
	public Subscription subscribe(String gameId, Consumer<String> listener) {
		return real.subscribe(gameId, text -> {
			Predicate<String> which = next.get();
			if (which != null && which.test(text) && next.compareAndSet(which, null)) {
				dropped.add(text);
				return;
			}
			listener.accept(text);
		});
	}

	/**
	 * Put in front of the application's Redis bus: {@code @Import} it in a test context, or pass it as a
	 * source to a node started with {@code SpringApplicationBuilder}. Not a {@code @Configuration}, so no
	 * component scan picks it up for other tests.
	 */
	public static class Hook {

		@Bean
		@Primary
		DroppingGameEventBus droppingGameEventBus(@Qualifier("redisGameEventBus") GameEventBus real) {
			return new DroppingGameEventBus(real);
		}
	}
}
