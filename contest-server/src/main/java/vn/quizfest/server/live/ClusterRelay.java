package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.quizfest.server.live.cluster.RelayCodec;
import vn.quizfest.server.live.cluster.RelayCodec.Received;
import vn.quizfest.server.live.cluster.RelayMessage;

/**
 * Lets a player or host on any node of the cluster take part in a game held by another node, so the
 * load balancer needs no sticky sessions. The node holding the game (the owner) runs it; another
 * node relays its sockets' frames to the owner and the owner's frames back, over the game's channel
 * on the {@link GameEventBus}. A broadcast crosses the channel once, not once per player: each node
 * fans it out to its own sockets.
 *
 * <p>The messages on a game's channel are {@link RelayMessage}s, written and read only by the
 * {@link RelayCodec}. Each node numbers what it says on a game's channel (one sequence to the owner, one
 * from it), so that a message that never came is noticed: by the receiver, at the next message (a gap in
 * the numbers), or by the sender, whose publish failed. Either way the relayed sockets of that game
 * resume with the owner, as after a reconnect, while the question is still open.
 */
final class ClusterRelay {

	private static final Logger log = LoggerFactory.getLogger(ClusterRelay.class);

	/** The frames a socket starts with: from a socket the owner does not know yet, nothing else is expected. */
	private static final java.util.Set<String> HELLOS = java.util.Set.of("join", "resume", "host");

	/** How often a node whose publish failed looks whether the bus is back, to resynchronise. */
	static final Duration REPAIR_INTERVAL = Duration.ofMillis(100);

	/**
	 * The shortest time between two resynchronisations of one game's sockets on a node: on a Redis that
	 * answers slowly (publishes timing out) each resynchronisation would otherwise fail in part and start
	 * the next at once, and the resumes would feed the overload.
	 */
	static final Duration RESYNC_SPACING = Duration.ofSeconds(1);

	private final String node = UUID.randomUUID().toString().substring(0, 12);

	private final GameEventBus bus;

	private final PinRegistry pins;

	private final JsonMapper json;

	private final RelayCodec codec;

	private final Executor executor;

	private final FanOut fanOut;

	private final Map<String, GameRelay> relays = new ConcurrentHashMap<>();

	/** The games this node holds, by id: who their relayed sockets are. */
	private final Map<String, OwnerSide> owned = new ConcurrentHashMap<>();

	private final RelayTraffic traffic;

	private volatile @Nullable SocketHandler playerHandler;

	private volatile @Nullable SocketHandler hostHandler;

	/** What this node says on each game's channel, by game id and direction ({@link #stream}). */
	private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

	/**
	 * How long after a sign of trouble on the channel (a failed publish, a reconnect) other nodes are not
	 * judged dead by their heartbeat: after a Redis restart their heartbeat keys are gone until they renew
	 * them, and forgetting their sockets then would close the open question before they resume.
	 */
	private final long deadNodeGraceNanos;

	private volatile long troubledUntil = System.nanoTime();

	ClusterRelay(GameEventBus bus, PinRegistry pins, JsonMapper json, Executor executor, FanOut fanOut,
			RelayTraffic traffic) {
		this(bus, pins, json, executor, fanOut, traffic, Duration.ofSeconds(4));
	}

	/**
	 * @param deadNodeGrace how long after trouble on the channel no node counts as dead (the heartbeat's
	 *        time to live and one renewal: long enough for every node to renew its key)
	 */
	ClusterRelay(GameEventBus bus, PinRegistry pins, JsonMapper json, Executor executor, FanOut fanOut,
			RelayTraffic traffic, Duration deadNodeGrace) {
		this.deadNodeGraceNanos = deadNodeGrace.toNanos();
		this.traffic = traffic;
		this.bus = bus;
		this.pins = pins;
		this.json = json;
		this.codec = new RelayCodec(json);
		this.executor = executor;
		this.fanOut = fanOut;
		bus.onResubscribed(this::resynchronise);
	}

