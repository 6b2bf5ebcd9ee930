package vn.quizfest.server.contest.window;

import java.util.ArrayList;
import java.util.List;

/**
 * A round's prizes in order ("one first, two second, three third, five consolation") and who wins
 * them. Places are handed out by rank: the entrant ranked r takes place r. Entrants who share a rank
 * share the prize of the first place of their group, and the places they fill are used up, so the
 * next entrant takes the place after the group.
 */
final class PrizeTable {

	/** {@code unitPoints}: what one such prize adds to the winner's unit (first 10, second 8, third 6). */
	record Prize(String name, int count, int unitPoints) {

		Prize {
			if (count < 1 || unitPoints < 0) {
				throw new IllegalArgumentException("A prize is given at least once and adds no negative points");
			}
		}
	}

	private PrizeTable() {
	}

	/** The prize index (into {@code prizes}) of each rank given, or -1 for none, in the same order. */
	static int[] allocate(List<Integer> ranks, List<Prize> prizes) {
		List<Integer> places = new ArrayList<>();
		for (int i = 0; i < prizes.size(); i++) {
			for (int n = 0; n < prizes.get(i).count(); n++) {
				places.add(i);
			}
		}
		int[] won = new int[ranks.size()];
		for (int i = 0; i < ranks.size(); i++) {
			int place = ranks.get(i) - 1;
			won[i] = place >= 0 && place < places.size() ? places.get(place) : -1;
		}
		return won;
	}
}
