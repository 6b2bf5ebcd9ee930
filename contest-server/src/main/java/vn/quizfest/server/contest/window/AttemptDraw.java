package vn.quizfest.server.contest.window;

import java.util.ArrayList;
import java.util.List;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.PlayerShuffle;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionDraw;

/**
 * The questions of one attempt: the bank's seeded draw over the round's snapshot, then the bank's
 * shuffle of question order and options. Everything follows from the pool and the attempt's stored
 * seed, so the server re-draws the same attempt on every request and an organiser can re-check it.
 */
final class AttemptDraw {

	/** A question as this attempt shows it: {@code optionOrder.get(shown)} is the option's id (its index in the snapshot). */
	record Drawn(int index, Question question, List<Integer> optionOrder) {
	}

	private AttemptDraw() {
	}

	static List<Drawn> draw(List<Question> pool, RoundPlan plan, long seed) {
		List<Question> chosen = QuestionDraw.draw(pool, Language.fromCode(plan.language()), plan.drawQuotas(), seed);
		PlayerShuffle shuffle = PlayerShuffle.of(seed, 0);
		List<Question> ordered = plan.shuffleQuestions() ? shuffle.questionOrder(chosen.size()).apply(chosen) : chosen;
		List<Drawn> drawn = new ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			Question question = ordered.get(i);
			List<Integer> options = plan.shuffleOptions() ? shuffle.optionOrder(i, question).order()
					: identity(question.options().size()).order();
			drawn.add(new Drawn(i, question, options));
		}
		return drawn;
	}

	private static PlayerShuffle.Permutation identity(int size) {
		List<Integer> order = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			order.add(i);
		}
		return new PlayerShuffle.Permutation(order);
	}
}
