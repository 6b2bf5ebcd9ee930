package vn.quizfest.server.contest.window;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionDraw;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.bank.BankAccess;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;

/** An organiser's changes to contests, rounds and units, checked field by field; opening a round. */
@Service
class ContestAdmin {

	static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,78})[a-z0-9]");

	static final int MAX_TITLE = 200;

	static final int MAX_RULES = 20_000;

	static final int MAX_PRIZES = 20;

	static final int MAX_UNITS = 20_000;

	static final int MIN_TIME_LIMIT = 30;

	static final int MAX_TIME_LIMIT = 3 * 3600;

	record FieldRequest(@Nullable String field, @Nullable Boolean required) {
	}

	record ConsentRequest(@Nullable String purpose, @Nullable String retention, @Nullable String controller) {
	}

	record ContestRequest(@Nullable String slug, @Nullable String title, @Nullable String rulesText,
			@Nullable Long organisationId, @Nullable List<FieldRequest> form, @Nullable String identityKey,
			@Nullable ConsentRequest consent, @Nullable Integer retentionDays, @Nullable Integer version) {
	}

	record QuotaRequest(@Nullable List<String> topics, @Nullable Integer difficulty, @Nullable Integer count) {
	}

	record PlanRequest(@Nullable List<Long> bankIds, @Nullable String language, @Nullable List<QuotaRequest> quotas,
			@Nullable Integer pointsPerQuestion, @Nullable Integer timeLimitSeconds, @Nullable Boolean shuffleOptions,
			@Nullable Boolean shuffleQuestions) {
	}

	record PolicyRequest(@Nullable String kind, @Nullable Integer maxAttempts) {
	}

	record PrizeRequest(@Nullable String name, @Nullable Integer count, @Nullable Integer unitPoints) {
	}

	record RoundRequest(@Nullable String name, @Nullable String opensAt, @Nullable String closesAt,
			@Nullable PlanRequest plan, @Nullable PolicyRequest attemptPolicy, @Nullable String predictionKind,
			@Nullable List<String> tieBreak, @Nullable List<PrizeRequest> prizes, @Nullable Boolean showAnswersAfterClose,
			@Nullable Integer version) {
	}

	record UnitRequest(@Nullable String code, @Nullable String name, @Nullable String parentCode,
			@Nullable Long population) {
	}

	private final ContestStore store;

	private final Questions questions;

	private final BankAccess banks;

	private final OrganisationNames organisations;

	private final TransactionTemplate transactions;

	private final ContestSettings settings;

	private final Messages messages;

	private final Clock clock;

	ContestAdmin(ContestStore store, Questions questions, BankAccess banks, OrganisationNames organisations,
			TransactionTemplate transactions, ContestSettings settings, Messages messages, Clock clock) {
		this.store = store;
		this.questions = questions;
		this.banks = banks;
		this.organisations = organisations;
		this.transactions = transactions;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	// Contests

	Contest create(OrganiserPrincipal who, ContestRequest request) {
		long organisation = ContestAccess.organisationOfNew(who, request.organisationId());
		if (!organisations.exists(organisation)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "organisation.not-found", organisation);
		}
		Contest contest = checked(request, organisation, 0, 0, null);
		long id = store.create(contest, who.id());
		return store.contest(id).orElseThrow();
	}

	Contest update(Contest current, ContestRequest request) {
		if (request.version() != null && request.version() != current.version()) {
			throw new ApiException(HttpStatus.CONFLICT, "contest.stale");
		}
		Contest changed = checked(request, current.organisationId(), current.id(), current.version(), current);
		if (!store.update(changed)) {
			throw new ApiException(HttpStatus.CONFLICT, "contest.stale");
		}
		return store.contest(current.id()).orElseThrow();
	}

	private Contest checked(ContestRequest r, long organisation, long id, int version, @Nullable Contest current) {
		List<EntrantForm.Problem> problems = new ArrayList<>();
		String title = r.title() == null ? "" : IdentityChecks.name(r.title());
		if (title.isEmpty()) {
			problems.add(new EntrantForm.Problem("title", "field.required"));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new EntrantForm.Problem("title", "field.too-long"));
		}
		String rules = r.rulesText() == null ? null : Normalizer.normalize(r.rulesText().strip(), Normalizer.Form.NFC);
		if (rules != null && rules.length() > MAX_RULES) {
			problems.add(new EntrantForm.Problem("rulesText", "field.too-long"));
		}
		String slug = r.slug() == null || r.slug().isBlank() ? (current != null ? current.slug() : slugOf(title))
				: r.slug().strip().toLowerCase(Locale.ROOT);
		if (!SLUG.matcher(slug).matches()) {
			problems.add(new EntrantForm.Problem("slug", "contest.slug.invalid"));
		}
		else if (store.slugTaken(slug, id)) {
			if (r.slug() == null || r.slug().isBlank()) {
				slug = slug.length() > 70 ? slug.substring(0, 70) : slug;
				slug = slug + "-" + Long.toString(clock.millis() % 1_000_000, 36);
			}
			else {
				problems.add(new EntrantForm.Problem("slug", "contest.slug.taken"));
			}
		}
		EntrantForm.IdentityKey key = null;
		try {
			key = EntrantForm.IdentityKey.valueOf(r.identityKey() == null ? "CCCD" : r.identityKey());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new EntrantForm.Problem("identityKey", "contest.identity-key.invalid"));
		}
		List<EntrantForm.Field> form = new ArrayList<>();
		if (r.form() == null || r.form().isEmpty()) {
			problems.add(new EntrantForm.Problem("form", "field.required"));
		}
		else {
			for (FieldRequest f : r.form()) {
				form.add(new EntrantForm.Field(f.field() == null ? "" : f.field(), Boolean.TRUE.equals(f.required())));
			}
			if (key != null) {
				EntrantForm.checkForm(form, key).forEach(p -> problems.add(new EntrantForm.Problem("form", p.code())));
			}
		}
		ConsentRequest consent = r.consent() == null ? new ConsentRequest(null, null, null) : r.consent();
		String purpose = text(consent.purpose());
		String retention = text(consent.retention());
		String controller = consent.controller() == null || consent.controller().isBlank()
				? organisations.name(organisation) : text(consent.controller());
		if (purpose.isEmpty()) {
			problems.add(new EntrantForm.Problem("consent.purpose", "field.required"));
		}
		if (retention.isEmpty()) {
			problems.add(new EntrantForm.Problem("consent.retention", "field.required"));
		}
		if (purpose.length() > 2000 || retention.length() > 1000 || controller.length() > 300) {
			problems.add(new EntrantForm.Problem("consent", "field.too-long"));
		}
		int retentionDays = r.retentionDays() == null
				? current != null ? current.retentionDays() : settings.defaultRetentionDays() : r.retentionDays();
		if (retentionDays < 1 || retentionDays > 3650) {
			problems.add(new EntrantForm.Problem("retentionDays", "contest.retention.invalid"));
		}
		if (!problems.isEmpty()) {
			throw ContestProblem.invalid("contest.invalid", problems);
		}
		return new Contest(id, slug, title, rules == null || rules.isEmpty() ? null : rules, organisation, form, key,
				purpose, retention, controller, retentionDays, null, current != null ? current.createdAt() : clock.millis(),
				version);
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
	}

	/** A readable link from the title: "Cuộc thi Chuyển đổi số 2026" -> "cuoc-thi-chuyen-doi-so-2026". */
	static String slugOf(String title) {
		String plain = Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (plain.length() > 60) {
			plain = plain.substring(0, 60).replaceAll("-+$", "");
		}
		return plain.length() < 3 ? "cuoc-thi-" + plain : plain;
	}

	// Rounds

	Round createRound(OrganiserPrincipal who, Contest contest, RoundRequest request) {
		Round round = checkedRound(who, contest, request, null);
		return store.round(store.createRound(round)).orElseThrow();
	}

	/** Everything may change while the round is scheduled; once open only its name, end, prizes and review. */
	Round updateRound(OrganiserPrincipal who, Contest contest, Round current, RoundRequest request) {
		if (request.version() != null && request.version() != current.version()) {
			throw new ApiException(HttpStatus.CONFLICT, "round.stale");
		}
		if (current.state() == Round.State.CLOSING || current.state() == Round.State.CLOSED) {
			throw new ApiException(HttpStatus.CONFLICT, "round.closed");
		}
		Round changed = checkedRound(who, contest, request, current);
		if (current.state() == Round.State.OPEN && (!changed.plan().equals(current.plan())
				|| !changed.policy().equals(current.policy()) || changed.predictionKind() != current.predictionKind()
				|| changed.opensAt() != current.opensAt() || !changed.tieBreak().equals(current.tieBreak()))) {
			throw new ApiException(HttpStatus.CONFLICT, "round.locked");
		}
		if (!store.updateRound(changed)) {
			throw new ApiException(HttpStatus.CONFLICT, "round.stale");
		}
		return store.round(current.id()).orElseThrow();
	}

	void deleteRound(Round round) {
		if (round.state() != Round.State.SCHEDULED) {
			throw new ApiException(HttpStatus.CONFLICT, "round.not-scheduled");
		}
		store.deleteRound(round.id());
	}

	private Round checkedRound(OrganiserPrincipal who, Contest contest, RoundRequest r, @Nullable Round current) {
		List<EntrantForm.Problem> problems = new ArrayList<>();
		String name = r.name() == null ? "" : IdentityChecks.name(r.name());
		if (name.isEmpty()) {
			problems.add(new EntrantForm.Problem("name", "field.required"));
		}
		else if (name.length() > MAX_TITLE) {
			problems.add(new EntrantForm.Problem("name", "field.too-long"));
		}
		Long opensAt = ContestTime.parse(r.opensAt());
		Long closesAt = ContestTime.parse(r.closesAt());
		if (opensAt == null) {
			problems.add(new EntrantForm.Problem("opensAt", "round.time.invalid"));
		}
		if (closesAt == null) {
			problems.add(new EntrantForm.Problem("closesAt", "round.time.invalid"));
		}
		if (opensAt != null && closesAt != null && closesAt <= opensAt) {
			problems.add(new EntrantForm.Problem("closesAt", "round.window.invalid"));
		}
		if (current != null && current.state() == Round.State.OPEN && opensAt != null && opensAt != current.opensAt()) {
			opensAt = current.opensAt(); // an open round's start is history; the check below reports a real change
		}
		RoundPlan plan = plan(who, r.plan(), problems);
		Round.AttemptPolicy policy = null;
		PolicyRequest p = r.attemptPolicy() == null ? new PolicyRequest("ONE_PER_ROUND", 1) : r.attemptPolicy();
		try {
			Round.AttemptPolicy.Kind kind = Round.AttemptPolicy.Kind.valueOf(p.kind() == null ? "ONE_PER_ROUND" : p.kind());
			int max = p.maxAttempts() == null ? (kind == Round.AttemptPolicy.Kind.BEST_OF ? 3 : 1) : p.maxAttempts();
			if (max < 1 || max > Round.AttemptPolicy.MAX_ATTEMPTS) {
				problems.add(new EntrantForm.Problem("attemptPolicy.maxAttempts", "round.policy.invalid"));
			}
			else {
				policy = new Round.AttemptPolicy(kind, max);
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new EntrantForm.Problem("attemptPolicy.kind", "round.policy.invalid"));
		}
		PredictionKind prediction = null;
		try {
			prediction = PredictionKind.valueOf(r.predictionKind() == null ? "PERFECT_SCORES" : r.predictionKind());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new EntrantForm.Problem("predictionKind", "round.prediction.invalid"));
		}
		List<TieBreak> tieBreak = new ArrayList<>();
		try {
			for (String level : r.tieBreak() == null ? TieBreak.DEFAULT.stream().map(Enum::name).toList() : r.tieBreak()) {
				tieBreak.add(TieBreak.valueOf(level));
			}
			if (tieBreak.isEmpty() || new HashSet<>(tieBreak).size() != tieBreak.size()) {
				problems.add(new EntrantForm.Problem("tieBreak", "round.tie-break.invalid"));
			}
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new EntrantForm.Problem("tieBreak", "round.tie-break.invalid"));
		}
		List<PrizeTable.Prize> prizes = new ArrayList<>();
		List<PrizeRequest> prizeRequests = r.prizes() == null ? List.of() : r.prizes();
		if (prizeRequests.size() > MAX_PRIZES) {
			problems.add(new EntrantForm.Problem("prizes", "round.prizes.invalid"));
		}
		for (PrizeRequest prize : prizeRequests) {
			String prizeName = prize.name() == null ? "" : IdentityChecks.name(prize.name());
			int count = prize.count() == null ? 1 : prize.count();
			int points = prize.unitPoints() == null ? 0 : prize.unitPoints();
			if (prizeName.isEmpty() || prizeName.length() > MAX_TITLE || count < 1 || count > 10_000 || points < 0
					|| points > 1000) {
				problems.add(new EntrantForm.Problem("prizes", "round.prizes.invalid"));
				break;
			}
			prizes.add(new PrizeTable.Prize(prizeName, count, points));
		}
		if (!problems.isEmpty()) {
			throw ContestProblem.invalid("round.invalid", problems);
		}
		long now = clock.millis();
		return new Round(current == null ? 0 : current.id(), contest.id(), name, opensAt, closesAt, plan, policy, prediction,
				tieBreak, prizes, r.showAnswersAfterClose() == null || r.showAnswersAfterClose(),
				current == null ? Round.State.SCHEDULED : current.state(), current == null ? now : current.stateChangedAt(),
				null, null, current == null ? 0 : current.version());
	}

	private @Nullable RoundPlan plan(OrganiserPrincipal who, @Nullable PlanRequest p, List<EntrantForm.Problem> problems) {
		if (p == null) {
			problems.add(new EntrantForm.Problem("plan", "field.required"));
			return null;
		}
		List<Long> bankIds = p.bankIds() == null ? List.of() : p.bankIds();
		if (bankIds.isEmpty()) {
			problems.add(new EntrantForm.Problem("plan.bankIds", "field.required"));
		}
		for (Long bankId : bankIds) {
			try {
				if (bankId == null) {
					throw new ApiException(HttpStatus.NOT_FOUND, "bank.not-found", "");
				}
				banks.readableBank(who, bankId);
			}
			catch (ApiException ex) {
				problems.add(new EntrantForm.Problem("plan.bankIds", "round.plan.bank-unknown"));
				break;
			}
		}
		String language = p.language() == null ? "vi" : p.language();
		if (!language.equals("vi") && !language.equals("en")) {
			problems.add(new EntrantForm.Problem("plan.language", "round.plan.language.invalid"));
		}
		List<RoundPlan.Quota> quotas = new ArrayList<>();
		List<QuotaRequest> quotaRequests = p.quotas() == null ? List.of() : p.quotas();
		if (quotaRequests.isEmpty()) {
			problems.add(new EntrantForm.Problem("plan.quotas", "field.required"));
		}
		for (QuotaRequest q : quotaRequests) {
			try {
				List<Topic> topics = (q.topics() == null ? List.<String>of() : q.topics()).stream().map(Topic::valueOf).toList();
				if (q.count() == null || q.count() < 1 || q.difficulty() != null && (q.difficulty() < 1 || q.difficulty() > 3)) {
					throw new IllegalArgumentException("quota");
				}
				quotas.add(new RoundPlan.Quota(topics, q.difficulty(), q.count()));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add(new EntrantForm.Problem("plan.quotas", "round.plan.quota.invalid"));
				break;
			}
		}
		int total = quotas.stream().mapToInt(RoundPlan.Quota::count).sum();
		if (!quotas.isEmpty() && (total < RoundPlan.MIN_QUESTIONS || total > RoundPlan.MAX_QUESTIONS)) {
			problems.add(new EntrantForm.Problem("plan.quotas", "round.plan.questions.range"));
		}
		int points = p.pointsPerQuestion() == null ? 1 : p.pointsPerQuestion();
		if (points < 1 || points > 1000) {
			problems.add(new EntrantForm.Problem("plan.pointsPerQuestion", "round.plan.points.invalid"));
		}
		int timeLimit = p.timeLimitSeconds() == null ? 20 * 60 : p.timeLimitSeconds();
		if (timeLimit < MIN_TIME_LIMIT || timeLimit > MAX_TIME_LIMIT) {
			problems.add(new EntrantForm.Problem("plan.timeLimitSeconds", "round.plan.time-limit.invalid"));
		}
		return new RoundPlan(bankIds, language, quotas, points, timeLimit, p.shuffleOptions() == null || p.shuffleOptions(),
				p.shuffleQuestions() == null || p.shuffleQuestions());
	}

	// Opening

	/** The questions a scheduled round would snapshot now: published, in its language, of a choice type. */
	List<Question> candidates(Round round) {
		return questions.findPublished(round.plan().bankIds(), Language.fromCode(round.plan().language()))
			.stream()
			.filter(q -> RoundPlan.TYPES.contains(q.type()))
			.toList();
	}

	/**
	 * Snapshots the pool and opens the round; false when another node or request opened it first. A
	 * pool too small for the quotas is refused (409 {@code round.pool.short}) and the round stays scheduled.
	 */
	boolean open(Round round, boolean early) {
		List<Question> pool = candidates(round);
		try {
			QuestionDraw.draw(pool, Language.fromCode(round.plan().language()), round.plan().drawQuotas(), 0);
		}
		catch (QuestionDraw.NotEnoughQuestionsException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "round.pool.short", ex.quotaNumber(), ex.asked(), ex.available());
		}
		long now = clock.millis();
		Boolean opened = transactions.execute(status -> {
			store.writeSnapshot(round.id(), pool);
			if (!store.changeState(round.id(), Round.State.SCHEDULED, Round.State.OPEN, now)) {
				status.setRollbackOnly();
				return false;
			}
			if (early) {
				store.openedEarly(round.id(), now);
			}
			return true;
		});
		return Boolean.TRUE.equals(opened);
	}

	// Units

	/** Replaces the contest's units; codes unique, every parent in the list, no cycles. */
	List<ContestStore.UnitRow> replaceUnits(Contest contest, List<UnitRequest> units) {
		List<EntrantForm.Problem> problems = new ArrayList<>();
		if (units.size() > MAX_UNITS) {
			throw ContestProblem.invalid("units.invalid", List.of(new EntrantForm.Problem("units", "units.too-many")));
		}
		Map<String, UnitRequest> byCode = new HashMap<>();
		for (int i = 0; i < units.size(); i++) {
			UnitRequest u = units.get(i);
			String field = "units[" + i + "]";
			String code = u.code() == null ? "" : u.code().strip();
			if (code.isEmpty() || code.length() > 40) {
				problems.add(new EntrantForm.Problem(field + ".code", code.isEmpty() ? "field.required" : "field.too-long"));
			}
			else if (byCode.putIfAbsent(code, u) != null) {
				problems.add(new EntrantForm.Problem(field + ".code", "unit.code.duplicate"));
			}
			String name = u.name() == null ? "" : IdentityChecks.name(u.name());
			if (name.isEmpty() || name.length() > MAX_TITLE) {
				problems.add(new EntrantForm.Problem(field + ".name", name.isEmpty() ? "field.required" : "field.too-long"));
			}
			if (u.population() != null && u.population() < 0) {
				problems.add(new EntrantForm.Problem(field + ".population", "unit.population.invalid"));
			}
		}
		Map<String, Integer> levels = new HashMap<>();
		for (int i = 0; i < units.size() && problems.isEmpty(); i++) {
			UnitRequest u = units.get(i);
			String parent = blankToNull(u.parentCode());
			if (parent != null && !byCode.containsKey(parent)) {
				problems.add(new EntrantForm.Problem("units[" + i + "].parentCode", "unit.parent.unknown"));
				continue;
			}
			int level = 0;
			Set<String> seen = new HashSet<>();
			String walk = u.code().strip();
			while (true) {
				String up = blankToNull(byCode.get(walk).parentCode());
				if (up == null) {
					break;
				}
				if (!seen.add(walk) || level > 10) {
					problems.add(new EntrantForm.Problem("units[" + i + "].parentCode", "unit.parent.cycle"));
					break;
				}
				level++;
				walk = up.strip();
				if (!byCode.containsKey(walk)) {
					break;
				}
			}
			levels.put(u.code().strip(), level);
		}
		if (!problems.isEmpty()) {
			throw ContestProblem.invalid("units.invalid", problems);
		}
		List<ContestStore.UnitRow> rows = units.stream()
			.map(u -> new ContestStore.UnitRow(u.code().strip(), IdentityChecks.name(u.name()), blankToNull(u.parentCode()),
					u.population(), levels.get(u.code().strip())))
			.toList();
		store.replaceUnits(contest.id(), rows);
		return store.units(contest.id());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	String message(String code, Object... args) {
		return messages.get(code, args);
	}
}
