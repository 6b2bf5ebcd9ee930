package vn.quizfest.questionbank;

/** How much a correct answer is worth: standard, doubled, or nothing (warm-up questions). */
public enum Points {
	STANDARD, DOUBLE, NONE
}
