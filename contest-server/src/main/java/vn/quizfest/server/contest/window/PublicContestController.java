package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.system.ApiException;

/** The entrant's side of a contest: no account; an entrant token from registration in {@code X-Entrant-Token}. */
@RestController
@RequestMapping("/api/public")
@Tag(name = "Contest entrants", description = "Self-paced contests from the entrant's phone (docs/contests.md)")
class PublicContestController {

	static final String TOKEN = "X-Entrant-Token";

	record FormFieldView(String field, boolean required) {
	}

	record ConsentView(String purpose, String retention, String controller) {
	}

	record UnitView(String code, String name, @Nullable String parentCode, int level) {
	}

	record PolicyView(String kind, int maxAttempts) {
	}

	record RoundView(long id, String name, String opensAt, String closesAt, String state, int questionCount,
			int timeLimitSeconds, PolicyView attemptPolicy, String predictionKind) {
	}

	record ContestView(String slug, String title, String organisation, @Nullable String rulesText, ConsentView consent,
			List<FormFieldView> form, String identityKey, List<UnitView> units, List<RoundView> rounds, long serverTime) {
	}

	record Registration(@Nullable Map<String, Object> fields, @Nullable Boolean consent) {
	}

	record RegisteredView(long entrantId, String token, Map<String, Object> entrant, long serverTime) {
	}

	record AttemptSummary(long attemptId, long roundId, String state, String startedAt, String deadline,
			AttemptDesk.@Nullable ResultView result) {
	}

	record MeView(long entrantId, Map<String, Object> entrant, boolean locked, List<AttemptSummary> attempts,
			long serverTime) {
	}

	record PredictionBody(@Nullable Long value) {
	}

	record Submitted(long attemptId, AttemptDesk.ResultView result, long serverTime) {
	}

	private final ContestStore contests;

	private final EntrantDesk desk;

	private final AttemptDesk attempts;

	private final RateLimits limits;

	private final ContestSettings settings;

	private final OrganisationNames organisations;

	private final Clock clock;

	PublicContestController(ContestStore contests, EntrantDesk desk, AttemptDesk attempts, RateLimits limits,
			ContestSettings settings, OrganisationNames organisations, Clock clock) {
		this.contests = contests;
		this.desk = desk;
		this.attempts = attempts;
		this.limits = limits;
		this.settings = settings;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping("/contests/{slug}")
	@Operation(summary = "A contest as the entrant page shows it: rules, consent, form, units and rounds")
	ContestView contest(@PathVariable String slug, HttpServletRequest request) {
		perAddress(request);
		Contest contest = contest(slug);
		List<UnitView> units = contests.units(contest.id())
			.stream()
			.map(u -> new UnitView(u.code(), u.name(), u.parentCode(), u.level()))
			.toList();
		List<RoundView> rounds = contests.rounds(contest.id()).stream().map(PublicContestController::round).toList();
		return new ContestView(contest.slug(), contest.title(), organisations.name(contest.organisationId()),
				contest.rulesText(), new ConsentView(contest.consentPurpose(), contest.consentRetention(),
						contest.consentController()),
				contest.form().stream().map(f -> new FormFieldView(f.field(), f.required())).toList(),
				contest.identityKey().name(), units, rounds, clock.millis());
	}

	static RoundView round(Round r) {
		return new RoundView(r.id(), r.name(), ContestTime.iso(r.opensAt()), ContestTime.iso(r.closesAt()), r.publicState(),
				r.plan().questionCount(), r.plan().timeLimitSeconds(),
				new PolicyView(r.policy().kind().name(), r.policy().maxAttempts()), r.predictionKind().name());
	}

	@PostMapping("/contests/{slug}/entrants")
	@Operation(summary = "Register, or get a fresh token for the same identity on another phone")
	ResponseEntity<RegisteredView> register(@PathVariable String slug, @RequestBody Registration body,
			HttpServletRequest request) {
		limit(addressLimit(request), startLimit(request));
		Contest contest = contest(slug);
		EntrantDesk.Registered registered = desk.register(contest, body.fields() == null ? Map.of() : body.fields(),
				Boolean.TRUE.equals(body.consent()));
		return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new RegisteredView(registered.entrant().id(), registered.token(), registered.entrant().fields(true),
					clock.millis()));
	}

	@GetMapping("/contests/{slug}/me")
	@Operation(summary = "The entrant holding the token, with their attempts")
	MeView me(@PathVariable String slug, @RequestHeader(name = TOKEN, required = false) @Nullable String token,
			HttpServletRequest request) {
		perAddress(request);
		Entrant entrant = entrant(contest(slug), token);
		List<AttemptSummary> mine = attempts.current(entrant.id())
			.stream()
			.map(a -> new AttemptSummary(a.id(), a.roundId(), a.state().name(), ContestTime.iso(a.startedAt()),
					ContestTime.iso(a.deadline()), a.state() == Attempt.State.SUBMITTED ? AttemptDesk.result(a) : null))
			.toList();
		return new MeView(entrant.id(), entrant.fields(true), entrant.locked(), mine, clock.millis());
	}

