package vn.quizfest.server.game;

/**
 * How one question's points of a unit's members make the unit's points for that question. The mean
 * (the default) keeps a big class from winning by size alone.
 */
public enum TeamScore {

	/** The mean of every member's points (a member who did not answer counts 0). */
	MEAN,

	/** The sum of the members' points. */
	SUM,

	/** The mean of the best K members' points (of all members when the unit has fewer than K). */
	BEST_K
}
