package vn.quizfest.server.live;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.server.game.AnswerReceipt;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.UnitPlace;

/**
 * Builds the JSON frames of protocol version 1 (docs/protocol.md). Broadcast frames are built once
 * per event and the same string goes to every socket. Nothing here ever puts a correct answer into a
 * frame before the question has closed: only {@link #closed} reads the answer key.
 */
final class Frames {

	static final int PROTOCOL_VERSION = 1;

	private final JsonMapper json;

	Frames(JsonMapper json) {
		this.json = json;
	}

	ObjectNode frame(String type) {
		ObjectNode node = json.createObjectNode();
		node.put("type", type);
		return node;
	}

	String write(ObjectNode node) {
		return json.writeValueAsString(node);
	}

	String error(String code, String message, @Nullable String ref) {
		ObjectNode node = frame("error");
		node.put("code", code);
		node.put("message", message);
		if (ref != null) {
			node.put("ref", ref);
		}
		return write(node);
	}

	/** A refusal for a limit that lifts: how many seconds to wait before trying again. */
	String limited(String code, String message, long retryAfterSeconds, @Nullable String ref) {
		ObjectNode node = frame("error");
		node.put("code", code);
		node.put("message", message);
		node.put("retryAfter", retryAfterSeconds);
		if (ref != null) {
			node.put("ref", ref);
		}
		return write(node);
	}

	String pong(@Nullable Long clientTime, long now) {
		ObjectNode node = frame("pong");
		if (clientTime != null) {
			node.put("t", clientTime);
		}
		node.put("serverTime", now);
		return write(node);
	}

	String joined(String type, LiveGame live, Player player, @Nullable Integer rank, long now) {
		Game game = live.game();
		ObjectNode node = frame(type);
		node.put("v", PROTOCOL_VERSION);
		gameNode(node, live);
		ObjectNode you = node.putObject("player");
		you.put("number", player.number());
		you.put("nickname", player.nickname());
		you.put("score", player.score());
		you.put("streak", player.streak());
		// Team play by unit: the unit the player plays for (absent in a game without units).
		if (player.unit() != null) {
			ObjectNode unit = you.putObject("unit");
			unit.put("id", player.unit().id());
			unit.put("name", player.unit().name());
		}
		if (rank != null) {
			you.put("rank", rank);
		}
		node.put("token", player.resumeToken());
		node.put("phase", game.phase().name());
		node.put("paused", game.paused());
		node.put("serverTime", now);
		return write(node);
	}

	private static void gameNode(ObjectNode node, LiveGame live) {
		ObjectNode gameNode = node.putObject("game");
		gameNode.put("id", live.id());
		gameNode.put("pin", live.pin());
		gameNode.put("title", live.title());
		gameNode.put("questions", live.game().questionCount());
	}

	String hosted(LiveGame live, long now) {
		Game game = live.game();
		ObjectNode node = frame("hosted");
		node.put("v", PROTOCOL_VERSION);
		gameNode(node, live);
		node.put("phase", game.phase().name());
		node.put("paused", game.paused());
		node.put("locked", game.lobbyLocked());
		// The live format (protocol addition): a host screen shows the buzzer controls for BUZZER.
		node.put("format", game.settings().format().name());
		node.put("serverTime", now);
		ArrayNode players = node.putArray("players");
		for (Player player : game.players()) {
			if (!player.kicked()) {
				players.add(playerNode(player));
			}
		}
		return write(node);
	}

	private ObjectNode playerNode(Player player) {
		ObjectNode node = json.createObjectNode();
		node.put("player", player.number());
		node.put("nickname", player.nickname());
		if (player.unit() != null) {
			node.put("unit", player.unit().id()); // team play by unit
		}
		return node;
	}

	String players(int count, List<Player> joined, List<Integer> left) {
		ObjectNode node = frame("players");
		node.put("count", count);
		ArrayNode added = node.putArray("joined");
		joined.forEach(player -> added.add(playerNode(player)));
		ArrayNode removed = node.putArray("kicked");
		left.forEach(removed::add);
		return write(node);
	}

