package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent.FloorCause;
import vn.quizfest.server.game.GameEvent.FloorChanged;
import vn.quizfest.server.game.GameEvent.GoldenBellAwarded;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.EliminationSettings;
import vn.quizfest.server.game.format.elimination.EliminationSettings.AllFallRule;
import vn.quizfest.server.game.format.elimination.EliminationSettings.Badge;
import vn.quizfest.server.game.format.elimination.FloorState;
import vn.quizfest.server.game.format.elimination.PlayerFate;

/** Rung chuông vàng, engine only, with the clock moved by hand. */
class EliminationFormatTest {

	/** Single-choice questions whose right option is 1; answer 1 to stay, 0 to fall. */
	private static final int RIGHT = 1;

	private static final int WRONG = 0;

	/** A game of this format under test: the clock is {@code now}, every event is kept. */
	private static final class Elim {

		long now = 1_000_000L;

		final Game game;

		final EliminationFormat format;

		final List<GameEvent> events = new ArrayList<>();

		Elim(EliminationSettings rules, int questions) {
			List<GameQuestion> list = new ArrayList<>();
			for (int i = 0; i < questions; i++) {
				list.add(Fixtures.single(i, 30, Points.STANDARD, RIGHT));
			}
			game = Game.create("elim", list, Fixtures.instant().withElimination(rules), Nicknames.standard(), now);
			format = (EliminationFormat) game.format();
		}

		Decision handle(GameCommand command) {
			Decision decision = game.handle(command, now);
			events.addAll(decision.events());
			return decision;
		}

		Player join(String nickname) {
			Decision decision = handle(new GameCommand.Join(nickname, "token-" + nickname));
			if (decision.reply() instanceof Reply.Refused refused) {
				throw new Game.Refusal(refused.code());
			}
			return ((Reply.Joined) decision.reply()).player();
		}

		String refusedJoin(String nickname) {
			return ((Reply.Refused) handle(new GameCommand.Join(nickname, "token-x-" + nickname)).reply()).code();
		}

		Decision host(HostAction action) {
			return handle(GameCommand.Host.of(action));
		}

		Decision revive(Integer player) {
			return handle(new GameCommand.Host(HostAction.REVIVE, player, null, null));
		}

		AnswerReceipt answer(int player, int choice) {
			now += 10;
			Decision decision = handle(new GameCommand.Answer(player, current(), Submission.choice(choice)));
			handle(new GameCommand.Tick());
			return ((Reply.Answered) decision.reply()).receipt();
		}

		int current() {
			return game.currentQuestion().orElseThrow().index();
		}

		/** Closes the open question at its deadline and goes on to the next one (or the bell). */
		void closeAndGoOn() {
			if (game.phase() == Phase.OPEN) {
				now += 31_000;
				handle(new GameCommand.Tick());
			}
			assertThat(game.phase()).isEqualTo(Phase.CLOSED);
			ok(host(HostAction.NEXT));
			ok(host(HostAction.NEXT));
		}

		FloorState state(Player player) {
			return format.fate(player.number()).orElseThrow().state();
		}

		List<FloorChanged> floorChanges() {
			return events.stream().filter(FloorChanged.class::isInstance).map(FloorChanged.class::cast).toList();
		}

		static void ok(Decision decision) {
			assertThat(decision.reply()).isNotInstanceOf(Reply.Refused.class);
		}
	}

	private static EliminationSettings rules(List<Integer> rescue, Integer revivalAt, Integer revivalBelow,
			AllFallRule allFall) {
		return new EliminationSettings(15, rescue, revivalAt, revivalBelow, allFall, null, null, null);
	}

