package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The seed bank's content, without a database: every file parses and passes the validator, the bank
 * is big enough and covers every topic and difficulty, and the two languages agree.
 */
class SeedBankTest {

	static final String STARTER_FILE = "00-starter.json";

	static final int MIN_VIETNAMESE = 300;

	static final int MIN_ENGLISH = 100;

	static final int MIN_PER_TOPIC_AND_DIFFICULTY = 8;

	static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern NON_ASCII_LETTER = Pattern.compile("[\\p{L}&&[^\\p{ASCII}]]");

	static final List<SeedBank.SeedFile> FILES = new SeedBank(null, null, JsonMapper.builder().build(), null).files();

	static final List<Question> ALL = FILES.stream().flatMap(file -> file.questions().stream()).toList();

	static List<Question> in(List<Question> questions, Language language) {
		return questions.stream().filter(question -> question.language() == language).toList();
	}

	static Stream<String> topicFiles() {
		return FILES.stream().map(SeedBank.SeedFile::name).filter(name -> !name.equals(STARTER_FILE));
	}

	@Test
	void theStarterFileComesFirstAndFilesAreInNameOrder() {
		List<String> names = FILES.stream().map(SeedBank.SeedFile::name).toList();

		assertThat(names).first().isEqualTo(STARTER_FILE);
		assertThat(names).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void theBankHoldsEnoughQuestionsInBothLanguages() {
		assertThat(in(ALL, Language.VI).size()).as("Vietnamese questions").isGreaterThanOrEqualTo(MIN_VIETNAMESE);
		assertThat(in(ALL, Language.EN).size()).as("English questions").isGreaterThanOrEqualTo(MIN_ENGLISH);
	}

	@Test
	void everyTopicHasQuestionsOfEveryDifficulty() {
		Map<Topic, Map<Integer, Long>> counts = new EnumMap<>(Topic.class);
		for (Question question : in(ALL, Language.VI)) {
			counts.computeIfAbsent(question.topic(), topic -> new java.util.TreeMap<>())
				.merge(question.difficulty(), 1L, Long::sum);
		}
		for (Topic topic : Topic.values()) {
			for (int difficulty = 1; difficulty <= 3; difficulty++) {
				assertThat(counts.getOrDefault(topic, Map.of()).getOrDefault(difficulty, 0L))
					.as("%s, difficulty %d", topic, difficulty)
					.isGreaterThanOrEqualTo(MIN_PER_TOPIC_AND_DIFFICULTY);
			}
		}
	}

	@Test
	void keysAndTranslationGroupsAreUnique() {
		List<Question> vietnamese = in(ALL, Language.VI);

		assertThat(vietnamese).extracting(Question::externalKey).doesNotHaveDuplicates();
		assertThat(vietnamese).extracting(Question::translationGroup).doesNotHaveDuplicates();
		assertThat(in(ALL, Language.EN)).extracting(Question::externalKey).doesNotHaveDuplicates();
	}

	/**
	 * The import's own duplicate rule (same language, same text after {@link TextNormalizer#fold}):
	 * a duplicate could be drawn twice into one quiz, and an export of the bank would not re-import whole.
	 */
	@ParameterizedTest
	@MethodSource("languages")
	void noTwoQuestionsOfALanguageHaveTheSameTextByTheImportRule(Language language) {
		Map<String, List<String>> keysByText = in(ALL, language).stream()
			.collect(Collectors.groupingBy(question -> TextNormalizer.fold(question.text()),
					Collectors.mapping(Question::externalKey, Collectors.toList())));

		assertThat(keysByText.values()).as("keys sharing one folded %s text", language)
			.filteredOn(keys -> keys.size() > 1)
			.isEmpty();
	}

	static Stream<Language> languages() {
		return Stream.of(Language.values());
	}

	@Test
	void everyEnglishVersionMatchesItsVietnameseOne() {
		Map<String, List<Question>> groups = ALL.stream().collect(Collectors.groupingBy(Question::translationGroup));

		assertThat(groups.values()).allSatisfy(versions -> {
			assertThat(versions).extracting(Question::language).containsOnlyOnce(Language.VI).hasSizeLessThanOrEqualTo(2);
			if (versions.size() == 2) {
				Question vi = versions.get(0).language() == Language.VI ? versions.get(0) : versions.get(1);
				Question en = versions.get(0) == vi ? versions.get(1) : versions.get(0);
				assertThat(en).as(vi.externalKey())
					.usingRecursiveComparison()
					.comparingOnlyFields("type", "topic", "difficulty", "points", "timeLimitSeconds", "tags", "source",
							"externalKey", "answer.correct", "answer.value", "answer.tolerance")
					.isEqualTo(vi);
				assertThat(en.options()).as(vi.externalKey()).hasSameSizeAs(vi.options());
				assertThat(en.answer().accepted().isEmpty()).as(vi.externalKey())
					.isEqualTo(vi.answer().accepted().isEmpty());
			}
		});
	}

	@Test
	void everyQuestionFollowsTheSeedContentRules() {
		assertThat(ALL).allSatisfy(question -> {
			String key = question.externalKey();
			assertThat(question.type()).as(key).isNotEqualTo(QuestionType.POLL);
			assertThat(question.status()).as(key).isEqualTo(QuestionStatus.PUBLISHED);
			assertThat(question.explanation()).as(key).isNotBlank();
			assertThat(question.source()).as(key).isNotBlank();
			assertThat(question.tags()).as(key).hasSizeBetween(1, 5).allMatch(tag -> TAG.matcher(tag).matches());
			assertThat(QuestionValidator.validate(question)).as(key).isEmpty();
			if (question.type() == QuestionType.TRUE_FALSE) {
				assertThat(question.options()).as(key)
					.containsExactlyElementsOf(question.language() == Language.VI ? List.of("Đúng", "Sai")
							: List.of("True", "False"));
			}
			if (question.language() == Language.VI) {
				assertThat(NON_ASCII_LETTER.matcher(question.text()).find()).as("%s is written with diacritics", key)
					.isTrue();
			}
		});
	}

	@ParameterizedTest
	@MethodSource("topicFiles")
	void eachTopicFileHasTheAgreedSpread(String fileName) {
		List<Question> questions = FILES.stream()
			.filter(file -> file.name().equals(fileName))
			.findFirst()
			.orElseThrow()
			.questions();
		String slug = fileName.substring(0, fileName.length() - ".json".length());
		Topic topic = Topic.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
		List<Question> vietnamese = in(questions, Language.VI);

		assertThat(questions).extracting(Question::topic).containsOnly(topic);
		assertThat(questions).extracting(Question::externalKey).allMatch(key -> key.matches(slug + "-\\d{3}"));
		assertThat(vietnamese.size()).as("Vietnamese questions").isGreaterThanOrEqualTo(32);
		assertThat(in(questions, Language.EN).size()).as("English versions").isGreaterThanOrEqualTo(12);
		Map<Integer, Long> perDifficulty = vietnamese.stream()
			.collect(Collectors.groupingBy(Question::difficulty, Collectors.counting()));
		assertThat(perDifficulty).containsOnlyKeys(1, 2, 3).allSatisfy((difficulty, count) -> assertThat(count)
			.as("difficulty %d", difficulty)
			.isGreaterThanOrEqualTo(MIN_PER_TOPIC_AND_DIFFICULTY));
		Map<QuestionType, Long> perType = vietnamese.stream()
			.collect(Collectors.groupingBy(Question::type, Collectors.counting()));
		assertThat(perType.getOrDefault(QuestionType.MULTIPLE_SELECT, 0L)).as("multiple select").isGreaterThanOrEqualTo(3);
		assertThat(perType.getOrDefault(QuestionType.TYPE_ANSWER, 0L)).as("type answer").isGreaterThanOrEqualTo(2);
		assertThat(perType.getOrDefault(QuestionType.ORDERING, 0L)).as("ordering").isGreaterThanOrEqualTo(1);
		assertThat(perType.keySet()).as("mostly choice and true/false")
			.containsAll(Set.of(QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE));
		long choiceOrTrueFalse = perType.getOrDefault(QuestionType.SINGLE_CHOICE, 0L)
				+ perType.getOrDefault(QuestionType.TRUE_FALSE, 0L);
		assertThat(choiceOrTrueFalse * 2).as("mostly choice and true/false").isGreaterThan(vietnamese.size());
	}
}
