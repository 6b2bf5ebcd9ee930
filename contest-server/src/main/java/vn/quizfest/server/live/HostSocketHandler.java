package vn.quizfest.server.live;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host endpoint, {@code /ws/host}: authenticate with the game's host token, then drive the game
 * (start, next, skip, pause, resume, kick, end). Several host sockets may drive one game (a laptop
 * and a phone); a host that drops simply connects again with the token.
 */
final class HostSocketHandler extends SocketHandler {

	private static final Set<String> COMMANDS = Set.of("start", "next", "skip", "pause", "resume", "end", "kick");

	/** Lobby controls (docs/protocol.md): lock and unlock joining, remove disconnected players. */
	private static final Set<String> LOBBY_COMMANDS = Set.of("lock", "unlock", "prune");

	/** Rung chuông vàng: bring eliminated players back, {@code {"type":"revive","player":7}} or {@code "all":true}. */
	private static final Set<String> ELIMINATION_COMMANDS = Set.of("revive");

	/** Buzzer format (docs/protocol.md, "Buzzer rounds"): seats, judgements, the finish round's picks. */
	private static final Set<String> BUZZER_COMMANDS = Set.of("seat", "unseat", "right", "wrong", "pick20", "pick30",
			"star");

	HostSocketHandler(LiveContext context, LiveGames games, JsonMapper json) {
		super(context, games, json);
	}

	@Override
	RateLimiter rateLimiter(LiveSettings settings) {
		return new RateLimiter(settings.hostMessagesPerSecond(), settings.hostBurst(), settings.abuseLimit());
	}

	@Override
	boolean handle(Peer connection, String type, JsonNode frame, @Nullable String ref) {
		if ("host".equals(type)) {
			connection.language = language(frame);
			if (!versionSupported(connection, frame)) {
				return false;
			}
			String gameId = text(frame, "game");
			String token = text(frame, "token");
			LiveGame game = gameId == null ? null : games.byId(gameId).orElse(null);
			if (game == null && gameId != null && connection instanceof Connection local) {
				var relay = context.relay().byGameId(gameId);
				if (relay.isPresent()) {
					// The game is held by another node, which checks the token and answers.
					local.hello = frame.toString();
					relay.get().forward(local, frame.toString());
					return true;
				}
			}
			if (game == null && gameId != null && !connection.isLocal()) {
				// Relayed here as to the game's owner, but this node no longer drives it (it lost or handed over
				// the lease): not a wrong token. The console resumes through any node and meets the new owner.
				moved(connection);
				return false;
			}
			if (game == null || token == null || !game.hostTokenMatches(token)) {
				context.metrics().closed("host-refused");
				connection.sendAndClose(context.frames()
					.error("HOST_REFUSED", context.message(connection.language, "HOST_REFUSED"), ref),
						CloseCodes.HOST_REFUSED);
				return false;
			}
			game.attachHost(connection);
			return true;
		}
		if ("ping".equals(type)) {
			connection.send(context.frames().pong(FrameFields.longNumber(frame, "t"), context.now()));
			return true;
		}
		if (!COMMANDS.contains(type) && !LOBBY_COMMANDS.contains(type) && !ELIMINATION_COMMANDS.contains(type)
				&& !BUZZER_COMMANDS.contains(type)) {
			refuse(connection, "UNKNOWN_TYPE", ref);
			return false;
		}
		LiveGame game = connection.game;
		if (game == null || !connection.host) {
			refuse(connection, "NOT_HOST", ref);
			return false;
		}
		if (LOBBY_COMMANDS.contains(type)) {
			int result = game.lobbyCommand(type);
			connection.send("prune".equals(type) ? context.frames().pruned(result, ref) : context.frames().done(type, ref));
			return true;
		}
		if ("revive".equals(type)) {
			// "All" must be said: a revive that lost its number must not bring everyone back.
			Integer player = FrameFields.integer(frame, "player");
			JsonNode all = frame.get("all");
			if (player == null && (all == null || !all.isBoolean() || !all.booleanValue())) {
				refuse(connection, "PLAYER_UNKNOWN", ref);
				return true;
			}
		}
		game.command(type, FrameFields.integer(frame, "player"), text(frame, "phase"), FrameFields.integer(frame, "q"));
		connection.send(context.frames().done(type, ref));
		return true;
	}
}
