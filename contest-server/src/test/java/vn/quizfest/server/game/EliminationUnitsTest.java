package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent.FloorCause;
import vn.quizfest.server.game.GameEvent.FloorChanged;
import vn.quizfest.server.game.GameEvent.GoldenBellAwarded;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.EliminationSettings;
import vn.quizfest.server.game.format.elimination.EliminationSettings.AllFallRule;
import vn.quizfest.server.game.format.elimination.EliminationSettings.Badge;
import vn.quizfest.server.game.format.elimination.FloorState;

/**
 * Rung chuông vàng played by units, engine only, the clock moved by hand: unit scores by the team
 * policy, each unit's players on the floor, the last unit with survivors, the all-fall rule, and
 * substitutes who come on for their own unit. Accuracy scoring without streaks makes a right answer
 * worth exactly 1,000 points, so the expected figures are worked out here by hand or by a separate
 * model of the rules, never read back from the engine.
 */
class EliminationUnitsTest {

	private static final int RIGHT = 1;

	private static final int WRONG = 0;

	private static final int POINTS = 1000;

	private static final Unit A1 = new Unit("10A1", "Lớp 10A1");

	private static final Unit A2 = new Unit("10A2", "Lớp 10A2");

	private static final Unit A3 = new Unit("10A3", "Lớp 10A3");

	private static final List<Unit> UNITS = List.of(A1, A2, A3);

	private static final class Elim {

		long now = 1_000_000L;

		final Game game;

		final EliminationFormat format;

		final List<GameEvent> events = new ArrayList<>();

		Elim(EliminationSettings rules, int questions, TeamSettings teams) {
			List<GameQuestion> list = new ArrayList<>();
			for (int i = 0; i < questions; i++) {
				list.add(Fixtures.single(i, 30, Points.STANDARD, RIGHT));
			}
			GameSettings settings = Fixtures.instant().withScoring(ScoringMode.ACCURACY, false).withElimination(rules)
				.withTeams(teams);
			game = Game.create("elim-units", list, settings, Nicknames.standard(), now);
			format = (EliminationFormat) game.format();
		}

		Decision handle(GameCommand command) {
			Decision decision = game.handle(command, now);
			events.addAll(decision.events());
			return decision;
		}

		Player join(String nickname, String unit) {
			Decision decision = handle(new GameCommand.Join(nickname, "token-" + nickname, unit));
			if (decision.reply() instanceof Reply.Refused refused) {
				throw new Game.Refusal(refused.code());
			}
			return ((Reply.Joined) decision.reply()).player();
		}

		void host(HostAction action) {
			assertThat(handle(GameCommand.Host.of(action)).reply()).isNotInstanceOf(Reply.Refused.class);
		}

		void answer(Player player, int choice) {
			now += 10;
			handle(new GameCommand.Answer(player.number(), game.currentQuestion().orElseThrow().index(),
					Submission.choice(choice)));
		}

		/** Closes the open question at its deadline. */
		void close() {
			now += 31_000;
			handle(new GameCommand.Tick());
			assertThat(game.phase()).isEqualTo(Phase.CLOSED);
		}

		/** From a closed question to the next one (or, after the last, the bell and the podium). */
		void next() {
			host(HostAction.NEXT);
			host(HostAction.NEXT);
		}

		FloorState state(Player player) {
			return format.fate(player.number()).orElseThrow().state();
		}

		<T> List<T> all(Class<T> type) {
			return events.stream().filter(type::isInstance).map(type::cast).toList();
		}

		<T> T last(Class<T> type) {
			List<T> all = all(type);
			return all.get(all.size() - 1);
		}

		Map<String, Integer> lastCounts() {
			return counts(last(FloorChanged.class).units());
		}
	}

