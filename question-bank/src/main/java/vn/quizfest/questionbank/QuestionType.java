package vn.quizfest.questionbank;

/** The kinds of question the game engine can play. */
public enum QuestionType {
	SINGLE_CHOICE, MULTIPLE_SELECT, TRUE_FALSE, TYPE_ANSWER, ORDERING, NUMERIC, POLL
}
