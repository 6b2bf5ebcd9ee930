package vn.quizfest.server.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The cluster shape's bus: one sharded pub/sub channel per game (SPUBLISH/SSUBSCRIBE, Redis 7), whose
 * name carries the game's hash tag. A node holds one subscriber and one publisher connection, and
 * subscribes to a game's channel only while it has listeners for it.
 */
class RedisGameEventBus implements GameEventBus, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisGameEventBus.class);

	private final RedisClient client;

	private final StatefulRedisPubSubConnection<String, String> subscriber;

	private final StatefulRedisConnection<String, String> publisher;

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private final List<Runnable> resubscribed = new CopyOnWriteArrayList<>();

	/** Set after the first connection: a later "connected" is a reconnect. */
	private volatile boolean connectedOnce;

	RedisGameEventBus(ClientResources resources, RedisURI uri) {
		this.client = RedisClient.create(resources, uri);
		client.addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisConnected(RedisChannelHandler<?, ?> connection, java.net.SocketAddress address) {
				if (connection == subscriber && connectedOnce) {
					// Off the I/O thread: subscribe again (the gap's messages are gone), then let listeners resync.
					java.util.concurrent.CompletableFuture.runAsync(RedisGameEventBus.this::resubscribe);
				}
			}
		});
		this.subscriber = client.connectPubSub();
		this.connectedOnce = true;
		this.publisher = client.connect();
		subscriber.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void smessage(String channel, String message) {
				deliver(channel, message);
			}
		});
	}

	static String channel(String gameId) {
		return "quiz:{g:" + gameId + "}:events";
	}

	@Override
	public void publish(String gameId, String event) {
		publisher.async().spublish(channel(gameId), event).exceptionally(failure -> {
			log.warn("Could not publish an event of game {}", gameId, failure);
			return null;
		});
	}

	@Override
	public Subscription subscribe(String gameId, Consumer<String> listener) {
		String channel = channel(gameId);
		listeners.compute(channel, (name, list) -> {
			if (list == null) {
				// Synchronous, so that an event published after subscribe() returns is delivered.
				subscriber.sync().ssubscribe(name);
				list = new CopyOnWriteArrayList<>();
			}
			list.add(listener);
			return list;
		});
		return () -> listeners.computeIfPresent(channel, (name, list) -> {
			list.remove(listener);
			if (!list.isEmpty()) {
				return list;
			}
			subscriber.async().sunsubscribe(name);
			return null;
		});
	}

	private void resubscribe() {
		try {
			String[] channels = listeners.keySet().toArray(String[]::new);
			if (channels.length > 0) {
				subscriber.sync().ssubscribe(channels);
			}
			log.info("Reconnected to Redis: {} game channels subscribed again, resynchronising", channels.length);
		}
		catch (RuntimeException ex) {
			log.warn("Could not subscribe again after a reconnect: {}", ex.toString());
		}
		for (Runnable task : resubscribed) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("A resynchronisation after a reconnect failed", ex);
			}
		}
	}

	@Override
	public void onResubscribed(Runnable task) {
		resubscribed.add(task);
	}

	private void deliver(String channel, String message) {
		List<Consumer<String>> current = listeners.get(channel);
		if (current == null) {
			return;
		}
		for (Consumer<String> listener : current) {
			try {
				listener.accept(message);
			}
			catch (RuntimeException ex) {
				log.warn("A listener of {} failed", channel, ex);
			}
		}
	}

	@Override
	public void destroy() {
		subscriber.close();
		publisher.close();
		client.shutdown();
	}
}