	private static Map<String, Integer> counts(List<UnitSurvivors> units) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		units.forEach(count -> counts.put(count.unit().id(), count.remaining()));
		return counts;
	}

	private static Map<String, Double> scores(UnitsRanked ranked) {
		Map<String, Double> scores = new LinkedHashMap<>();
		ranked.standings().forEach(standing -> scores.put(standing.unit().id(), standing.score()));
		return scores;
	}

	private static double mean(int... points) {
		double sum = 0;
		for (int p : points) {
			sum += p;
		}
		return sum / points.length;
	}

	private static TeamSettings teams(int minMembers) {
		return TeamSettings.of(UNITS).withScore(TeamScore.MEAN, 5, minMembers);
	}

	@Test
	void theLastUnitWithSurvivorsWinsAndUnitsScoreByTheMeanOfAllTheirPlayers() {
		Elim g = new Elim(EliminationSettings.defaults(), 3, teams(1));
		Player a1 = g.join("An", "10A1");
		Player a2 = g.join("Ba", "10a1");
		Player a3 = g.join("Chi", "10A1");
		Player b1 = g.join("Dung", "10A2");
		Player b2 = g.join("Em", "10A2");
		Player c1 = g.join("Giang", "10A3");
		g.host(HostAction.START);

		// Question 1: 10A1 two of three right, 10A2 one of two, 10A3 its only player wrong.
		g.answer(a1, RIGHT);
		g.answer(a2, RIGHT);
		g.answer(a3, WRONG);
		g.answer(b1, RIGHT);
		g.answer(b2, WRONG);
		g.answer(c1, WRONG);
		g.close();
		assertThat(g.lastCounts()).containsExactly(Map.entry("10A1", 2), Map.entry("10A2", 1), Map.entry("10A3", 0));
		UnitsRanked first = g.last(UnitsRanked.class);
		assertThat(first.last()).isFalse();
		assertThat(scores(first).get("10A1")).isCloseTo(mean(POINTS, POINTS, 0), within(1e-9));
		assertThat(scores(first).get("10A2")).isCloseTo(mean(POINTS, 0), within(1e-9));
		assertThat(scores(first).get("10A3")).isZero();
		// The units' table comes just before the close it belongs to, as in the classic game.
		assertThat(g.events.indexOf(first) + 1).isEqualTo(g.events.indexOf(g.last(QuestionClosed.class)));
		g.next();

		// Question 2: 10A1's two survivors fall, 10A2's one stays: the eliminated count 0 in their unit's mean.
		g.answer(a1, WRONG);
		g.answer(a2, WRONG);
		g.answer(b1, RIGHT);
		g.close();
		assertThat(g.lastCounts()).containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 1), Map.entry("10A3", 0));
		assertThat(scores(g.last(UnitsRanked.class)).get("10A1")).isCloseTo(mean(POINTS, POINTS, 0) + mean(0, 0, 0),
				within(1e-9));
		assertThat(scores(g.last(UnitsRanked.class)).get("10A2")).isCloseTo(mean(POINTS, 0) + mean(POINTS, 0),
				within(1e-9));
		assertThat(g.format.winningUnit()).contains(A2);
		g.next();

		// Question 3: the last player on the floor is wrong: everyone on it fell, so by the default rule
		// nobody leaves, and 10A2 is still the last unit with survivors.
		g.answer(b1, WRONG);
		g.close();
		assertThat(g.last(FloorChanged.class).cause()).isEqualTo(FloorCause.ALL_FELL);
		assertThat(g.state(b1)).isEqualTo(FloorState.FLOOR);
		g.next();

		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		GoldenBellAwarded bell = g.last(GoldenBellAwarded.class);
		assertThat(bell.winners()).containsExactly(b1.number());
		assertThat(bell.unit()).isEqualTo(A2);
		assertThat(counts(bell.units())).containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 1), Map.entry("10A3", 0));
		UnitsRanked last = g.last(UnitsRanked.class);
		assertThat(last.last()).isTrue();
		assertThat(last.question()).isEqualTo(-1);
		// The team table ranks by points (10A2 1000 > 10A1 666.67), the bell by survivors: here they agree.
		assertThat(last.standings()).extracting(standing -> standing.unit().id()).containsExactly("10A2", "10A1", "10A3");
		assertThat(g.events.indexOf(last)).isLessThan(g.events.indexOf(bell));
		assertThat(g.events.indexOf(bell)).isLessThan(g.events.indexOf(g.last(PodiumShown.class)));
	}

	@Test
	void whenSeveralUnitsSurviveTheMostSurvivorsWinThenTheHigherTeamScore() {
		Elim g = new Elim(EliminationSettings.defaults(), 1, teams(1));
		Player a1 = g.join("An", "10A1");
		Player a2 = g.join("Ba", "10A1");
		Player b1 = g.join("Dung", "10A2");
		Player b2 = g.join("Em", "10A2");
		Player b3 = g.join("Giang", "10A2");
		g.host(HostAction.START);
		g.answer(a1, RIGHT);
		g.answer(a2, RIGHT);
		g.answer(b1, RIGHT);
		g.answer(b2, WRONG);
		g.answer(b3, WRONG);
		g.close();
		g.next();
		// 10A1 two on the floor, 10A2 one: 10A1 rings the bell.
		assertThat(g.last(GoldenBellAwarded.class).unit()).isEqualTo(A1);

		Elim tie = new Elim(EliminationSettings.defaults(), 1, teams(1));
		Player x1 = tie.join("An", "10A1");
		Player x2 = tie.join("Ba", "10A1");
		Player y1 = tie.join("Dung", "10A2");
		Player y2 = tie.join("Em", "10A2");
		tie.host(HostAction.START);
		tie.answer(x1, RIGHT);
		tie.answer(x2, WRONG);
		tie.answer(y1, RIGHT);
		tie.answer(y2, WRONG);
		tie.close();
		tie.next();
		// One survivor each and equal points: the unit listed first.
		assertThat(tie.last(GoldenBellAwarded.class).unit()).isEqualTo(A1);
		assertThat(tie.last(GoldenBellAwarded.class).winners()).containsExactlyInAnyOrder(x1.number(), y1.number());
	}

	@Test
	void whenEveryoneFallsWithTheNoWinnerRuleNoUnitWins() {
		EliminationSettings rules = new EliminationSettings(15, null, null, null, AllFallRule.NO_WINNER, null, null, null);
		Elim g = new Elim(rules, 3, teams(1));
		Player a1 = g.join("An", "10A1");
		Player b1 = g.join("Dung", "10A2");
		g.host(HostAction.START);
		g.answer(a1, WRONG);
		g.answer(b1, WRONG);
		g.close();
		assertThat(g.lastCounts()).containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 0), Map.entry("10A3", 0));
		g.host(HostAction.NEXT);
		g.host(HostAction.NEXT);
		// The floor is empty: the game goes straight to the bell, with nobody and no unit.
		GoldenBellAwarded bell = g.last(GoldenBellAwarded.class);
		assertThat(bell.winners()).isEmpty();
		assertThat(bell.unit()).isNull();
		assertThat(g.format.winningUnit()).isEmpty();
	}

	@Test
	void substitutesComeOnForTheirOwnUnitInListOrderWhenItFallsBelowTheSize() {
		// The organiser's sheet: numbers with their unit; A9, B9 and A8 marked as substitutes, in that order.
		List<Badge> sheet = List.of(new Badge("A1", "An", "10A1"), new Badge("A2", "Ba", "10A1"),
				new Badge("A8", "Hà", "10A1"), new Badge("A9", "Khánh", "10A1"), new Badge("B1", "Dung", "10A2"),
				new Badge("B2", "Em", "10A2"), new Badge("B9", "Long", "10A2"), new Badge("C1", "Giang", "10A3"));
		EliminationSettings rules = new EliminationSettings(15, null, null, null, null, sheet, List.of("A9", "B9", "A8"),
				2);
		Elim g = new Elim(rules, 3, teams(1));
		// The phone's unit does not matter: the list decides.
		Player a1 = g.join("A1", "10A3");
		Player a2 = g.join("a2", null);
		Player a8 = g.join("A8", "10A2");
		Player a9 = g.join("A9", "10A1");
		Player b1 = g.join("B1", "10A2");
		Player b2 = g.join("B2", "10A2");
		Player b9 = g.join("B9", "10A2");
		Player c1 = g.join("C1", "10A3");
		assertThat(List.of(a1, a2, a8, a9).stream().map(p -> p.unit().id())).containsOnly("10A1");
		assertThat(List.of(a8, a9, b9).stream().map(g::state)).containsOnly(FloorState.RESERVE);
		g.host(HostAction.START);

		// Question 1: 10A1 falls to one player (below 2): its first substitute on the list, A9, comes on;
		// 10A2 keeps two, so B9 waits; 10A3 has one player and no substitute.
		g.answer(a1, WRONG);
		g.answer(a2, RIGHT);
		g.answer(b1, RIGHT);
		g.answer(b2, RIGHT);
		g.answer(c1, RIGHT);
		g.close();
		FloorChanged called = g.last(FloorChanged.class);
		assertThat(called.cause()).isEqualTo(FloorCause.RESERVE);
		assertThat(called.back()).containsExactly(a9.number());
		assertThat(counts(called.units())).containsExactly(Map.entry("10A1", 2), Map.entry("10A2", 2), Map.entry("10A3", 1));
		assertThat(g.state(a8)).isEqualTo(FloorState.RESERVE);
		assertThat(g.state(b9)).isEqualTo(FloorState.RESERVE);
		// The waiting substitutes were not members of the question: 10A1's mean is over A1 and A2 only.
		assertThat(scores(g.last(UnitsRanked.class)).get("10A1")).isCloseTo(mean(0, POINTS), within(1e-9));
		assertThat(scores(g.last(UnitsRanked.class)).get("10A2")).isCloseTo(mean(POINTS, POINTS), within(1e-9));
		g.next();

		// Question 2: both units fall to one: B9 then A8 come on, in the list's order.
		g.answer(a2, WRONG);
		g.answer(a9, RIGHT);
		g.answer(b1, WRONG);
		g.answer(b2, RIGHT);
		g.answer(c1, RIGHT);
		g.close();
		called = g.last(FloorChanged.class);
		assertThat(called.cause()).isEqualTo(FloorCause.RESERVE);
		assertThat(called.back()).containsExactly(b9.number(), a8.number());
		assertThat(called.onFloor()).isEqualTo(5);
		assertThat(counts(called.units())).containsExactly(Map.entry("10A1", 2), Map.entry("10A2", 2), Map.entry("10A3", 1));
		// A9 came on at question 2's start: it is a member from then on (A1, A2, A9 on question 2).
		assertThat(scores(g.last(UnitsRanked.class)).get("10A1")).isCloseTo(mean(0, POINTS) + mean(0, 0, POINTS),
				within(1e-9));
		g.next();

		// Question 3: 10A1 falls to none, with no substitute left; the others keep theirs.
		g.answer(a9, WRONG);
		g.answer(a8, WRONG);
		g.answer(b2, RIGHT);
		g.answer(b9, RIGHT);
		g.answer(c1, WRONG);
		g.close();
		assertThat(g.last(FloorChanged.class).cause()).isEqualTo(FloorCause.WRONG);
		assertThat(g.lastCounts()).containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 2), Map.entry("10A3", 0));
		g.next();
		assertThat(g.last(GoldenBellAwarded.class).unit()).isEqualTo(A2);
		assertThat(g.last(GoldenBellAwarded.class).winners()).containsExactlyInAnyOrder(b2.number(), b9.number());
	}

	@Test
	void withoutAListASubstituteComesOnForTheUnitItJoinedFor() {
		// Numbers in join order: the substitutes are players 4 and 5; each chose its unit on the phone.
		EliminationSettings rules = new EliminationSettings(15, null, null, null, null, null, List.of("4", "5"), 2);
		Elim g = new Elim(rules, 2, teams(1));
		Player a1 = g.join("An", "10A1");
		Player a2 = g.join("Ba", "10A1");
		Player b1 = g.join("Dung", "10A2");
		Player b9 = g.join("Long", "10A2");
		Player a9 = g.join("Khánh", "10A1");
		g.host(HostAction.START);
		g.answer(a1, RIGHT);
		g.answer(a2, WRONG);
		g.answer(b1, RIGHT);
		g.close();
		// 10A1 fell to one: its substitute (player 5) comes on; 10A2 was one from the start: player 4 too.
		FloorChanged called = g.last(FloorChanged.class);
		assertThat(called.back()).containsExactly(b9.number(), a9.number());
		assertThat(counts(called.units())).containsEntry("10A1", 2).containsEntry("10A2", 2);
	}

	@Test
	void aNumberOfAUnitTheGameDoesNotHaveIsRefused() {
		EliminationSettings rules = new EliminationSettings(15, null, null, null, null,
				List.of(new Badge("A1", null, "10A1"), new Badge("Z1", null, "9Z9")), null, null);
		assertThatThrownBy(() -> new Elim(rules, 2, teams(1))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Z1")
			.hasMessageContaining("9Z9");
		EliminationSettings withUnits = new EliminationSettings(15, null, null, null, null,
				List.of(new Badge("A1", null, "10A1")), null, null);
		assertThatThrownBy(() -> Game.create("no-teams", List.of(Fixtures.single(0, 30, Points.STANDARD, RIGHT)),
				Fixtures.instant().withElimination(withUnits), Nicknames.standard(), 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("10A1");
	}

	@Test
	void settingsRoundTripThroughTheStoredJsonAndSettingsStoredBeforeUnitsStillRead() {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		EliminationSettings rules = new EliminationSettings(12, null, null, null, null,
				List.of(new Badge("A01", "An", "10A1"), new Badge("A09", null, "10A1"), new Badge("B01", "Dung", null)),
				List.of("A09"), 2);
		GameSettings stored = Fixtures.instant().withElimination(rules).withTeams(teams(1));
		GameSettings read = json.readValue(json.writeValueAsString(stored), GameSettings.class);
		assertThat(read).isEqualTo(stored);
		assertThat(read.elimination().numbers().get(0).unit()).isEqualTo("10A1");
		// A Rung chuông vàng game stored before numbers had units: the plain list of substitutes.
		String before = "{\"secondsPerQuestion\":15,\"rescueQuestions\":[],\"revivalAtQuestion\":null,"
				+ "\"revivalBelow\":null,\"allFall\":\"REVIVE\",\"numbers\":[{\"number\":\"A01\",\"name\":\"An\"},"
				+ "{\"number\":\"A02\",\"name\":null}],\"reserves\":[\"A02\"],\"reserveBelow\":2}";
		EliminationSettings old = json.readValue(before, EliminationSettings.class);
		assertThat(old.numbers()).containsExactly(new Badge("A01", "An"), new Badge("A02", null));
		assertThat(old.numbers().get(1).unit()).isNull();
		assertThat(old.reserves()).containsExactly("A02");
		assertThat(old.reserveBelow()).isEqualTo(2);
	}

	@Test
	void aPlayerOfAGameWithUnitsMustNameOne() {
		Elim g = new Elim(EliminationSettings.defaults(), 2, teams(1));
		assertThat(((Reply.Refused) g.handle(new GameCommand.Join("An", "t-1", null)).reply()).code())
			.isEqualTo("UNIT_REQUIRED");
		assertThat(((Reply.Refused) g.handle(new GameCommand.Join("An", "t-2", "9Z9")).reply()).code())
			.isEqualTo("UNIT_UNKNOWN");
	}

	// ---- random games checked against a separate model of the rules ----

	/**
	 * A model of Rung chuông vàng by unit written apart from the engine: who is on the floor, the unit
	 * means (every member of a unit counts, the eliminated at 0), the default all-fall rule, substitutes
	 * per unit, and the winner by survivors then score then the organiser's order.
	 */
	private static final class Model {

		final Map<String, List<Integer>> members = new LinkedHashMap<>();

		final Map<Integer, String> unitOf = new LinkedHashMap<>();

		final java.util.Set<Integer> floor = new java.util.TreeSet<>();

		final List<Integer> waiting = new ArrayList<>();

		final Map<String, Double> scores = new LinkedHashMap<>();

		final int below;

		Model(int below) {
			this.below = below;
			for (Unit unit : UNITS) {
				members.put(unit.id(), new ArrayList<>());
				scores.put(unit.id(), 0.0);
			}
		}

		void question(java.util.Set<Integer> right) {
			for (Map.Entry<String, List<Integer>> unit : members.entrySet()) {
				List<Integer> taking = unit.getValue().stream().filter(p -> !waiting.contains(p)).toList();
				if (!taking.isEmpty()) {
					long sum = taking.stream().filter(p -> floor.contains(p) && right.contains(p)).count() * POINTS;
					scores.merge(unit.getKey(), (double) sum / taking.size(), Double::sum);
				}
			}
			List<Integer> falling = floor.stream().filter(p -> !right.contains(p)).toList();
			if (falling.size() < floor.size()) {
				falling.forEach(floor::remove);
			}
			for (Integer substitute : List.copyOf(waiting)) {
				String unit = unitOf.get(substitute);
				long standing = floor.stream().filter(p -> unitOf.get(p).equals(unit)).count();
				if (standing < below) {
					waiting.remove(substitute);
					floor.add(substitute);
				}
			}
		}

		Map<String, Integer> counts() {
			Map<String, Integer> counts = new LinkedHashMap<>();
			members.forEach((unit, players) -> counts.put(unit,
					(int) players.stream().filter(floor::contains).count()));
			return counts;
		}

		String winner() {
			String best = null;
			for (Map.Entry<String, Integer> entry : counts().entrySet()) {
				if (entry.getValue() == 0) {
					continue;
				}
				if (best == null || entry.getValue() > counts().get(best)
						|| entry.getValue().equals(counts().get(best)) && scores.get(entry.getKey()) > scores.get(best)) {
					best = entry.getKey();
				}
			}
			return best;
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 7, 42, 2026, 99_991 })
	void randomGamesByUnitMatchASeparateModel(long seed) {
		Random random = new Random(seed);
		int players = 12 + random.nextInt(10);
		int questions = 6;
		List<String> substitutes = new ArrayList<>();
		for (int n = players - 2; n <= players; n++) {
			substitutes.add(Integer.toString(n));
		}
		EliminationSettings rules = new EliminationSettings(15, null, null, null, null, null, substitutes, 2);
		Elim g = new Elim(rules, questions, teams(1));
		Model model = new Model(2);
		List<Player> joined = new ArrayList<>();
		for (int n = 1; n <= players; n++) {
			String unit = UNITS.get(random.nextInt(UNITS.size())).id();
			Player player = g.join("Bạn " + n, unit);
			joined.add(player);
			model.members.get(unit).add(player.number());
			model.unitOf.put(player.number(), unit);
			if (substitutes.contains(Integer.toString(n))) {
				model.waiting.add(player.number());
			}
			else {
				model.floor.add(player.number());
			}
		}
		g.host(HostAction.START);
		for (int q = 0; q < questions && g.game.phase() == Phase.OPEN; q++) {
			java.util.Set<Integer> right = new java.util.HashSet<>();
			for (Player player : joined) {
				if (model.floor.contains(player.number()) && random.nextInt(100) < 70) {
					right.add(player.number());
					g.answer(player, RIGHT);
				}
				else if (model.floor.contains(player.number()) && random.nextBoolean()) {
					g.answer(player, WRONG);
				}
			}
			g.close();
			model.question(right);
			assertThat(g.lastCounts()).as("question %d", q + 1).isEqualTo(model.counts());
			Map<String, Double> engine = scores(g.last(UnitsRanked.class));
			for (Map.Entry<String, Double> expected : model.scores.entrySet()) {
				assertThat(engine.get(expected.getKey())).as("%s after question %d", expected.getKey(), q + 1)
					.isCloseTo(expected.getValue(), within(1e-6));
			}
			g.next();
		}
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		GoldenBellAwarded bell = g.last(GoldenBellAwarded.class);
		assertThat(counts(bell.units())).isEqualTo(model.counts());
		assertThat(bell.unit() == null ? null : bell.unit().id()).isEqualTo(model.winner()).isNotNull();
		assertThat(bell.winners()).containsExactlyInAnyOrderElementsOf(model.floor);
	}
}
