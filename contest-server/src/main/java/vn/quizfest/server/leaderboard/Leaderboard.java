package vn.quizfest.server.leaderboard;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The live standings of each game, readable from any node. Order: higher score first, then less
 * total time spent on correct answers, then earlier join (lower player number); the same order as
 * the engine's ranking, in both adapters. Ranks start at 1.
 *
 * <p>The game's node records everyone's totals once per question in one call, so a question never
 * causes a storm of per-player writes.
 */
public interface Leaderboard {

	/** Records (adds or replaces) these players' totals in one call. */
	void record(String gameId, Collection<Entry> entries);

	/** The first {@code count} standings. */
	List<Standing> top(String gameId, int count);

	Optional<Standing> standingOf(String gameId, int player);

	/** How many players are on the board. */
	long size(String gameId);

	/** Forgets a finished game. */
	void remove(String gameId);

	/**
	 * A player's totals. Scores up to 2^23 and correct-answer times up to 2^30 ms are supported
	 * (a game of 100 double-points questions stays far below both).
	 */
	record Entry(int player, long score, long correctMillis) {

		public static final long MAX_SCORE = (1L << 23) - 1;

		public static final long MAX_CORRECT_MILLIS = (1L << 30) - 1;

		public Entry {
			if (player < 1 || score < 0 || score > MAX_SCORE || correctMillis < 0 || correctMillis > MAX_CORRECT_MILLIS) {
				throw new IllegalArgumentException("Leaderboard entry out of range: " + player + "/" + score + "/"
						+ correctMillis);
			}
		}
	}

	record Standing(int player, long score, long correctMillis, long rank) {
	}
}
