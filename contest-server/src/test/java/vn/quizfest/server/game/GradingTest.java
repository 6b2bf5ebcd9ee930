package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.game.Fixtures.multiple;
import static vn.quizfest.server.game.Fixtures.numeric;
import static vn.quizfest.server.game.Fixtures.ordering;
import static vn.quizfest.server.game.Fixtures.poll;
import static vn.quizfest.server.game.Fixtures.single;
import static vn.quizfest.server.game.Fixtures.trueFalse;
import static vn.quizfest.server.game.Fixtures.typeAnswer;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.QuestionType;

class GradingTest {

	private static final GameQuestion SINGLE = single(0, 20, Points.STANDARD, 2);

	private static final GameQuestion MULTIPLE = multiple(0, 20, Points.STANDARD, List.of(0, 2));

	private static final GameQuestion TRUE_FALSE = trueFalse(0, 20, Points.STANDARD, 1);

	private static final GameQuestion ORDERING = ordering(0, 20, Points.STANDARD, List.of(2, 0, 1));

	private static final GameQuestion CAPITAL = typeAnswer(0, 20, Points.STANDARD, "Hà Nội", "Thủ đô Hà Nội");

	private static final GameQuestion NUMERIC = numeric(0, 20, Points.STANDARD, 100, 5.0);

	private static final GameQuestion POLL = poll(0, 20);

	private static Grading.Grade grade(GameQuestion question, Submission submission) {
		return Grading.grade(question, submission, false);
	}

	private static List<Integer> list(Integer... values) {
		return Arrays.asList(values);
	}

	// ---- shapes -------------------------------------------------------------------------------

	@Test
	void choiceQuestionsNeedOneOptionInRange() {
		for (GameQuestion question : List.of(SINGLE, POLL)) {
			assertThat(Grading.shapeError(question, Submission.choice(0))).isNull();
			assertThat(Grading.shapeError(question, Submission.choice(3))).isNull();
			assertThat(Grading.shapeError(question, Submission.choice(4))).isEqualTo("BAD_ANSWER");
			assertThat(Grading.shapeError(question, Submission.choice(-1))).isEqualTo("BAD_ANSWER");
			assertThat(Grading.shapeError(question, Submission.choices(List.of(0)))).isEqualTo("BAD_ANSWER");
			assertThat(Grading.shapeError(question, Submission.text("A"))).isEqualTo("BAD_ANSWER");
		}
		assertThat(Grading.shapeError(TRUE_FALSE, Submission.choice(1))).isNull();
		assertThat(Grading.shapeError(TRUE_FALSE, Submission.choice(2))).isEqualTo("BAD_ANSWER");
	}

