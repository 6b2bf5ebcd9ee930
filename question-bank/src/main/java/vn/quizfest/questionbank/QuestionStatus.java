package vn.quizfest.questionbank;

/** Editorial state: only published questions are drawn into games by default. */
public enum QuestionStatus {
	DRAFT, REVIEWED, PUBLISHED
}
