package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.QuestionDraw.NotEnoughQuestionsException;
import vn.quizfest.questionbank.QuestionDraw.Quota;

/** Random draws by quotas: right counts, only what may be drawn, reproducible from the seed. */
class QuestionDrawTest {

	static final Set<Topic> THREE_TOPICS = Set.of(Topic.VNEID, Topic.CASHLESS_PAYMENT, Topic.SCAMS_CYBER_SAFETY);

	/** Six questions of each topic x difficulty, in both languages, plus drafts that must never be drawn. */
	final List<Question> bank = bank();

	static List<Question> bank() {
		List<Question> questions = new ArrayList<>();
		long id = 1;
		for (Topic topic : Topic.values()) {
			for (int difficulty = 1; difficulty <= 3; difficulty++) {
				for (int n = 0; n < 6; n++) {
					questions.add(question(id++, Language.VI, topic, difficulty, QuestionStatus.PUBLISHED));
					questions.add(question(id++, Language.EN, topic, difficulty, QuestionStatus.PUBLISHED));
					questions.add(question(id++, Language.VI, topic, difficulty, QuestionStatus.DRAFT));
				}
			}
		}
		return questions;
	}

	static Question question(long id, Language language, Topic topic, int difficulty, QuestionStatus status) {
		return new Question(id, 1, UUID.randomUUID().toString(), language, QuestionType.SINGLE_CHOICE, "Câu " + id,
				List.of("A", "B"), AnswerKey.options(List.of(0)), null, 20, Points.STANDARD, difficulty, topic, List.of(),
				null, null, status, null, null, null, null, 0);
	}

	static Quota quota(Set<Topic> topics, @Nullable Integer difficulty, int count) {
		return new Quota(topics, difficulty, count);
	}

	final List<Quota> tenQuestions = List.of(quota(THREE_TOPICS, 1, 4), quota(THREE_TOPICS, 2, 4),
			quota(THREE_TOPICS, 3, 2));

	@Test
	void quotasOfTopicAndDifficultyAreFilledInOrder() {
		List<Question> drawn = QuestionDraw.draw(bank, Language.VI, tenQuestions, 2026);

		assertThat(drawn).hasSize(10).doesNotHaveDuplicates();
		assertThat(drawn).extracting(Question::difficulty).containsExactly(1, 1, 1, 1, 2, 2, 2, 2, 3, 3);
		assertThat(drawn).allSatisfy(q -> {
			assertThat(THREE_TOPICS).contains(q.topic());
			assertThat(q.language()).isEqualTo(Language.VI);
			assertThat(q.status()).isEqualTo(QuestionStatus.PUBLISHED);
		});
	}

	@Test
	void theSameSeedGivesTheSameQuestionsWhateverTheOrderOfTheCandidates() {
		List<Question> shuffled = new ArrayList<>(bank);
		Collections.shuffle(shuffled);

		List<Question> once = QuestionDraw.draw(bank, Language.VI, tenQuestions, 7);
		List<Question> again = QuestionDraw.draw(shuffled, Language.VI, tenQuestions, 7);
		List<Question> otherSeed = QuestionDraw.draw(bank, Language.VI, tenQuestions, 8);

		assertThat(again).extracting(Question::id).containsExactlyElementsOf(once.stream().map(Question::id).toList());
		assertThat(otherSeed).extracting(Question::id).isNotEqualTo(once.stream().map(Question::id).toList());
	}

	@Test
	void aSeedKeepsGivingTheSameDrawAcrossReleases() {
		// Pinned: a changed algorithm would silently change replays of past draws.
		List<Question> drawn = QuestionDraw.draw(bank, Language.VI, List.of(quota(Set.of(Topic.VNEID), 1, 3)), 42);

		assertThat(drawn).extracting(Question::id).containsExactly(PINNED_42);
	}

	static final Long[] PINNED_42 = { 61L, 55L, 70L };

	@Test
	void aQuotaThatCannotBeFilledIsNamedWithWhatItAskedAndWhatThereIs() {
		List<Quota> quotas = List.of(quota(Set.of(), 1, 2), quota(Set.of(Topic.AI_TOOLS), 3, 7));

		assertThatThrownBy(() -> QuestionDraw.draw(bank, Language.VI, quotas, 1))
			.isInstanceOfSatisfying(NotEnoughQuestionsException.class, ex -> {
				assertThat(ex.quotaNumber()).isEqualTo(2);
				assertThat(ex.asked()).isEqualTo(7);
				assertThat(ex.available()).isEqualTo(6);
				assertThat(ex.quota().topics()).containsExactly(Topic.AI_TOOLS);
			});
	}

	@Test
	void aNarrowQuotaIsFilledBeforeABroadOneThatOverlapsIt() {
		// Any 5 VNeID questions, then 6 easy VNeID ones: only 6 easy ones exist, so the broad quota must
		// leave them all to the narrow one.
		List<Quota> quotas = List.of(quota(Set.of(Topic.VNEID), null, 5), quota(Set.of(Topic.VNEID), 1, 6));

		List<Question> drawn = QuestionDraw.draw(bank, Language.VI, quotas, 3);

		assertThat(drawn).hasSize(11).doesNotHaveDuplicates();
		assertThat(drawn.subList(0, 5)).extracting(Question::difficulty).doesNotContain(1);
		assertThat(drawn.subList(5, 11)).extracting(Question::difficulty).containsOnly(1);
	}

	@Test
	void draftsAndOtherLanguagesAreNeverDrawn() {
		List<Question> drawn = QuestionDraw.draw(bank, Language.EN, List.of(quota(Set.of(), null, 180)), 5);

		assertThat(drawn).hasSize(180)
			.allSatisfy(q -> assertThat(q.language()).isEqualTo(Language.EN))
			.allSatisfy(q -> assertThat(q.status()).isEqualTo(QuestionStatus.PUBLISHED));
		assertThatThrownBy(() -> QuestionDraw.draw(bank, Language.EN, List.of(quota(Set.of(), null, 181)), 5))
			.isInstanceOf(NotEnoughQuestionsException.class);
	}

	@Test
	void aQuotaAsksForAtLeastOneQuestion() {
		assertThatThrownBy(() -> quota(Set.of(), null, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
