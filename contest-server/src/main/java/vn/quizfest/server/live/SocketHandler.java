package vn.quizfest.server.live;

import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.game.Game;

/**
 * What the player and host endpoints share: the per-socket connection, size and rate limits, JSON
 * parsing and error frames. Nothing a client sends can throw out of here: every failure becomes an
 * error frame, or a close with a documented code for abuse.
 */
abstract class SocketHandler extends AbstractWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(SocketHandler.class);

	/** Shared by both endpoints: one client finding a bug must not flood the log from two paths. */
	private static final FailureLog failures = new FailureLog(log, 10);

	static final String CONNECTION = "quizfest.connection";

	final LiveContext context;

	final LiveGames games;

	final JsonMapper json;

	SocketHandler(LiveContext context, LiveGames games, JsonMapper json) {
		this.context = context;
		this.games = games;
		this.json = json;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		// Per session rather than container-wide, so the limits hold before the first frame is read.
		session.setTextMessageSizeLimit(context.settings().maxFrameBytes());
		session.setBinaryMessageSizeLimit(context.settings().maxFrameBytes());
		Connection connection = new Connection(session, context.settings(), rateLimiter(context.settings()), dropped -> {
			context.metrics().closed("slow");
			LiveGame game = dropped.game;
			if (game != null) {
				game.disconnected(dropped);
			}
		});
		session.getAttributes().put(CONNECTION, connection);
		context.timers().schedule(() -> {
			if (!connection.joined && connection.isOpen()) {
				if (awaitsAnOwner(connection)) {
					// Its resume or host frame went to a game's channel and no node answered: the game is
					// being taken over. 4003 would be final for a console; 4012 makes it try again.
					context.metrics().closed("moved");
					connection.close(CloseCodes.MOVED);
					return;
				}
				context.metrics().closed("join-timeout");
				connection.close(CloseCodes.JOIN_TIMEOUT);
			}
		}, context.settings().joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
		if (idleDeadline()) {
			watchIdle(connection, context.settings().idleTimeout().toNanos());
		}
	}

	/**
	 * A socket whose {@code resume} or {@code host} was relayed to a game's owner and never answered (a
	 * {@code join} is left out: its user may be choosing another nickname after a refusal).
	 */
	private boolean awaitsAnOwner(Connection connection) {
		String hello = connection.hello;
		if (connection.relay == null || hello == null) {
			return false;
		}
		try {
			String type = json.readTree(hello).path("type").asString("");
			return "resume".equals(type) || "host".equals(type);
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/** The message rate a socket of this endpoint may keep up (players: {@code messages-per-second}). */
	RateLimiter rateLimiter(LiveSettings settings) {
		return new RateLimiter(settings.messagesPerSecond(), settings.burst(), settings.abuseLimit());
	}

	/** Whether joined sockets of this endpoint are closed when they fall silent (players: yes). */
	boolean idleDeadline() {
		return false;
	}

	/**
	 * Closes a joined socket that has sent nothing for the idle timeout: a held-open socket that
	 * never speaks (slowloris on the WebSocket side) stops holding a connection. Checks again when
	 * the deadline of the last frame comes, so a busy socket costs one timer at a time.
	 */
	private void watchIdle(Connection connection, long timeoutNanos) {
		long delay = Math.max(TimeUnit.MILLISECONDS.toNanos(100),
				timeoutNanos - (System.nanoTime() - connection.lastReceived));
		context.timers().schedule(() -> {
			if (!connection.isOpen()) {
				return;
			}
			if (connection.joined && System.nanoTime() - connection.lastReceived >= timeoutNanos) {
				context.metrics().closed("idle");
				LiveGame game = connection.game;
				if (game != null) {
					game.disconnected(connection);
				}
				connection.close(CloseCodes.IDLE);
				return;
			}
			watchIdle(connection, timeoutNanos);
		}, delay, TimeUnit.NANOSECONDS);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Connection connection = connection(session);
		if (connection == null || !connection.isOpen()) {
			return; // closing: what the client still had in flight is ignored
		}
		// The container counts its limit in characters; the documented limit is in UTF-8 bytes.
		connection.lastReceived = System.nanoTime();
		String payload = message.getPayload();
		int limit = context.settings().maxFrameBytes();
		if (payload.length() * 3 > limit && utf8Length(payload) > limit) {
			connection.close(CloseStatus.TOO_BIG_TO_PROCESS); // counted in afterConnectionClosed
			return;
		}
		switch (connection.rateLimiter.check()) {
			case REFUSE -> {
				// One error per burst, not one per message: the replies must not flood the socket back.
				if (connection.rateLimiter.refusedInARow() % 10 == 1) {
					error(connection, "RATE_LIMITED", null);
				}
				return;
			}
			case ABUSE -> {
				abuse(connection);
				return;
			}
			case ALLOW -> {
			}
		}
		JsonNode frame;
		try {
			frame = json.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			refuse(connection, "BAD_JSON", null);
			return;
		}
		if (frame == null || !frame.isObject() || !frame.path("type").isString()) {
			refuse(connection, "BAD_FRAME", null);
			return;
		}
		ClusterRelay.GameRelay relay = connection.relay;
		if (relay != null) {
			// This socket plays a game held by another node: that node checks and answers the frame.
			relay.forward(connection, message.getPayload());
			return;
		}
		dispatch(connection, frame.path("type").asString(), frame);
	}

	/** Handles one parsed frame from a socket of this node or, for a game held here, of another node. */
	void dispatch(Peer peer, String type, JsonNode frame) {
		String ref = frame.path("id").isValueNode() ? frame.path("id").asString() : null;
		try {
			if (handle(peer, type, frame, ref)) {
				peer.forgive();
			}
		}
		catch (Game.Refusal refusal) {
			refuse(peer, refusal.code(), ref);
		}
		catch (GameMoved moved) {
			moved(peer);
		}
		catch (FrameFields.OutOfRange outOfRange) {
			if (peer.strike() == RateLimiter.Verdict.ABUSE) {
				abuse(peer);
				return;
			}
			// BAD_FRAME, with a message that names the real fault rather than the missing "type".
			peer.send(context.frames().error("BAD_FRAME",
					context.messages().get(java.util.Locale.forLanguageTag(peer.language), "live.bad-number"), ref));
		}
		catch (RuntimeException ex) {
			failures.failed("A frame from " + peer.id(), ex);
			refuse(peer, "SERVER_ERROR", ref);
		}
	}

	/**
	 * The game this frame is for is moving to another node (this one lost or gave up its lease, or is
	 * rebuilding it and not yet driving it): close 4012, the client resumes at once through any node. A
	 * relayed socket is closed by its own node, which tells its phone the same.
	 */
	void moved(Peer peer) {
		context.metrics().closed("moved");
		LiveGame game = peer.game;
		peer.game = null;
		if (game != null && peer instanceof Connection) {
			game.disconnected(peer);
		}
		peer.close(CloseCodes.MOVED);
	}

	/** Handles one frame; returns true when it was a good frame (it forgives earlier refusals). */
	abstract boolean handle(Peer connection, String type, JsonNode frame, @Nullable String ref);

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		Connection connection = connection(session);
		if (connection != null) {
			refuse(connection, "BINARY_NOT_SUPPORTED", null);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("Transport error on {}: {}", session.getId(), exception.toString());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Connection connection = connection(session);
		if (connection == null) {
			return;
		}
		LiveGame game = connection.game;
		if (game != null) {
			game.disconnected(connection);
		}
		ClusterRelay.GameRelay relay = connection.relay;
		if (relay != null) {
			relay.closed(connection);
		}
		if (status.getCode() == CloseStatus.TOO_BIG_TO_PROCESS.getCode()) {
			context.metrics().closed("too-big");
		}
	}

	/** Checks the protocol version of join, resume and host frames; closes the socket when unsupported. */
	boolean versionSupported(Peer connection, JsonNode frame) {
		JsonNode version = frame.path("v");
		Integer number = FrameFields.integer(frame, "v"); // beyond the int range: BAD_FRAME
		if (version.isMissingNode() || version.isNull()
				|| version.isIntegralNumber() && number != null && number == Frames.PROTOCOL_VERSION) {
			return true;
		}
		connection.sendAndClose(context.frames().error("UNSUPPORTED_VERSION",
				context.message(connection.language, "UNSUPPORTED_VERSION", Frames.PROTOCOL_VERSION), null),
				CloseCodes.UNSUPPORTED_VERSION);
		return false;
	}

	void refuse(Peer connection, String code, @Nullable String ref) {
		if (connection.strike() == RateLimiter.Verdict.ABUSE) {
			abuse(connection);
			return;
		}
		error(connection, code, ref);
	}

	void error(Peer connection, String code, @Nullable String ref) {
		connection.send(context.frames().error(code, context.message(connection.language, code), ref));
	}

	private void abuse(Peer connection) {
		if (connection instanceof Connection local && !local.isOpen()) {
			return;
		}
		context.metrics().closed("abuse");
		connection.sendAndClose(
				context.frames().error("ABUSE", context.message(connection.language, "ABUSE"), null),
				CloseCodes.ABUSE);
	}

	static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	static @Nullable Connection connection(WebSocketSession session) {
		return (Connection) session.getAttributes().get(CONNECTION);
	}

	static String language(JsonNode frame) {
		return "en".equals(frame.path("lang").asString("")) ? "en" : "vi";
	}

	static @Nullable String text(JsonNode frame, String field) {
		JsonNode node = frame.get(field);
		return node != null && node.isString() ? node.asString() : null;
	}
}
