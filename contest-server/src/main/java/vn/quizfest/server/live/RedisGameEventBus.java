package vn.quizfest.server.live;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;

/**
 * The cluster shape's bus: one sharded pub/sub channel per game (SPUBLISH/SSUBSCRIBE, Redis 7), whose
 * name carries the game's hash tag. A node holds one subscriber and one publisher connection, and
 * subscribes to a game's channel only while it has listeners for it. On a standalone Redis or a
 * Sentinel-managed master the two are plain connections; on a Redis Cluster, sharded pub/sub keeps a
 * game's messages on the one shard that owns its slot (plain pub/sub would copy every message to every
 * node of the cluster), and the client subscribes on that shard's master.
 */
class RedisGameEventBus implements GameEventBus, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisGameEventBus.class);

	private final Link link;

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private final List<Runnable> resubscribed = new CopyOnWriteArrayList<>();

	private final FailedPublishes failureLog = new FailedPublishes();

	/** Uses the application's Lettuce client (standalone, Sentinel or Cluster); it is not shut down here. */
	RedisGameEventBus(AbstractRedisClient client) {
		if (client instanceof RedisClusterClient cluster) {
			this.link = new ClusterLink(cluster, this::deliver, this::reconnected);
		}
		else if (client instanceof RedisClient single) {
			this.link = new SingleLink(single, this::deliver, this::reconnected);
		}
		else {
			throw new IllegalStateException("Unknown Redis client " + client.getClass().getName());
		}
	}

	static String channel(String gameId) {
		return "quiz:{g:" + gameId + "}:events";
	}

	@Override
	public void publish(String gameId, String event) {
		publish(gameId, event, () -> {
		});
	}

	@Override
	public void publish(String gameId, String event, Runnable failed) {
		link.publish(channel(gameId), event).exceptionally(failure -> {
			// One line per second at most: an outage fails every message of every game at once.
			if (failureLog.shouldLog()) {
				log.warn("Could not publish an event of game {}: {} ({} failed publishes in all)", gameId,
						failure.toString(), failureLog.count());
			}
			failed.run();
			return null;
		});
	}

	@Override
	public boolean connected() {
		return link.isOpen();
	}

	@Override
	public Subscription subscribe(String gameId, Consumer<String> listener) {
		String channel = channel(gameId);
		listeners.compute(channel, (name, list) -> {
			if (list == null) {
				// Synchronous, so that an event published after subscribe() returns is delivered.
				link.subscribe(name);
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
			link.unsubscribe(name);
			return null;
		});
	}

	/**
	 * Runs the task each time the subscriber lost its connection (or, on a Redis Cluster, the topology
	 * changed) and the game channels were subscribed again: messages of that gap may be gone, so the
	 * listener resynchronises.
	 */
	public void onResubscribed(Runnable task) {
		resubscribed.add(task);
	}

	/** Off the I/O thread: subscribe every channel again where it lives now, then let listeners resync. */
	private void reconnected() {
		long reconnectedAt = System.nanoTime();
		CompletableFuture.runAsync(() -> {
			String[] channels = listeners.keySet().toArray(String[]::new);
			try {
				for (String channel : channels) {
					link.subscribe(channel);
				}
				log.info("Redis reconnected or moved: {} game channels subscribed again in {} ms", channels.length,
						java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reconnectedAt));
			}
			catch (RuntimeException ex) {
				log.warn("Could not subscribe the game channels again: {}", ex.toString());
			}
			for (Runnable task : resubscribed) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.warn("A resynchronisation after a reconnect failed", ex);
				}
			}
		});
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
		link.close();
	}

	/** The two connections of one node, for one kind of Redis. */
	private interface Link extends AutoCloseable {

		CompletionStage<Long> publish(String channel, String message);

		void subscribe(String channel);

		void unsubscribe(String channel);

		/** Whether both connections are up. */
		boolean isOpen();

		@Override
		void close();
	}

	/** Counts failed publishes and lets one log line through per second. */
	private static final class FailedPublishes {

		private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

		private final java.util.concurrent.atomic.AtomicLong nextLogAt = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

		boolean shouldLog() {
			count.incrementAndGet();
			long now = System.nanoTime();
			long next = nextLogAt.get();
			return now - next >= 0 && nextLogAt.compareAndSet(next, now + 1_000_000_000L);
		}

		long count() {
			return count.get();
		}
	}

	/** A standalone Redis or the master a Sentinel set names (the client follows it on failover). */
	private static final class SingleLink implements Link {

		private final StatefulRedisPubSubConnection<String, String> subscriber;

		private final StatefulRedisConnection<String, String> publisher;

		private volatile boolean connectedOnce;

		SingleLink(RedisClient client, Delivery delivery, Runnable reconnected) {
			client.addListener(new RedisConnectionStateListener() {
				@Override
				public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
					// Lettuce subscribes again by itself; the listeners still need to know about the gap.
					if (connectedOnce && connection == subscriber) {
						reconnected.run();
					}
				}
			});
			this.subscriber = client.connectPubSub();
			this.connectedOnce = true;
			this.publisher = client.connect();
			subscriber.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void smessage(String channel, String message) {
					delivery.deliver(channel, message);
				}
			});
		}

		@Override
		public CompletionStage<Long> publish(String channel, String message) {
			return publisher.async().spublish(channel, message);
		}

		@Override
		public void subscribe(String channel) {
			subscriber.sync().ssubscribe(channel);
		}

		@Override
		public void unsubscribe(String channel) {
			subscriber.async().sunsubscribe(channel);
		}

		@Override
		public boolean isOpen() {
			return subscriber.isOpen() && publisher.isOpen();
		}

		@Override
		public void close() {
			subscriber.close();
			publisher.close();
		}
	}

	/**
	 * A Redis Cluster: SPUBLISH goes to the master of the channel's slot like any keyed command, and
	 * SSUBSCRIBE is routed there by the client too; messages from the node connections reach the listener.
	 */
	private static final class ClusterLink implements Link {

		private final StatefulRedisClusterPubSubConnection<String, String> subscriber;

		private final StatefulRedisClusterConnection<String, String> publisher;

		private final Disposable topologyChanges;

		ClusterLink(RedisClusterClient client, Delivery delivery, Runnable reconnected) {
			this.subscriber = client.connectPubSub();
			this.publisher = client.connect();
			subscriber.setNodeMessagePropagation(true);
			// A lost master's slots move to its replica: the game channels of those slots are subscribed
			// again where they live now (SSUBSCRIBE is routed by slot).
			this.topologyChanges = client.getResources()
				.eventBus()
				.get()
				.filter(ClusterTopologyChangedEvent.class::isInstance)
				.subscribe(event -> reconnected.run());
			subscriber.addListener(new RedisClusterPubSubAdapter<>() {
				@Override
				public void smessage(RedisClusterNode node, String channel, String message) {
					delivery.deliver(channel, message);
				}
			});
		}

		@Override
		public CompletionStage<Long> publish(String channel, String message) {
			return publisher.async().spublish(channel, message);
		}

		@Override
		public void subscribe(String channel) {
			subscriber.sync().ssubscribe(channel);
		}

		@Override
		public void unsubscribe(String channel) {
			subscriber.async().sunsubscribe(channel);
		}

		@Override
		public boolean isOpen() {
			return subscriber.isOpen() && publisher.isOpen();
		}

		@Override
		public void close() {
			topologyChanges.dispose();
			subscriber.close();
			publisher.close();
		}
	}

	@FunctionalInterface
	private interface Delivery {

		void deliver(String channel, String message);
	}
}
