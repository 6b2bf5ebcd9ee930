package vn.quizfest.server.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.quizfest.server.leaderboard.Leaderboard.Entry;
import vn.quizfest.server.leaderboard.Leaderboard.Standing;

/** What every leaderboard adapter must do; each adapter's test extends this. */
abstract class LeaderboardContract {

	abstract Leaderboard leaderboard();

	final String game = "g" + UUID.randomUUID();

	@Test
	void recordingReplacesAPlayersTotals() {
		leaderboard().record(game, List.of(new Entry(1, 900, 3000)));
		leaderboard().record(game, List.of(new Entry(1, 1550, 7000)));

		assertThat(leaderboard().standingOf(game, 1)).contains(new Standing(1, 1550, 7000, 1));
		assertThat(leaderboard().size(game)).isEqualTo(1);
	}

	@Test
	void higherScoresFirstThenLessCorrectTimeThenEarlierJoin() {
		leaderboard().record(game, List.of(new Entry(3, 500, 9000), new Entry(2, 1200, 20000),
				new Entry(1, 500, 9000), new Entry(4, 500, 4000), new Entry(5, 0, 0)));

		assertThat(leaderboard().top(game, 10)).containsExactly(new Standing(2, 1200, 20000, 1),
				new Standing(4, 500, 4000, 2), new Standing(1, 500, 9000, 3), new Standing(3, 500, 9000, 4),
				new Standing(5, 0, 0, 5));
		assertThat(leaderboard().top(game, 2)).extracting(Standing::player).containsExactly(2, 4);
		assertThat(leaderboard().standingOf(game, 3)).contains(new Standing(3, 500, 9000, 4));
		assertThat(leaderboard().size(game)).isEqualTo(5);
	}

	@Test
	void extremeValuesSurviveTheRoundTrip() {
		long maxScore = Entry.MAX_SCORE;
		long maxMillis = Entry.MAX_CORRECT_MILLIS;
		leaderboard().record(game, List.of(new Entry(1, maxScore, maxMillis), new Entry(2, maxScore, maxMillis - 1),
				new Entry(99_999_999, 0, maxMillis)));

		assertThat(leaderboard().top(game, 3)).containsExactly(new Standing(2, maxScore, maxMillis - 1, 1),
				new Standing(1, maxScore, maxMillis, 2), new Standing(99_999_999, 0, maxMillis, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> new Entry(1, maxScore + 1, 0));
	}

	@Test
	void unknownGamesAndPlayersAreEmpty() {
		assertThat(leaderboard().top(game, 5)).isEmpty();
		assertThat(leaderboard().standingOf(game, 7)).isEmpty();
		assertThat(leaderboard().size(game)).isZero();
		assertThat(leaderboard().top(game, 0)).isEmpty();
		leaderboard().record(game, List.of());
		assertThat(leaderboard().size(game)).isZero();
	}

	@Test
	void gamesAreSeparateAndRemovable() {
		String other = game + "-other";
		leaderboard().record(game, List.of(new Entry(1, 100, 0)));
		leaderboard().record(other, List.of(new Entry(1, 300, 0)));

		leaderboard().remove(other);

		assertThat(leaderboard().standingOf(game, 1)).contains(new Standing(1, 100, 0, 1));
		assertThat(leaderboard().size(other)).isZero();
	}

	@Test
	void tenThousandPlayersInOneCallKeepAConsistentOrder() {
		List<Entry> entries = new ArrayList<>();
		for (int i = 1; i <= 10_000; i++) {
			entries.add(new Entry(i, (i * 37L) % 1000 * 10, (i * 13L) % 5000));
		}
		leaderboard().record(game, entries);

		var top = leaderboard().top(game, 10_000);
		assertThat(top).hasSize(10_000);
		for (int i = 1; i < top.size(); i++) {
			Standing before = top.get(i - 1);
			Standing after = top.get(i);
			assertThat(before.score() > after.score() || before.score() == after.score()
					&& (before.correctMillis() < after.correctMillis()
							|| before.correctMillis() == after.correctMillis() && before.player() < after.player()))
				.as("%s before %s", before, after)
				.isTrue();
			assertThat(after.rank()).isEqualTo(i + 1);
		}
		assertThat(leaderboard().standingOf(game, top.get(4321).player())).contains(top.get(4321));
	}
}
