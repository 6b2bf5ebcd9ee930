package vn.quizfest.server.contest.window;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.QuestionDraw;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/**
 * How a round's questions are chosen: from which banks, in which language, by which topic and
 * difficulty quotas, and how an attempt is scored and timed.
 */
record RoundPlan(List<Long> bankIds, String language, List<Quota> quotas, int pointsPerQuestion,
		int timeLimitSeconds, boolean shuffleOptions, boolean shuffleQuestions) {

	/** The question types an attempt can hold: the ones answered by choosing options. */
	static final Set<QuestionType> TYPES = Set.of(QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE,
			QuestionType.MULTIPLE_SELECT);

	static final int MIN_QUESTIONS = 1;

	static final int MAX_QUESTIONS = 100;

	/** {@code topics} empty: any topic; {@code difficulty} null: any difficulty (1 to 3). */
	record Quota(List<Topic> topics, @Nullable Integer difficulty, int count) {

		QuestionDraw.Quota toDraw() {
			return new QuestionDraw.Quota(Set.copyOf(topics), difficulty, count);
		}
	}

	RoundPlan {
		bankIds = List.copyOf(bankIds);
		quotas = List.copyOf(quotas);
	}

	int questionCount() {
		return quotas.stream().mapToInt(Quota::count).sum();
	}

	List<QuestionDraw.Quota> drawQuotas() {
		return quotas.stream().map(Quota::toDraw).toList();
	}
}
