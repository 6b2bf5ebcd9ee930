package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The organiser's figures: entrants and attempts now, per hour and per day; units' participation
 * (live while a round runs, stored once it closed). Every query groups on indexed integer columns
 * (unit, day), so a 500,000-entrant contest answers in well under the 2 s the daily report allows.
 */
@Service
class ContestReports {

	private static final long HOUR = 3_600_000L;

	/** Hours the per-hour chart covers, back from now. */
	static final int HOURS = 48;

	record Hour(String hour, long entrants, long attempts) {
	}

	record Day(String date, long entrants, long attempts) {
	}

	record Overview(long entrants, long attempts, long submitted, long inProgress, List<Hour> perHour, List<Day> perDay,
			long serverTime) {
	}

	record UnitLine(String code, String name, @Nullable String parentCode, int level, long population, long entrants,
			double participationRate, long prizePoints, double points, int rank) {
	}

	private final JdbcClient jdbc;

	private final ContestStore contests;

	private final ResultStore results;

	private final Clock clock;

	ContestReports(JdbcClient jdbc, ContestStore contests, ResultStore results, Clock clock) {
		this.jdbc = jdbc;
		this.contests = contests;
		this.results = results;
		this.clock = clock;
	}

	Overview overview(long contestId) {
		long now = clock.millis();
		Map<String, Long> states = new HashMap<>();
		jdbc.sql("SELECT a.state, COUNT(*) FROM contest_attempt a JOIN contest_round r ON r.id = a.round_id "
				+ "WHERE r.contest_id = ? GROUP BY a.state")
			.param(contestId)
			.query(rs -> {
				states.put(rs.getString(1), rs.getLong(2));
			});
		long submitted = states.getOrDefault("SUBMITTED", 0L);
		long inProgress = states.getOrDefault("IN_PROGRESS", 0L);

		long since = (now / HOUR - HOURS + 1) * HOUR;
		TreeMap<Long, long[]> hours = new TreeMap<>();
		for (long h = since / HOUR; h <= now / HOUR; h++) {
			hours.put(h, new long[2]);
		}
		// Grouped in the database: FLOOR of the division is the hour number on MySQL, MariaDB and H2 alike.
		// Both counts read only the columns of ix_entrant_registered and ix_attempt_round_started, so they
		// come from the index without a row lookup per registration or attempt of the last 48 hours.
		jdbc.sql("SELECT FLOOR(registered_at / 3600000), COUNT(*) FROM contest_entrant WHERE contest_id = ? "
				+ "AND registered_at >= ? GROUP BY FLOOR(registered_at / 3600000)")
			.params(contestId, since)
			.query(rs -> {
				long[] bucket = hours.get(rs.getLong(1));
				if (bucket != null) {
					bucket[0] += rs.getLong(2);
				}
			});
		for (Round round : contests.rounds(contestId)) {
			jdbc.sql("SELECT FLOOR(started_at / 3600000), COUNT(*) FROM contest_attempt WHERE round_id = ? AND started_at >= ? "
					+ "GROUP BY FLOOR(started_at / 3600000)")
				.params(round.id(), since)
				.query(rs -> {
					long[] bucket = hours.get(rs.getLong(1));
					if (bucket != null) {
						bucket[1] += rs.getLong(2);
					}
				});
		}
		List<Hour> perHour = hours.entrySet()
			.stream()
			.map(e -> new Hour(ContestTime.iso(e.getKey() * HOUR), e.getValue()[0], e.getValue()[1]))
			.toList();

		TreeMap<Integer, long[]> days = new TreeMap<>();
		jdbc.sql("SELECT registered_day, COUNT(*) FROM contest_entrant WHERE contest_id = ? GROUP BY registered_day")
			.param(contestId)
			.query(rs -> {
				days.computeIfAbsent(rs.getInt(1), d -> new long[2])[0] = rs.getLong(2);
			});
		jdbc.sql("SELECT a.started_day, COUNT(*) FROM contest_attempt a JOIN contest_round r ON r.id = a.round_id "
				+ "WHERE r.contest_id = ? GROUP BY a.started_day")
			.param(contestId)
			.query(rs -> {
				days.computeIfAbsent(rs.getInt(1), d -> new long[2])[1] = rs.getLong(2);
			});
		// Every entrant has a registration day: the total is the sum of the days (one index scan less).
		long entrants = days.values().stream().mapToLong(d -> d[0]).sum();
		List<Day> perDay = days.entrySet()
			.stream()
			.map(e -> new Day(ContestTime.dayText(e.getKey()), e.getValue()[0], e.getValue()[1]))
			.toList();
		return new Overview(entrants, submitted + inProgress, submitted, inProgress, perHour, perDay, now);
	}

