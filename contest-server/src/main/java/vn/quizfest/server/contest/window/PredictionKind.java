package vn.quizfest.server.contest.window;

/** Which figure a round's prediction question asks for. */
enum PredictionKind {
	/** How many entrants will answer every question right (their counted attempt). */
	PERFECT_SCORES,
	/** How many entrants will submit an attempt in the round. */
	ENTRANTS,
	/** No prediction question: the PREDICTION level of the tie-break is equal for everybody. */
	NONE
}
