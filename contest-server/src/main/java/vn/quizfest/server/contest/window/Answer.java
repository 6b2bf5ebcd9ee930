package vn.quizfest.server.contest.window;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;

/** An entrant's saved choice for one question, by option ids (the options' indexes in the snapshot). */
sealed interface Answer {

	/** One option: single choice and true/false. */
	record Choice(int id) implements Answer {

		@Override
		public boolean fits(Question question) {
			return question.type() != QuestionType.MULTIPLE_SELECT && id >= 0 && id < question.options().size();
		}

		@Override
		public boolean correct(Question question) {
			List<Integer> key = question.answer().correct();
			return key.size() == 1 && key.get(0) == id;
		}

		@Override
		public Map<String, Object> json() {
			return Map.of("choice", id);
		}
	}

	/** Several options: multiple select (all the right ones and none else). */
	record Choices(List<Integer> ids) implements Answer {

		public Choices {
			ids = List.copyOf(ids);
		}

		@Override
		public boolean fits(Question question) {
			int options = question.options().size();
			return question.type() == QuestionType.MULTIPLE_SELECT && !ids.isEmpty() && ids.size() <= options
					&& ids.stream().allMatch(id -> id >= 0 && id < options) && new HashSet<>(ids).size() == ids.size();
		}

		@Override
		public boolean correct(Question question) {
			return new HashSet<>(question.answer().correct()).equals(new HashSet<>(ids));
		}

		@Override
		public Map<String, Object> json() {
			return Map.of("choices", ids);
		}
	}

	/** Whether the answer fits the question's type and names only its options. */
	boolean fits(Question question);

	/** Whether the answer is right by the question's key. */
	boolean correct(Question question);

	/** The answer as stored and sent back: {@code {"choice": id}} or {@code {"choices": [ids]}}. */
	Map<String, Object> json();
}