	String lobby(int count) {
		return single("lobby", "players", count);
	}

	String answers(int question, int count, int of) {
		ObjectNode node = frame("answers");
		node.put("q", question);
		node.put("count", count);
		node.put("of", of);
		return write(node);
	}

	String ack(AnswerReceipt receipt, @Nullable String message, @Nullable String ref) {
		ObjectNode node = frame("ack");
		if (ref != null) {
			node.put("ref", ref);
		}
		node.put("q", receipt.question());
		node.put("accepted", receipt.accepted());
		node.put("receivedAt", receipt.receivedAt());
		if (receipt.accepted()) {
			node.put("ms", receipt.responseMillis());
		}
		else {
			node.put("error", receipt.error());
			node.put("message", message);
		}
		return write(node);
	}

	String preview(GameQuestion question, int count, long previewEndsAt, long now) {
		ObjectNode node = questionNode("question", question, count, now);
		node.put("previewEndsAt", previewEndsAt);
		return write(node);
	}

	/** The options and the timer; the answer key stays on the server. */
	String open(GameQuestion question, int count, long opensAt, long closesAt, long now) {
		ObjectNode node = questionNode("open", question, count, now);
		ArrayNode options = node.putArray("options");
		question.question().options().forEach(options::add);
		node.put("opensAt", opensAt);
		node.put("closesAt", closesAt);
		return write(node);
	}

	private ObjectNode questionNode(String type, GameQuestion question, int count, long now) {
		Question q = question.question();
		ObjectNode node = frame(type);
		node.put("q", question.index());
		node.put("count", count);
		node.put("qtype", q.type().name());
		node.put("text", q.text());
		if (q.imageUrl() != null) {
			node.put("image", q.imageUrl());
		}
		node.put("timeLimit", q.timeLimitSeconds());
		node.put("points", q.points().name());
		node.put("serverTime", now);
		return node;
	}

	/** The shared part of a closed question: the correct answer, explanation and distribution. */
	String closed(QuestionClosed closed, long now) {
		GameQuestion question = closed.question();
		Question q = question.question();
		AnswerKey key = q.answer();
		ObjectNode node = frame("closed");
		node.put("q", question.index());
		node.put("count", closed.questionCount());
		ObjectNode correct = node.putObject("correct");
		switch (q.type()) {
			case SINGLE_CHOICE, TRUE_FALSE, MULTIPLE_SELECT -> key.correct().forEach(correct.putArray("choices")::add);
			case ORDERING -> key.correct().forEach(correct.putArray("order")::add);
			case TYPE_ANSWER -> key.accepted().forEach(correct.putArray("accepted")::add);
			case NUMERIC -> {
				correct.put("value", key.value());
				correct.put("tolerance", key.tolerance() == null ? 0 : key.tolerance());
			}
			case POLL -> {
			}
		}
		if (q.explanation() != null) {
			node.put("explanation", q.explanation());
		}
		node.put("answered", closed.answered());
		node.put("correctCount", closed.correct());
		node.put("players", closed.outcomes().size());
		ArrayNode distribution = node.putArray("distribution");
		for (int count : closed.distribution()) {
			distribution.add(count);
		}
		node.put("serverTime", now);
		return write(node);
	}

	/**
	 * The personal part of a closed question: this player's points, streak, score and rank. Built once
	 * per player of the game at every close, so it is written from a template, not through a Jackson
	 * tree: every field is a number or a boolean, nothing needs escaping, and the text is the same as
	 * Jackson writes (FramesTest compares the two).
	 */
	String outcome(int question, Outcome outcome, long score, int rank, int of) {
		StringBuilder frame = new StringBuilder(160).append("{\"type\":\"outcome\",\"q\":")
			.append(question)
			.append(",\"answered\":")
			.append(outcome.answered())
			.append(",\"correct\":")
			.append(outcome.correct());
		if (outcome.credit() > 0 && outcome.credit() < 1) {
			frame.append(",\"credit\":").append(Math.round(outcome.credit() * 1000) / 1000.0);
		}
		return frame.append(",\"points\":")
			.append(outcome.points())
			.append(",\"bonus\":")
			.append(outcome.streakBonus())
			.append(",\"streak\":")
			.append(outcome.streak())
			.append(",\"score\":")
			.append(score)
			.append(",\"rank\":")
			.append(rank)
			.append(",\"of\":")
			.append(of)
			.append('}')
			.toString();
	}

