package vn.quizfest.server.game.format.elimination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.ranking.RankingPolicy;

/**
 * Standings of Rung chuông vàng: who is on the floor first, then who fell later, then the points
 * (and time on correct answers) of the classic game among those who fell on the same question;
 * substitutes who never came onto the floor last.
 */
final class EliminationRanking implements RankingPolicy {

	private final Map<Integer, Fate> fates;

	EliminationRanking(Map<Integer, Fate> fates) {
		this.fates = fates;
	}

	private int tier(Player player) {
		Fate fate = fates.get(player.number());
		if (fate == null) {
			return 2;
		}
		return switch (fate.state) {
			case FLOOR -> 0;
			case OUT -> 1;
			case RESERVE -> 2;
		};
	}

	private int fellAt(Player player) {
		Fate fate = fates.get(player.number());
		return fate == null ? -1 : fate.fellAt;
	}

	@Override
	public List<Standing> rank(Collection<Player> players) {
		Comparator<Player> order = Comparator.comparingInt(this::tier)
			.thenComparing(Comparator.comparingInt(this::fellAt).reversed())
			.thenComparing(Comparator.comparingLong(Player::score).reversed())
			.thenComparingLong(Player::correctMillis)
			.thenComparingInt(Player::number);
		List<Player> ordered = new ArrayList<>(players.size());
		for (Player player : players) {
			if (!player.kicked()) {
				ordered.add(player);
			}
		}
		ordered.sort(order);
		List<Standing> standings = new ArrayList<>(ordered.size());
		for (Player player : ordered) {
			standings.add(new Standing(standings.size() + 1, player.number(), player.nickname(), player.score(),
					player.correctCount(), player.correctMillis()));
		}
		return standings;
	}
}
