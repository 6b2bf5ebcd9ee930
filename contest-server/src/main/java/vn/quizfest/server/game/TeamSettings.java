package vn.quizfest.server.game;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;


/**
 * Team play by unit: players play for a unit (class, commune, neighbourhood) and units are ranked
 * beside the players. Works in any format that ranks with {@link UnitRanking}.
 *
 * @param units the units players choose from, in the order screens list them (1..{@value #MAX_UNITS});
 *        filled from the organisation's contest units when {@code contestId} is set and none are typed
 * @param score how a question's member points make the unit's points ({@link TeamScore#MEAN} when absent)
 * @param bestK with {@link TeamScore#BEST_K}, how many best members count (1..100, default 5)
 * @param minMembers members a unit needs to be ranked (1..1000, default 3); smaller units are listed unranked
 * @param assignments players assigned by the organiser: nickname, or player number, to unit id. An
 *        assigned player joins for that unit whatever the phone chose (up to {@value #MAX_ASSIGNMENTS})
 * @param contestId take the units from this contest of the organisation (its unit tree), or null
 */
public record TeamSettings(List<Unit> units, TeamScore score, int bestK, int minMembers,
		Map<String, String> assignments, @Nullable Long contestId) {

	public static final int MAX_UNITS = 500;

	public static final int MAX_ASSIGNMENTS = 50_000;

	public static final int DEFAULT_BEST_K = 5;

	public static final int DEFAULT_MIN_MEMBERS = 3;

	public TeamSettings {
		units = units == null ? List.of() : List.copyOf(units);
		score = score == null ? TeamScore.MEAN : score;
		bestK = bestK == 0 ? DEFAULT_BEST_K : bestK;
		minMembers = minMembers == 0 ? DEFAULT_MIN_MEMBERS : minMembers;
		assignments = assignments == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(assignments));
		if (units.size() > MAX_UNITS) {
			throw new IllegalArgumentException("at most " + MAX_UNITS + " units");
		}
		if (units.isEmpty() && contestId == null) {
			throw new IllegalArgumentException("team play needs units: a list, or a contest to take them from");
		}
		if (bestK < 1 || bestK > 100) {
			throw new IllegalArgumentException("bestK must be 1..100");
		}
		if (minMembers < 1 || minMembers > 1000) {
			throw new IllegalArgumentException("minMembers must be 1..1000");
		}
		if (assignments.size() > MAX_ASSIGNMENTS) {
			throw new IllegalArgumentException("at most " + MAX_ASSIGNMENTS + " assignments");
		}
		Set<String> ids = units.stream().map(unit -> Unit.key(unit.id())).collect(Collectors.toSet());
		if (ids.size() != units.size()) {
			throw new IllegalArgumentException("a unit is listed twice");
		}
		if (!units.isEmpty()) {
			for (Map.Entry<String, String> assignment : assignments.entrySet()) {
				if (assignment.getValue() == null || !ids.contains(Unit.key(assignment.getValue()))) {
					throw new IllegalArgumentException(
							"assignment " + assignment.getKey() + " names a unit that is not listed");
				}
			}
		}
	}

	/** Teams of these units, ranked by the mean, defaults for the rest. */
	public static TeamSettings of(List<Unit> units) {
		return new TeamSettings(units, TeamScore.MEAN, DEFAULT_BEST_K, DEFAULT_MIN_MEMBERS, Map.of(), null);
	}

	public TeamSettings withUnits(List<Unit> resolved) {
		return new TeamSettings(resolved, score, bestK, minMembers, assignments, contestId);
	}

	public TeamSettings withScore(TeamScore mode, int k, int min) {
		return new TeamSettings(units, mode, k, min, assignments, contestId);
	}

	public TeamSettings withAssignments(Map<String, String> byNicknameOrNumber) {
		return new TeamSettings(units, score, bestK, minMembers, byNicknameOrNumber, contestId);
	}
}
