package vn.quizfest.questionbank;

import java.util.List;

/** A question (or a bank holding it) cannot be deleted while quizzes still list it. */
public class QuestionInUseException extends RuntimeException {

	private final List<Long> quizIds;

	public QuestionInUseException(List<Long> quizIds) {
		super("Used by quizzes " + quizIds);
		this.quizIds = List.copyOf(quizIds);
	}

	public List<Long> quizIds() {
		return quizIds;
	}
}
