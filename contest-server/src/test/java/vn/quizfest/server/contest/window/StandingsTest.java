package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The tie-break ranking: each level decides only when the ones before it are equal; full ties share a rank. */
class StandingsTest {

	static Standings.Entry entry(long id, int score, Long distance, long timeUsed, long submittedAt) {
		return new Standings.Entry(id, id * 10, score, distance, timeUsed, submittedAt);
	}

	static List<Long> order(List<Standings.Ranked> ranked) {
		return ranked.stream().map(r -> r.entry().attemptId()).toList();
	}

	static List<Integer> ranks(List<Standings.Ranked> ranked) {
		return ranked.stream().map(Standings.Ranked::rank).toList();
	}

	@Test
	void higherScoreComesFirst() {
		var ranked = Standings.rank(List.of(entry(1, 50, 0L, 100, 1), entry(2, 90, 99L, 900, 9)), TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(2L, 1L);
		assertThat(ranks(ranked)).containsExactly(1, 2);
	}

	@Test
	void equalScoresAreDecidedByThePredictionsDistance() {
		var ranked = Standings.rank(List.of(entry(1, 80, 12L, 100, 1), entry(2, 80, 3L, 900, 9)), TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(2L, 1L);
	}

	@Test
	void noPredictionComesAfterEveryPrediction() {
		var ranked = Standings.rank(List.of(entry(1, 80, null, 1, 1), entry(2, 80, 1_000_000L, 900, 9)), TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(2L, 1L);
	}

	@Test
	void equalScoreAndPredictionAreDecidedByTheTimeUsed() {
		var ranked = Standings.rank(List.of(entry(1, 80, 5L, 300_000, 1), entry(2, 80, 5L, 120_000, 9)), TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(2L, 1L);
	}

	@Test
	void thenTheEarlierSubmissionWins() {
		var ranked = Standings.rank(List.of(entry(1, 80, 5L, 120_000, 2_000), entry(2, 80, 5L, 120_000, 1_000)),
				TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(2L, 1L);
		assertThat(ranks(ranked)).containsExactly(1, 2);
	}

	@Test
	void entrantsEqualOnEveryLevelShareARankAndTheNextRankSkips() {
		var ranked = Standings.rank(List.of(entry(3, 80, 5L, 120, 7), entry(1, 90, 0L, 1, 1), entry(2, 80, 5L, 120, 7),
				entry(4, 70, 0L, 1, 1)), TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(1L, 2L, 3L, 4L);
		assertThat(ranks(ranked)).containsExactly(1, 2, 2, 4);
	}

	@Test
	void tiesAtEachLevelFallThroughToTheNext() {
		// Same score: prediction decides 1 vs {2,3}; 2 and 3 equal on prediction: time decides.
		var ranked = Standings.rank(List.of(entry(1, 80, 9L, 10, 1), entry(2, 80, 2L, 50, 1), entry(3, 80, 2L, 40, 1)),
				TieBreak.DEFAULT);
		assertThat(order(ranked)).containsExactly(3L, 2L, 1L);
		assertThat(ranks(ranked)).containsExactly(1, 2, 3);
	}

	@Test
	void theOrderIsTheOrganisersChoice() {
		List<Standings.Entry> entries = List.of(entry(1, 80, 0L, 300, 1), entry(2, 70, 9L, 100, 2));
		assertThat(order(Standings.rank(entries, List.of(TieBreak.TIME_USED, TieBreak.SCORE)))).containsExactly(2L, 1L);
		assertThat(order(Standings.rank(entries, List.of(TieBreak.SUBMITTED_AT)))).containsExactly(1L, 2L);
		// Levels left out do not count: equal on the chosen ones is a shared rank.
		var shared = Standings.rank(List.of(entry(1, 80, 0L, 300, 1), entry(2, 80, 9L, 100, 2)), List.of(TieBreak.SCORE));
		assertThat(ranks(shared)).containsExactly(1, 1);
	}

	@Test
	void theDistanceIsAbsoluteAndNeedsBothFigures() {
		assertThat(Standings.distance(10L, 14L)).isEqualTo(4L);
		assertThat(Standings.distance(20L, 14L)).isEqualTo(6L);
		assertThat(Standings.distance(null, 14L)).isNull();
		assertThat(Standings.distance(3L, null)).isNull();
	}

	@Test
	void theInputIsLeftAsItWas() {
		List<Standings.Entry> entries = new java.util.ArrayList<>(List.of(entry(1, 10, 0L, 1, 1), entry(2, 20, 0L, 1, 1)));
		Standings.rank(entries, TieBreak.DEFAULT);
		assertThat(entries.get(0).attemptId()).isEqualTo(1L);
	}
}
