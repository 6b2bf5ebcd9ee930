package vn.quizfest.server.game.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Ranking;
import vn.quizfest.server.game.Roster;
import vn.quizfest.server.game.TeamScore;
import vn.quizfest.server.game.TeamSettings;
import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.UnitPlace;
import vn.quizfest.server.game.UnitStanding;

/**
 * The ranking policy of team play by unit, for any format: after each scored question a unit gets
 * the mean (or sum, or mean of the best K) of its members' points for that question, so a big class
 * does not win by size alone. Individual scores are not touched: the players' own ranking goes on
 * beside this one. Pure and deterministic, like the engine it runs in.
 */
public final class UnitRanking {

	private final TeamSettings settings;

	private final Roster roster;

	/** Unit points so far, by unit key, in the organiser's order. */
	private final Map<String, Double> scores = new LinkedHashMap<>();

	public UnitRanking(TeamSettings settings, Roster roster) {
		this.settings = settings;
		this.roster = roster;
		for (Unit unit : roster.units()) {
			scores.put(Unit.key(unit.id()), 0.0);
		}
	}

	/** The units' points so far, for a snapshot, in the organiser's order. */
	public List<GameSnapshot.UnitScore> state() {
		List<GameSnapshot.UnitScore> state = new ArrayList<>(scores.size());
		for (Unit unit : roster.units()) {
			state.add(new GameSnapshot.UnitScore(unit.id(), scores.get(Unit.key(unit.id()))));
		}
		return state;
	}

	/** Takes a snapshot's points; throws {@link GameSnapshot.Unrestorable} when its units are not these. */
	public void restore(List<GameSnapshot.UnitScore> state) {
		if (state.size() != scores.size()) {
			throw new GameSnapshot.Unrestorable("the snapshot has " + state.size() + " units, the game " + scores.size());
		}
		for (GameSnapshot.UnitScore saved : state) {
			String key = Unit.key(saved.unit());
			if (!scores.containsKey(key)) {
				throw new GameSnapshot.Unrestorable("the snapshot has unit " + saved.unit() + " the game does not");
			}
			scores.put(key, saved.score());
		}
	}

	public TeamSettings settings() {
		return settings;
	}

	/**
	 * Adds one closed, scored question: the members of a unit are its players that took part in the
	 * question (those in {@code outcomes}, absent ones at 0 points), not kicked since.
	 */
	public void questionClosed(Map<Integer, Outcome> outcomes) {
		Map<String, List<Integer>> points = new HashMap<>();
		for (Outcome outcome : outcomes.values()) {
			Player player = roster.active(outcome.player());
			if (player == null || player.unit() == null) {
				continue;
			}
			points.computeIfAbsent(Unit.key(player.unit().id()), key -> new ArrayList<>()).add(outcome.points());
		}
		points.forEach((key, memberPoints) -> scores.merge(key, questionPoints(settings.score(), settings.bestK(),
				memberPoints), Double::sum));
	}

	/** One question's points of a unit from its members' points; 0 for a unit without members. */
	public static double questionPoints(TeamScore mode, int bestK, List<Integer> memberPoints) {
		if (memberPoints.isEmpty()) {
			return 0;
		}
		long sum = 0;
		switch (mode) {
			case SUM -> {
				for (int p : memberPoints) {
					sum += p;
				}
				return sum;
			}
			case MEAN -> {
				for (int p : memberPoints) {
					sum += p;
				}
				return (double) sum / memberPoints.size();
			}
			case BEST_K -> {
				List<Integer> sorted = new ArrayList<>(memberPoints);
				sorted.sort(Comparator.reverseOrder());
				int counted = Math.min(bestK, sorted.size());
				for (int i = 0; i < counted; i++) {
					sum += sorted.get(i);
				}
				return (double) sum / counted;
			}
		}
		throw new IllegalStateException(mode.name());
	}

