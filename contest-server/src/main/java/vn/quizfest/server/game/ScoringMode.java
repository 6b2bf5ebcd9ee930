package vn.quizfest.server.game;

/** SPEED: faster correct answers score more (the default). ACCURACY: every correct answer scores in full. */
public enum ScoringMode {
	SPEED, ACCURACY
}
