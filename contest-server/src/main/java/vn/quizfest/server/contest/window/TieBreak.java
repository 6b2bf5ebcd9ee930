package vn.quizfest.server.contest.window;

import java.util.List;

/** One level of a round's ranking, in the order the organiser chose. */
enum TieBreak {
	/** Higher score first. */
	SCORE,
	/** Prediction closer to the real figure first; no prediction after every prediction. */
	PREDICTION,
	/** Shorter time used first. */
	TIME_USED,
	/** Earlier submission first. */
	SUBMITTED_AT;

	/** The published rules of these contests: score, then prediction, then time used, then submission. */
	static final List<TieBreak> DEFAULT = List.of(SCORE, PREDICTION, TIME_USED, SUBMITTED_AT);
}