	/**
	 * After this node's channel connection was lost and restored: messages of the gap (frames, acks,
	 * results, answers) may be gone. Each game held here tells every node to resume its sockets here again,
	 * and this node resumes its own relayed sockets with their owners: each socket gets the current step,
	 * its ack and its last result, as on a resume.
	 */
	void resynchronise() {
		troubled();
		for (OwnerSide owner : owned.values()) {
			announce(owner.game.id(), owner.game.pin());
		}
		int sockets = 0;
		for (GameRelay relay : relays.values()) {
			sockets += relay.sockets.size();
			relay.resync();
		}
		log.info("Channel back: {} games held here announced again, {} relayed sockets of {} games resume", owned.size(),
				sockets, relays.size());
	}

	/**
	 * Something went wrong with Redis just now (the channel, or a command of the failover round): for a
	 * while no node counts as dead and no lapsed lease is taken over.
	 */
	void troubled() {
		troubledUntil = System.nanoTime() + deadNodeGraceNanos;
	}

	/**
	 * Whether Redis has answered this node without trouble for the grace period. Right after an outage
	 * longer than the lease every lease and heartbeat is gone; the owners take their leases back in their
	 * next round (with the commands they journaled in memory meanwhile), so no other node may take a game
	 * before that, or the owner's acknowledged commands of the outage would be lost to the replay.
	 */
	boolean settled() {
		return System.nanoTime() - troubledUntil >= 0 && bus.connected();
	}

	/** This node's id in the cluster: it names its sockets on the channels, its heartbeat and its leases. */
	String node() {
		return node;
	}

	void handlers(SocketHandler players, SocketHandler hosts) {
		this.playerHandler = players;
		this.hostHandler = hosts;
	}

	// ---- the owner's side ----------------------------------------------------------------------

	/** Listens for frames from other nodes' sockets for a game this node holds. */
	GameEventBus.Subscription own(LiveGame game) {
		Map<String, RemotePeer> peers = new ConcurrentHashMap<>();
		SerialExecutor serial = new SerialExecutor(executor);
		OwnerSide owner = new OwnerSide(game, peers, serial);
		owned.put(game.id(), owner);
		GameEventBus.Subscription subscription = bus.subscribe(game.id(), text -> {
			traffic.received(text);
			// The owner hears its own messages to the other nodes too: dropped before any parsing.
			if (RelayCodec.isToOwner(text)) {
				serial.execute(() -> codec.decodeReceived(text).ifPresent(owner::received));
			}
		});
		return () -> {
			owned.remove(game.id(), owner);
			outgoing.remove(stream(game.id(), false));
			subscription.close();
		};
	}

	/**
	 * Forgets the relayed sockets of nodes whose heartbeat stopped: their players count as disconnected
	 * (so the early close counts only players who can still answer) and resume through another node.
	 */
	void forgetDeadNodes(java.util.function.Predicate<String> alive) {
		if (!settled()) {
			// Right after a Redis outage the other nodes' heartbeats are gone until they renew them.
			return;
		}
		Map<String, Boolean> checked = new java.util.HashMap<>();
		for (OwnerSide owner : owned.values()) {
			for (RemotePeer peer : owner.peers.values()) {
				if (!checked.computeIfAbsent(peer.peerNode, node -> {
					boolean up = alive.test(node);
					if (!up) {
						log.info("Node {} has no heartbeat: its sockets count as gone", node);
					}
					return up;
				})) {
					owner.serial.execute(() -> {
						LiveGame game = peer.game;
						if (owner.peers.remove(peer.id(), peer) && game != null) {
							game.disconnected(peer);
							// Those who are left may all have answered already: the question closes now.
							game.tickNow();
						}
					});
				}
			}
		}
	}

	/** Nodes whose sockets this node's games hear from (for the heartbeat check). */
	int relayedSockets() {
		int count = 0;
		for (OwnerSide owner : owned.values()) {
			count += owner.peers.size();
		}
		return count;
	}

