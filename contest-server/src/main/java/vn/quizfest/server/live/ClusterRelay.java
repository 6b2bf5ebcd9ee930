package vn.quizfest.server.live;

import java.util.ArrayList;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets a player or host on any node of the cluster take part in a game held by another node, so the
 * load balancer needs no sticky sessions. The node holding the game (the owner) runs it; another
 * node relays its sockets' frames to the owner and the owner's frames back, over the game's channel
 * on the {@link GameEventBus}. A broadcast crosses the channel once, not once per player: each node
 * fans it out to its own sockets.
 *
 * <p>Messages on a game's channel, one kind letter and newline-separated fields:
 * {@code C node conn frame} a client frame to the owner; {@code D node conn} that socket closed;
 * {@code P node conn frame} a frame for one socket; {@code X node conn code frame} a last frame and a
 * close; {@code K node conn player} the socket is now a player (or a host, player -1);
 * {@code B frame} for every player; {@code H frame} for every host; {@code Q json} a frame per
 * socket; {@code E code frame} a last frame and a close for every player.
 */
final class ClusterRelay {

	private final String node = UUID.randomUUID().toString().substring(0, 12);

	private final GameEventBus bus;

	private final PinRegistry pins;

	private final JsonMapper json;

	private final Executor executor;

	private final FanOut fanOut;

	private final Map<String, GameRelay> relays = new ConcurrentHashMap<>();

	private volatile @Nullable SocketHandler playerHandler;

	private volatile @Nullable SocketHandler hostHandler;

	ClusterRelay(GameEventBus bus, PinRegistry pins, JsonMapper json, Executor executor, FanOut fanOut) {
		this.bus = bus;
		this.pins = pins;
		this.json = json;
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
		return bus.subscribe(game.id(), message -> {
			char kind = message.isEmpty() ? ' ' : message.charAt(0);
			if (kind != 'C' && kind != 'D') {
				return;
			}
			serial.execute(() -> received(game, peers, message));
		});
	}

	private void received(LiveGame game, Map<String, RemotePeer> peers, String message) {
		String[] parts = message.split("\n", 4);
		if (parts.length < 3) {
			return;
		}
		String key = parts[1] + "\n" + parts[2];
		if (message.charAt(0) == 'D') {
			RemotePeer peer = peers.remove(key);
			if (peer != null && peer.game != null) {
				peer.game.disconnected(peer);
			}
			return;
		}
		if (parts.length < 4) {
			return;
		}
		RemotePeer peer = peers.computeIfAbsent(key, k -> new RemotePeer(game.id(), parts[1], parts[2]));
		JsonNode frame = json.readTree(parts[3]);
		String type = frame.path("type").asString();
		SocketHandler handler = "host".equals(type) || peer.host ? hostHandler : playerHandler;
		if (handler != null) {
			handler.dispatch(peer, type, frame);
		}
	}

	void publish(String gameId, char kind, String frame) {
		bus.publish(gameId, kind + "\n" + frame);
	}

	/** One message for every remote socket's own frame. */
	void publishEach(String gameId, List<Peer> remote, java.util.function.Function<Peer, @Nullable String> frameFor) {
		ObjectNode frames = json.createObjectNode();
		for (Peer peer : remote) {
			String frame = frameFor.apply(peer);
			if (frame != null) {
				frames.put(peer.id(), frame);
			}
		}
		if (!frames.isEmpty()) {
			bus.publish(gameId, "Q\n" + json.writeValueAsString(frames));
		}
	}

	/** A socket on another node, as the owner sees it. */
	final class RemotePeer extends Peer {

		private final String gameId;

		private final String peerNode;

		private final String conn;

		RemotePeer(String gameId, String peerNode, String conn) {
			this.gameId = gameId;
			this.peerNode = peerNode;
			this.conn = conn;
		}

		@Override
		String id() {
			return peerNode + "\n" + conn;
		}

		@Override
		boolean send(String frame) {
			bus.publish(gameId, "P\n" + peerNode + "\n" + conn + "\n" + frame);
			return true;
		}

		@Override
		void close(CloseStatus status) {
			sendAndClose("", status);
		}

		@Override
		void sendAndClose(String frame, CloseStatus status) {
			bus.publish(gameId, "X\n" + peerNode + "\n" + conn + "\n" + status.getCode() + "\n" + frame);
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
			bus.publish(gameId, "K\n" + peerNode + "\n" + conn + "\n" + (host ? -1 : player));
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
			this.subscription = bus.subscribe(gameId, message -> serial.execute(() -> received(message)));
		}

		void forward(Connection connection, String frame) {
			connection.relay = this;
			sockets.put(connection.id(), connection);
			bus.publish(gameId, "C\n" + node + "\n" + connection.id() + "\n" + frame);
		}

		void closed(Connection connection) {
			if (sockets.remove(connection.id()) != null) {
				bus.publish(gameId, "D\n" + node + "\n" + connection.id());
			}
			if (sockets.isEmpty()) {
				relays.remove(gameId, this);
				subscription.close();
			}
		}

		private void received(String message) {
			char kind = message.isEmpty() ? ' ' : message.charAt(0);
			switch (kind) {
				case 'B', 'H' -> {
					String frame = message.substring(2);
					List<Connection> targets = new ArrayList<>();
					for (Connection socket : sockets.values()) {
						if (socket.joined && socket.host == (kind == 'H')) {
							targets.add(socket);
						}
					}
					fanOut.broadcast(targets, frame);
				}
				case 'E' -> {
					String[] parts = message.split("\n", 3);
					CloseStatus status = new CloseStatus(Integer.parseInt(parts[1]));
					for (Connection socket : sockets.values()) {
						if (socket.joined && !socket.host) {
							socket.sendAndClose(parts[2], status);
						}
					}
				}
				case 'Q' -> {
					JsonNode frames = json.readTree(message.substring(2));
					for (Connection socket : sockets.values()) {
						JsonNode frame = frames.get(node + "\n" + socket.id());
						if (frame != null) {
							socket.send(frame.asString());
						}
					}
				}
				case 'P', 'X', 'K' -> addressed(kind, message);
				default -> {
				}
			}
		}

		private void addressed(char kind, String message) {
			String[] parts = message.split("\n", kind == 'X' ? 5 : 4);
			if (parts.length < 4 || !node.equals(parts[1])) {
				return;
			}
			Connection socket = sockets.get(parts[2]);
			if (socket == null) {
				return;
			}
			switch (kind) {
				case 'P' -> socket.send(parts[3]);
				case 'K' -> {
					int player = Integer.parseInt(parts[3]);
					socket.host = player < 0;
					socket.player = player;
					socket.joined = true;
				}
				default -> {
					sockets.remove(socket.id());
					CloseStatus status = new CloseStatus(Integer.parseInt(parts[3]));
					String frame = parts.length > 4 ? parts[4] : "";
					if (frame.isEmpty()) {
						socket.close(status);
					}
					else {
						socket.sendAndClose(frame, status);
					}
				}
			}
		}
	}
}
