package vn.quizfest.server.contest.window;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.web.JoinLinks;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;

/** The organiser's side of self-paced contests: contests, rounds, units, closing and results. */
@RestController
@RequestMapping("/api/contests")
@PreAuthorize("hasRole('ORGANISER')")
@Tag(name = "Contests", description = "Province-wide self-paced contests (docs/contests.md)")
class ContestsController {

	record ConsentView(String purpose, String retention, String controller) {
	}

	record ContestView(long id, String slug, String title, @Nullable String rulesText, long organisationId,
			List<EntrantForm.Field> form, String identityKey, ConsentView consent, int retentionDays, String publicUrl,
			@Nullable String identityErasedAt, String createdAt, int version, List<RoundView> rounds) {
	}

	record ContestPage(List<ContestView> items, int page, int size, long total) {
	}

	record PolicyView(String kind, int maxAttempts) {
	}

	record RoundView(long id, long contestId, String name, String opensAt, String closesAt, RoundPlan plan,
			PolicyView attemptPolicy, String predictionKind, List<TieBreak> tieBreak, List<PrizeTable.Prize> prizes,
			boolean showAnswersAfterClose, String state, int questionCount, int timeLimitSeconds,
			@Nullable Long realFigure, @Nullable JsonNode closeSummary, int version) {
	}

	record PreviewRequest(@Nullable Long seed) {
	}

	record PreviewQuestion(int index, long questionId, String type, String text, List<AttemptDesk.OptionView> options,
			List<Integer> correct, @Nullable String explanation, String topic, int difficulty) {
	}

	record Preview(long seed, int poolSize, List<PreviewQuestion> questions) {
	}

	record RankingRow(int position, int rank, long attemptId, long entrantId, Map<String, Object> entrant,
			@Nullable String unitCode, int score, int correctCount, long timeUsedMs, String submittedAt,
			@Nullable Long prediction, @Nullable Long predictionDistance, @Nullable String prize) {
	}

	/**
	 * @param next the {@code after} for the next page: the position (from 1) of its last row; null (left out of the answer) when the page is not full
	 */
	record Ranking(long roundId, @Nullable Long realFigure, long total, int page, int size, List<RankingRow> rows,
			@Nullable Integer next) {

		Ranking(long roundId, @Nullable Long realFigure, long total, int page, int size, List<RankingRow> rows) {
			this(roundId, realFigure, total, page, size, rows,
					rows.size() < size ? null : Integer.valueOf(rows.get(rows.size() - 1).position()));
		}
	}

	record EntrantRow(long id, Map<String, Object> fields, boolean locked, String registeredAt) {
	}

	record EntrantPage(List<EntrantRow> items, int page, int size, long total) {
	}

	record AttemptCheck(long attemptId, long seed, List<Long> questionIds, @Nullable Integer storedScore,
			int recomputedScore, @Nullable Integer storedCorrect, int recomputedCorrect, boolean matches) {
	}

	private final ContestStore store;

	private final ContestAdmin admin;

	private final ContestAccess access;

	private final RoundClosing closing;

	private final ResultStore results;

	private final EntrantStore entrants;

	private final AttemptStore attempts;

	private final AttemptDesk desk;

	private final DataAccessLog accessLog;

	private final JsonMapper json;

	private final JoinLinks links;

	private final SecureRandom random = new SecureRandom();

	ContestsController(ContestStore store, ContestAdmin admin, ContestAccess access, RoundClosing closing,
			ResultStore results, EntrantStore entrants, AttemptStore attempts, AttemptDesk desk, DataAccessLog accessLog,
			JsonMapper json, JoinLinks links) {
		this.store = store;
		this.admin = admin;
		this.access = access;
		this.closing = closing;
		this.results = results;
		this.entrants = entrants;
		this.attempts = attempts;
		this.desk = desk;
		this.accessLog = accessLog;
		this.json = json;
		this.links = links;
	}

	// Contests

