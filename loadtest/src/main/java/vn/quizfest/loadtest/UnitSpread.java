package vn.quizfest.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A province's unit list as the simulator and the close benchmark make it: one province and N
 * communes, wards and special zones below it (Vietnam's two-level local government), with
 * populations and a participation that is uneven the way published daily reports are: a few large
 * wards bring many entrants, most communes a steady share, some very few (weights fall off as
 * 1/rank^0.8, shuffled so the code order says nothing).
 */
final class UnitSpread {

	static final String PROVINCE = "T01";

	private final List<Unit> communes;

	private final double[] cumulative;

	record Unit(String code, String name, String parentCode, long population) {

		Map<String, Object> json() {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("code", code);
			out.put("name", name);
			out.put("parentCode", parentCode);
			out.put("population", population);
			return out;
		}
	}

	UnitSpread(int count, long seed) {
		Dice dice = new Dice(seed);
		communes = new ArrayList<>(count);
		double[] weights = new double[count];
		Integer[] rank = new Integer[count];
		for (int i = 0; i < count; i++) {
			rank[i] = i;
		}
		// Fisher-Yates over the ranks with the seeded dice: which commune is the busiest is arbitrary.
		for (int i = count - 1; i > 0; i--) {
			int j = (int) (dice.roll(i, 0, 11) * (i + 1));
			Integer swap = rank[i];
			rank[i] = rank[j];
			rank[j] = swap;
		}
		for (int i = 0; i < count; i++) {
			String kind = i % 10 == 0 ? "Phường" : i % 25 == 7 ? "Đặc khu" : "Xã";
			long population = 8_000 + Math.round(dice.roll(i, 1, 12) * 40_000);
			communes.add(new Unit(String.format("X%03d", i + 1), kind + " Thử " + (i + 1), PROVINCE, population));
			weights[i] = 1 / Math.pow(rank[i] + 1, 0.8);
		}
		cumulative = new double[count];
		double sum = 0;
		for (int i = 0; i < count; i++) {
			sum += weights[i];
			cumulative[i] = sum;
		}
		for (int i = 0; i < count; i++) {
			cumulative[i] /= sum;
		}
	}

	/** The province first, then the communes: the list for PUT /api/contests/{id}/units. */
	List<Map<String, Object>> json() {
		List<Map<String, Object>> out = new ArrayList<>();
		long total = communes.stream().mapToLong(Unit::population).sum();
		out.add(new Unit(PROVINCE, "Tỉnh Thử Tải", null, total).json());
		communes.forEach(unit -> out.add(unit.json()));
		return out;
	}

	List<Unit> communes() {
		return communes;
	}

	/** The commune of a uniform number in [0, 1), by the weights. */
	Unit pick(double u) {
		int at = Arrays.binarySearch(cumulative, u);
		int index = at >= 0 ? at : -at - 1;
		return communes.get(Math.min(index, communes.size() - 1));
	}
}
