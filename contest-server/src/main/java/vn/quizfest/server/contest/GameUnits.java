package vn.quizfest.server.contest;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.bank.BankAccess;
import vn.quizfest.server.bank.TeamsRequest;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.TeamSettings;
import vn.quizfest.server.system.ApiException;

/**
 * Team play by unit: the units of a live game taken from the organisation's unit tree (a contest's
 * units, table {@code contest_unit}), read only, so the contest feature is not changed. The game keeps
 * a copy in its settings: editing the tree later does not change a game.
 */
@Component
class GameUnits {

	private final JdbcClient jdbc;

	GameUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(String code, String name, int level) {
	}

	/** The settings with the contest's units filled in, when the organiser named a contest and typed none. */
	GameSettings withContestUnits(GameSettings settings, @Nullable TeamsRequest request, OrganiserPrincipal organiser) {
		TeamSettings teams = settings.teams();
		if (teams == null || !teams.units().isEmpty() || teams.contestId() == null) {
			return settings;
		}
		List<Unit> units = units(teams.contestId(), request == null ? null : request.contestLevel(), organiser);
		try {
			return settings.withTeams(teams.withUnits(units));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.invalid", ex.getMessage());
		}
	}

	/**
	 * The units of one level of a contest's tree (the deepest level when none is named), in the tree's
	 * order; {@code 404 game.teams.contest-not-found} for a contest of another organisation.
	 */
	List<Unit> units(long contestId, @Nullable Integer level, OrganiserPrincipal organiser) {
		Long organisation = jdbc.sql("SELECT organisation_id FROM contest WHERE id = ?")
			.param(contestId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (organisation == null
				|| !BankAccess.isAdmin(organiser) && !organisation.equals(organiser.organisationId())) {
			throw new ApiException(HttpStatus.NOT_FOUND, "game.teams.contest-not-found", contestId);
		}
		List<Row> rows = jdbc.sql("SELECT code, name, level FROM contest_unit WHERE contest_id = ? ORDER BY position")
			.param(contestId)
			.query((rs, row) -> new Row(rs.getString("code"), rs.getString("name"), rs.getInt("level")))
			.list();
		int chosen = level != null ? level : rows.stream().mapToInt(Row::level).max().orElse(0);
		List<Unit> units = new ArrayList<>();
		for (Row row : rows) {
			if (row.level() == chosen) {
				units.add(new Unit(row.code(), row.name().length() > Unit.MAX_NAME_LENGTH
						? row.name().substring(0, Unit.MAX_NAME_LENGTH) : row.name()));
			}
		}
		if (units.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.contest-no-units", contestId);
		}
		if (units.size() > TeamSettings.MAX_UNITS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.too-many-units", units.size(),
					TeamSettings.MAX_UNITS);
		}
		return units;
	}
}