	@Test
	void aWrongOrMissingAnswerEliminatesAndTheEliminatedMayNotAnswer() {
		Elim g = new Elim(EliminationSettings.defaults(), 3);
		Player right = g.join("Lan");
		Player wrong = g.join("Minh");
		Player silent = g.join("Hoa");
		Elim.ok(g.host(HostAction.START));
		assertThat(g.game.phase()).isEqualTo(Phase.OPEN);
		assertThat(g.game.currentQuestion().orElseThrow().timeLimitMillis()).as("the game's time per question")
			.isEqualTo(15_000);
		g.answer(right.number(), RIGHT);
		g.answer(wrong.number(), WRONG);
		g.closeAndGoOn();

		assertThat(g.state(right)).isEqualTo(FloorState.FLOOR);
		assertThat(g.state(wrong)).isEqualTo(FloorState.OUT);
		assertThat(g.state(silent)).isEqualTo(FloorState.OUT);
		assertThat(g.format.fate(wrong.number()).orElseThrow().fellAt()).isZero();
		FloorChanged first = g.floorChanges().get(0);
		assertThat(first.cause()).isEqualTo(FloorCause.WRONG);
		assertThat(first.out()).containsExactly(wrong.number(), silent.number());
		assertThat(first.onFloor()).isEqualTo(1);
		assertThat(first.eliminated()).isEqualTo(2);
		// The survivor leads the standings; the eliminated follow.
		assertThat(g.game.standings().get(0).player()).isEqualTo(right.number());

		assertThat(g.answer(wrong.number(), RIGHT).error()).isEqualTo("NOT_ON_FLOOR");
		// The only player left on the floor answers: the question closes at once.
		g.answer(right.number(), RIGHT);
		assertThat(g.game.phase()).isEqualTo(Phase.CLOSED);
	}

	@Test
	void joiningClosesWhenTheFirstQuestionShowsAndAResumedEliminatedPlayerStaysOut() {
		Elim g = new Elim(EliminationSettings.defaults(), 2);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Elim.ok(g.host(HostAction.START));
		assertThat(g.refusedJoin("Muộn")).isEqualTo("JOIN_CLOSED");
		g.answer(lan.number(), RIGHT);
		g.answer(minh.number(), WRONG);
		g.closeAndGoOn();
		g.handle(new GameCommand.Disconnect(minh.number()));
		Decision resumed = g.handle(new GameCommand.Resume(minh.resumeToken()));
		assertThat(((Reply.Resumed) resumed.reply()).player().number()).isEqualTo(minh.number());
		assertThat(g.state(minh)).isEqualTo(FloorState.OUT);
		assertThat(g.answer(minh.number(), RIGHT).error()).isEqualTo("NOT_ON_FLOOR");
	}

	@Test
	void onARescueQuestionOnlyTheEliminatedAnswerAndThoseRightComeBack() {
		Elim g = new Elim(rules(List.of(2), null, null, null), 3);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Player hoa = g.join("Hoa");
		Elim.ok(g.host(HostAction.START));
		g.answer(lan.number(), RIGHT);
		g.answer(minh.number(), WRONG);
		g.answer(hoa.number(), WRONG);
		g.closeAndGoOn();
		assertThat(g.format.isRescue(g.current())).isTrue();
		assertThat(g.answer(lan.number(), RIGHT).error()).isEqualTo("RESCUE_ONLY");
		assertThat(g.answer(minh.number(), RIGHT).accepted()).isTrue();
		g.answer(hoa.number(), WRONG);
		g.closeAndGoOn();

		assertThat(g.state(lan)).isEqualTo(FloorState.FLOOR);
		assertThat(g.state(minh)).isEqualTo(FloorState.FLOOR);
		assertThat(g.state(hoa)).isEqualTo(FloorState.OUT);
		PlayerFate rescued = g.format.fate(minh.number()).orElseThrow();
		assertThat(rescued.rescues()).isEqualTo(1);
		assertThat(rescued.fellAt()).isEqualTo(-1);
		FloorChanged rescue = g.floorChanges().get(1);
		assertThat(rescue.cause()).isEqualTo(FloorCause.RESCUE_QUESTION);
		assertThat(rescue.back()).containsExactly(minh.number());
		assertThat(rescue.out()).isEmpty();
		// A survivor did not answer the rescue question and still stands.
		assertThat(g.game.phase()).isEqualTo(Phase.OPEN);
	}

	@Test
	void aRescueQuestionWithNobodyToRescueIsPassedOver() {
		Elim g = new Elim(rules(List.of(2), null, null, null), 3);
		Player lan = g.join("Lan");
		Elim.ok(g.host(HostAction.START));
		g.answer(lan.number(), RIGHT);
		g.closeAndGoOn();
		assertThat(g.current()).isEqualTo(2);
		assertThat(g.events).filteredOn(QuestionSkipped.class::isInstance)
			.singleElement()
			.extracting(e -> ((QuestionSkipped) e).question().index())
			.isEqualTo(1);
	}

