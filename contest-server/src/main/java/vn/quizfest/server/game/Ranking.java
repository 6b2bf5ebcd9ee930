package vn.quizfest.server.game;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Ranks players: higher score first, then less total time on correct answers, then earlier join. */
public final class Ranking {

	public static final Comparator<Player> ORDER = Comparator.comparingLong(Player::score)
		.reversed()
		.thenComparingLong(Player::correctMillis)
		.thenComparingInt(Player::number);

	private Ranking() {
	}

	/** Every player (kicked ones excluded) in rank order; ranks are 1, 2, 3... with no shared places. */
	public static List<Standing> rank(Collection<Player> players) {
		List<Player> ordered = new ArrayList<>(players.size());
		for (Player player : players) {
			if (!player.kicked()) {
				ordered.add(player);
			}
		}
		ordered.sort(ORDER);
		List<Standing> standings = new ArrayList<>(ordered.size());
		for (Player player : ordered) {
			standings.add(new Standing(standings.size() + 1, player.number(), player.nickname(), player.score(),
					player.correctCount(), player.correctMillis()));
		}
		return standings;
	}
}
