package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.quizfest.server.game.TestGame.refusal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.ranking.UnitRanking;

/**
 * Team play by unit in the classic format, engine only, the clock moved by hand. Team scores are
 * checked against a calculation written here from the players' outcomes, not with {@link UnitRanking}.
 */
class TeamPlayTest {

	private static final List<Unit> UNITS = List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10A2", "Lớp 10A2"),
			new Unit("10A3", "Lớp 10A3"), new Unit("10A4", "Lớp 10A4"));

	private static GameSettings settings(TeamScore score, int bestK, int minMembers) {
		return GameSettings.defaults().withPreview(0, 0)
			.withTeams(TeamSettings.of(UNITS).withScore(score, bestK, minMembers));
	}

	private static TestGame game(GameSettings settings) {
		return new TestGame(settings, Fixtures.single(0, 20, Points.STANDARD, 1), Fixtures.single(1, 20, Points.DOUBLE, 2),
				Fixtures.poll(2, 20), Fixtures.trueFalse(3, 20, Points.STANDARD, 0), Fixtures.single(4, 20, Points.STANDARD, 3));
	}

	/** The independent calculation: one question's unit points from the members' points. */
	private static double expected(TeamScore score, int bestK, List<Integer> points) {
		if (points.isEmpty()) {
			return 0;
		}
		List<Integer> sorted = new ArrayList<>(points);
		sorted.sort((a, b) -> b - a);
		return switch (score) {
			case SUM -> points.stream().mapToLong(Integer::longValue).sum();
			case MEAN -> points.stream().mapToLong(Integer::longValue).sum() / (double) points.size();
			case BEST_K -> sorted.subList(0, Math.min(bestK, sorted.size())).stream().mapToLong(Integer::longValue).sum()
					/ (double) Math.min(bestK, sorted.size());
		};
	}

	@ParameterizedTest
	@EnumSource(TeamScore.class)
	void unitScoresMatchAnIndependentCalculationWithLateJoinsKicksAndTheMinimum(TeamScore score) {
		int bestK = 2;
		int minMembers = 2;
		TestGame g = game(settings(score, bestK, minMembers));
		Random random = new Random(14);
		Map<Integer, String> unitOf = new HashMap<>();
		List<Player> players = new ArrayList<>();
		// 10A1: 5 players, 10A2: 3, 10A3: 1 (below the minimum), 10A4: nobody.
		String[] plan = { "10A1", "10A1", "10A2", "10A1", "10A2", "10A3", "10A1", "10A2", "10A1" };
		for (int i = 0; i < plan.length; i++) {
			Player p = g.joinFor("Bạn " + i, plan[i]);
			players.add(p);
			unitOf.put(p.number(), plan[i]);
		}
		Map<String, Double> totals = new LinkedHashMap<>();
		UNITS.forEach(unit -> totals.put(unit.id(), 0.0));
		Set<Integer> kicked = new java.util.HashSet<>();
		g.start();
		for (int q = 0; q < 5; q++) {
			if (q == 1) {
				// A late joiner counts from the question it joined; a kicked one no more.
				Player late = g.joinFor("Muộn", "10A2");
				players.add(late);
				unitOf.put(late.number(), "10A2");
			}
			if (q == 3) {
				g.kick(players.get(0));
				kicked.add(players.get(0).number());
			}
			long opensAt = g.hosted.opensAt();
			for (Player p : players) {
				if (!kicked.contains(p.number()) && random.nextInt(5) > 0) {
					g.answerAt(opensAt + random.nextInt(15_000), p, Submission.choice(random.nextInt(4) % (q == 3 ? 2 : 4)));
				}
			}
			int before = g.events.size();
			g.tickAt(g.hosted.closesAt());
			List<GameEvent> step = g.events.subList(before, g.events.size());
			QuestionClosed closed = (QuestionClosed) step.stream().filter(QuestionClosed.class::isInstance).findFirst()
				.orElseThrow();
			if (!closed.question().isScored()) {
				assertThat(step).noneMatch(UnitsRanked.class::isInstance);
			}
			else {
				// Told just before the close, so each outcome frame can carry the place inside the unit.
				assertThat(step.get(step.indexOf(closed) - 1)).isInstanceOf(UnitsRanked.class);
				Map<String, List<Integer>> points = new HashMap<>();
				closed.outcomes().forEach((number, outcome) -> points
					.computeIfAbsent(unitOf.get(number), unit -> new ArrayList<>()).add(outcome.points()));
				points.forEach((unit, list) -> totals.merge(unit, expected(score, bestK, list), Double::sum));
				UnitsRanked ranked = (UnitsRanked) step.get(step.indexOf(closed) - 1);
				assertStandings(ranked.standings(), totals, unitOf, kicked, minMembers);
			}
			g.next(); // leaderboard
			g.next(); // next question or podium
		}
		UnitsRanked last = g.all(UnitsRanked.class).get(g.all(UnitsRanked.class).size() - 1);
		assertThat(last.last()).isTrue();
		assertThat(g.events.get(g.events.indexOf(last) + 1)).isInstanceOf(PodiumShown.class);
		assertStandings(last.standings(), totals, unitOf, kicked, minMembers);
		assertThat(totals.get("10A1")).isPositive();
		// Individual scoring is untouched by team play.
		for (Player p : players) {
			long own = g.all(QuestionClosed.class).stream().mapToLong(c -> {
				Outcome o = c.outcomes().get(p.number());
				return o == null ? 0 : o.points();
			}).sum();
			assertThat(p.score()).isEqualTo(own);
		}
	}

	private static void assertStandings(List<UnitStanding> standings, Map<String, Double> totals,
			Map<Integer, String> unitOf, Set<Integer> kicked, int minMembers) {
		Map<String, Integer> members = new HashMap<>();
		unitOf.forEach((number, unit) -> {
			if (!kicked.contains(number)) {
				members.merge(unit, 1, Integer::sum);
			}
		});
		List<String> rankedOrder = totals.keySet().stream()
			.filter(unit -> members.getOrDefault(unit, 0) >= minMembers)
			.sorted((a, b) -> Double.compare(totals.get(b), totals.get(a)))
			.toList();
		List<String> unrankedOrder = totals.keySet().stream()
			.filter(unit -> members.getOrDefault(unit, 0) < minMembers)
			.toList();
		assertThat(standings).hasSize(UNITS.size());
		for (int i = 0; i < standings.size(); i++) {
			UnitStanding standing = standings.get(i);
			String unit = i < rankedOrder.size() ? rankedOrder.get(i) : unrankedOrder.get(i - rankedOrder.size());
			assertThat(standing.unit().id()).isEqualTo(unit);
			assertThat(standing.rank()).isEqualTo(i < rankedOrder.size() ? i + 1 : 0);
			assertThat(standing.score()).as(unit).isCloseTo(totals.get(unit), within(1e-9));
			assertThat(standing.members()).isEqualTo(members.getOrDefault(unit, 0));
		}
	}

	@Test
	void theMeanKeepsABigUnitFromWinningBySizeAlone() {
		TestGame g = game(settings(TeamScore.MEAN, 5, 1));
		List<Player> big = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			big.add(g.joinFor("Lớn " + i, "10A1"));
		}
		Player small = g.joinFor("Nhỏ", "10A2");
		g.start();
		long opensAt = g.hosted.opensAt();
		// Half the big class is right at once; the one small-class player is right at once.
		for (int i = 0; i < big.size(); i++) {
			g.answerAt(opensAt, big.get(i), Submission.choice(i % 2 == 0 ? 1 : 0));
		}
		g.answerAt(opensAt, small, Submission.choice(1));
		g.tick();
		UnitsRanked ranked = g.all(UnitsRanked.class).get(0);
		assertThat(ranked.standings().get(0).unit().id()).isEqualTo("10A2");
		assertThat(ranked.standings().get(0).score()).isEqualTo(1000.0);
		assertThat(ranked.standings().get(1).score()).isEqualTo(500.0);
		assertThat(UnitRanking.questionPoints(TeamScore.SUM, 5, List.of(1000, 1000, 1000, 0, 0, 0))).isEqualTo(3000.0);
		// Each player's place inside its unit follows the individual order.
		assertThat(ranked.places().get(small.number())).isEqualTo(new UnitPlace(UNITS.get(1), 1, 1));
		assertThat(ranked.places().get(big.get(0).number()).place()).isEqualTo(1);
		assertThat(ranked.places().get(big.get(1).number()).place()).isEqualTo(4);
		assertThat(ranked.places().get(big.get(1).number()).of()).isEqualTo(6);
	}

	@Test
	void aUnitIsRequiredAndMustBeListedAndAResumeKeepsIt() {
		TestGame g = game(settings(TeamScore.MEAN, 5, 1));
		assertThat(refusal(() -> g.join("Lan"))).isEqualTo("UNIT_REQUIRED");
		assertThat(refusal(() -> g.joinFor("Lan", "12C9"))).isEqualTo("UNIT_UNKNOWN");
		Player lan = g.joinFor("Lan", "10a3");
		assertThat(lan.unit()).isEqualTo(UNITS.get(2));
		g.disconnect(lan.number());
		assertThat(g.resume("token-Lan").unit()).isEqualTo(UNITS.get(2));
		assertThat(g.game.unitRanking()).isPresent();
	}

	@Test
	void theOrganisersListAssignsUnitsByNicknameOrNumberWhateverThePhoneChose() {
		GameSettings settings = GameSettings.defaults().withTeams(
				TeamSettings.of(UNITS).withAssignments(Map.of("  nguyễn   VĂN an ", "10A4", "2", "10A3")));
		TestGame g = game(settings);
		Player an = g.joinFor("Nguyễn Văn An", "10A1");
		Player second = g.join("Bình"); // number 2: assigned, so no unit needed
		Player third = g.joinFor("Chi", "10A1");
		assertThat(an.unit().id()).isEqualTo("10A4");
		assertThat(second.unit().id()).isEqualTo("10A3");
		assertThat(third.unit().id()).isEqualTo("10A1");
	}

	@Test
	void aGameWithoutUnitsTellsNoUnitEvents() {
		TestGame g = game(GameSettings.defaults().withPreview(0, 0));
		Player lan = g.joinFor("Lan", "10A1");
		assertThat(lan.unit()).isNull();
		g.start();
		g.answer(lan, Submission.choice(1));
		g.tick();
		g.end();
		assertThat(g.all(UnitsRanked.class)).isEmpty();
		assertThat(g.game.unitRanking()).isEmpty();
	}

	@Test
	void rungChuongVangByUnitTheLastUnitWithSurvivorsWins() {
		Roster roster = new Roster(Nicknames.standard(), 100, UNITS);
		Player a1 = roster.join("A1", "t1", "10A1", 0);
		Player a2 = roster.join("A2", "t2", "10A1", 0);
		Player b1 = roster.join("B1", "t3", "10A2", 0);
		Player c1 = roster.join("C1", "t4", "10A3", 0);
		Set<Integer> out = new java.util.HashSet<>();
		assertThat(UnitRanking.unitsWithSurvivors(roster, p -> out.contains(p.number())))
			.containsExactly(UNITS.get(0), UNITS.get(1), UNITS.get(2));
		out.add(b1.number());
		out.add(a1.number());
		assertThat(UnitRanking.lastUnitWithSurvivors(roster, p -> out.contains(p.number()))).isEmpty();
		roster.kick(c1.number()); // a kicked player is no survivor
		assertThat(UnitRanking.lastUnitWithSurvivors(roster, p -> out.contains(p.number()))).contains(UNITS.get(0));
		assertThat(UnitRanking.survivorsByUnit(roster, p -> out.contains(p.number())))
			.containsEntry(UNITS.get(0), 1).containsEntry(UNITS.get(1), 0).containsEntry(UNITS.get(2), 0);
		out.add(a2.number());
		// Everyone fell: no winner until the organiser's "all fall" rule brings players back.
		assertThat(UnitRanking.lastUnitWithSurvivors(roster, p -> out.contains(p.number()))).isEmpty();
	}
}
