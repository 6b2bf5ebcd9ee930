package vn.quizfest.server.contest.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Units' standing in a round. A unit counts its own entrants and those of every unit below it; its
 * participation rate is entrants / population (its own population, or the sum of its children's when
 * it has none); its points are the rate as a percentage plus the unit points of its members' prizes.
 * Units are ranked among their siblings (the communes of the province, the schools of a commune):
 * more points first, then the higher rate; equal on both, they share a rank.
 */
final class UnitPoints {

	record Unit(String code, @Nullable String parentCode, @Nullable Long population) {
	}

	record Standing(String code, @Nullable String parentCode, long entrants, long population,
			double participationRate, long prizePoints, double points, int rank) {
	}

	private UnitPoints() {
	}

	/**
	 * @param entrants entrants of the round per unit code, each counted in their own unit only
	 * @param prizePoints unit points of prizes won per unit code, each in the winner's own unit only
	 */
	static List<Standing> score(List<Unit> units, Map<String, Long> entrants, Map<String, Long> prizePoints) {
		Map<String, Unit> byCode = new LinkedHashMap<>();
		units.forEach(unit -> byCode.put(unit.code(), unit));
		Map<String, List<String>> children = new HashMap<>();
		List<String> roots = new ArrayList<>();
		for (Unit unit : units) {
			if (unit.parentCode() != null && byCode.containsKey(unit.parentCode())) {
				children.computeIfAbsent(unit.parentCode(), key -> new ArrayList<>()).add(unit.code());
			}
			else {
				roots.add(unit.code());
			}
		}
		Map<String, long[]> totals = new HashMap<>();
		// Children before parents, without recursion: a deep or long list cannot overflow the stack.
		List<String> order = new ArrayList<>();
		List<String> stack = new ArrayList<>(roots);
		while (!stack.isEmpty()) {
			String code = stack.remove(stack.size() - 1);
			order.add(code);
			stack.addAll(children.getOrDefault(code, List.of()));
		}
		for (int i = order.size() - 1; i >= 0; i--) {
			String code = order.get(i);
			Unit unit = byCode.get(code);
			long ownEntrants = entrants.getOrDefault(code, 0L);
			long ownPoints = prizePoints.getOrDefault(code, 0L);
			long childPopulation = 0;
			for (String child : children.getOrDefault(code, List.of())) {
				long[] t = totals.get(child);
				ownEntrants += t[0];
				ownPoints += t[1];
				childPopulation += t[2];
			}
			long population = unit.population() != null ? unit.population() : childPopulation;
			totals.put(code, new long[] { ownEntrants, ownPoints, population });
		}
		List<Standing> unranked = new ArrayList<>();
		for (Unit unit : units) {
			long[] t = totals.get(unit.code());
			if (t == null) {
				continue; // part of a parent cycle: not reachable from a root, left out
			}
			double rate = t[2] > 0 ? (double) t[0] / t[2] : 0;
			unranked.add(new Standing(unit.code(), unit.parentCode(), t[0], t[2], rate, t[1], rate * 100 + t[1], 0));
		}
		Comparator<Standing> order2 = Comparator.comparingDouble(Standing::points)
			.reversed()
			.thenComparing(Comparator.comparingDouble(Standing::participationRate).reversed());
		Map<String, List<Standing>> siblings = new LinkedHashMap<>();
		for (Standing standing : unranked) {
			siblings.computeIfAbsent(String.valueOf(standing.parentCode()), key -> new ArrayList<>()).add(standing);
		}
		Map<String, Integer> ranks = new HashMap<>();
		for (List<Standing> group : siblings.values()) {
			group.sort(order2.thenComparing(Standing::code));
			int rank = 0;
			for (int i = 0; i < group.size(); i++) {
				if (i == 0 || order2.compare(group.get(i - 1), group.get(i)) != 0) {
					rank = i + 1;
				}
				ranks.put(group.get(i).code(), rank);
			}
		}
		return unranked.stream()
			.map(s -> new Standing(s.code(), s.parentCode(), s.entrants(), s.population(), s.participationRate(),
					s.prizePoints(), s.points(), ranks.get(s.code())))
			.toList();
	}
}
