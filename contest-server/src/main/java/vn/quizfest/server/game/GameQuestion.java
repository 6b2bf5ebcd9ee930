package vn.quizfest.server.game;

import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;

/** A question as the game plays it: a snapshot taken when the game was created, and its place in the game. */
public record GameQuestion(int index, Question question) {

	public QuestionType type() {
		return question.type();
	}

	public long timeLimitMillis() {
		return question.timeLimitSeconds() * 1000L;
	}

	/** P in the scoring formula: 1000, doubled for double-points questions, 0 for no-points ones. */
	public int basePoints() {
		return question.points() == Points.DOUBLE ? 2 * Scoring.BASE_POINTS
				: question.points() == Points.NONE ? 0 : Scoring.BASE_POINTS;
	}

	/** Polls and no-points questions leave scores and streaks alone. */
	public boolean isScored() {
		return question.type() != QuestionType.POLL && question.points() != Points.NONE;
	}
}
