package vn.quizfest.server.live;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.UnitPlace;
import vn.quizfest.server.game.UnitStanding;

/** The frames of team play by unit (docs/protocol.md, section 17). */
final class TeamFrames {

	private TeamFrames() {
	}

	/** The team leaderboard, to players and hosts: every unit, ranked ones first. */
	static String teams(Frames frames, UnitsRanked ranked, String score, int minMembers) {
		ObjectNode node = frames.frame("teams");
		node.put("q", ranked.question());
		node.put("last", ranked.last());
		node.put("score", score);
		node.put("minMembers", minMembers);
		ArrayNode units = node.putArray("units");
		for (UnitStanding standing : ranked.standings()) {
			ObjectNode unit = units.addObject();
			if (standing.ranked()) {
				unit.put("rank", standing.rank());
			}
			unit.put("id", standing.unit().id());
			unit.put("name", standing.unit().name());
			unit.put("score", rounded(standing.score()));
			unit.put("members", standing.members());
		}
		return frames.write(node);
	}

	/** Where a player stands inside its unit, added to its own outcome and final frames. */
	static void place(ObjectNode node, @Nullable UnitPlace place) {
		if (place == null) {
			return;
		}
		ObjectNode team = node.putObject("team");
		team.put("unit", place.unit().id());
		team.put("place", place.place());
		team.put("of", place.of());
	}

	/** Team scores are means: two decimals are enough on a screen, and keep the frame short. */
	static double rounded(double score) {
		return Math.round(score * 100) / 100.0;
	}
}