	/** Tells every node that this node now holds the game: they resume their sockets of it here. */
	void announce(String gameId, String pin) {
		publish(gameId, new RelayMessage.OwnerMoved(node, pin));
	}

	/** Closes this node's sockets of games held elsewhere (shutdown): the clients resume through another node. */
	void closeRelayed(CloseStatus status) {
		for (GameRelay relay : relays.values()) {
			for (Connection socket : relay.sockets.values()) {
				socket.close(status);
			}
		}
	}

	/** What the owner of a game does with each message: it hears its relayed sockets, nothing else. */
	private final class OwnerSide extends Ignoring {

		private final LiveGame game;

		private final Map<String, RemotePeer> peers;

		private final SerialExecutor serial;

		/** The last sequence number heard from each relaying node; only the serial executor touches it. */
		private final Map<String, Long> heard = new HashMap<>();

		OwnerSide(LiveGame game, Map<String, RemotePeer> peers, SerialExecutor serial) {
			this.game = game;
			this.peers = peers;
			this.serial = serial;
		}

		/** On the serial executor, in the order the channel delivered them. */
		void received(Received received) {
			if (gap(heard, received)) {
				// What that node's sockets said in the gap (an answer, a resume) never came: they start again.
				log.info("Game {}: messages from node {} never came (gap before {}): it resynchronises", game.id(),
						received.sender(), received.seq());
				askResync(received.sender());
			}
			received.message().accept(this);
		}

		@Override
		public @Nullable Void clientFrame(RelayMessage.ClientFrame message) {
			String key = RelayMessage.PerSocket.key(message.node(), message.conn());
			RemotePeer peer = peers.get(key);
			JsonNode frame = json.readTree(message.frame());
			String type = frame.path("type").asString();
			if (peer == null) {
				peer = new RemotePeer(game.id(), message.node(), message.conn(), message.address());
				peers.put(key, peer);
				if (!HELLOS.contains(type)) {
					// A socket this node does not know says more than hello: its hello was lost, or this node
					// forgot it (its node taken for dead): that node's sockets start again.
					askResync(message.node());
				}
			}
			dispatch(peer, type, frame);
			return null;
		}

		/** The last time (nanoTime) each node was asked to resynchronise; only the serial executor touches it. */
		private final Map<String, Long> askedAt = new HashMap<>();

		/** Asks a node to resynchronise its sockets of this game, at most once a second. */
		private void askResync(String peerNode) {
			long now = System.nanoTime();
			Long last = askedAt.get(peerNode);
			if (last == null || now - last > TimeUnit.SECONDS.toNanos(1)) {
				askedAt.put(peerNode, now);
				publish(game.id(), new RelayMessage.Resync(peerNode));
			}
		}

		private void dispatch(RemotePeer peer, String text) {
			JsonNode frame = json.readTree(text);
			dispatch(peer, frame.path("type").asString(), frame);
		}

		private void dispatch(RemotePeer peer, String type, JsonNode frame) {
			SocketHandler handler = "host".equals(type) || peer.host ? hostHandler : playerHandler;
			if (handler != null) {
				handler.dispatch(peer, type, frame);
			}
		}

		/**
		 * The socket starts again: what this node knew of it goes (its frames and closes go nowhere now), and
		 * a new peer says its hello. A player is not disconnected in between: its resume replaces the old
		 * peer, so the question never closes early for want of it.
		 */
		@Override
		public @Nullable Void again(RelayMessage.Again message) {
			String key = RelayMessage.PerSocket.key(message.node(), message.conn());
			RemotePeer old = peers.remove(key);
			if (old != null) {
				old.retire();
				if (old.host && old.game != null) {
					old.game.disconnected(old);
				}
			}
			RemotePeer peer = new RemotePeer(game.id(), message.node(), message.conn(), message.address());
			peers.put(key, peer);
			dispatch(peer, message.frame());
			return null;
		}

