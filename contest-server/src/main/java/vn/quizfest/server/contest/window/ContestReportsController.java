package vn.quizfest.server.contest.window;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;

/**
 * The organiser's reports and exports. Exports are XLSX, or CSV with the same columns; headings in the
 * caller's language; every export that holds personal data is recorded in the contest's access log.
 */
@RestController
@RequestMapping("/api/contests/{id}")
@PreAuthorize("hasRole('ORGANISER')")
@Tag(name = "Contest reports", description = "Participation, rankings and exports of self-paced contests")
class ContestReportsController {

	private final ContestAccess access;

	private final ContestReports reports;

	private final ContestStore store;

	private final ResultStore results;

	private final DataAccessLog accessLog;

	private final Messages messages;

	ContestReportsController(ContestAccess access, ContestReports reports, ContestStore store, ResultStore results,
			DataAccessLog accessLog, Messages messages) {
		this.access = access;
		this.reports = reports;
		this.store = store;
		this.results = results;
		this.accessLog = accessLog;
		this.messages = messages;
	}

	@GetMapping("/reports/overview")
	@Operation(summary = "Entrants and attempts: totals, in progress now, per hour (last 48 hours) and per day")
	ContestReports.Overview overview(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		return reports.overview(access.contest(who, id).id());
	}

	@GetMapping("/reports/units")
	@Operation(summary = "Units' participation and points; of a round when given, children of a parent when given",
			description = "date (yyyy-mm-dd): entrants up to the end of that day in Asia/Ho_Chi_Minh")
	List<ContestReports.UnitLine> units(@PathVariable long id, @RequestParam(required = false) @Nullable Long round,
			@RequestParam(required = false) @Nullable String parent, @RequestParam(required = false) @Nullable String date,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		Round chosen = round == null ? null : access.round(contest, round);
		return reports.units(contest.id(), chosen, ContestsController.blank(parent), day(date));
	}

