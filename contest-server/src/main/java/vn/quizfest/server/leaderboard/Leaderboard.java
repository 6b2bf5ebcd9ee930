package vn.quizfest.server.leaderboard;

import java.util.List;
import java.util.Optional;

/**
 * The live scores of each game. Order: higher score first; equal scores by player id, so the
 * order is the same on every node and in both adapters. Ranks start at 1.
 */
public interface Leaderboard {

	/** Adds points (zero is allowed: it puts the player on the board) and returns the new score. */
	long addPoints(String gameId, String playerId, long points);

	/** The first {@code count} standings. */
	List<Standing> top(String gameId, int count);

	Optional<Standing> standingOf(String gameId, String playerId);

	/** How many players are on the board. */
	long size(String gameId);

	/** Forgets a finished game. */
	void remove(String gameId);

	record Standing(String playerId, long score, long rank) {
	}
}
