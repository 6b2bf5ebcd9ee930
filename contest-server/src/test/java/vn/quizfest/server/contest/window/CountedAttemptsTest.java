package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which attempt counts, and the prediction's real figure. */
class CountedAttemptsTest {

	static CountedAttempts.Submitted attempt(long id, long entrant, int correct, int questions, long timeUsed, long submittedAt) {
		return new CountedAttempts.Submitted(id, entrant, "X1", correct * 10, correct, questions, timeUsed, submittedAt, 5L);
	}

	@Test
	void theBestAttemptOfEachEntrantCounts() {
		List<CountedAttempts.Submitted> counted = CountedAttempts.counted(List.of(attempt(1, 100, 6, 10, 500, 1),
				attempt(2, 100, 9, 10, 900, 2), attempt(3, 100, 9, 10, 700, 3), attempt(4, 200, 2, 10, 100, 4)));
		assertThat(counted).extracting(CountedAttempts.Submitted::attemptId).containsExactlyInAnyOrder(3L, 4L);
	}

	@Test
	void equalScoreAndTimeThenTheEarlierSubmissionCounts() {
		List<CountedAttempts.Submitted> counted = CountedAttempts.counted(List.of(attempt(1, 100, 9, 10, 700, 20),
				attempt(2, 100, 9, 10, 700, 10)));
		assertThat(counted).extracting(CountedAttempts.Submitted::attemptId).containsExactly(2L);
	}

	@Test
	void perfectScoresCountsEntrantsWhoseCountedAttemptGotEveryQuestionRight() {
		List<CountedAttempts.Submitted> counted = CountedAttempts.counted(List.of(attempt(1, 100, 10, 10, 700, 1),
				attempt(2, 100, 4, 10, 100, 2), // a worse attempt of a perfect entrant does not make them count twice
				attempt(3, 200, 10, 10, 300, 3), attempt(4, 300, 9, 10, 300, 4), attempt(5, 400, 0, 10, 60, 5)));
		assertThat(CountedAttempts.realFigure(PredictionKind.PERFECT_SCORES, counted)).isEqualTo(2L);
	}

	@Test
	void entrantsCountsEveryoneWithASubmittedAttempt() {
		List<CountedAttempts.Submitted> counted = CountedAttempts.counted(List.of(attempt(1, 100, 10, 10, 700, 1),
				attempt(2, 100, 4, 10, 100, 2), attempt(3, 200, 0, 10, 300, 3)));
		assertThat(CountedAttempts.realFigure(PredictionKind.ENTRANTS, counted)).isEqualTo(2L);
	}

	@Test
	void noPredictionHasNoFigureAndAnEmptyRoundHasZero() {
		assertThat(CountedAttempts.realFigure(PredictionKind.NONE, List.of(attempt(1, 1, 1, 1, 1, 1)))).isNull();
		assertThat(CountedAttempts.realFigure(PredictionKind.PERFECT_SCORES, List.of())).isZero();
		assertThat(CountedAttempts.realFigure(PredictionKind.ENTRANTS, List.of())).isZero();
	}

	@Test
	void aRoundWithoutQuestionsHasNoPerfectScore() {
		assertThat(attempt(1, 1, 0, 0, 1, 1).perfect()).isFalse();
	}
}