	/**
	 * The units in rank order: higher score first, then the organiser's order; units with fewer than
	 * {@link TeamSettings#minMembers()} members follow, unranked (rank 0).
	 */
	public List<UnitStanding> standings() {
		Map<String, Integer> members = memberCounts();
		List<Unit> units = roster.units();
		List<Unit> ranked = new ArrayList<>();
		List<Unit> unranked = new ArrayList<>();
		for (Unit unit : units) {
			(members.getOrDefault(Unit.key(unit.id()), 0) >= settings.minMembers() ? ranked : unranked).add(unit);
		}
		// A stable sort: equal scores keep the organiser's order.
		ranked.sort(Comparator.comparingDouble((Unit unit) -> scores.get(Unit.key(unit.id()))).reversed());
		List<UnitStanding> standings = new ArrayList<>(units.size());
		for (Unit unit : ranked) {
			standings.add(new UnitStanding(standings.size() + 1, unit, scores.get(Unit.key(unit.id())),
					members.getOrDefault(Unit.key(unit.id()), 0)));
		}
		for (Unit unit : unranked) {
			standings.add(new UnitStanding(0, unit, scores.get(Unit.key(unit.id())),
					members.getOrDefault(Unit.key(unit.id()), 0)));
		}
		return standings;
	}

	private Map<String, Integer> memberCounts() {
		Map<String, Integer> members = new HashMap<>();
		roster.byUnit().forEach((unit, players) -> {
			int count = 0;
			for (Player player : players) {
				if (!player.kicked()) {
					count++;
				}
			}
			members.put(Unit.key(unit.id()), count);
		});
		return members;
	}

	/** Every player's place inside its unit, by the individual order ({@link Ranking#ORDER}). */
	public Map<Integer, UnitPlace> places() {
		Map<Integer, UnitPlace> places = new HashMap<>();
		roster.byUnit().forEach((unit, players) -> {
			List<Player> members = new ArrayList<>(players.size());
			for (Player player : players) {
				if (!player.kicked()) {
					members.add(player);
				}
			}
			members.sort(Ranking.ORDER);
			for (int i = 0; i < members.size(); i++) {
				places.put(members.get(i).number(), new UnitPlace(unit, i + 1, members.size()));
			}
		});
		return places;
	}

	/**
	 * Rung chuông vàng by unit: the units that still have players on the floor, in the organiser's
	 * order. When exactly one remains it is the last unit with survivors, the winner; the format calls
	 * this after each question with its own notion of eliminated.
	 */
	public static List<Unit> unitsWithSurvivors(Roster roster, Predicate<Player> eliminated) {
		List<Unit> alive = new ArrayList<>();
		roster.byUnit().forEach((unit, players) -> {
			for (Player player : players) {
				if (!player.kicked() && !eliminated.test(player)) {
					alive.add(unit);
					return;
				}
			}
		});
		return alive;
	}

	/**
	 * The winning unit of a Rung chuông vàng game by unit: the last unit with survivors. Empty while two
	 * or more units have survivors, or when the last question took everyone (the organiser's rule for
	 * "all fall" then decides who is back on the floor, and this is asked again).
	 */
	public static Optional<Unit> lastUnitWithSurvivors(Roster roster, Predicate<Player> eliminated) {
		List<Unit> alive = unitsWithSurvivors(roster, eliminated);
		return alive.size() == 1 ? Optional.of(alive.get(0)) : Optional.empty();
	}

	/** Survivors per unit (kicked players excluded), in the organiser's order: the presenter's count. */
	public static Map<Unit, Integer> survivorsByUnit(Roster roster, Predicate<Player> eliminated) {
		Map<Unit, Integer> counts = new LinkedHashMap<>();
		roster.byUnit().forEach((unit, players) -> {
			int count = 0;
			for (Player player : players) {
				if (!player.kicked() && !eliminated.test(player)) {
					count++;
				}
			}
			counts.put(unit, count);
		});
		return counts;
	}
}
