package vn.quizfest.server.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.TeamScore;
import vn.quizfest.server.game.TeamSettings;
import vn.quizfest.server.system.ApiException;

/**
 * Team play by unit as the API takes it (the {@code teams} field of the game settings): the units typed
 * in the create form, or a contest of the organisation to take them from, and how units are ranked.
 * Every field is optional; {@link #resolve()} checks them with a clear error.
 *
 * @param units units as {@code {"id":"10A1","name":"Lớp 10A1"}}; a unit without an id takes its name as id
 * @param assignments nickname or player number to unit id (from an uploaded list)
 * @param contestId take the units from this contest's unit tree (used when no units are typed)
 * @param contestLevel with {@code contestId}, the level of the tree to play by (default: the deepest)
 */
public record TeamsRequest(@Nullable List<UnitInput> units, @Nullable TeamScore score, @Nullable Integer bestK,
		@Nullable Integer minMembers, @Nullable Map<String, String> assignments, @Nullable Long contestId,
		@Nullable Integer contestLevel) {

	public record UnitInput(@Nullable String id, @Nullable String name) {
	}

	/** The typed units; {@code 400 game.teams.invalid} for a unit without a name or with a too long id or name. */
	public List<Unit> typedUnits() {
		List<Unit> resolved = new ArrayList<>();
		if (units != null) {
			for (UnitInput input : units) {
				String name = input == null || input.name() == null ? null : input.name().strip();
				String id = input == null || input.id() == null || input.id().isBlank() ? name : input.id().strip();
				if (name == null || name.isEmpty() || id.length() > Unit.MAX_ID_LENGTH
						|| name.length() > Unit.MAX_NAME_LENGTH) {
					throw invalid("unit " + (resolved.size() + 1) + ": a name of 1.." + Unit.MAX_NAME_LENGTH
							+ " characters and an id of 1.." + Unit.MAX_ID_LENGTH);
				}
				resolved.add(new Unit(id, name));
			}
		}
		return resolved;
	}

	/** The settings with these units (typed, or read from the contest by the caller). */
	public TeamSettings resolve(List<Unit> resolvedUnits) {
		try {
			return new TeamSettings(resolvedUnits, score, bestK == null ? 0 : bestK, minMembers == null ? 0 : minMembers,
					assignments == null ? Map.of() : assignments, contestId);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw invalid(ex.getMessage() == null ? "teams" : ex.getMessage());
		}
	}

	/** With only typed units (a contest's units are read when the game is created). */
	public TeamSettings resolve() {
		return resolve(typedUnits());
	}

	static ApiException invalid(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "game.teams.invalid", detail);
	}
}
