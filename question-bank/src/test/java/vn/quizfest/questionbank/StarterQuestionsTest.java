package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;

/** The starter file is complete and consistent in both languages. */
class StarterQuestionsTest {

	final List<Question> questions = new StarterQuestions(null, null, JsonMapper.builder().build(), null)
		.read(new ClassPathResource(StarterQuestions.RESOURCE), 7);

	@Test
	void everyQuestionHasAVietnameseAndAnEnglishVersion() {
		Map<String, List<Question>> groups = questions.stream()
			.collect(Collectors.groupingBy(Question::translationGroup));

		assertThat(groups).hasSize(24);
		assertThat(groups.values()).allSatisfy(versions -> {
			assertThat(versions).extracting(Question::language).containsExactlyInAnyOrder(Language.VI, Language.EN);
			assertThat(versions.get(0).options()).hasSameSizeAs(versions.get(1).options());
			assertThat(versions.get(0).answer()).isEqualTo(versions.get(1).answer());
		});
	}

	@Test
	void everyTopicAndDifficultyIsCovered() {
		assertThat(questions).extracting(Question::topic).containsAll(EnumSet.allOf(Topic.class));
		assertThat(questions).extracting(Question::difficulty).contains(1, 2, 3);
	}

	@Test
	void answersPointAtExistingOptionsAndEveryQuestionIsExplainedAndSourced() {
		assertThat(questions).allSatisfy(question -> {
			assertThat(question.answer().correct()).isNotEmpty()
				.allSatisfy(index -> assertThat(index).isBetween(0, question.options().size() - 1));
			assertThat(question.text()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
			assertThat(question.explanation()).isNotBlank();
			assertThat(question.source()).isNotBlank();
			assertThat(question.status()).isEqualTo(QuestionStatus.PUBLISHED);
			assertThat(question.bankId()).isEqualTo(7);
			if (question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.TRUE_FALSE) {
				assertThat(question.answer().correct()).hasSize(1);
			}
		});
	}
}
