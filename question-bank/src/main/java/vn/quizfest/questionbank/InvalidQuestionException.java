package vn.quizfest.questionbank;

import java.util.List;

import vn.quizfest.questionbank.QuestionValidator.Violation;

/** A question broke one or more rules of {@link QuestionValidator} and was not stored. */
public class InvalidQuestionException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidQuestionException(List<Violation> violations) {
		super("Invalid question: " + violations.stream().map(Violation::code).toList());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