	@PostMapping("/contests/{slug}/rounds/{roundId}/attempts")
	@Operation(summary = "Start an attempt, or resume the one in progress",
			description = "201 for a new attempt, 200 for the one in progress; 409 attempt.limit-reached, round.not-open")
	ResponseEntity<AttemptDesk.AttemptView> start(@PathVariable String slug, @PathVariable long roundId,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		limitedEntrant(token, request, startLimit(request));
		Contest contest = contest(slug);
		// The entrant's details (unit, lock) come from the database; the id above only counted the request.
		Entrant entrant = desk.byToken(contest, requireToken(token));
		Round round = contests.round(roundId)
			.filter(r -> r.contestId() == contest.id())
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "round.not-found", roundId));
		AttemptDesk.Started started = attempts.start(entrant, round);
		return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(attempts.view(started.attempt(), round, started.created()));
	}

	@GetMapping("/attempts/{attemptId}")
	@Operation(summary = "The attempt as it stands (resume after a reload or on another phone)")
	AttemptDesk.AttemptView attempt(@PathVariable long attemptId,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		Attempt attempt = attempts.owned(attemptId, limitedEntrant(token, request));
		return attempts.view(attempt, contests.round(attempt.roundId()).orElseThrow());
	}

	@PutMapping("/attempts/{attemptId}/answers/{index}")
	@Operation(summary = "Save one answer: {choice: id} or {choices: [ids]}; the same again changes nothing",
			description = "409 attempt.closed after the deadline (server time) or the submission")
	AttemptDesk.Saved answer(@PathVariable long attemptId, @PathVariable int index, @RequestBody JsonNode body,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		long entrantId = limitedEntrant(token, request);
		Answer answer = AttemptDesk.parse(body);
		if (answer == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "answer.invalid");
		}
		return attempts.save(attemptId, entrantId, index, answer);
	}

	@PutMapping("/attempts/{attemptId}/prediction")
	@Operation(summary = "Save the prediction: {value: 0..1000000000}")
	Map<String, Object> prediction(@PathVariable long attemptId, @RequestBody PredictionBody body,
			@RequestHeader(name = TOKEN, required = false) @Nullable String token, HttpServletRequest request) {
		long entrantId = limitedEntrant(token, request);
		if (body.value() == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "prediction.invalid", AttemptDesk.MAX_PREDICTION);
		}
		attempts.predict(attemptId, entrantId, body.value());
		Map<String, Object> saved = new LinkedHashMap<>();
		saved.put("value", body.value());
		saved.put("serverTime", clock.millis());
		return saved;
	}

	@PostMapping("/attempts/{attemptId}/submit")
	@Operation(summary = "Submit the attempt; submitting again answers the same result")
	Submitted submit(@PathVariable long attemptId, @RequestHeader(name = TOKEN, required = false) @Nullable String token,
			HttpServletRequest request) {
		attempts.owned(attemptId, limitedEntrant(token, request));
		Attempt submitted = attempts.submit(attemptId, false);
		return new Submitted(submitted.id(), AttemptDesk.result(submitted), clock.millis());
	}

	private Contest contest(String slug) {
		return contests.contestBySlug(slug).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "contest.not-found", slug));
	}

	private Entrant entrant(Contest contest, @Nullable String token) {
		Entrant entrant = desk.byToken(contest, requireToken(token));
		limit("entrant:" + entrant.id(), settings.requestsPerIdentity());
		return entrant;
	}

	/**
	 * The entrant's id for a request of one of its attempts (the details are not needed there), the
	 * request counted against its address, the {@code extra} limits and its identity. A token this node
	 * knows costs one round trip to the limits; an unknown one is looked up only after the address's
	 * limits passed, so a flood of made-up tokens is stopped before it reaches the database.
	 */
	private long limitedEntrant(@Nullable String token, HttpServletRequest request, RateLimits.Limit... extra) {
		String checked = requireTokenAfterAddress(token, request, extra);
		long known = desk.knownEntrantId(checked);
		if (known >= 0) {
			RateLimits.Limit[] all = new RateLimits.Limit[extra.length + 2];
			all[0] = addressLimit(request);
			System.arraycopy(extra, 0, all, 1, extra.length);
			all[all.length - 1] = identityLimit(known);
			limit(all);
			return known;
		}
		RateLimits.Limit[] before = new RateLimits.Limit[extra.length + 1];
		before[0] = addressLimit(request);
		System.arraycopy(extra, 0, before, 1, extra.length);
		limit(before);
		long id = desk.entrantId(checked);
		limit(identityLimit(id));
		return id;
	}

	/** The token, checked for its form; a request without one still counts against its address first. */
	private String requireTokenAfterAddress(@Nullable String token, HttpServletRequest request,
			RateLimits.Limit... extra) {
		if (token == null || token.isBlank() || token.length() > 100) {
			RateLimits.Limit[] before = new RateLimits.Limit[extra.length + 1];
			before[0] = addressLimit(request);
			System.arraycopy(extra, 0, before, 1, extra.length);
			limit(before);
		}
		return requireToken(token);
	}

	private RateLimits.Limit addressLimit(HttpServletRequest request) {
		return new RateLimits.Limit("addr:" + address(request), settings.requestsPerAddress());
	}

	private RateLimits.Limit startLimit(HttpServletRequest request) {
		return new RateLimits.Limit("start:" + address(request), settings.startsPerAddress());
	}

	private RateLimits.Limit identityLimit(long entrantId) {
		return new RateLimits.Limit("entrant:" + entrantId, settings.requestsPerIdentity());
	}

	private static String requireToken(@Nullable String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "entrant.token.invalid");
		}
		return token.strip();
	}

	private void perAddress(HttpServletRequest request) {
		limit("addr:" + address(request), settings.requestsPerAddress());
	}

	private void limit(String key, int perMinute) {
		limit(new RateLimits.Limit(key, perMinute));
	}

	private void limit(RateLimits.Limit... all) {
		Duration wait = limits.acquire(all);
		if (!wait.isZero()) {
			throw ApiException.tooManyRequests(wait, "contest.rate-limited", Math.max(1, wait.toSeconds()));
		}
	}

	private static String address(HttpServletRequest request) {
		return request.getRemoteAddr();
	}
}
