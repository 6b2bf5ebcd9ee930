package vn.quizfest.server.game.ranking;

import java.util.Collection;
import java.util.List;

import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Ranking;
import vn.quizfest.server.game.Standing;

/**
 * How a format turns its players into standings. Formats choose one; team play (by unit) and other
 * tie-breaks come as further policies, without a change to the formats that use them.
 */
@FunctionalInterface
public interface RankingPolicy {

	/** Higher score first, then less time on correct answers, then earlier join (see {@link Ranking}). */
	RankingPolicy INDIVIDUAL = Ranking::rank;

	/** Every player taking part (kicked ones excluded), in rank order. */
	List<Standing> rank(Collection<Player> players);
}
