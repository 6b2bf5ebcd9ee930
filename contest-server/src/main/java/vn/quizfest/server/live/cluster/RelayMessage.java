package vn.quizfest.server.live.cluster;

import java.util.Map;

/**
 * What nodes of a cluster say to each other on a game's channel. The node that holds the game (the
 * owner) hears what other nodes' sockets send; those nodes hear the frames for their sockets.
 * {@code node} and {@code conn} name a socket: the node it is on and its id there.
 * {@link RelayCodec} is the one place that turns these into text and back.
 */
public sealed interface RelayMessage {

	/** Calls the handler's method for this kind of message: the compiler checks every receiver. */
	<R> R accept(Handler<R> handler);

	/** One method per kind of message; none has a default, so a new kind fails the build of every receiver. */
	interface Handler<R> {

		R clientFrame(ClientFrame message);

		R clientClosed(ClientClosed message);

		R toSocket(ToSocket message);

		R closeSocket(CloseSocket message);

		R bound(Bound message);

		R toPlayers(ToPlayers message);

		R toHosts(ToHosts message);

		R perSocket(PerSocket message);

		R closeAll(CloseAll message);

		R endGame(EndGame message);

		R ownerMoved(OwnerMoved message);

		R again(Again message);

		R resync(Resync message);

		R sync(Sync message);
	}

	/**
	 * To the owner: a frame a socket on another node received from its client, with the client's
	 * address as that node saw it (the owner counts the join limits per address and game).
	 */
	record ClientFrame(String node, String conn, String address, String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.clientFrame(this);
		}
	}

	/** To the owner: that socket closed. */
	record ClientClosed(String node, String conn) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.clientClosed(this);
		}
	}

	/** From the owner: a frame for one socket. */
	record ToSocket(String node, String conn, String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.toSocket(this);
		}
	}

	/** From the owner: a last frame (empty for none) for one socket, then close it with this code. */
	record CloseSocket(String node, String conn, int code, String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.closeSocket(this);
		}
	}

	/**
	 * From the owner: the socket is now this player, or a host when {@code player} is -1. The relaying
	 * node keeps the player's resume token (empty for a host), so that it can resume the socket with a
	 * node that takes the game over.
	 */
	record Bound(String node, String conn, int player, String token) implements RelayMessage {

		public static final int HOST = -1;

		public Bound(String node, String conn, int player) {
			this(node, conn, player, "");
		}

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.bound(this);
		}
	}

	/** From the owner: one frame for every player socket. */
	record ToPlayers(String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.toPlayers(this);
		}
	}

	/** From the owner: one frame for every host socket. */
	record ToHosts(String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.toHosts(this);
		}
	}

	/**
	 * From the owner: each socket's own frame (an outcome, a final rank), in one message.
	 *
	 * @param frames by socket key, {@link #key(String, String)}
	 */
	record PerSocket(Map<String, String> frames) implements RelayMessage {

		public PerSocket {
			frames = Map.copyOf(frames);
		}

		/** The key of a socket in {@link #frames()}. */
		public static String key(String node, String conn) {
			return node + "\n" + conn;
		}

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.perSocket(this);
		}
	}

	/**
	 * To the owner: an organiser ended the game from the console of the node named (no host token
	 * needed); the owner ends it as the host's {@code end} would.
	 */
	record EndGame(String node) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.endGame(this);
		}
	}

	/** From the owner: a last frame for every player socket, then close each with this code. */
	record CloseAll(int code, String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.closeAll(this);
		}
	}

	/**
	 * From a node that took the game over (its owner died, or handed it over): every node resumes its
	 * sockets of this game with that node, which is now the owner.
	 */
	record OwnerMoved(String node, String pin) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.ownerMoved(this);
		}
	}

	/**
	 * To the owner: the socket starts again (after a gap on the channel, or with a new owner): the owner
	 * forgets what it knew of the socket and hears this frame from it (a resume, a host's {@code host}, or
	 * a join never answered), in one step, so the player never counts as gone in between (a question
	 * would close early when everybody else had answered).
	 */
	record Again(String node, String conn, String address, String frame) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.again(this);
		}
	}

	/**
	 * From the owner: it missed messages from that node (a gap in their sequence numbers): the node
	 * resumes its sockets of the game with the owner, as after a reconnect.
	 */
	record Resync(String node) implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.resync(this);
		}
	}

	/**
	 * From the owner, after a publish of the game's channel failed: nothing but its sequence number, so
	 * that every node notices the gap even when no other message follows, and resynchronises.
	 */
	record Sync() implements RelayMessage {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.sync(this);
		}
	}
}
