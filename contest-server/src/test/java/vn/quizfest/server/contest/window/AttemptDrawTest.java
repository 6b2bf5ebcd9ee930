package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionDraw;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;

/** An attempt's questions: quotas from the round's pool, the same for the same seed, shuffled by the bank's shuffle. */
class AttemptDrawTest {

	static Question question(long id, Topic topic, int difficulty, QuestionType type) {
		List<String> options = type == QuestionType.TRUE_FALSE ? List.of("Đúng", "Sai") : List.of("A" + id, "B" + id, "C" + id, "D" + id);
		List<Integer> key = type == QuestionType.MULTIPLE_SELECT ? List.of(0, 2) : List.of(0);
		return new Question(id, 1, "g" + id, Language.VI, type, "Câu " + id, options, AnswerKey.options(key), "Vì " + id, 20,
				Points.STANDARD, difficulty, topic, List.of(), null, null, QuestionStatus.PUBLISHED, null, null, null, null, 0);
	}

	static List<Question> pool() {
		List<Question> pool = new ArrayList<>();
		long id = 1;
		for (Topic topic : List.of(Topic.VNEID, Topic.SCAMS_CYBER_SAFETY, Topic.PERSONAL_DATA)) {
			for (int difficulty = 1; difficulty <= 3; difficulty++) {
				for (int i = 0; i < 6; i++) {
					pool.add(question(id++, topic, difficulty, QuestionType.SINGLE_CHOICE));
				}
			}
		}
		return pool;
	}

	static RoundPlan plan(boolean shuffleQuestions, boolean shuffleOptions) {
		return new RoundPlan(List.of(1L), "vi", List.of(new RoundPlan.Quota(List.of(Topic.VNEID), 1, 4),
				new RoundPlan.Quota(List.of(Topic.SCAMS_CYBER_SAFETY, Topic.PERSONAL_DATA), 3, 3),
				new RoundPlan.Quota(List.of(), null, 3)), 10, 600, shuffleOptions, shuffleQuestions);
	}

	static List<Long> ids(List<AttemptDraw.Drawn> drawn) {
		return drawn.stream().map(d -> d.question().id()).toList();
	}

	@Test
	void theQuotasAreFilled() {
		List<AttemptDraw.Drawn> drawn = AttemptDraw.draw(pool(), plan(false, false), 42);
		assertThat(drawn).hasSize(10);
		assertThat(drawn.subList(0, 4)).allMatch(d -> d.question().topic() == Topic.VNEID && d.question().difficulty() == 1);
		assertThat(drawn.subList(4, 7)).allMatch(d -> d.question().difficulty() == 3 && d.question().topic() != Topic.VNEID);
		assertThat(ids(drawn)).doesNotHaveDuplicates();
		assertThat(drawn).extracting(AttemptDraw.Drawn::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void theSameSeedGivesTheSameAttemptAndOtherSeedsOtherOnes() {
		RoundPlan plan = plan(true, true);
		List<AttemptDraw.Drawn> once = AttemptDraw.draw(pool(), plan, 7);
		List<Question> reversed = new ArrayList<>(pool());
		java.util.Collections.reverse(reversed);
		assertThat(AttemptDraw.draw(reversed, plan, 7)).as("the pool's order does not matter").isEqualTo(once);
		long different = 0;
		for (long seed = 100; seed < 120; seed++) {
			if (!ids(AttemptDraw.draw(pool(), plan, seed)).equals(ids(once))) {
				different++;
			}
		}
		assertThat(different).isGreaterThanOrEqualTo(18);
	}

	@Test
	void optionsAreShuffledPerAttemptButTrueFalseKeepsItsOrder() {
		List<Question> pool = new ArrayList<>(pool());
		pool.add(question(1000, Topic.AI_TOOLS, 2, QuestionType.TRUE_FALSE));
		RoundPlan plan = new RoundPlan(List.of(1L), "vi", List.of(new RoundPlan.Quota(List.of(Topic.AI_TOOLS), null, 1),
				new RoundPlan.Quota(List.of(Topic.VNEID), null, 10)), 1, 600, true, false);
		int shuffled = 0;
		for (long seed = 0; seed < 10; seed++) {
			List<AttemptDraw.Drawn> drawn = AttemptDraw.draw(pool, plan, seed);
			assertThat(drawn.get(0).optionOrder()).containsExactly(0, 1);
			for (AttemptDraw.Drawn d : drawn.subList(1, drawn.size())) {
				assertThat(d.optionOrder()).containsExactlyInAnyOrder(0, 1, 2, 3);
				shuffled += d.optionOrder().equals(List.of(0, 1, 2, 3)) ? 0 : 1;
			}
		}
		assertThat(shuffled).isGreaterThan(80);
	}

	@Test
	void withoutShufflingTheQuotaOrderAndOptionOrderStay() {
		List<AttemptDraw.Drawn> drawn = AttemptDraw.draw(pool(), plan(false, false), 3);
		assertThat(drawn).allMatch(d -> d.optionOrder().equals(List.of(0, 1, 2, 3)));
		List<AttemptDraw.Drawn> shuffled = AttemptDraw.draw(pool(), plan(true, false), 3);
		assertThat(ids(shuffled)).containsExactlyInAnyOrderElementsOf(ids(drawn));
	}

	@Test
	void aPoolTooSmallForAQuotaIsRefused() {
		RoundPlan plan = new RoundPlan(List.of(1L), "vi", List.of(new RoundPlan.Quota(List.of(Topic.AI_TOOLS), null, 1)), 1,
				600, true, true);
		assertThatThrownBy(() -> AttemptDraw.draw(pool(), plan, 1)).isInstanceOf(QuestionDraw.NotEnoughQuestionsException.class);
	}

	@Test
	void answersAreGradedByTheKeyAndMustFitTheQuestion() {
		Question single = question(1, Topic.VNEID, 1, QuestionType.SINGLE_CHOICE);
		Question multiple = question(2, Topic.VNEID, 1, QuestionType.MULTIPLE_SELECT);
		assertThat(new Answer.Choice(0).correct(single)).isTrue();
		assertThat(new Answer.Choice(1).correct(single)).isFalse();
		assertThat(new Answer.Choice(4).fits(single)).isFalse();
		assertThat(new Answer.Choice(-1).fits(single)).isFalse();
		assertThat(new Answer.Choice(0).fits(multiple)).isFalse();
		assertThat(new Answer.Choices(List.of(2, 0)).correct(multiple)).isTrue();
		assertThat(new Answer.Choices(List.of(0)).correct(multiple)).isFalse();
		assertThat(new Answer.Choices(List.of(0, 2, 3)).correct(multiple)).isFalse();
		assertThat(new Answer.Choices(List.of(0, 0)).fits(multiple)).isFalse();
		assertThat(new Answer.Choices(List.of()).fits(multiple)).isFalse();
		assertThat(new Answer.Choices(List.of(0)).fits(single)).isFalse();
	}
}