	/**
	 * Units' participation: of a closed round as stored at its close; of an open round, entrants with an
	 * attempt in it so far; without a round, registered entrants (up to the end of {@code day} when given).
	 * Only the children of {@code parent} when given; parents before children otherwise.
	 */
	List<UnitLine> units(long contestId, @Nullable Round round, @Nullable String parent, @Nullable Integer day) {
		List<ContestStore.UnitRow> units = contests.units(contestId);
		List<UnitPoints.Standing> standings;
		if (round != null && round.state() == Round.State.CLOSED) {
			Map<String, ResultStore.UnitResultRow> stored = new HashMap<>();
			results.units(round.id()).forEach(u -> stored.put(u.code(), u));
			Map<String, Long> population = populations(units);
			standings = new ArrayList<>();
			for (ContestStore.UnitRow unit : units) {
				ResultStore.UnitResultRow s = stored.get(unit.code());
				if (s != null) {
					standings.add(new UnitPoints.Standing(unit.code(), unit.parentCode(), s.entrants(),
							population.getOrDefault(unit.code(), 0L), s.participationRate(), s.prizePoints(), s.points(), s.rank()));
				}
			}
		}
		else {
			Map<String, Long> entrants = new HashMap<>();
			if (round != null) {
				jdbc.sql("SELECT unit_code, COUNT(DISTINCT entrant_id) FROM contest_attempt WHERE round_id = ? "
						+ (day == null ? "" : "AND started_day <= " + day + " ") + "GROUP BY unit_code")
					.param(round.id())
					.query(rs -> {
						if (rs.getString(1) != null) {
							entrants.put(rs.getString(1), rs.getLong(2));
						}
					});
			}
			else {
				jdbc.sql("SELECT unit_code, COUNT(*) FROM contest_entrant WHERE contest_id = ? "
						+ (day == null ? "" : "AND registered_day <= " + day + " ") + "GROUP BY unit_code")
					.param(contestId)
					.query(rs -> {
						if (rs.getString(1) != null) {
							entrants.put(rs.getString(1), rs.getLong(2));
						}
					});
			}
			standings = UnitPoints.score(units.stream().map(u -> new UnitPoints.Unit(u.code(), u.parentCode(), u.population())).toList(),
					entrants, Map.of());
		}
		Map<String, ContestStore.UnitRow> byCode = new HashMap<>();
		units.forEach(u -> byCode.put(u.code(), u));
		List<UnitLine> lines = new ArrayList<>();
		for (UnitPoints.Standing s : standings) {
			ContestStore.UnitRow unit = byCode.get(s.code());
			if (parent != null && !parent.equals(unit.parentCode())) {
				continue;
			}
			lines.add(new UnitLine(s.code(), unit.name(), unit.parentCode(), unit.level(), s.population(), s.entrants(),
					s.participationRate(), s.prizePoints(), s.points(), s.rank()));
		}
		if (parent != null) {
			lines.sort(Comparator.comparingInt(UnitLine::rank).thenComparing(UnitLine::code));
		}
		return lines;
	}

	private static Map<String, Long> populations(List<ContestStore.UnitRow> units) {
		List<UnitPoints.Standing> standings = UnitPoints.score(
				units.stream().map(u -> new UnitPoints.Unit(u.code(), u.parentCode(), u.population())).toList(), Map.of(),
				Map.of());
		Map<String, Long> population = new HashMap<>();
		standings.forEach(s -> population.put(s.code(), s.population()));
		return population;
	}

	/** Entrants registered per unit per day (rows of unit code and day), with the attempts started that day. */
	record ParticipationRow(String unitCode, int day, long entrants, long attempts) {
	}

	List<ParticipationRow> participation(long contestId) {
		Map<String, long[]> cells = new TreeMap<>();
		jdbc.sql("SELECT unit_code, registered_day, COUNT(*) FROM contest_entrant WHERE contest_id = ? "
				+ "GROUP BY unit_code, registered_day")
			.param(contestId)
			.query(rs -> {
				cells.computeIfAbsent(key(rs.getString(1), rs.getInt(2)), k -> new long[2])[0] = rs.getLong(3);
			});
		for (Round round : contests.rounds(contestId)) {
			jdbc.sql("SELECT unit_code, started_day, COUNT(*) FROM contest_attempt WHERE round_id = ? GROUP BY unit_code, started_day")
				.param(round.id())
				.query(rs -> {
					cells.computeIfAbsent(key(rs.getString(1), rs.getInt(2)), k -> new long[2])[1] += rs.getLong(3);
				});
		}
		List<ParticipationRow> rows = new ArrayList<>();
		cells.forEach((key, counts) -> {
			int split = key.lastIndexOf('|');
			rows.add(new ParticipationRow(key.substring(0, split), Integer.parseInt(key.substring(split + 1)), counts[0],
					counts[1]));
		});
		return rows;
	}

	private static String key(@Nullable String unit, int day) {
		return (unit == null ? "" : unit) + "|" + day;
	}
}
