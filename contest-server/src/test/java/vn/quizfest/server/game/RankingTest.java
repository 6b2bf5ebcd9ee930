package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.game.Fixtures.single;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.Points;

class RankingTest {

	private static Player player(int number, String nickname) {
		return new Player(number, nickname, nickname.toLowerCase(Locale.ROOT), "token-" + number, 0);
	}

	/** Adds one scored answer: points, and the response time when it was fully correct. */
	private static void scored(Player player, int points, boolean correct, long responseMillis) {
		player.apply(new Outcome(player.number(), true, correct, correct ? 1 : 0.5, points, 0, correct ? 1 : 0,
				responseMillis, null, -1), true);
	}

	@Test
	void higherScoreFirstThenLessTimeOnCorrectAnswersThenEarlierJoin() {
		Player an = player(1, "An");
		Player binh = player(2, "Bình");
		Player chi = player(3, "Chi");
		Player dung = player(4, "Dũng");
		Player em = player(5, "Em");
		scored(em, 2000, true, 9_000);
		scored(dung, 1500, true, 4_000);
		scored(chi, 1500, true, 3_000);
		scored(binh, 1500, true, 4_000);
		scored(an, 1499, true, 1);

		assertThat(Ranking.rank(List.of(an, binh, chi, dung, em))).containsExactly(
				new Standing(1, 5, "Em", 2000, 1, 9_000), new Standing(2, 3, "Chi", 1500, 1, 3_000),
				new Standing(3, 2, "Bình", 1500, 1, 4_000), new Standing(4, 4, "Dũng", 1500, 1, 4_000),
				new Standing(5, 1, "An", 1499, 1, 1));
	}

	@Test
	void theOrderDoesNotDependOnTheOrderPlayersAreGivenIn() {
		Player an = player(1, "An");
		Player binh = player(2, "Bình");
		Player chi = player(3, "Chi");
		assertThat(Ranking.rank(List.of(chi, binh, an))).extracting(Standing::player).containsExactly(1, 2, 3);
		assertThat(Ranking.rank(List.of(chi, binh, an))).extracting(Standing::rank).containsExactly(1, 2, 3);
	}

	@Test
	void onlyFullyCorrectAnswersCountTowardsTheTimeTieBreak() {
		Player an = player(1, "An");
		Player binh = player(2, "Bình");
		// The same 1000 points: An from one slow correct answer, Bình from two half-right answers.
		scored(an, 1000, true, 15_000);
		scored(binh, 500, false, 1_000);
		scored(binh, 500, false, 1_000);
		assertThat(binh.correctMillis()).isZero();
		assertThat(Ranking.rank(List.of(an, binh))).extracting(Standing::nickname).containsExactly("Bình", "An");
	}

	@Test
	void kickedPlayersAreLeftOutAndTheRanksCloseUp() {
		Player an = player(1, "An");
		Player binh = player(2, "Bình");
		Player chi = player(3, "Chi");
		scored(an, 900, true, 1_000);
		scored(binh, 800, true, 1_000);
		scored(chi, 700, true, 1_000);
		an.kick();
		assertThat(Ranking.rank(List.of(an, binh, chi))).containsExactly(new Standing(1, 2, "Bình", 800, 1, 1_000),
				new Standing(2, 3, "Chi", 700, 1, 1_000));
	}

	@Test
	void inAGameEqualScoresGoToTheFasterThenToTheEarlierJoiner() {
		TestGame g = new TestGame(Fixtures.instant().withScoring(ScoringMode.ACCURACY, false),
				single(0, 20, Points.STANDARD, 0), single(1, 20, Points.STANDARD, 0));
		Player an = g.join("An");
		Player binh = g.join("Bình");
		Player chi = g.join("Chi");
		Player dung = g.join("Dũng");
		g.next();
		long opensAt = g.hosted.opensAt();
		g.answerAt(opensAt + 1_000, chi, Submission.choice(0));
		g.answerAt(opensAt + 3_000, binh, Submission.choice(0));
		g.answerAt(opensAt + 3_000, an, Submission.choice(0));
		g.answerAt(opensAt + 3_500, dung, Submission.choice(0));
		g.tick();
		g.next();
		g.next();
		opensAt = g.hosted.opensAt();
		g.answerAt(opensAt + 500, dung, Submission.choice(0));
		g.answerAt(opensAt + 1_000, binh, Submission.choice(0));
		g.answerAt(opensAt + 1_000, an, Submission.choice(1));
		g.answerAt(opensAt + 2_000, chi, Submission.choice(0));
		g.tick();
		// Every correct answer scores 1000 in accuracy mode: three players have 2000, Chi in the least time,
		// Bình and Dũng in the same time, Bình joined first.
		assertThat(g.closed().standings()).containsExactly(new Standing(1, chi.number(), "Chi", 2000, 2, 3_000),
				new Standing(2, binh.number(), "Bình", 2000, 2, 4_000),
				new Standing(3, dung.number(), "Dũng", 2000, 2, 4_000),
				new Standing(4, an.number(), "An", 1000, 1, 3_000));
	}
}
