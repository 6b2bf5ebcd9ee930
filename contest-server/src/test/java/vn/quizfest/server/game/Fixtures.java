package vn.quizfest.server.game;

import java.util.List;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/** Questions and settings for engine tests: only the fields the engine reads are worth choosing. */
final class Fixtures {

	static final List<String> FOUR = List.of("A", "B", "C", "D");

	private Fixtures() {
	}

	static GameQuestion question(int index, QuestionType type, List<String> options, AnswerKey key, int seconds,
			Points points) {
		Question question = new Question(null, 1, "group-" + index, Language.VI, type, "Câu hỏi " + (index + 1),
				options, key, null, seconds, points, 1, Topic.BASIC_SKILLS, List.of(), null, null,
				QuestionStatus.PUBLISHED, null, null, null, null, 1);
		return new GameQuestion(index, question);
	}

	static GameQuestion single(int index, int seconds, Points points, int correct) {
		return question(index, QuestionType.SINGLE_CHOICE, FOUR, AnswerKey.options(List.of(correct)), seconds, points);
	}

	static GameQuestion multiple(int index, int seconds, Points points, List<Integer> correct) {
		return question(index, QuestionType.MULTIPLE_SELECT, FOUR, AnswerKey.options(correct), seconds, points);
	}

	static GameQuestion trueFalse(int index, int seconds, Points points, int correct) {
		return question(index, QuestionType.TRUE_FALSE, List.of("Đúng", "Sai"), AnswerKey.options(List.of(correct)),
				seconds, points);
	}

	static GameQuestion typeAnswer(int index, int seconds, Points points, String... accepted) {
		return question(index, QuestionType.TYPE_ANSWER, List.of(), new AnswerKey(List.of(), List.of(accepted), null,
				null), seconds, points);
	}

	static GameQuestion ordering(int index, int seconds, Points points, List<Integer> rightOrder) {
		return question(index, QuestionType.ORDERING, List.of("A", "B", "C"), AnswerKey.options(rightOrder), seconds,
				points);
	}

	static GameQuestion numeric(int index, int seconds, Points points, double value, Double tolerance) {
		return question(index, QuestionType.NUMERIC, List.of(), new AnswerKey(List.of(), List.of(), value, tolerance),
				seconds, points);
	}

	static GameQuestion poll(int index, int seconds) {
		return question(index, QuestionType.POLL, FOUR, AnswerKey.options(List.of()), seconds, Points.STANDARD);
	}

	/** Host-paced, 3 s preview, 300 ms open lead, speed scoring with streaks. */
	static GameSettings hostPaced() {
		return GameSettings.defaults();
	}

	/** No preview and no open lead: the options open the moment the host says "next". */
	static GameSettings instant() {
		return GameSettings.defaults().withPreview(0, 0);
	}
}
