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

	private volatile @Nullable SocketHandler playerHandler;

	private volatile @Nullable SocketHandler hostHandler;

	ClusterRelay(GameEventBus bus, PinRegistry pins, JsonMapper json, Executor executor, FanOut fanOut) {
		this.bus = bus;
		this.pins = pins;
		this.json = json;
		this.codec = new RelayCodec(json);
		this.executor = executor;
		this.fanOut = fanOut;
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
		OwnerSide owner = new OwnerSide(game, peers);
		return bus.subscribe(game.id(), text -> {
			// The owner hears its own messages to the other nodes too: dropped before any parsing.
			if (RelayCodec.isToOwner(text)) {
				serial.execute(() -> codec.decode(text).ifPresent(message -> message.accept(owner)));
			}
		});
	}

	/** What the owner of a game does with each message: it hears its relayed sockets, nothing else. */
	private final class OwnerSide extends Ignoring {

		private final LiveGame game;

		private final Map<String, RemotePeer> peers;

		OwnerSide(LiveGame game, Map<String, RemotePeer> peers) {
			this.game = game;
			this.peers = peers;
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
	}

	void publish(String gameId, RelayMessage message) {
		bus.publish(gameId, codec.encode(message));
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
			publish(gameId, new RelayMessage.Bound(peerNode, conn, host ? RelayMessage.Bound.HOST : player));
		}

		@Override
		boolean isLocal() {
			return false;
		}
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
					socket.joined = true;
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
