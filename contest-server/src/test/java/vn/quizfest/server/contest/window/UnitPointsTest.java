package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Units: participation rate (entrants / population) as a percentage plus their members' prize points. */
class UnitPointsTest {

	static final List<UnitPoints.Unit> PROVINCE = List.of(new UnitPoints.Unit("T", null, null),
			new UnitPoints.Unit("X1", "T", 1000L), new UnitPoints.Unit("X2", "T", 500L), new UnitPoints.Unit("X3", "T", 0L),
			new UnitPoints.Unit("S1", "X1", 100L), new UnitPoints.Unit("S2", "X1", 100L));

	static Map<String, UnitPoints.Standing> byCode(List<UnitPoints.Standing> standings) {
		return standings.stream().collect(Collectors.toMap(UnitPoints.Standing::code, Function.identity()));
	}

	@Test
	void aUnitCountsItsOwnEntrantsAndThoseBelowIt() {
		var s = byCode(UnitPoints.score(PROVINCE, Map.of("X1", 40L, "S1", 10L, "S2", 50L, "X2", 25L), Map.of()));
		assertThat(s.get("S1").entrants()).isEqualTo(10);
		assertThat(s.get("X1").entrants()).isEqualTo(100);
		assertThat(s.get("X1").participationRate()).isCloseTo(0.10, within(1e-9));
		assertThat(s.get("T").entrants()).isEqualTo(125);
		// No population of its own: the sum of its children's.
		assertThat(s.get("T").population()).isEqualTo(1500);
	}

	@Test
	void pointsAreTheRateInPercentPlusPrizePoints() {
		var s = byCode(UnitPoints.score(PROVINCE, Map.of("X1", 100L, "X2", 100L), Map.of("X1", 10L, "S1", 8L, "X2", 6L)));
		assertThat(s.get("X1").prizePoints()).isEqualTo(18);
		assertThat(s.get("X1").points()).isCloseTo(10.0 + 18, within(1e-9));
		assertThat(s.get("X2").points()).isCloseTo(20.0 + 6, within(1e-9));
		assertThat(s.get("X1").rank()).isEqualTo(1);
		assertThat(s.get("X2").rank()).isEqualTo(2);
	}

	@Test
	void unitsAreRankedAmongTheirSiblingsAndEqualUnitsShareARank() {
		var s = byCode(UnitPoints.score(PROVINCE, Map.of("S1", 5L, "S2", 5L), Map.of()));
		assertThat(s.get("S1").rank()).isEqualTo(1);
		assertThat(s.get("S2").rank()).isEqualTo(1);
		assertThat(s.get("T").rank()).isEqualTo(1);
		// X1 holds S1 and S2 (10 of 1000 = 1 %); X2 and X3 have nobody and share the next rank.
		assertThat(s.get("X1").rank()).isEqualTo(1);
		assertThat(s.get("X2").rank()).isEqualTo(2);
		assertThat(s.get("X3").rank()).isEqualTo(2);
	}

	@Test
	void aZeroOrUnknownPopulationHasARateOfZero() {
		var s = byCode(UnitPoints.score(List.of(new UnitPoints.Unit("A", null, 0L), new UnitPoints.Unit("B", null, null)),
				Map.of("A", 3L, "B", 4L), Map.of()));
		assertThat(s.get("A").participationRate()).isZero();
		assertThat(s.get("B").participationRate()).isZero();
	}

	@Test
	void equalPointsAreDecidedByTheHigherRate() {
		// X1: 10 % + 10 points = 20; X2: 20 % + 0 points = 20. The higher rate goes first.
		var s = byCode(UnitPoints.score(PROVINCE, Map.of("X1", 100L, "X2", 100L), Map.of("X1", 10L)));
		assertThat(s.get("X1").points()).isCloseTo(s.get("X2").points(), within(1e-9));
		assertThat(s.get("X2").rank()).isEqualTo(1);
		assertThat(s.get("X1").rank()).isEqualTo(2);
	}
}