	@Test
	void multipleSelectNeedsDistinctOptionsInRange() {
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of(0, 2)))).isNull();
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of(3, 2, 1, 0)))).isNull();
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of()))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of(0, 0)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of(0, 4)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of(-1)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(MULTIPLE, Submission.choices(List.of(0, 1, 2, 3, 0)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(MULTIPLE, Submission.choice(0))).isEqualTo("BAD_ANSWER");
	}

	@Test
	void orderingNeedsEveryOptionExactlyOnce() {
		assertThat(Grading.shapeError(ORDERING, Submission.order(List.of(0, 1, 2)))).isNull();
		assertThat(Grading.shapeError(ORDERING, Submission.order(List.of(0, 1)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(ORDERING, Submission.order(List.of(0, 1, 2, 0)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(ORDERING, Submission.order(List.of(0, 1, 1)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(ORDERING, Submission.order(List.of(0, 1, 3)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(ORDERING, Submission.order(List.of()))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(ORDERING, Submission.choices(List.of(0, 1, 2)))).isEqualTo("BAD_ANSWER");
	}

	@Test
	void typeAnswerNeedsNonBlankTextOfAtMostTwoHundredCharacters() {
		assertThat(Grading.shapeError(CAPITAL, Submission.text("Hà Nội"))).isNull();
		assertThat(Grading.shapeError(CAPITAL, Submission.text("x".repeat(200)))).isNull();
		assertThat(Grading.shapeError(CAPITAL, Submission.text("x".repeat(201)))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(CAPITAL, Submission.text(""))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(CAPITAL, Submission.text(" \t "))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(CAPITAL, Submission.choice(0))).isEqualTo("BAD_ANSWER");
	}

	@Test
	void numericNeedsAFiniteNumber() {
		assertThat(Grading.shapeError(NUMERIC, Submission.value(-3.5))).isNull();
		assertThat(Grading.shapeError(NUMERIC, Submission.value(Double.NaN))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(NUMERIC, Submission.value(Double.POSITIVE_INFINITY))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(NUMERIC, Submission.value(Double.NEGATIVE_INFINITY))).isEqualTo("BAD_ANSWER");
		assertThat(Grading.shapeError(NUMERIC, Submission.text("100"))).isEqualTo("BAD_ANSWER");
	}

	// ---- grades -------------------------------------------------------------------------------

	@Test
	void singleChoiceAndTrueFalseAreRightOnlyOnTheKey() {
		assertThat(grade(SINGLE, Submission.choice(2))).isEqualTo(new Grading.Grade(true, 1));
		assertThat(grade(SINGLE, Submission.choice(1))).isEqualTo(new Grading.Grade(false, 0));
		assertThat(grade(TRUE_FALSE, Submission.choice(1))).isEqualTo(new Grading.Grade(true, 1));
		assertThat(grade(TRUE_FALSE, Submission.choice(0))).isEqualTo(new Grading.Grade(false, 0));
	}

	@Test
	void aSingleChoiceKeyWithSeveralRightOptionsAcceptsAnyOfThem() {
		GameQuestion either = Fixtures.question(0, QuestionType.SINGLE_CHOICE, Fixtures.FOUR,
				AnswerKey.options(List.of(1, 3)), 20, Points.STANDARD);
		assertThat(grade(either, Submission.choice(1)).correct()).isTrue();
		assertThat(grade(either, Submission.choice(3)).correct()).isTrue();
		assertThat(grade(either, Submission.choice(0)).correct()).isFalse();
	}

	@ParameterizedTest(name = "key [0,2], picked {0} -> credit {1}, correct {2}")
	@CsvSource(delimiter = ';', value = { "0,2; 1.0; true", "2,0; 1.0; true", "0; 0.5; false", "2; 0.5; false",
			"0,1; 0.0; false", "0,2,1; 0.5; false", "0,1,2,3; 0.0; false", "1; 0.0; false", "1,3; 0.0; false" })
	void multipleSelectGivesRightMinusWrongOverRightNeverBelowZero(String picked, double credit, boolean correct) {
		List<Integer> choices = Arrays.stream(picked.split(",")).map(Integer::valueOf).toList();
		assertThat(grade(MULTIPLE, Submission.choices(choices))).isEqualTo(new Grading.Grade(correct, credit));
	}

	@Test
	void multipleSelectCreditWithThreeRightOptions() {
		GameQuestion three = multiple(0, 20, Points.STANDARD, List.of(0, 1, 3));
		assertThat(grade(three, Submission.choices(List.of(0, 1))).credit()).isEqualTo(2.0 / 3);
		assertThat(grade(three, Submission.choices(List.of(0))).credit()).isEqualTo(1.0 / 3);
		assertThat(grade(three, Submission.choices(List.of(0, 1, 2))).credit()).isEqualTo(1.0 / 3);
		assertThat(grade(three, Submission.choices(List.of(0, 1, 2, 3)))).isEqualTo(new Grading.Grade(false, 2.0 / 3));
	}

	@Test
	void orderingIsAllOrNothing() {
		assertThat(grade(ORDERING, Submission.order(List.of(2, 0, 1)))).isEqualTo(new Grading.Grade(true, 1));
		assertThat(grade(ORDERING, Submission.order(List.of(2, 1, 0)))).isEqualTo(new Grading.Grade(false, 0));
		assertThat(grade(ORDERING, Submission.order(List.of(0, 1, 2)))).isEqualTo(new Grading.Grade(false, 0));
	}

	@Test
	void pollsHaveNoRightAnswer() {
		for (int choice = 0; choice < 4; choice++) {
			assertThat(grade(POLL, Submission.choice(choice))).isEqualTo(new Grading.Grade(false, 0));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hà Nội", "hà nội", "HÀ NỘI", "  Hà Nội  ", "Hà   Nội", "\tHà Nội\n", "thủ đô hà nội",
			// the same text decomposed (NFD), as some keyboards send it
			"Ha\u0300 No\u0302\u0323i" })
	void typeAnswerIgnoresCaseSpacesAndUnicodeForm(String text) {
		assertThat(Grading.grade(CAPITAL, Submission.text(text), false).correct()).isTrue();
		assertThat(Grading.grade(CAPITAL, Submission.text(text), true).correct()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ha noi", "HA NOI", "Hà Noi", "Ha Nội", "thu do ha noi" })
	void typeAnswerIgnoresDiacriticsOnlyWhenTheGameSaysSo(String text) {
		assertThat(Grading.grade(CAPITAL, Submission.text(text), false).correct()).isFalse();
		assertThat(Grading.grade(CAPITAL, Submission.text(text), true).correct()).isTrue();
	}

	@Test
	void dWithStrokeFoldsToDWhenDiacriticsAreIgnored() {
		GameQuestion city = typeAnswer(0, 20, Points.STANDARD, "Đà Nẵng");
		assertThat(Grading.grade(city, Submission.text("da nang"), true).correct()).isTrue();
		assertThat(Grading.grade(city, Submission.text("đà nẵng"), false).correct()).isTrue();
		assertThat(Grading.grade(city, Submission.text("da nang"), false).correct()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hà Nội.", "HaNoi", "Hà Nội Việt Nam", "Hải Phòng", "Nội" })
	void typeAnswerStillNeedsTheWholeAnswer(String text) {
		assertThat(Grading.grade(CAPITAL, Submission.text(text), true).correct()).isFalse();
	}

	@ParameterizedTest(name = "100 ± 5: {0} -> {1}")
	@CsvSource({ "100, true", "95, true", "105, true", "94.999, false", "105.001, false", "-100, false", "0, false",
			"102.5, true" })
	void numericAcceptsTheToleranceInclusive(double value, boolean correct) {
		assertThat(grade(NUMERIC, Submission.value(value)).correct()).isEqualTo(correct);
	}

	@Test
	void numericDecimalsAtTheEdgeOfTheToleranceCount() {
		GameQuestion rate = numeric(0, 20, Points.STANDARD, 0.3, 0.1);
		// 0.4 - 0.3 is 0.10000000000000003 in binary floating point
		assertThat(grade(rate, Submission.value(0.4)).correct()).isTrue();
		assertThat(grade(rate, Submission.value(0.2)).correct()).isTrue();
		assertThat(grade(rate, Submission.value(0.41)).correct()).isFalse();
		assertThat(grade(rate, Submission.value(0.19)).correct()).isFalse();
	}

	@Test
	void numericWithoutToleranceNeedsTheExactValue() {
		GameQuestion digits = numeric(0, 20, Points.STANDARD, 12, null);
		assertThat(grade(digits, Submission.value(12)).correct()).isTrue();
		assertThat(grade(digits, Submission.value(12.0001)).correct()).isFalse();
		assertThat(grade(digits, Submission.value(11)).correct()).isFalse();
		GameQuestion negative = numeric(0, 20, Points.STANDARD, -2.5, 0.0);
		assertThat(grade(negative, Submission.value(-2.5)).correct()).isTrue();
		assertThat(grade(negative, Submission.value(2.5)).correct()).isFalse();
	}

	@Test
	void refusedShapesNeverReachGradingInAGame() {
		TestGame game = new TestGame(Fixtures.instant(), MULTIPLE);
		Player an = game.join("An");
		game.next();
		AnswerReceipt refused = game.answer(an, Submission.choices(list(0, 0)));
		assertThat(refused).extracting(AnswerReceipt::accepted, AnswerReceipt::error)
			.containsExactly(false, "BAD_ANSWER");
		// A refused shape does not use up the player's one answer.
		assertThat(game.answer(an, Submission.choices(list(0, 2))).accepted()).isTrue();
	}
}
