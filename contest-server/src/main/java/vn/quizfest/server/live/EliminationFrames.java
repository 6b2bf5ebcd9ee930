package vn.quizfest.server.live;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.quizfest.server.game.GameEvent.FloorChanged;
import vn.quizfest.server.game.GameEvent.GoldenBellAwarded;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.UnitSurvivors;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.PlayerFate;

/**
 * The frames of Rung chuông vàng (docs/protocol.md, "Rung chuông vàng"): additions to protocol
 * version 1 that only a game of this format sends. Players get the counts and their own fate; only
 * host screens get the lists of numbers (a 10,000-player floor in every phone's frame would cost
 * thousands of times the bytes).
 */
final class EliminationFrames {

	/** Winners named in the {@code bell} frame; beyond this, the count alone. */
	static final int BELL_NAMES = 50;

	private final Frames frames;

	EliminationFrames(Frames frames) {
		this.frames = frames;
	}

	/** To every player: the floor moved (or did not), with the counts. */
	String floor(FloorChanged change) {
		ObjectNode node = floorNode(change);
		return frames.write(node);
	}

	/** To host screens: as {@link #floor}, with who left and who came back. */
	String floorForHosts(FloorChanged change) {
		ObjectNode node = floorNode(change);
		change.out().forEach(node.putArray("out")::add);
		change.back().forEach(node.putArray("back")::add);
		return frames.write(node);
	}

	private ObjectNode floorNode(FloorChanged change) {
		ObjectNode node = frames.frame("floor");
		node.put("q", change.question());
		node.put("cause", change.cause().name());
		node.put("remaining", change.onFloor());
		node.put("eliminated", change.eliminated());
		unitCounts(node, change.units(), false);
		return node;
	}

	// ---- team play by unit: each unit's players on the floor (docs/protocol.md, section 17) ----

	/**
	 * Adds {@code units}: every unit's id and players on the floor (with names for host screens, which
	 * draw the table; phones have the names from the PIN lookup). Nothing in a game without units.
	 */
	private static void unitCounts(ObjectNode node, List<UnitSurvivors> counts, boolean names) {
		if (counts.isEmpty()) {
			return;
		}
		ArrayNode units = node.putArray("units");
		for (UnitSurvivors count : counts) {
			ObjectNode entry = units.addObject();
			entry.put("id", count.unit().id());
			if (names) {
				entry.put("name", count.unit().name());
			}
			entry.put("remaining", count.remaining());
		}
	}

	/** The player's unit and how many of it are on the floor, on its own {@code fate} frame. */
	private static void unitOf(ObjectNode node, PlayerFate fate, EliminationFormat format) {
		Unit unit = format.unitOf(fate.player()).orElse(null);
		if (unit != null) {
			node.put("unit", unit.id());
			node.put("unitRemaining", format.survivorsOf(unit));
		}
	}

	/** To one player: where the player stands, the game's rescue questions and the counts. */
	String fate(PlayerFate fate, EliminationFormat format, boolean bell) {
		ObjectNode node = frames.frame("fate");
		node.put("badge", fate.badge());
		if (fate.name() != null) {
			node.put("name", fate.name());
		}
		node.put("state", fate.state().name());
		if (fate.fellAt() >= 0) {
			node.put("fellAt", fate.fellAt());
		}
		node.put("rescues", fate.rescues());
		if (bell) {
			node.put("bell", true);
		}
		ArrayNode rescue = node.putArray("rescueQuestions");
		for (int question : format.rules().rescueQuestions()) {
			rescue.add(question - 1);
		}
		node.put("remaining", format.onFloor());
		node.put("eliminated", format.eliminated());
		unitOf(node, fate, format);
		return frames.write(node);
	}

	/** To a host screen that (re)connects: every number and where it stands, for the presenter's grid. */
	String grid(EliminationFormat format) {
		ObjectNode node = frames.frame("grid");
		node.put("remaining", format.onFloor());
		node.put("eliminated", format.eliminated());
		ArrayNode rescue = node.putArray("rescueQuestions");
		for (int question : format.rules().rescueQuestions()) {
			rescue.add(question - 1);
		}
		ArrayNode players = node.putArray("players");
		for (PlayerFate fate : format.grid()) {
			ObjectNode entry = players.addObject();
			entry.put("player", fate.player());
			entry.put("badge", fate.badge());
			if (fate.name() != null) {
				entry.put("name", fate.name());
			}
			entry.put("state", fate.state().name());
			if (fate.fellAt() >= 0) {
				entry.put("fellAt", fate.fellAt());
			}
			format.unitOf(fate.player()).ifPresent(unit -> entry.put("unit", unit.id()));
		}
		unitCounts(node, format.survivorsByUnit(), true);
		return frames.write(node);
	}

	/** To everyone: the game is over and these rang the golden bell (none: no winner). */
	String bell(GoldenBellAwarded bell, EliminationFormat format, List<Player> winners) {
		ObjectNode node = frames.frame("bell");
		node.put("count", bell.winners().size());
		ArrayNode named = node.putArray("winners");
		for (Player player : winners.subList(0, Math.min(BELL_NAMES, winners.size()))) {
			ObjectNode entry = named.addObject();
			entry.put("player", player.number());
			entry.put("nickname", player.nickname());
			format.fate(player.number()).ifPresent(fate -> {
				entry.put("badge", fate.badge());
				if (fate.name() != null) {
					entry.put("name", fate.name());
				}
			});
			format.unitOf(player.number()).ifPresent(unit -> entry.put("unit", unit.id()));
		}
		Unit unit = bell.unit();
		if (unit != null) {
			ObjectNode won = node.putObject("unit");
			won.put("id", unit.id());
			won.put("name", unit.name());
			won.put("remaining", bell.units().stream().filter(count -> count.unit().equals(unit))
				.mapToInt(UnitSurvivors::remaining).findFirst().orElse(0));
		}
		unitCounts(node, bell.units(), true);
		return frames.write(node);
	}
}
