package vn.quizfest.server.live;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.limits.AddressLimits;
import vn.quizfest.server.limits.Limit;

/** The player endpoint, {@code /ws/play}: join or resume, answer, ping (docs/protocol.md). */
final class PlayerSocketHandler extends SocketHandler {

	private final AddressLimits limits;

	PlayerSocketHandler(LiveContext context, LiveGames games, JsonMapper json, AddressLimits limits) {
		super(context, games, json);
		this.limits = limits;
	}

	@Override
	boolean idleDeadline() {
		return true;
	}

	@Override
	boolean handle(Peer connection, String type, JsonNode frame, @Nullable String ref) {
		switch (type) {
			case "join" -> {
				connection.language = language(frame);
				if (!versionSupported(connection, frame)) {
					return false;
				}
				if (connection.game != null) {
					refuse(connection, "ALREADY_JOINED", ref);
					return false;
				}
				if (!mayTryPins(connection, ref)) {
					return false;
				}
				// A game held by another node counts the join there, with this socket's address: that
				// node alone knows whether the join is refused and gives its place back.
				if (relayed(connection, frame)) {
					return true;
				}
				LiveGame game = game(connection, frame, ref);
				if (game == null || !mayJoin(connection, game.id(), ref)) {
					return false;
				}
				try {
					game.join(connection, text(frame, "nickname"), text(frame, "unit"), games.token());
				}
				catch (Game.Refusal refusal) {
					// A refused join (a taken nickname, a full game) is no player: it does not use up the cap.
					limits.giveBack(Limit.JOINS_PER_GAME, joinKey(game.id(), connection));
					throw refusal;
				}
				return true;
			}
			case "resume" -> {
				connection.language = language(frame);
				if (!versionSupported(connection, frame)) {
					return false;
				}
				String token = text(frame, "token");
				if (!mayTryPins(connection, ref)) {
					return false;
				}
				if (relayed(connection, frame)) {
					return true;
				}
				LiveGame game = game(connection, frame, ref);
				if (game == null) {
					return false;
				}
				if (token == null || token.length() > 64) {
					refuse(connection, "RESUME_UNKNOWN", ref);
					return false;
				}
				if (connection.game != null) {
					// One socket is one player: taking over a second one would bind it twice.
					refuse(connection, "ALREADY_JOINED", ref);
					return false;
				}
				game.resume(connection, token);
				return true;
			}
			case "answer" -> {
				LiveGame game = connection.game;
				if (game == null) {
					refuse(connection, "NOT_JOINED", ref);
					return false;
				}
				Integer q = FrameFields.integer(frame, "q");
				if (q == null) {
					refuse(connection, "BAD_ANSWER", ref);
					return false;
				}
				// From the frame's arrival on this node's socket (parsing included); a relayed one from here.
				long start = connection instanceof Connection local ? local.lastReceived : System.nanoTime();
				game.answer(connection, q, submission(frame), ref);
				context.metrics().ack(System.nanoTime() - start);
				return true;
			}
			case "buzz" -> {
				// Buzzer format: a contestant's press (docs/protocol.md, "Buzzer rounds").
				LiveGame game = connection.game;
				if (game == null) {
					refuse(connection, "NOT_JOINED", ref);
					return false;
				}
				game.buzz(connection, ref);
				return true;
			}
			case "ping" -> {
				connection.send(context.frames().pong(FrameFields.longNumber(frame, "t"), context.now()));
				return true;
			}
			case "leave" -> {
				LiveGame game = connection.game;
				if (game != null) {
					game.disconnected(connection);
				}
				connection.close(org.springframework.web.socket.CloseStatus.NORMAL);
				return true;
			}
			default -> {
				refuse(connection, "UNKNOWN_TYPE", ref);
				return false;
			}
		}
	}

	/** A local socket joining a game held by another node: from now on its frames go there. */
	private boolean relayed(Peer peer, JsonNode frame) {
		String pin = text(frame, "pin");
		if (!(peer instanceof Connection connection) || pin == null || games.byPin(pin.strip()).isPresent()) {
			return false;
		}
		return context.relay().byPin(pin.strip()).map(relay -> {
			connection.hello = frame.toString();
			relay.forward(connection, frame.toString());
			return true;
		}).orElse(false);
	}

	private @Nullable LiveGame game(Peer connection, JsonNode frame, @Nullable String ref) {
		String pin = text(frame, "pin");
		LiveGame game = pin == null ? null : games.byPin(pin.strip()).orElse(null);
		if (game == null && pin != null && !connection.isLocal()) {
			// Relayed here as to the game's owner (the relaying node found the PIN live), but the game has
			// left this node: the phone resumes through any node, where the new owner answers.
			moved(connection);
			return null;
		}
		if (game == null) {
			if (connection instanceof Connection local) {
				// Counted where the socket is (a relayed frame already passed here): one miss per guess.
				limits.take(Limit.PIN_MISSES, local.address);
			}
			refuse(connection, "BAD_PIN", ref);
		}
		return game;
	}

	/**
	 * An address that guessed too many unknown PINs (REST lookups and joins together) waits before
	 * it may try again, whichever PIN it names: a sweep learns nothing more while it waits.
	 */
	private boolean mayTryPins(Peer peer, @Nullable String ref) {
		if (!(peer instanceof Connection local)) {
			return true; // checked on the socket's own node
		}
		AddressLimits.Verdict verdict = limits.check(Limit.PIN_MISSES, local.address);
		if (!verdict.allowed()) {
			limited(peer, "TOO_MANY_ATTEMPTS", verdict, ref);
		}
		return verdict.allowed();
	}

	/**
	 * The join rate and the player cap of one address in one game (a school behind one NAT fits),
	 * checked by the node that holds the game for its own and relayed sockets alike.
	 */
	private boolean mayJoin(Peer peer, String gameId, @Nullable String ref) {
		String key = joinKey(gameId, peer);
		AddressLimits.Verdict rate = limits.take(Limit.JOIN_RATE, key);
		if (!rate.allowed()) {
			limited(peer, "JOIN_RATE_LIMITED", rate, ref);
			return false;
		}
		AddressLimits.Verdict cap = limits.take(Limit.JOINS_PER_GAME, key);
		if (!cap.allowed()) {
			refuse(peer, "ADDRESS_FULL", ref);
			return false;
		}
		return true;
	}

	/** Game first, in a hash tag: in Redis, every count of one game sits in the game's slot. */
	static String joinKey(String gameId, Peer peer) {
		return "{g:" + gameId + "}:" + peer.address();
	}

	private void limited(Peer peer, String code, AddressLimits.Verdict verdict, @Nullable String ref) {
		if (peer.strike() == RateLimiter.Verdict.ABUSE) {
			refuse(peer, code, ref); // closes the socket with ABUSE
			return;
		}
		long seconds = verdict.retryAfterSeconds();
		peer.send(context.frames().limited(code, context.message(peer.language, code, seconds), seconds, ref));
	}

	/**
	 * Reads whichever answer field is present; the engine checks it fits the question type. A number
	 * beyond its field's range throws {@link FrameFields.OutOfRange} ({@code BAD_FRAME}).
	 */
	static Submission submission(JsonNode frame) {
		return new Submission(FrameFields.integer(frame, "choice"), FrameFields.integers(frame, "choices"),
				text(frame, "text"), FrameFields.integers(frame, "order"), FrameFields.decimal(frame, "value"));
	}
}
