package vn.quizfest.server.game;


/**
 * A unit's place on the team leaderboard.
 *
 * @param rank 1, 2, 3, ... with no shared places; 0 for a unit with fewer than the minimum members (unranked)
 * @param score the sum over scored questions of the unit's points for each ({@link TeamScore})
 * @param members players of the unit taking part now (kicked ones excluded)
 */
public record UnitStanding(int rank, Unit unit, double score, int members) {

	public boolean ranked() {
		return rank > 0;
	}
}