		@Override
		public @Nullable Void clientClosed(RelayMessage.ClientClosed message) {
			RemotePeer peer = peers.remove(RelayMessage.PerSocket.key(message.node(), message.conn()));
			if (peer != null && peer.game != null) {
				peer.game.disconnected(peer);
			}
			return null;
		}

		@Override
		public @Nullable Void endGame(RelayMessage.EndGame message) {
			try {
				game.endByOrganiser();
			}
			catch (RuntimeException ex) {
				// Nobody waits for an answer: the asking node reads the stored game's status.
				org.slf4j.LoggerFactory.getLogger(ClusterRelay.class)
					.warn("Ending game {} for node {} failed", game.id(), message.node(), ex);
			}
			return null;
		}
	}

	/** A receiver that ignores every kind it does not override. */
	private abstract static class Ignoring implements RelayMessage.Handler<@Nullable Void> {

		@Override
		public @Nullable Void clientFrame(RelayMessage.ClientFrame message) {
			return null;
		}

		@Override
		public @Nullable Void clientClosed(RelayMessage.ClientClosed message) {
			return null;
		}

		@Override
		public @Nullable Void toSocket(RelayMessage.ToSocket message) {
			return null;
		}

		@Override
		public @Nullable Void closeSocket(RelayMessage.CloseSocket message) {
			return null;
		}

		@Override
		public @Nullable Void bound(RelayMessage.Bound message) {
			return null;
		}

		@Override
		public @Nullable Void toPlayers(RelayMessage.ToPlayers message) {
			return null;
		}

		@Override
		public @Nullable Void toHosts(RelayMessage.ToHosts message) {
			return null;
		}

		@Override
		public @Nullable Void perSocket(RelayMessage.PerSocket message) {
			return null;
		}

		@Override
		public @Nullable Void closeAll(RelayMessage.CloseAll message) {
			return null;
		}

		@Override
		public @Nullable Void endGame(RelayMessage.EndGame message) {
			return null;
		}

		@Override
		public @Nullable Void ownerMoved(RelayMessage.OwnerMoved message) {
			return null;
		}

		@Override
		public @Nullable Void again(RelayMessage.Again message) {
			return null;
		}

		@Override
		public @Nullable Void resync(RelayMessage.Resync message) {
			return null;
		}

		@Override
		public @Nullable Void sync(RelayMessage.Sync message) {
			return null;
		}
	}

	/**
	 * Whether a message comes after a gap in its sender's numbers (and notes its number). The first
	 * message heard from a sender, or a number lower than the last (the sender started its sequence
	 * again), is no gap.
	 */
	private static boolean gap(Map<String, Long> heard, Received received) {
		if (received.seq() <= 0) {
			return false;
		}
		Long last = heard.put(received.sender(), received.seq());
		return last != null && received.seq() > last + 1;
	}

	/** The key of what this node says on a game's channel to its owner, or as its owner. */
	private static String stream(String gameId, boolean toOwner) {
		return (toOwner ? ">" : "<") + gameId;
	}

	/** What this node says on one game's channel in one direction: numbered in the order it is published. */
	private static final class Outgoing {

		private long last;

		private final AtomicBoolean repairQueued = new AtomicBoolean();
	}

	void publish(String gameId, RelayMessage message) {
		boolean toOwner = RelayCodec.isToOwner(message);
		Outgoing out = outgoing.computeIfAbsent(stream(gameId, toOwner), k -> new Outgoing());
		// Numbered and handed to the bus under one lock: the numbers go out in order.
		synchronized (out) {
			String text = codec.encode(message, node, ++out.last);
			traffic.sent(text);
			bus.publish(gameId, text, () -> failed(gameId, toOwner, out));
		}
	}

	/**
	 * A publish failed: the receivers missed it. Once the bus is back, the relayed sockets of the game
	 * resume with the owner (this node's, or every node's when this node is the owner and its frames were
	 * lost: a {@code Sync} shows them the gap).
	 */
	private void failed(String gameId, boolean toOwner, Outgoing out) {
		troubled();
		if (out.repairQueued.compareAndSet(false, true)) {
			later(() -> repair(gameId, toOwner, out));
		}
	}

