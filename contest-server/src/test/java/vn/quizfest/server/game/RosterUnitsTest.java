package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Players carry the unit they play for: chosen at join, kept on resume, listed by unit. */
class RosterUnitsTest {

	private static final List<Unit> UNITS = List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10A2", "Lớp 10A2"));

	private static String refusal(Runnable action) {
		return catchThrowableOfType(Game.Refusal.class, action::run).code();
	}

	@Test
	void aPlayerJoinsForAUnitOfTheListAndTheRosterListsPlayersByUnit() {
		Roster roster = new Roster(Nicknames.standard(), 100, UNITS);
		Player lan = roster.join("Lan", "t1", "10A1", 0);
		Player minh = roster.join("Minh", "t2", "10a2", 0); // ids compare without case
		Player hoa = roster.join("Hoa", "t3", " 10A1 ", 0);

		assertThat(lan.unit()).isEqualTo(UNITS.get(0));
		assertThat(minh.unit()).isEqualTo(UNITS.get(1));
		assertThat(roster.hasUnits()).isTrue();
		assertThat(roster.units()).containsExactlyElementsOf(UNITS);
		assertThat(roster.playersOf("10A1")).containsExactly(lan, hoa);
		assertThat(roster.playersOf("10A2")).containsExactly(minh);
		assertThat(roster.playersOf("9B")).isEmpty();
		assertThat(roster.byUnit()).containsOnlyKeys(UNITS).containsEntry(UNITS.get(0), List.of(lan, hoa));
	}

	@Test
	void inAGameWithUnitsAMissingOrUnknownUnitIsRefusedAndTakesNoSeat() {
		Roster roster = new Roster(Nicknames.standard(), 100, UNITS);
		assertThat(refusal(() -> roster.join("Lan", "t1", null, 0))).isEqualTo("UNIT_REQUIRED");
		assertThat(refusal(() -> roster.join("Lan", "t1", "  ", 0))).isEqualTo("UNIT_REQUIRED");
		assertThat(refusal(() -> roster.join("Lan", "t1", "12C9", 0))).isEqualTo("UNIT_UNKNOWN");
		assertThat(roster.activeCount()).isZero();
		// The refused nickname is still free.
		assertThat(roster.join("Lan", "t1", "10A2", 0).number()).isEqualTo(1);
	}

	@Test
	void aGameWithoutUnitsIgnoresAUnitSoAPhoneThatSendsOneStillJoins() {
		Roster roster = new Roster(Nicknames.standard(), 100);
		Player lan = roster.join("Lan", "t1", "10A1", 0);
		assertThat(lan.unit()).isNull();
		assertThat(roster.hasUnits()).isFalse();
		assertThat(roster.byUnit()).isEmpty();
		assertThat(roster.playersOf("10A1")).isEmpty();
	}

	@Test
	void aUnitListedTwiceIsABadList() {
		assertThatThrownBy(() -> new Roster(Nicknames.standard(), 100,
				List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10a1", "Lớp 10A1 (bis)"))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Unit(" ", "x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Unit("a".repeat(41), "x")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aResumedPlayerKeepsItsUnitAndAKickedOneStaysListed() {
		Roster roster = new Roster(Nicknames.standard(), 100, UNITS);
		Player lan = roster.join("Lan", "t1", "10A1", 0);
		roster.disconnect(lan.number());
		Player back = roster.resumable("t1");
		roster.connect(back);
		assertThat(back).isSameAs(lan);
		assertThat(back.unit()).isEqualTo(UNITS.get(0));
		roster.kick(lan.number());
		assertThat(roster.playersOf("10A1")).containsExactly(lan);
		assertThat(roster.playersOf("10A1").get(0).kicked()).isTrue();
	}
}