	@GetMapping
	@Operation(summary = "Contests of the caller's organisation (all for an ADMIN), newest first")
	ContestPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		int p = Math.max(0, page);
		int s = Math.max(1, Math.min(size, 100));
		boolean all = who.role() == vn.quizfest.server.account.Role.ADMIN;
		if (!all && who.organisationId() == null) {
			return new ContestPage(List.of(), p, s, 0);
		}
		Long organisation = all ? null : who.organisationId();
		List<Contest> contests = store.contests(organisation, p, s);
		// Each contest with its rounds, as GET /api/contests/{id} gives them: one query for the page.
		var rounds = store.roundsOf(contests.stream().map(Contest::id).toList());
		List<ContestView> items = contests.stream().map(c -> view(c, rounds.getOrDefault(c.id(), List.of()))).toList();
		return new ContestPage(items, p, s, store.countContests(organisation));
	}

	@PostMapping
	@Operation(summary = "Create a contest")
	ResponseEntity<ContestView> create(@RequestBody ContestAdmin.ContestRequest request,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = admin.create(who, request);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(contest, List.of()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One contest with its rounds")
	ContestView get(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		return view(contest, store.rounds(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a contest", description = "With version: 409 contest.stale when it changed meanwhile")
	ContestView update(@PathVariable long id, @RequestBody ContestAdmin.ContestRequest request,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = admin.update(access.contest(who, id), request);
		return view(contest, store.rounds(id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a contest with everything in it", description = "Refused (409) once a round has opened")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		access.contest(who, id);
		if (store.rounds(id).stream().anyMatch(r -> r.state() != Round.State.SCHEDULED)) {
			throw new ApiException(HttpStatus.CONFLICT, "contest.has-entries");
		}
		store.delete(id);
		return ResponseEntity.noContent().build();
	}

	ContestView view(Contest c, List<Round> rounds) {
		return new ContestView(c.id(), c.slug(), c.title(), c.rulesText(), c.organisationId(), c.form(), c.identityKey().name(),
				new ConsentView(c.consentPurpose(), c.consentRetention(), c.consentController()), c.retentionDays(),
				base() + "/c/" + c.slug(), ContestTime.isoOrNull(c.identityErasedAt()), ContestTime.iso(c.createdAt()),
				c.version(), rounds.stream().map(this::roundView).toList());
	}

	/**
	 * The address phones open, as for a live game's join link: {@code quizfest.public-url}, or the one
	 * this request came to with this machine's network address in place of a loopback one.
	 */
	private String base() {
		var attributes = (org.springframework.web.context.request.ServletRequestAttributes) org.springframework.web.context.request.RequestContextHolder
			.currentRequestAttributes();
		return links.phoneBase(attributes.getRequest());
	}

	RoundView roundView(Round r) {
		return new RoundView(r.id(), r.contestId(), r.name(), ContestTime.iso(r.opensAt()), ContestTime.iso(r.closesAt()),
				r.plan(), new PolicyView(r.policy().kind().name(), r.policy().maxAttempts()), r.predictionKind().name(),
				r.tieBreak(), r.prizes(), r.showAnswers(), r.state().name(), r.plan().questionCount(),
				r.plan().timeLimitSeconds(), r.realFigure(),
				r.closeSummaryJson() == null ? null : json.readTree(r.closeSummaryJson()), r.version());
	}

	// Rounds

	@PostMapping("/{id}/rounds")
	@Operation(summary = "Add a round")
	ResponseEntity<RoundView> createRound(@PathVariable long id, @RequestBody ContestAdmin.RoundRequest request,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		return ResponseEntity.status(HttpStatus.CREATED).body(roundView(admin.createRound(who, contest, request)));
	}

	@GetMapping("/{id}/rounds/{roundId}")
	@Operation(summary = "One round")
	RoundView round(@PathVariable long id, @PathVariable long roundId, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		return roundView(access.round(contest, roundId));
	}

	@PutMapping("/{id}/rounds/{roundId}")
	@Operation(summary = "Change a round", description = "Everything while scheduled; once open the plan, policy, "
			+ "prediction, start and tie-break are locked (409 round.locked)")
	RoundView updateRound(@PathVariable long id, @PathVariable long roundId, @RequestBody ContestAdmin.RoundRequest request,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		return roundView(admin.updateRound(who, contest, access.round(contest, roundId), request));
	}

	@DeleteMapping("/{id}/rounds/{roundId}")
	@Operation(summary = "Delete a round that has not opened")
	ResponseEntity<Void> deleteRound(@PathVariable long id, @PathVariable long roundId,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		admin.deleteRound(access.round(contest, roundId));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/rounds/{roundId}/preview")
	@Operation(summary = "A sample draw with its answers, as an entrant of this round could get it")
	Preview preview(@PathVariable long id, @PathVariable long roundId, @RequestBody(required = false) @Nullable PreviewRequest body,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		Round round = access.round(contest, roundId);
		long seed = body != null && body.seed() != null ? body.seed() : random.nextLong();
		List<Question> pool = round.state() == Round.State.SCHEDULED ? admin.candidates(round) : store.snapshot(roundId);
		List<AttemptDraw.Drawn> drawn;
		try {
			drawn = AttemptDraw.draw(pool, round.plan(), seed);
		}
		catch (vn.quizfest.questionbank.QuestionDraw.NotEnoughQuestionsException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "round.pool.short", ex.quotaNumber(), ex.asked(), ex.available());
		}
		List<PreviewQuestion> questions = new ArrayList<>();
		for (AttemptDraw.Drawn d : drawn) {
			List<AttemptDesk.OptionView> options = d.optionOrder()
				.stream()
				.map(o -> new AttemptDesk.OptionView(o, d.question().options().get(o)))
				.toList();
			questions.add(new PreviewQuestion(d.index(), d.question().id(), d.question().type().name(), d.question().text(),
					options, d.question().answer().correct(), d.question().explanation(), d.question().topic().name(),
					d.question().difficulty()));
		}
		long poolSize = pool.stream().filter(q -> q.language() == Language.fromCode(round.plan().language())).count();
		return new Preview(seed, (int) poolSize, questions);
	}

	@PostMapping("/{id}/rounds/{roundId}/open")
	@Operation(summary = "Open the round now: its question pool is snapshotted",
			description = "409 round.pool.short when the banks cannot fill the quotas; round.not-scheduled when open already")
	RoundView open(@PathVariable long id, @PathVariable long roundId, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		Round round = access.round(contest, roundId);
		if (round.state() != Round.State.SCHEDULED || !admin.open(round, true)) {
			throw new ApiException(HttpStatus.CONFLICT, "round.not-scheduled");
		}
		return roundView(access.round(contest, roundId));
	}

	@PostMapping("/{id}/rounds/{roundId}/close")
	@Operation(summary = "Close the round now: submit open attempts, rank, choose the winners, score the units")
	RoundClosing.Summary close(@PathVariable long id, @PathVariable long roundId,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		return closing.close(access.round(contest, roundId));
	}

	@GetMapping("/{id}/rounds/{roundId}/ranking")
	@Operation(summary = "The ranking of a closed round, a page at a time; CCCD and phone masked",
			description = "page (from 0) or after (the previous answer's next: the last position shown); both by position, never by offset")
	Ranking ranking(@PathVariable long id, @PathVariable long roundId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable Integer after, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		Round round = closed(contest, roundId);
		int p = Math.max(0, page);
		int s = Math.max(1, Math.min(size, 500));
		List<RankingRow> rows = results.page(roundId, blank(unit), p, s, after == null ? null : Math.max(0, after) - 1).stream().map(r -> row(round, r, true)).toList();
		return new Ranking(roundId, round.realFigure(), results.count(roundId, blank(unit)), p, s, rows);
	}

	@GetMapping("/{id}/rounds/{roundId}/winners")
	@Operation(summary = "The winners with their full details, for verification at the prize ceremony (recorded)")
	Ranking winners(@PathVariable long id, @PathVariable long roundId, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		Round round = closed(contest, roundId);
		List<RankingRow> rows = results.winners(roundId).stream().map(r -> row(round, r, false)).toList();
		accessLog.record(contest.id(), who, "winners:" + roundId, rows.size());
		return new Ranking(roundId, round.realFigure(), rows.size(), 0, rows.size(), rows, null);
	}

	Round closed(Contest contest, long roundId) {
		Round round = access.round(contest, roundId);
		if (round.state() != Round.State.CLOSED) {
			throw new ApiException(HttpStatus.CONFLICT, "round.not-closed");
		}
		return round;
	}

	static RankingRow row(Round round, ResultStore.ResultRow r, boolean masked) {
		return new RankingRow(r.position() + 1, r.rank(), r.attemptId(), r.entrant().id(), r.entrant().fields(masked),
				r.entrant().unitCode(), r.score(), r.correctCount(), r.timeUsedMs(), ContestTime.iso(r.submittedAt()),
				r.prediction(), r.predictionDistance(),
				r.prizeIndex() == null ? null : round.prizes().get(r.prizeIndex()).name());
	}

	@GetMapping("/{id}/attempts/{attemptId}/check")
	@Operation(summary = "Re-check an attempt: draw it again from its stored seed and grade its saved answers")
	AttemptCheck check(@PathVariable long id, @PathVariable long attemptId, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		Attempt attempt = attempts.byId(attemptId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "attempt.not-found", attemptId));
		Round round = access.round(contest, attempt.roundId());
		AttemptDesk.Grade grade = desk.grade(round, attempt);
		boolean matches = attempt.state() == Attempt.State.SUBMITTED && attempt.score() != null
				&& attempt.score() == grade.score() && attempt.correctCount() == grade.correct();
		return new AttemptCheck(attempt.id(), attempt.seed(), grade.questionIds(), attempt.score(), grade.score(),
				attempt.correctCount(), grade.correct(), matches);
	}

	// Units and entrants

	@GetMapping("/{id}/units")
	@Operation(summary = "The contest's units, parents before children")
	List<ContestStore.UnitRow> units(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		return store.units(access.contest(who, id).id());
	}

	@PutMapping("/{id}/units")
	@Operation(summary = "Replace the contest's units: [{code, name, parentCode, population}]")
	List<ContestStore.UnitRow> replaceUnits(@PathVariable long id, @RequestBody List<ContestAdmin.UnitRequest> units,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		return admin.replaceUnits(access.contest(who, id), units);
	}

	@GetMapping("/{id}/entrants")
	@Operation(summary = "Entrants, newest first, CCCD and phone masked; filter by unit or a name or the key's last digits")
	EntrantPage entrants(@PathVariable long id, @RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		int p = Math.max(0, page);
		int s = Math.max(1, Math.min(size, 200));
		List<EntrantRow> items = entrants.page(contest.id(), blank(unit), blank(q), p, s)
			.stream()
			.map(e -> new EntrantRow(e.id(), e.fields(true), e.locked(), ContestTime.iso(e.registeredAt())))
			.toList();
		return new EntrantPage(items, p, s, entrants.count(contest.id(), blank(unit)));
	}

	@GetMapping("/{id}/exports")
	@Operation(summary = "Every export and verification view of personal data: who, when, what, rows")
	List<DataAccessLog.Access> exports(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		return accessLog.list(access.contest(who, id).id());
	}

	static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
