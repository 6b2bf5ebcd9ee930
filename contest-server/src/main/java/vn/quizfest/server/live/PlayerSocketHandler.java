package vn.quizfest.server.live;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.game.Submission;

/** The player endpoint, {@code /ws/play}: join or resume, answer, ping (docs/protocol.md). */
final class PlayerSocketHandler extends SocketHandler {

	PlayerSocketHandler(LiveContext context, LiveGames games, JsonMapper json) {
		super(context, games, json);
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
				if (relayed(connection, frame)) {
					return true;
				}
				LiveGame game = game(connection, frame, ref);
				if (game == null) {
					return false;
				}
				game.join(connection, text(frame, "nickname"), games.token());
				return true;
			}
			case "resume" -> {
				connection.language = language(frame);
				if (!versionSupported(connection, frame)) {
					return false;
				}
				String token = text(frame, "token");
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
				game.answer(connection, q, submission(frame), ref);
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
			relay.forward(connection, frame.toString());
			return true;
		}).orElse(false);
	}

	private @Nullable LiveGame game(Peer connection, JsonNode frame, @Nullable String ref) {
		String pin = text(frame, "pin");
		LiveGame game = pin == null ? null : games.byPin(pin.strip()).orElse(null);
		if (game == null) {
			refuse(connection, "BAD_PIN", ref);
		}
		return game;
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