	private void repair(String gameId, boolean toOwner, Outgoing out) {
		if (outgoing.get(stream(gameId, toOwner)) != out) {
			return; // the game is gone from this node (or its relay started again)
		}
		if (!bus.connected()) {
			later(() -> repair(gameId, toOwner, out));
			return;
		}
		out.repairQueued.set(false);
		if (toOwner) {
			GameRelay relay = relays.get(gameId);
			if (relay != null) {
				relay.resync();
			}
		}
		else if (owned.containsKey(gameId)) {
			publish(gameId, new RelayMessage.Sync());
		}
	}

	private void later(Runnable task) {
		CompletableFuture.delayedExecutor(REPAIR_INTERVAL.toMillis(), TimeUnit.MILLISECONDS, executor).execute(task);
	}

	/** One message for every remote socket's own frame. */
	void publishEach(String gameId, List<Peer> remote, java.util.function.Function<Peer, @Nullable String> frameFor) {
		Map<String, String> frames = new LinkedHashMap<>();
		for (Peer peer : remote) {
			String frame = frameFor.apply(peer);
			if (frame != null) {
				frames.put(peer.id(), frame);
			}
		}
		if (!frames.isEmpty()) {
			publish(gameId, new RelayMessage.PerSocket(frames));
		}
	}

	/** A socket on another node, as the owner sees it. */
	final class RemotePeer extends Peer {

		private final String gameId;

		private final String peerNode;

		private final String conn;

		private final String address;

		RemotePeer(String gameId, String peerNode, String conn, String address) {
			this.gameId = gameId;
			this.peerNode = peerNode;
			this.conn = conn;
			this.address = address;
		}

		@Override
		String id() {
			return RelayMessage.PerSocket.key(peerNode, conn);
		}

		@Override
		String address() {
			return address;
		}

		/** Replaced by a new peer for the same socket ({@code Again}): this one says nothing more. */
		private volatile boolean retired;

		void retire() {
			retired = true;
		}

		@Override
		boolean send(String frame) {
			if (!retired) {
				publish(gameId, new RelayMessage.ToSocket(peerNode, conn, frame));
			}
			return true;
		}

		@Override
		void close(CloseStatus status) {
			sendAndClose("", status);
		}

		@Override
		void sendAndClose(String frame, CloseStatus status) {
			if (!retired) {
				publish(gameId, new RelayMessage.CloseSocket(peerNode, conn, status.getCode(), frame));
			}
		}

		@Override
		RateLimiter.Verdict strike() {
			// The relaying node counts its socket's refusals itself.
			return RateLimiter.Verdict.REFUSE;
		}

		@Override
		void forgive() {
		}

		@Override
		void bound() {
			super.bound();
			if (retired) {
				return;
			}
			publish(gameId, host ? new RelayMessage.Bound(peerNode, conn, RelayMessage.Bound.HOST)
					: new RelayMessage.Bound(peerNode, conn, player, resumeToken));
		}

		@Override
		boolean isLocal() {
			return false;
		}
	}

	/** Asks the node that holds this game to end it (an organiser's end from this node's console). */
	void requestEnd(String gameId) {
		// Not numbered: this node may hold no socket of the game, and the asking node reads the stored status.
		String text = codec.encode(new RelayMessage.EndGame(node));
		traffic.sent(text);
		bus.publish(gameId, text);
	}

	// ---- the relaying node's side --------------------------------------------------------------

	/** The relay for a game held by another node, when one holds this PIN. */
	Optional<GameRelay> byPin(String pin) {
		return pins.gameOf(pin).map(this::relay);
	}

	/** The relay for a game held by another node, when that game is live. */
	Optional<GameRelay> byGameId(String gameId) {
		return pins.isLive(gameId) ? Optional.of(relay(gameId)) : Optional.empty();
	}

	private GameRelay relay(String gameId) {
		return relays.computeIfAbsent(gameId, GameRelay::new);
	}

