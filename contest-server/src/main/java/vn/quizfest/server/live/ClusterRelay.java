package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.quizfest.server.live.cluster.RelayCodec;
import vn.quizfest.server.live.cluster.RelayMessage;

/**
 * Lets a player or host on any node of the cluster take part in a game held by another node, so the
 * load balancer needs no sticky sessions. The node holding the game (the owner) runs it; another
 * node relays its sockets' frames to the owner and the owner's frames back, over the game's channel
 * on the {@link GameEventBus}. A broadcast crosses the channel once, not once per player: each node
 * fans it out to its own sockets.
 *
 * <p>The messages on a game's channel are {@link RelayMessage}s, written and read only by the
 * {@link RelayCodec}.
 */
final class ClusterRelay {

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

	ClusterRelay(GameEventBus bus, PinRegistry pins, JsonMapper json, Executor executor, FanOut fanOut,
			RelayTraffic traffic) {
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
		for (OwnerSide owner : owned.values()) {
			announce(owner.game.id(), owner.game.pin());
		}
		for (GameRelay relay : relays.values()) {
			relay.serial.execute(relay::resumeAll);
		}
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
				serial.execute(() -> codec.decode(text).ifPresent(message -> message.accept(owner)));
			}
		});
		return () -> {
			owned.remove(game.id(), owner);
			subscription.close();
		};
	}

	/**
	 * Forgets the relayed sockets of nodes whose heartbeat stopped: their players count as disconnected
	 * (so the early close counts only players who can still answer) and resume through another node.
	 */
	void forgetDeadNodes(java.util.function.Predicate<String> alive) {
		Map<String, Boolean> checked = new java.util.HashMap<>();
		for (OwnerSide owner : owned.values()) {
			for (RemotePeer peer : owner.peers.values()) {
				if (!checked.computeIfAbsent(peer.peerNode, alive::test)) {
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

		OwnerSide(LiveGame game, Map<String, RemotePeer> peers, SerialExecutor serial) {
			this.game = game;
			this.peers = peers;
			this.serial = serial;
		}

		@Override
		public @Nullable Void clientFrame(RelayMessage.ClientFrame message) {
			RemotePeer peer = peers.computeIfAbsent(RelayMessage.PerSocket.key(message.node(), message.conn()),
					k -> new RemotePeer(game.id(), message.node(), message.conn(), message.address()));
			JsonNode frame = json.readTree(message.frame());
			String type = frame.path("type").asString();
			SocketHandler handler = "host".equals(type) || peer.host ? hostHandler : playerHandler;
			if (handler != null) {
				handler.dispatch(peer, type, frame);
			}
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
	}

	void publish(String gameId, RelayMessage message) {
		String text = codec.encode(message);
		traffic.sent(text);
		bus.publish(gameId, text);
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

		@Override
		boolean send(String frame) {
			publish(gameId, new RelayMessage.ToSocket(peerNode, conn, frame));
			return true;
		}

		@Override
		void close(CloseStatus status) {
			sendAndClose("", status);
		}

		@Override
		void sendAndClose(String frame, CloseStatus status) {
			publish(gameId, new RelayMessage.CloseSocket(peerNode, conn, status.getCode(), frame));
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
		publish(gameId, new RelayMessage.EndGame(node));
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

		String gameId() {
			return gameId;
		}

		GameRelay(String gameId) {
			this.gameId = gameId;
			RelayingSide side = new RelayingSide();
			this.subscription = bus.subscribe(gameId, text -> {
				traffic.received(text);
				if (!RelayCodec.isToOwner(text)) {
					serial.execute(() -> codec.decode(text).ifPresent(message -> message.accept(side)));
				}
			});
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
				subscription.close();
			}
		}

		/** Every socket of this relay resumes with the owner (after a gap in this node's channel). */
		void resumeAll() {
			for (Connection socket : List.copyOf(sockets.values())) {
				String hello = hello(socket, null);
				if (hello != null) {
					again(socket, hello);
				}
			}
		}

		/**
		 * The socket starts again with the owner: the owner forgets it (if it still knew it), then hears its
		 * resume or first frame, in this order (one publisher's messages keep their order).
		 */
		private void again(Connection socket, String hello) {
			publish(gameId, new RelayMessage.ClientClosed(node, socket.id()));
			publish(gameId, new RelayMessage.ClientFrame(node, socket.id(), socket.address(), hello));
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
						again(socket, hello);
					}
				}
				if (here && sockets.isEmpty()) {
					relays.remove(gameId, GameRelay.this);
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