	/**
	 * With team play by unit, the outcome also says where the player stands inside its unit (the same
	 * fields, then the place; through Jackson, since a unit's name needs escaping).
	 */
	String outcome(int question, Outcome outcome, long score, int rank, int of, @Nullable UnitPlace place) {
		if (place == null) {
			return outcome(question, outcome, score, rank, of);
		}
		ObjectNode node = frame("outcome");
		node.put("q", question);
		node.put("answered", outcome.answered());
		node.put("correct", outcome.correct());
		if (outcome.credit() > 0 && outcome.credit() < 1) {
			node.put("credit", Math.round(outcome.credit() * 1000) / 1000.0);
		}
		node.put("points", outcome.points());
		node.put("bonus", outcome.streakBonus());
		node.put("streak", outcome.streak());
		node.put("score", score);
		node.put("rank", rank);
		node.put("of", of);
		TeamFrames.place(node, place);
		return write(node);
	}

	String leaderboard(LeaderboardShown shown) {
		ObjectNode node = frame("leaderboard");
		node.put("q", shown.question().index());
		node.put("count", shown.questionCount());
		node.set("top", standings(shown.top()));
		node.put("players", shown.playerCount());
		return write(node);
	}

	String podium(List<Standing> standings) {
		ObjectNode node = frame("podium");
		node.set("top", standings(standings.subList(0, Math.min(3, standings.size()))));
		node.put("players", standings.size());
		return write(node);
	}

	String finalRank(Standing standing, int of) {
		return finalRank(standing, of, null);
	}

	String finalRank(Standing standing, int of, @Nullable UnitPlace place) {
		ObjectNode node = frame("final");
		node.put("rank", standing.rank());
		node.put("score", standing.score());
		node.put("correctCount", standing.correctCount());
		node.put("of", of);
		TeamFrames.place(node, place);
		return write(node);
	}

	/** To host screens: whether new players may join. */
	String lobbyLock(boolean locked) {
		ObjectNode node = frame("lobbyLock");
		node.put("locked", locked);
		return write(node);
	}

	/** The done of {@code prune}: how many disconnected players were removed. */
	String pruned(int removed, @Nullable String ref) {
		ObjectNode node = frame("done");
		node.put("command", "prune");
		node.put("removed", removed);
		if (ref != null) {
			node.put("ref", ref);
		}
		return write(node);
	}

	String paused(long remaining) {
		return single("paused", "remaining", remaining);
	}

	String unpaused() {
		return write(frame("unpaused"));
	}

	String skipped(int question) {
		return single("skipped", "q", question);
	}

	String ended(String reason) {
		return single("ended", "reason", reason);
	}

	String kicked(String message) {
		return single("kicked", "message", message);
	}

	String done(String command, @Nullable String ref) {
		ObjectNode node = frame("done");
		node.put("command", command);
		if (ref != null) {
			node.put("ref", ref);
		}
		return write(node);
	}

	/** A frame with one field besides its type. */
	private String single(String type, String field, Object value) {
		ObjectNode node = frame(type);
		if (value instanceof String text) {
			node.put(field, text);
		}
		else {
			node.put(field, ((Number) value).longValue());
		}
		return write(node);
	}

	private ArrayNode standings(List<Standing> standings) {
		ArrayNode array = json.createArrayNode();
		for (Standing standing : standings) {
			ObjectNode node = array.addObject();
			node.put("rank", standing.rank());
			node.put("player", standing.player());
			node.put("nickname", standing.nickname());
			node.put("score", standing.score());
		}
		return array;
	}

	/** The answer as stored in the results: the submission without nulls. */
	String submission(Object submission) {
		return json.writeValueAsString(submission);
	}
}