	/** This node's sockets in one game held elsewhere. */
	final class GameRelay {

		private final String gameId;

		private final Map<String, Connection> sockets = new ConcurrentHashMap<>();

		private final GameEventBus.Subscription subscription;

		// In order, as the owner sent them: a broadcast and a later frame for one socket never swap.
		private final SerialExecutor serial = new SerialExecutor(executor);

		/** The last sequence number heard from each owner; only the serial executor touches it. */
		private final Map<String, Long> heard = new HashMap<>();

		private final AtomicBoolean resyncQueued = new AtomicBoolean();

		private volatile long lastResync = System.nanoTime() - RESYNC_SPACING.toNanos();

		String gameId() {
			return gameId;
		}

		GameRelay(String gameId) {
			this.gameId = gameId;
			RelayingSide side = new RelayingSide();
			this.subscription = bus.subscribe(gameId, text -> {
				traffic.received(text);
				if (!RelayCodec.isToOwner(text)) {
					serial.execute(() -> codec.decodeReceived(text).ifPresent(side::received));
				}
			});
		}

		/** Every socket of this relay resumes with the owner, soon and once however many ask for it. */
		void resync() {
			if (resyncQueued.compareAndSet(false, true)) {
				long wait = RESYNC_SPACING.toNanos() - (System.nanoTime() - lastResync);
				Runnable run = () -> serial.execute(() -> {
					resyncQueued.set(false);
					lastResync = System.nanoTime();
					resumeAll();
				});
				if (wait <= 0) {
					run.run();
				}
				else {
					CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, executor).execute(run);
				}
			}
		}

		void forward(Connection connection, String frame) {
			connection.relay = this;
			sockets.put(connection.id(), connection);
			publish(gameId, new RelayMessage.ClientFrame(node, connection.id(), connection.address(), frame));
		}

		void closed(Connection connection) {
			if (sockets.remove(connection.id()) != null) {
				publish(gameId, new RelayMessage.ClientClosed(node, connection.id()));
			}
			if (sockets.isEmpty()) {
				relays.remove(gameId, this);
				outgoing.remove(stream(gameId, true));
				subscription.close();
			}
		}

		/** Every socket of this relay resumes with the owner (after a gap in this node's channel). */
		void resumeAll() {
			for (Connection socket : List.copyOf(sockets.values())) {
				String hello = hello(socket, null);
				if (hello != null) {
					startAgain(socket, hello);
				}
			}
		}

		/**
		 * The socket starts again with the owner: in one message, the owner forgets what it knew of the
		 * socket and hears its resume or first frame.
		 */
		private void startAgain(Connection socket, String hello) {
			publish(gameId, new RelayMessage.Again(node, socket.id(), socket.address(), hello));
		}

		/**
		 * What a socket says to a new or resynchronising owner: a joined player resumes with its token; a
		 * host, or a socket whose join or resume was never answered, sends its first frame again.
		 */
		private @Nullable String hello(Connection socket, @Nullable String pin) {
			if (!socket.joined || socket.host) {
				return socket.hello;
			}
			String gamePin = pin;
			if (gamePin == null && socket.hello != null) {
				gamePin = json.readTree(socket.hello).path("pin").asString(null);
			}
			return gamePin == null ? null : resumeFrame(gamePin, socket);
		}

		private @Nullable String resumeFrame(String pin, Connection socket) {
			String token = socket.resumeToken;
			if (!socket.joined || token == null || token.isEmpty()) {
				return null;
			}
			var frame = json.createObjectNode().put("type", "resume").put("v", Frames.PROTOCOL_VERSION).put("pin", pin)
				.put("token", token).put("lang", socket.language);
			return json.writeValueAsString(frame);
		}

		/** What a relaying node does with the owner's messages for its sockets. */
		private final class RelayingSide extends Ignoring {