	@ParameterizedTest(name = "floor below {0}")
	@ValueSource(ints = { 2, 3 })
	void theRevivalAtItsQuestionBringsEveryoneBackOnlyUnderItsCondition(int below) {
		// Two of three fall on question 1: one on the floor. "Fewer than 2" holds, "fewer than 3" too;
		// with one fallen and two standing, only "fewer than 3" holds.
		Elim g = new Elim(rules(List.of(), 2, below, null), 3);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Player hoa = g.join("Hoa");
		Elim.ok(g.host(HostAction.START));
		g.answer(lan.number(), RIGHT);
		g.answer(minh.number(), RIGHT);
		g.answer(hoa.number(), WRONG);
		g.closeAndGoOn();
		boolean revived = 2 < below;
		assertThat(g.state(hoa)).isEqualTo(revived ? FloorState.FLOOR : FloorState.OUT);
		assertThat(g.floorChanges().stream().anyMatch(change -> change.cause() == FloorCause.REVIVAL))
			.isEqualTo(revived);
		if (revived) {
			FloorChanged revival = g.floorChanges().get(1);
			assertThat(revival.question()).isEqualTo(1);
			assertThat(revival.back()).containsExactly(hoa.number());
			assertThat(g.format.fate(hoa.number()).orElseThrow().rescues()).isEqualTo(1);
		}
	}

	@Test
	void theHostBringsBackByNumberOrAllButNotWhileAQuestionIsOpen() {
		Elim g = new Elim(EliminationSettings.defaults(), 3);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Player hoa = g.join("Hoa");
		Elim.ok(g.host(HostAction.START));
		assertThat(((Reply.Refused) g.revive(null).reply()).code()).isEqualTo("REVIVE_NOT_NOW");
		g.answer(lan.number(), RIGHT);
		g.answer(minh.number(), WRONG);
		g.answer(hoa.number(), WRONG);
		assertThat(g.game.phase()).isEqualTo(Phase.CLOSED);
		assertThat(((Reply.Refused) g.revive(lan.number()).reply()).code()).isEqualTo("NOT_ELIMINATED");
		assertThat(((Reply.Refused) g.revive(99).reply()).code()).isEqualTo("PLAYER_UNKNOWN");
		Elim.ok(g.revive(minh.number()));
		assertThat(g.state(minh)).isEqualTo(FloorState.FLOOR);
		assertThat(g.state(hoa)).isEqualTo(FloorState.OUT);
		Elim.ok(g.host(HostAction.NEXT));
		Elim.ok(g.revive(null));
		assertThat(g.state(hoa)).isEqualTo(FloorState.FLOOR);
		assertThat(((Reply.Refused) g.revive(null).reply()).code()).isEqualTo("NOT_ELIMINATED");
		List<FloorChanged> byHost = g.floorChanges().stream().filter(c -> c.cause() == FloorCause.HOST).toList();
		assertThat(byHost).extracting(FloorChanged::back).containsExactly(List.of(minh.number()), List.of(hoa.number()));
		assertThat(byHost.get(1).onFloor()).isEqualTo(3);
		assertThat(g.format.eliminated()).isZero();
	}

	@Test
	void whenAllFallTheyAllComeBackByDefault() {
		Elim g = new Elim(EliminationSettings.defaults(), 2);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Elim.ok(g.host(HostAction.START));
		g.answer(lan.number(), WRONG);
		g.answer(minh.number(), WRONG);
		FloorChanged change = g.floorChanges().get(0);
		assertThat(change.cause()).isEqualTo(FloorCause.ALL_FELL);
		assertThat(change.onFloor()).isEqualTo(2);
		assertThat(g.state(lan)).isEqualTo(FloorState.FLOOR);
		assertThat(g.state(minh)).isEqualTo(FloorState.FLOOR);
	}

	@Test
	void whenAllFallUnderTheNoWinnerRuleTheGameEndsWithoutABell() {
		Elim g = new Elim(rules(List.of(), null, null, AllFallRule.NO_WINNER), 3);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Elim.ok(g.host(HostAction.START));
		g.answer(lan.number(), WRONG);
		g.answer(minh.number(), WRONG);
		assertThat(g.format.onFloor()).isZero();
		Elim.ok(g.host(HostAction.NEXT));
		Elim.ok(g.host(HostAction.NEXT));
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		assertThat(g.events).filteredOn(GoldenBellAwarded.class::isInstance)
			.singleElement()
			.satisfies(bell -> assertThat(((GoldenBellAwarded) bell).winners()).isEmpty());
	}