	private static @Nullable Integer day(@Nullable String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			java.time.LocalDate day = java.time.LocalDate.parse(date.strip());
			return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
		}
		catch (java.time.DateTimeException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "request.parameter.invalid", "date");
		}
	}

	// Exports

	@GetMapping("/rounds/{roundId}/winners.{format}")
	@Operation(summary = "The winners with their full details (XLSX or CSV; recorded)")
	ResponseEntity<byte[]> winners(@PathVariable long id, @PathVariable long roundId, @PathVariable String format,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		isXlsx(format);
		Contest contest = access.contest(who, id);
		Round round = closed(contest, roundId);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> unitNames = unitNames(contest);
		ContestSheets.Table table = new ContestSheets.Table(text(locale, "contest.export.sheet.winners"),
				headings(locale, "rank", "prize", "fullName", "birthYear", "gender", "cccd", "phone", "email", "unitCode",
						"unitName", "score", "correctCount", "timeUsedSeconds", "submittedAt", "prediction", "predictionDistance"),
				new int[] { 8, 18, 28, 10, 10, 16, 14, 26, 12, 28, 10, 10, 14, 26, 12, 12 },
				sink -> results.winners(round.id()).forEach(r -> sink.accept(resultCells(round, r, unitNames, locale))));
		return export(contest, who, "winners:" + round.id(), "contest.export.file.winners", table, format, locale, true);
	}

	@GetMapping("/rounds/{roundId}/entrants.{format}")
	@Operation(summary = "All entrants of a round: the ranking once it closed, every attempt so far while it is open (recorded)")
	ResponseEntity<byte[]> entrants(@PathVariable long id, @PathVariable long roundId, @PathVariable String format,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		isXlsx(format);
		Contest contest = access.contest(who, id);
		Round round = access.round(contest, roundId);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> unitNames = unitNames(contest);
		ContestSheets.Table table;
		if (round.state() == Round.State.CLOSED) {
			table = new ContestSheets.Table(text(locale, "contest.export.sheet.entrants"),
					headings(locale, "rank", "prize", "fullName", "birthYear", "gender", "cccd", "phone", "email", "unitCode",
							"unitName", "score", "correctCount", "timeUsedSeconds", "submittedAt", "prediction",
							"predictionDistance"),
					new int[] { 8, 18, 28, 10, 10, 16, 14, 26, 12, 28, 10, 10, 14, 26, 12, 12 },
					sink -> results.eachResult(round.id(), r -> sink.accept(resultCells(round, r, unitNames, locale))));
		}
		else {
			table = new ContestSheets.Table(text(locale, "contest.export.sheet.entrants"),
					headings(locale, "attemptId", "state", "fullName", "birthYear", "gender", "cccd", "phone", "email",
							"unitCode", "unitName", "startedAt", "submittedAt", "score", "correctCount", "timeUsedSeconds",
							"prediction"),
					new int[] { 10, 14, 28, 10, 10, 16, 14, 26, 12, 28, 26, 26, 10, 10, 14, 12 },
					sink -> results.eachAttempt(round.id(), row -> {
						Attempt a = row.attempt();
						Entrant e = row.entrant();
						List<@Nullable Object> cells = new ArrayList<>();
						cells.add(a.id());
						cells.add(text(locale, "contest.export.state." + a.state().name()));
						identity(cells, e, unitNames, locale);
						cells.add(ContestTime.iso(a.startedAt()));
						cells.add(ContestTime.isoOrNull(a.submittedAt()));
						cells.add(a.score());
						cells.add(a.correctCount());
						cells.add(a.timeUsedMs() == null ? null : a.timeUsedMs() / 1000.0);
						cells.add(a.prediction());
						sink.accept(cells);
					}));
		}
		return export(contest, who, "entrants:" + round.id(), "contest.export.file.entrants", table, format, locale, true);
	}

	@GetMapping("/rounds/{roundId}/unit-ranking.{format}")
	@Operation(summary = "The units' ranking of a closed round (no personal data)")
	ResponseEntity<byte[]> unitRanking(@PathVariable long id, @PathVariable long roundId, @PathVariable String format,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		isXlsx(format);
		Contest contest = access.contest(who, id);
		Round round = closed(contest, roundId);
		Locale locale = LocaleContextHolder.getLocale();
		List<ContestReports.UnitLine> lines = reports.units(contest.id(), round, null, null);
		ContestSheets.Table table = new ContestSheets.Table(text(locale, "contest.export.sheet.unit-ranking"),
				headings(locale, "unitCode", "unitName", "parentCode", "level", "rank", "population", "entrants",
						"participationPercent", "prizePoints", "points"),
				new int[] { 12, 30, 12, 8, 8, 12, 12, 14, 12, 12 },
				sink -> lines.forEach(l -> sink.accept(java.util.Arrays.asList(l.code(), l.name(), l.parentCode(), l.level(),
						l.rank(), l.population(), l.entrants(), l.participationRate() * 100, l.prizePoints(), l.points()))));
		return export(contest, who, "unit-ranking:" + round.id(), "contest.export.file.unit-ranking", table, format, locale,
				false);
	}

	@GetMapping("/reports/participation.{format}")
	@Operation(summary = "Entrants registered and attempts started per unit per day (no personal data)")
	ResponseEntity<byte[]> participation(@PathVariable long id, @PathVariable String format,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		isXlsx(format);
		Contest contest = access.contest(who, id);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> unitNames = unitNames(contest);
		List<ContestReports.ParticipationRow> rows = reports.participation(contest.id());
		ContestSheets.Table table = new ContestSheets.Table(text(locale, "contest.export.sheet.participation"),
				headings(locale, "unitCode", "unitName", "date", "entrants", "attempts"), new int[] { 12, 30, 14, 12, 12 },
				sink -> rows.forEach(r -> sink.accept(java.util.Arrays.asList(r.unitCode().isEmpty() ? null : r.unitCode(),
						unitNames.get(r.unitCode()), ContestTime.dayText(r.day()), r.entrants(), r.attempts()))));
		return export(contest, who, "participation", "contest.export.file.participation", table, format, locale, false);
	}

	private List<@Nullable Object> resultCells(Round round, ResultStore.ResultRow r, Map<String, String> unitNames,
			Locale locale) {
		List<@Nullable Object> cells = new ArrayList<>();
		cells.add(r.rank());
		cells.add(r.prizeIndex() == null ? null : round.prizes().get(r.prizeIndex()).name());
		identity(cells, r.entrant(), unitNames, locale);
		cells.add(r.score());
		cells.add(r.correctCount());
		cells.add(r.timeUsedMs() / 1000.0);
		cells.add(ContestTime.iso(r.submittedAt()));
		cells.add(r.prediction());
		cells.add(r.predictionDistance());
		return cells;
	}

	private void identity(List<@Nullable Object> cells, Entrant e, Map<String, String> unitNames, Locale locale) {
		cells.add(e.fullName());
		cells.add(e.birthYear());
		cells.add(e.gender() == null ? null : text(locale, "contest.export.gender." + e.gender()));
		cells.add(e.cccd());
		cells.add(e.phone());
		cells.add(e.email());
		cells.add(e.unitCode());
		cells.add(e.unitCode() == null ? null : unitNames.get(e.unitCode()));
	}

	private Map<String, String> unitNames(Contest contest) {
		Map<String, String> names = new HashMap<>();
		store.units(contest.id()).forEach(u -> names.put(u.code(), u.name()));
		return names;
	}

	private Round closed(Contest contest, long roundId) {
		Round round = access.round(contest, roundId);
		if (round.state() != Round.State.CLOSED) {
			throw new ApiException(HttpStatus.CONFLICT, "round.not-closed");
		}
		return round;
	}

	private List<String> headings(Locale locale, String... columns) {
		return java.util.Arrays.stream(columns).map(c -> text(locale, "contest.export.column." + c)).toList();
	}

	private String text(Locale locale, String code) {
		return messages.get(locale, code);
	}

	/** xlsx or csv; any other format is 404, checked before anything else is looked at. */
	private static boolean isXlsx(String format) {
		return switch (format) {
			case "xlsx" -> true;
			case "csv" -> false;
			default -> throw new ApiException(HttpStatus.NOT_FOUND, "contest.export.format", format);
		};
	}

	private ResponseEntity<byte[]> export(Contest contest, OrganiserPrincipal who, String what, String fileCode,
			ContestSheets.Table table, String format, Locale locale, boolean personal) {
		boolean xlsx = isXlsx(format);
		var out = new ByteArrayOutputStream();
		int rows = xlsx ? ContestSheets.xlsx(table, out) : ContestSheets.csv(table, out);
		if (personal) {
			accessLog.record(contest.id(), who, what + "." + format, rows);
		}
		String name = messages.get(locale, fileCode, contest.slug()) + (xlsx ? ".xlsx" : ".csv");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(xlsx ? ContestSheets.XLSX : ContestSheets.CSV))
			.body(out.toByteArray());
	}
}