			/** On the serial executor, in the order the channel delivered them. */
			void received(Received received) {
				if (gap(heard, received)) {
					// A frame for one of this node's sockets (an ack, a result) may be among those lost.
					log.info("Game {}: messages from its owner {} never came (gap before {}): resynchronising",
							gameId, received.sender(), received.seq());
					GameRelay.this.resync();
				}
				received.message().accept(this);
			}

			@Override
			public @Nullable Void resync(RelayMessage.Resync message) {
				if (node.equals(message.node())) {
					GameRelay.this.resync();
				}
				return null;
			}

			@Override
			public @Nullable Void toPlayers(RelayMessage.ToPlayers message) {
				fan(message.frame(), false);
				return null;
			}

			@Override
			public @Nullable Void toHosts(RelayMessage.ToHosts message) {
				fan(message.frame(), true);
				return null;
			}

			private void fan(String frame, boolean toHosts) {
				List<Connection> targets = new ArrayList<>();
				for (Connection socket : sockets.values()) {
					if (socket.joined && socket.host == toHosts) {
						targets.add(socket);
					}
				}
				fanOut.broadcast(targets, frame);
			}

			@Override
			public @Nullable Void closeAll(RelayMessage.CloseAll message) {
				CloseStatus status = new CloseStatus(message.code());
				for (Connection socket : sockets.values()) {
					if (socket.joined && !socket.host) {
						socket.sendAndClose(message.frame(), status);
					}
				}
				return null;
			}

			@Override
			public @Nullable Void perSocket(RelayMessage.PerSocket message) {
				for (Connection socket : sockets.values()) {
					String frame = message.frames().get(RelayMessage.PerSocket.key(node, socket.id()));
					if (frame != null) {
						socket.send(frame);
					}
				}
				return null;
			}

			@Override
			public @Nullable Void toSocket(RelayMessage.ToSocket message) {
				Connection socket = mine(message.node(), message.conn());
				if (socket != null) {
					socket.send(message.frame());
				}
				return null;
			}

			@Override
			public @Nullable Void bound(RelayMessage.Bound message) {
				Connection socket = mine(message.node(), message.conn());
				if (socket != null) {
					socket.host = message.player() == RelayMessage.Bound.HOST;
					socket.player = message.player();
					socket.resumeToken = message.token();
					socket.joined = true;
				}
				return null;
			}

			/**
			 * Another node took the game over: each socket resumes with it as if the phone had sent
			 * {@code resume} (a host sends its {@code host} again), so the phones on this node see only a
			 * pause and a {@code resumed}. When this node is the new owner, the sockets play here directly.
			 */
			@Override
			public @Nullable Void ownerMoved(RelayMessage.OwnerMoved message) {
				boolean here = node.equals(message.node());
				for (Connection socket : List.copyOf(sockets.values())) {
					String hello = hello(socket, message.pin());
					if (hello == null) {
						continue;
					}
					if (here) {
						sockets.remove(socket.id());
						socket.relay = null;
						JsonNode frame = json.readTree(hello);
						SocketHandler handler = socket.host ? hostHandler : playerHandler;
						if (handler != null) {
							handler.dispatch(socket, frame.path("type").asString(), frame);
						}
					}
					else {
						startAgain(socket, hello);
					}
				}
				if (here && sockets.isEmpty()) {
					relays.remove(gameId, GameRelay.this);
					outgoing.remove(stream(gameId, true));
					subscription.close();
				}
				return null;
			}

			@Override
			public @Nullable Void closeSocket(RelayMessage.CloseSocket message) {
				Connection socket = mine(message.node(), message.conn());
				if (socket != null) {
					sockets.remove(socket.id());
					CloseStatus status = new CloseStatus(message.code());
					if (message.frame().isEmpty()) {
						socket.close(status);
					}
					else {
						socket.sendAndClose(message.frame(), status);
					}
				}
				return null;
			}

			/** The socket a message addresses, if it is one of this node's. */
			private @Nullable Connection mine(String messageNode, String conn) {
				return node.equals(messageNode) ? sockets.get(conn) : null;
			}
		}
	}
}
