package vn.quizfest.server.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.quizfest.server.leaderboard.Leaderboard.Standing;

/** What every leaderboard adapter must do; each adapter's test extends this. */
abstract class LeaderboardContract {

	abstract Leaderboard leaderboard();

	final String game = "g" + UUID.randomUUID();

	@Test
	void pointsAccumulateAndTheNewScoreIsReturned() {
		assertThat(leaderboard().addPoints(game, "an", 900)).isEqualTo(900);
		assertThat(leaderboard().addPoints(game, "an", 650)).isEqualTo(1550);
		assertThat(leaderboard().addPoints(game, "an", 0)).isEqualTo(1550);
	}

	@Test
	void higherScoresRankFirstAndEqualScoresByPlayerId() {
		leaderboard().addPoints(game, "chi", 500);
		leaderboard().addPoints(game, "binh", 1200);
		leaderboard().addPoints(game, "an", 500);
		leaderboard().addPoints(game, "dung", 0);

		assertThat(leaderboard().top(game, 10)).containsExactly(new Standing("binh", 1200, 1),
				new Standing("an", 500, 2), new Standing("chi", 500, 3), new Standing("dung", 0, 4));
		assertThat(leaderboard().top(game, 2)).extracting(Standing::playerId).containsExactly("binh", "an");
		assertThat(leaderboard().standingOf(game, "chi")).contains(new Standing("chi", 500, 3));
		assertThat(leaderboard().size(game)).isEqualTo(4);
	}

	@Test
	void unknownGamesAndPlayersAreEmpty() {
		assertThat(leaderboard().top(game, 5)).isEmpty();
		assertThat(leaderboard().standingOf(game, "nobody")).isEmpty();
		assertThat(leaderboard().size(game)).isZero();
		assertThat(leaderboard().top(game, 0)).isEmpty();
	}

	@Test
	void gamesAreSeparateAndRemovable() {
		String other = game + "-other";
		leaderboard().addPoints(game, "an", 100);
		leaderboard().addPoints(other, "an", 300);

		leaderboard().remove(other);

		assertThat(leaderboard().standingOf(game, "an")).contains(new Standing("an", 100, 1));
		assertThat(leaderboard().size(other)).isZero();
	}

	@Test
	void manyPlayersKeepAConsistentOrder() {
		for (int i = 0; i < 500; i++) {
			leaderboard().addPoints(game, "p%03d".formatted(i), (i * 37L) % 1000);
		}

		var top = leaderboard().top(game, 500);
		assertThat(top).hasSize(500);
		for (int i = 1; i < top.size(); i++) {
			Standing before = top.get(i - 1);
			Standing after = top.get(i);
			assertThat(before.score() > after.score()
					|| before.score() == after.score() && before.playerId().compareTo(after.playerId()) < 0)
				.as("%s before %s", before, after)
				.isTrue();
			assertThat(leaderboard().standingOf(game, after.playerId())).contains(after);
		}
	}
}