	@Test
	void theLastSurvivorsRingTheBell() {
		Elim g = new Elim(EliminationSettings.defaults(), 2);
		Player lan = g.join("Lan");
		Player minh = g.join("Minh");
		Player hoa = g.join("Hoa");
		Elim.ok(g.host(HostAction.START));
		g.answer(lan.number(), RIGHT);
		g.answer(minh.number(), RIGHT);
		g.answer(hoa.number(), WRONG);
		g.closeAndGoOn();
		g.answer(lan.number(), RIGHT);
		g.answer(minh.number(), WRONG);
		g.closeAndGoOn();
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		GoldenBellAwarded bell = (GoldenBellAwarded) g.events.stream()
			.filter(GoldenBellAwarded.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(bell.winners()).containsExactly(lan.number());
		// Standings: the winner, then who fell later, then who fell first.
		assertThat(g.game.standings()).extracting(Standing::player)
			.containsExactly(lan.number(), minh.number(), hoa.number());
	}

	@Test
	void withTheOrganisersListPlayersJoinByTheirNumber() {
		EliminationSettings rules = new EliminationSettings(12, null, null, null, null,
				List.of(new Badge("A01", "Nguyễn Văn An"), new Badge("A02", null)), null, null);
		Elim g = new Elim(rules, 1);
		Player an = g.join(" a01 ");
		assertThat(an.nickname()).isEqualTo("A01");
		PlayerFate fate = g.format.fate(an.number()).orElseThrow();
		assertThat(fate.badge()).isEqualTo("A01");
		assertThat(fate.name()).isEqualTo("Nguyễn Văn An");
		assertThat(g.refusedJoin("A01")).isEqualTo("NUMBER_TAKEN");
		assertThat(g.refusedJoin("B07")).isEqualTo("NUMBER_UNKNOWN");
		assertThat(g.refusedJoin(null)).isEqualTo("NUMBER_UNKNOWN");
		// A kicked number may be taken again.
		Elim.ok(g.handle(new GameCommand.Host(HostAction.KICK, an.number(), null, null)));
		Player again = g.join("A01");
		assertThat(g.format.fate(again.number()).orElseThrow().badge()).isEqualTo("A01");
		assertThat(g.game.currentQuestion()).isEmpty();
	}

	@Test
	void withoutAListNumbersFollowTheJoinOrder() {
		Elim g = new Elim(EliminationSettings.defaults(), 1);
		g.join("Lan");
		Player minh = g.join("Minh");
		assertThat(g.format.fate(minh.number()).orElseThrow().badge()).isEqualTo("2");
	}

	@Test
	void reservesWaitOffTheFloorUntilItFallsBelowItsSize() {
		EliminationSettings rules = new EliminationSettings(15, null, null, null, null,
				List.of(new Badge("1", null), new Badge("2", null), new Badge("3", null), new Badge("9", null)),
				List.of("9"), 3);
		Elim g = new Elim(rules, 2);
		Player one = g.join("1");
		Player two = g.join("2");
		Player three = g.join("3");
		Player reserve = g.join("9");
		assertThat(g.state(reserve)).isEqualTo(FloorState.RESERVE);
		Elim.ok(g.host(HostAction.START));
		assertThat(g.answer(reserve.number(), RIGHT).error()).isEqualTo("NOT_ON_FLOOR");
		g.answer(one.number(), RIGHT);
		g.answer(two.number(), RIGHT);
		g.answer(three.number(), WRONG);
		assertThat(g.game.phase()).isEqualTo(Phase.CLOSED);
		assertThat(g.state(reserve)).isEqualTo(FloorState.FLOOR);
		FloorChanged called = g.floorChanges().get(1);
		assertThat(called.cause()).isEqualTo(FloorCause.RESERVE);
		assertThat(called.back()).containsExactly(reserve.number());
		assertThat(called.onFloor()).isEqualTo(3);
	}

	@Test
	void settingsThatDoNotFitTheQuestionsAreRefused() {
		assertThatThrownBy(() -> new Elim(rules(List.of(5), null, null, null), 3))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("rescueQuestions");
		assertThatThrownBy(() -> new Elim(rules(List.of(1), null, null, null), 3))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Elim(rules(List.of(), 4, null, null), 3))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("revivalAtQuestion");
		assertThatThrownBy(() -> new EliminationSettings(3, null, null, null, null, null, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new EliminationSettings(null, null, null, null, null,
				List.of(new Badge("A1", null), new Badge("a1", null)), null, null))
			.hasMessageContaining("twice");
		assertThatThrownBy(() -> new EliminationSettings(null, null, null, null, null, null, List.of("7"), null))
			.hasMessageContaining("reserveBelow");
	}

	@Test
	void theClassicGameRefusesTheReviveCommand() {
		Game classic = Game.hostPaced("c", List.of(Fixtures.single(0, 10, Points.STANDARD, 1)), Fixtures.instant(),
				Nicknames.standard(), 0);
		Decision decision = classic.handle(GameCommand.Host.of(HostAction.REVIVE), 0);
		assertThat(((Reply.Refused) decision.reply()).code()).isEqualTo("UNKNOWN_TYPE");
	}

	/**
	 * The counts checked against an independent calculation: a seeded crowd answers at random through
	 * rescue questions, a conditional revival and host revivals; after every question the engine's
	 * floor must be the one the plain set arithmetic below gives, written without the engine's code.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 3, 14, 2026 })
	void eliminatedAndRescuedCountsMatchAnIndependentCalculation(long seed) {
		int players = 300;
		int questions = 12;
		List<Integer> rescueAt = List.of(4, 9); // question numbers, from 1
		int revivalAt = 7;
		int revivalBelow = 40;
		Elim g = new Elim(rules(rescueAt, revivalAt, revivalBelow, AllFallRule.REVIVE), questions);
		Random random = new Random(seed);
		for (int i = 1; i <= players; i++) {
			g.join("P" + i);
		}
		Set<Integer> floor = new TreeSet<>();
		for (int i = 1; i <= players; i++) {
			floor.add(i);
		}
		Set<Integer> out = new TreeSet<>();
		int[] rescues = new int[players + 1];
		int expectedRescued = 0;
		int expectedEliminations = 0;
		Elim.ok(g.host(HostAction.START));
		for (int q = 0; q < questions; q++) {
			if (g.game.phase() == Phase.PODIUM) {
				break;
			}
			int number = q + 1;
			// Independent: the revival before its question, when fewer than the limit stand.
			if (number == revivalAt && floor.size() < revivalBelow && !out.isEmpty()) {
				for (int p : out) {
					rescues[p]++;
				}
				expectedRescued += out.size();
				floor.addAll(out);
				out.clear();
			}
			boolean rescue = rescueAt.contains(number);
			if (rescue && out.isEmpty()) {
				continue; // passed over by the engine too
			}
			assertThat(g.current()).as("question played").isEqualTo(q);
			Set<Integer> right = new HashSet<>();
			Set<Integer> answering = new TreeSet<>(rescue ? out : floor);
			// Survivors are right 70% of the time; a few stay silent.
			for (int p : answering) {
				int roll = random.nextInt(100);
				if (roll < 5) {
					continue;
				}
				boolean isRight = roll < 75;
				assertThat(g.answer(p, isRight ? RIGHT : WRONG).accepted()).isTrue();
				if (isRight) {
					right.add(p);
				}
			}
			if (rescue) {
				for (int p : right) {
					rescues[p]++;
				}
				expectedRescued += right.size();
				out.removeAll(right);
				floor.addAll(right);
			}
			else {
				Set<Integer> fell = new TreeSet<>(floor);
				fell.removeAll(right);
				if (fell.size() < floor.size()) { // not all fell: they leave
					floor.removeAll(fell);
					out.addAll(fell);
					expectedEliminations += fell.size();
				}
			}
			if (g.game.phase() == Phase.OPEN) {
				g.now += 31_000;
				g.handle(new GameCommand.Tick());
			}
			assertThat(g.format.onFloor()).as("on the floor after question %d", number).isEqualTo(floor.size());
			assertThat(g.format.eliminated()).as("eliminated after question %d", number).isEqualTo(out.size());
			assertThat(new TreeSet<>(g.format.survivors())).isEqualTo(floor);
			Elim.ok(g.host(HostAction.NEXT));
			Elim.ok(g.host(HostAction.NEXT));
		}
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		int engineEliminations = g.floorChanges().stream().mapToInt(change -> change.out().size()).sum();
		int engineRescued = g.floorChanges().stream()
			.filter(change -> change.cause() != FloorCause.ALL_FELL)
			.mapToInt(change -> change.back().size())
			.sum();
		assertThat(engineEliminations).isEqualTo(expectedEliminations).isPositive();
		assertThat(engineRescued).isEqualTo(expectedRescued).isPositive();
		for (int p = 1; p <= players; p++) {
			assertThat(g.format.fate(p).orElseThrow().rescues()).as("rescues of %d", p).isEqualTo(rescues[p]);
		}
		GoldenBellAwarded bell = (GoldenBellAwarded) g.events.stream()
			.filter(GoldenBellAwarded.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(new TreeSet<>(bell.winners())).isEqualTo(floor);
	}
}
