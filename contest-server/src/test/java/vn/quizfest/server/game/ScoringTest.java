package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.game.Fixtures.multiple;
import static vn.quizfest.server.game.Fixtures.poll;
import static vn.quizfest.server.game.Fixtures.single;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.quizfest.questionbank.Points;

class ScoringTest {

	private static final long T = 20_000;

	// ---- the formula --------------------------------------------------------------------------

	@ParameterizedTest(name = "t={0} ms of T=20 s -> {1}")
	@CsvSource({ "0, 1000", "5000, 875", "10000, 750", "15000, 625", "20000, 500", "20001, 500", "60000, 500",
			"-250, 1000", "1, 1000", "3000, 925", "12345, 691" })
	void speedPointsFallLinearlyFromFullToHalfOverTheTimeLimit(long t, int points) {
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, t, T)).isEqualTo(points);
	}

	@Test
	void roundingIsToTheNearestPointWithHalvesUp() {
		// 1000 x (1 - (t/T)/2) = 1000 - t/40 with T = 20 s: t = 19 -> 999.525, 20 -> 999.5, 21 -> 999.475
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 19, T)).isEqualTo(1000);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 20, T)).isEqualTo(1000);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 21, T)).isEqualTo(999);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 60, T)).isEqualTo(999);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 61, T)).isEqualTo(998);
		// 2000 x (1 - (10/20000)/2) = 1999.5
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 2000, 1, 10, T)).isEqualTo(2000);
	}

	@Test
	void doublePointsDoubleTheBaseAndNoPointsGiveNothing() {
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 2000, 1, 0, T)).isEqualTo(2000);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 2000, 1, 10_000, T)).isEqualTo(1500);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 2000, 1, T, T)).isEqualTo(1000);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 0, 1, 0, T)).isZero();
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 0, 1, 0, T)).isZero();
	}

	@Test
	void accuracyModeIgnoresTimeAndScalesByCredit() {
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 1000, 1, 0, T)).isEqualTo(1000);
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 1000, 1, T, T)).isEqualTo(1000);
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 2000, 1, 19_999, T)).isEqualTo(2000);
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 1000, 0.5, 7_000, T)).isEqualTo(500);
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 1000, 1.0 / 3, 0, T)).isEqualTo(333);
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 1000, 2.0 / 3, 0, T)).isEqualTo(667);
		assertThat(Scoring.answerPoints(ScoringMode.ACCURACY, 1000, 0, 0, T)).isZero();
	}

	@Test
	void partialCreditScalesTheSpeedPoints() {
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 0.5, 0, T)).isEqualTo(500);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 0.5, 10_000, T)).isEqualTo(375);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 2.0 / 3, 10_000, T)).isEqualTo(500);
		// 1000 x 0.875 / 3 = 291.67
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1.0 / 3, 5_000, T)).isEqualTo(292);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 0, 0, T)).isZero();
	}

	@Test
	void streakBonusGrowsByAHundredUpToFiveHundred() {
		assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 100)).extracting(Scoring::streakBonus)
			.containsExactly(0, 100, 200, 300, 400, 500, 500, 500, 500);
	}

	// ---- streaks in a game --------------------------------------------------------------------

	/** Eight single-choice questions of 20 s; every answer comes at t = 0 and is worth 1000 before the bonus. */
	private static TestGame eightQuestions(GameSettings settings) {
		GameQuestion[] questions = new GameQuestion[8];
		for (int i = 0; i < questions.length; i++) {
			questions[i] = single(i, 20, Points.STANDARD, 0);
		}
		return new TestGame(settings, questions);
	}

	/** Plays the current question with the given answers (null: no answer), closes it and moves to the next. */
	private static Outcome play(TestGame game, Player player, Integer choice) {
		game.open();
		if (choice != null) {
			game.answerAt(game.hosted.opensAt(), player, Submission.choice(choice));
		}
		game.tickAt(game.hosted.closesAt());
		Outcome outcome = game.outcome(player);
		game.next();
		game.next();
		return outcome;
	}

	@Test
	void theStreakBonusGrowsWithEachCorrectAnswerInARowAndStopsAtFiveHundred() {
		TestGame game = eightQuestions(Fixtures.hostPaced());
		Player an = game.join("An");
		game.next();
		for (int i = 0; i < 8; i++) {
			Outcome outcome = play(game, an, 0);
			assertThat(outcome.streakBonus()).as("question %d", i + 1).isEqualTo(Math.min(100 * i, 500));
			assertThat(outcome.points()).isEqualTo(1000 + Math.min(100 * i, 500));
			assertThat(outcome.streak()).isEqualTo(i + 1);
		}
		// 8 x 1000 + 0 + 100 + 200 + 300 + 400 + 500 + 500 + 500
		assertThat(an.score()).isEqualTo(10_500);
		assertThat(an.streak()).isEqualTo(8);
	}

	@Test
	void aWrongOrMissingAnswerResetsTheStreak() {
		TestGame game = eightQuestions(Fixtures.hostPaced());
		Player an = game.join("An");
		game.next();
		play(game, an, 0);
		play(game, an, 0);
		Outcome wrong = play(game, an, 2);
		assertThat(wrong).extracting(Outcome::answered, Outcome::correct, Outcome::points, Outcome::streak)
			.containsExactly(true, false, 0, 0);
		assertThat(play(game, an, 0).streakBonus()).isZero();
		assertThat(play(game, an, 0).streakBonus()).isEqualTo(100);
		Outcome missing = play(game, an, null);
		assertThat(missing).extracting(Outcome::answered, Outcome::points, Outcome::streak, Outcome::responseMillis)
			.containsExactly(false, 0, 0, -1L);
		assertThat(an.streak()).isZero();
		assertThat(play(game, an, 0).streakBonus()).isZero();
	}

	@Test
	void aPartlyRightMultipleSelectScoresItsShareButBreaksTheStreak() {
		TestGame game = new TestGame(Fixtures.hostPaced(), single(0, 20, Points.STANDARD, 0),
				multiple(1, 20, Points.STANDARD, List.of(0, 2)), single(2, 20, Points.STANDARD, 0));
		Player an = game.join("An");
		game.next();
		play(game, an, 0);
		game.open();
		game.answerAt(game.hosted.opensAt() + 10_000, an, Submission.choices(List.of(0)));
		game.tickAt(game.hosted.closesAt());
		// credit 1/2 of 750 points
		assertThat(game.outcome(an)).extracting(Outcome::correct, Outcome::credit, Outcome::points, Outcome::streak)
			.containsExactly(false, 0.5, 375, 0);
		game.next();
		game.next();
		assertThat(play(game, an, 0).streakBonus()).isZero();
		assertThat(an.score()).isEqualTo(1000 + 375 + 1000);
	}

	@Test
	void withStreaksOffNoBonusIsPaid() {
		TestGame game = eightQuestions(Fixtures.hostPaced().withScoring(ScoringMode.SPEED, false));
		Player an = game.join("An");
		game.next();
		for (int i = 0; i < 8; i++) {
			Outcome outcome = play(game, an, 0);
			assertThat(outcome.streakBonus()).isZero();
			assertThat(outcome.points()).isEqualTo(1000);
		}
		assertThat(an.score()).isEqualTo(8000);
	}

	@Test
	void accuracyModeWithStreaksPaysFullPointsPlusTheBonus() {
		TestGame game = eightQuestions(Fixtures.hostPaced().withScoring(ScoringMode.ACCURACY, true));
		Player an = game.join("An");
		game.next();
		game.open();
		game.answerAt(game.hosted.closesAt(), an, Submission.choice(0));
		game.tickAt(game.hosted.closesAt());
		assertThat(game.outcome(an).points()).isEqualTo(1000);
		game.next();
		game.next();
		game.open();
		game.answerAt(game.hosted.opensAt() + 19_000, an, Submission.choice(0));
		game.tickAt(game.hosted.closesAt());
		assertThat(game.outcome(an)).extracting(Outcome::points, Outcome::streakBonus).containsExactly(1100, 100);
	}

	@Test
	void pollsAndNoPointsQuestionsLeaveScoresAndStreaksAlone() {
		TestGame game = new TestGame(Fixtures.hostPaced(), single(0, 20, Points.STANDARD, 0),
				single(1, 20, Points.STANDARD, 0), poll(2, 20), single(3, 20, Points.NONE, 0),
				single(4, 20, Points.NONE, 0), single(5, 20, Points.STANDARD, 0));
		Player an = game.join("An");
		game.next();
		play(game, an, 0);
		play(game, an, 0);
		assertThat(an.streak()).isEqualTo(2);
		Outcome poll = play(game, an, 1);
		assertThat(poll).extracting(Outcome::answered, Outcome::points, Outcome::streak).containsExactly(true, 0, 2);
		Outcome wrongWarmUp = play(game, an, 3);
		assertThat(wrongWarmUp).extracting(Outcome::points, Outcome::streak).containsExactly(0, 2);
		Outcome missedWarmUp = play(game, an, null);
		assertThat(missedWarmUp).extracting(Outcome::answered, Outcome::points, Outcome::streak)
			.containsExactly(false, 0, 2);
		assertThat(an.score()).isEqualTo(2100);
		assertThat(an.correctCount()).isEqualTo(2);
		// The streak carried over the poll and both warm-up questions.
		assertThat(play(game, an, 0)).extracting(Outcome::streakBonus, Outcome::streak).containsExactly(200, 3);
		assertThat(an.score()).isEqualTo(3300);
	}

	@Test
	void aDoublePointsQuestionDoublesTheAnswerButNotTheStreakBonus() {
		TestGame game = new TestGame(Fixtures.hostPaced(), single(0, 20, Points.STANDARD, 0),
				single(1, 20, Points.DOUBLE, 0));
		Player an = game.join("An");
		game.next();
		play(game, an, 0);
		game.open();
		game.answerAt(game.hosted.opensAt() + 5_000, an, Submission.choice(0));
		game.tickAt(game.hosted.closesAt());
		// 2000 x (1 - 0.25/2) = 1750, plus 100 for one correct answer before
		assertThat(game.outcome(an)).extracting(Outcome::points, Outcome::streakBonus).containsExactly(1850, 100);
	}
}
