package vn.quizfest.server.live;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard;

/**
 * The frames of the buzzer format (docs/protocol.md, "Buzzer rounds"): the board, to host screens and
 * contestants' phones, and the acknowledgement of a press. Built with the shared {@link Frames}.
 */
final class BuzzerFrames {

	private BuzzerFrames() {
	}

	/** The whole board; {@code serverTime} lets a phone count the deadline down on its own clock. */
	static String board(Frames frames, BuzzerBoard board, long now) {
		ObjectNode node = frames.frame("buzzer");
		node.put("stage", board.stage().name());
		if (board.round() != null) {
			node.put("round", board.round().name());
		}
		node.put("q", board.question());
		node.put("roundQ", board.roundQuestion());
		if (board.owner() != null) {
			node.put("owner", board.owner());
		}
		node.put("value", board.value());
		node.put("star", board.star());
		node.put("stealing", board.stealing());
		ArrayNode eligible = node.putArray("eligible");
		board.eligible().forEach(eligible::add);
		Map<Integer, String> names = new HashMap<>();
		ArrayNode contestants = node.putArray("contestants");
		for (BuzzerBoard.Seat seat : board.contestants()) {
			names.put(seat.player(), seat.nickname());
			ObjectNode c = contestants.addObject();
			c.put("player", seat.player());
			c.put("nickname", seat.nickname());
			c.put("score", seat.score());
			c.put("connected", seat.connected());
			c.put("starUsed", seat.starUsed());
			ArrayNode rounds = c.putArray("rounds");
			seat.roundScores().forEach(rounds::add);
		}
		ArrayNode presses = node.putArray("presses");
		for (BuzzerBoard.Press press : board.presses()) {
			ObjectNode p = presses.addObject();
			p.put("player", press.player());
			String name = names.get(press.player());
			if (name != null) {
				p.put("nickname", name);
			}
			p.put("at", press.receivedAt());
			p.put("behind", press.behindMillis());
		}
		node.put("windowEndsAt", board.windowEndsAt());
		if (board.floor() != null) {
			node.put("floor", board.floor());
		}
		node.put("deadline", board.deadline());
		BuzzerBoard.Judgement last = board.last();
		if (last != null) {
			ObjectNode j = node.putObject("last");
			j.put("player", last.player());
			j.put("correct", last.correct());
			j.put("points", last.points());
		}
		node.put("serverTime", now);
		return frames.write(node);
	}

	/** A press was taken: the server time it was received at (the board tells its place in order). */
	static String buzzed(Frames frames, long receivedAt, @Nullable String ref) {
		ObjectNode node = frames.frame("buzzed");
		if (ref != null) {
			node.put("ref", ref);
		}
		node.put("receivedAt", receivedAt);
		return frames.write(node);
	}
}
