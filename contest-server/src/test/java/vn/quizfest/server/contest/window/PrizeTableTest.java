package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Prizes by rank: one first, two second, three third, five consolation. */
class PrizeTableTest {

	static final List<PrizeTable.Prize> WEEKLY = List.of(new PrizeTable.Prize("Nhất", 1, 10), new PrizeTable.Prize("Nhì", 2, 8),
			new PrizeTable.Prize("Ba", 3, 6), new PrizeTable.Prize("Khuyến khích", 5, 0));

	@Test
	void placesGoInRankOrder() {
		int[] won = PrizeTable.allocate(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), WEEKLY);
		assertThat(won).containsExactly(0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, -1, -1);
	}

	@Test
	void aSharedRankSharesThePrizeOfItsFirstPlaceAndUsesUpThePlaces() {
		// Two share rank 1: both first; the next is rank 3 and takes place 3 (second prize's last place).
		int[] won = PrizeTable.allocate(List.of(1, 1, 3, 4, 4, 4, 4), WEEKLY);
		assertThat(won).containsExactly(0, 0, 1, 2, 2, 2, 2);
	}

	@Test
	void aTieAcrossTheLastPlaceGivesEveryoneInItThePrize() {
		int[] won = PrizeTable.allocate(List.of(1, 2, 2, 2), List.of(new PrizeTable.Prize("Nhất", 1, 10),
				new PrizeTable.Prize("Nhì", 1, 8)));
		assertThat(won).containsExactly(0, 1, 1, 1);
	}

	@Test
	void fewerEntrantsThanPrizesLeavesPrizesUnawardedAndNoTableAwardsNothing() {
		assertThat(PrizeTable.allocate(List.of(1, 2), WEEKLY)).containsExactly(0, 1);
		assertThat(PrizeTable.allocate(List.of(1, 2), List.of())).containsExactly(-1, -1);
		assertThat(PrizeTable.allocate(List.of(), WEEKLY)).isEmpty();
	}

	@Test
	void aPrizeIsGivenAtLeastOnce() {
		assertThatThrownBy(() -> new PrizeTable.Prize("Nhất", 0, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PrizeTable.Prize("Nhất", 1, -1)).isInstanceOf(IllegalArgumentException.class);
	}
}
