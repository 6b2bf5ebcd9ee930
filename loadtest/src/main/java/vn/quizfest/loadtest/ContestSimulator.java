package vn.quizfest.loadtest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One contest-mode run: create (or attach to) a contest with an open round, start the entrants at
 * the set rate, wait (bounded) until each has submitted, lapsed or failed, then audit: read every
 * attempt back and compare it with the answers the server acknowledged, close the round (timed),
 * check the grading against the review, and compare the organiser's ranking and unit report with
 * what the entrants did.
 */
public final class ContestSimulator {

	private final ContestOptions options;

	private final Consumer<String> log;

	private final JsonMapper json = JsonMapper.builder().build();

	public ContestSimulator(ContestOptions options, Consumer<String> log) {
		this.options = options;
		this.log = log;
	}

	/** What every entrant shares. */
	final class Shared {

		private final ContestMetrics metrics;

		private final PublicClient client;

		private final ScheduledThreadPoolExecutor scheduler;

		private final Dice dice;

		private final String slug;

		private final String roundId;

		private final List<String> form;

		private final List<String> units;

		private final UnitSpread spread;

		private final boolean secondIsRefused;

		private final long endsAtMillis;

		private final Set<Integer> finished = ConcurrentHashMap.newKeySet();

		private final CountDownLatch allDone;

		Shared(ContestMetrics metrics, PublicClient client, ScheduledThreadPoolExecutor scheduler, String slug,
				String roundId, List<String> form, List<String> units, UnitSpread spread, boolean secondIsRefused,
				long endsAtMillis) {
			this.metrics = metrics;
			this.client = client;
			this.scheduler = scheduler;
			this.dice = new Dice(options.seed());
			this.slug = slug;
			this.roundId = roundId;
			this.form = form;
			this.units = units;
			this.spread = spread;
			this.secondIsRefused = secondIsRefused;
			this.endsAtMillis = endsAtMillis;
			this.allDone = new CountDownLatch(options.entrants());
		}

		ContestOptions options() {
			return options;
		}

		ContestMetrics metrics() {
			return metrics;
		}

		PublicClient client() {
			return client;
		}

		JsonMapper json() {
			return json;
		}

		Dice dice() {
			return dice;
		}

		String slug() {
			return slug;
		}

		String roundId() {
			return roundId;
		}

		List<String> form() {
			return form;
		}

		List<String> units() {
			return units;
		}

		UnitSpread spread() {
			return spread;
		}

		boolean secondIsRefused() {
			return secondIsRefused;
		}

		boolean endsBefore(long millisFromNow) {
			return System.currentTimeMillis() + millisFromNow > endsAtMillis - 5_000;
		}

		void later(Runnable task, long millis) {
			try {
				scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// The run is over.
			}
		}

		void done(Entrant entrant) {
			if (finished.add(entrant.index)) {
				allDone.countDown();
			}
		}
	}

	/** The contest and round the entrants go to. */
	record Target(String contestId, String slug, String roundId) {
	}

	public Summary run() {
		long started = System.currentTimeMillis();
		long endsAt = started + options.timeout().toMillis();
		ContestMetrics metrics = new ContestMetrics(options.timeout().toSeconds());
		ServerApi api = new ServerApi(options.url(), json);
		api.login(options.user(), options.password());
		UnitSpread spread = options.attaches() ? null : new UnitSpread(options.units(), options.seed());
		Target target = options.attaches() ? attach(api)
				: ContestSetup.create(api, spread, options.questions(), options.timeLimitSeconds(), 60,
						options.timeout().toSeconds() + 3600);
		JsonNode contest = api.call("GET", "/api/public/contests/" + encode(target.slug()), null, 200);
		List<String> form = new ArrayList<>();
		contest.path("form").forEach(field -> form.add(field.path("field").asString()));
		List<String> unitCodes = new ArrayList<>();
		contest.path("units").forEach(unit -> {
			if (unit.path("parentCode").isString()) {
				unitCodes.add(unit.path("code").asString());
			}
		});
		JsonNode round = null;
		for (JsonNode r : contest.path("rounds")) {
			if (r.path("id").asString().equals(target.roundId())) {
				round = r;
			}
		}
		if (round == null || !"OPEN".equals(round.path("state").asString())) {
			throw new IllegalStateException("Round " + target.roundId() + " of contest " + target.slug() + " is "
					+ (round == null ? "not in the public view" : round.path("state").asString()) + "; it must be OPEN.");
		}
		JsonNode policy = round.path("attemptPolicy");
		String kind = policy.path("kind").asString("ONE_PER_ROUND");
		boolean secondIsRefused = !kind.equals("BEST_OF") || policy.path("maxAttempts").asInt(1) <= 1;
		log.accept("Contest " + target.slug() + " (" + target.contestId() + "), round " + target.roundId() + ": "
				+ options.entrants() + " entrants at " + options.startRate() + "/s, policy " + kind);

		Map<String, Object> memory = new LinkedHashMap<>();
		if (options.serverPid() != null) {
			memory.put("idle", ServerProbe.sample(options.serverPid(), true).json());
		}
		Map<String, Double> metersBefore = ServerProbe.interesting(api.prometheus());
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
			Thread thread = new Thread(runnable, "contest-timer");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		List<Entrant> entrants = new ArrayList<>(options.entrants());
		Map<String, Object> phase = new LinkedHashMap<>();
		boolean finished;
		try (PublicClient client = new PublicClient(options.url(), json, metrics, scheduler, options.maxInFlight(),
				options.http())) {
			Shared shared = new Shared(metrics, client, scheduler, encode(target.slug()), target.roundId(), form,
					unitCodes, spread, secondIsRefused, endsAt);
			for (int i = 0; i < options.entrants(); i++) {
				entrants.add(new Entrant(shared, i));
			}
			long phaseStart = System.nanoTime();
			ScheduledFuture<?> starter = startEntrants(scheduler, entrants, phaseStart);
			finished = await(shared.allDone, endsAt - 60_000);
			starter.cancel(false);
			phase.put("seconds", Math.round((System.nanoTime() - phaseStart) / 1e7) / 100.0);
			phase.put("allFinished", finished);
			phase.put("mostRequestsWaitingInTheSimulator", client.mostWaiting());
			if (options.serverPid() != null) {
				// After the last entrant: VmHWM is the peak of the whole run, the heap after a GC what it keeps.
				memory.put("end", ServerProbe.sample(options.serverPid(), true).json());
			}
			Map<String, Object> audit = new ContestAudit(options, json, client, api, target, entrants, log)
				.run(endsAt);
			memory.put("simulator", ServerProbe.self().json());
			Map<String, Double> metersAfter = ServerProbe.interesting(api.prometheus());
			return summarise(started, endsAt, target, kind, metrics, entrants, phase, audit, memory, metersBefore,
					metersAfter);
		}
		finally {
			scheduler.shutdownNow();
		}
	}

	private ScheduledFuture<?> startEntrants(ScheduledThreadPoolExecutor scheduler, List<Entrant> entrants,
			long phaseStart) {
		AtomicInteger next = new AtomicInteger();
		return scheduler.scheduleAtFixedRate(() -> {
			double elapsed = (System.nanoTime() - phaseStart) / 1e9;
			long due = Math.min(entrants.size(), (long) Math.floor(elapsed * options.startRate()) + 1);
			while (next.get() < due) {
				entrants.get(next.getAndIncrement()).start();
			}
		}, 0, 10, TimeUnit.MILLISECONDS);
	}

	private static boolean await(CountDownLatch latch, long untilMillis) {
		try {
			return latch.await(Math.max(1, untilMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Target attach(ServerApi api) {
		JsonNode contest = api.call("GET", "/api/contests/" + encode(options.contestId()), null, 200);
		return new Target(options.contestId(), contest.path("slug").asString(), options.roundId());
	}

	static String encode(String part) {
		return URLEncoder.encode(part, StandardCharsets.UTF_8);
	}

	private Summary summarise(long started, long endsAt, Target target, String policy, ContestMetrics metrics,
			List<Entrant> entrants, Map<String, Object> phase, Map<String, Object> audit, Map<String, Object> memory,
			Map<String, Double> before, Map<String, Double> after) {
		Map<String, Object> doc = new LinkedHashMap<>();
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("mode", "contest");
		run.put("startedAt", Instant.ofEpochMilli(started).toString());
		run.put("seconds", (System.currentTimeMillis() - started) / 1000.0);
		run.put("timedOut", System.currentTimeMillis() > endsAt);
		run.put("url", options.url().toString());
		run.put("contest", target.contestId());
		run.put("slug", target.slug());
		run.put("round", target.roundId());
		run.put("attemptPolicy", policy);
		run.put("entrants", options.entrants());
		run.put("startRate", options.startRate());
		run.put("think", options.think().toString());
		run.put("timeScale", options.timeScale());
		run.put("missing", options.missing());
		run.put("reload", options.reload());
		run.put("secondAttempt", options.second());
		run.put("lapse", options.lapse());
		run.put("seed", options.seed());
		run.put("http", options.http());
		run.put("cores", Runtime.getRuntime().availableProcessors());
		run.put("loadAverageAtEnd", ServerProbe.loadAverage());
		doc.put("run", run);
		doc.put("phase", phase);
		Map<String, Object> outcome = new LinkedHashMap<>();
		for (Entrant.Outcome o : Entrant.Outcome.values()) {
			outcome.put(o.name().toLowerCase(), entrants.stream().filter(e -> e.outcome() == o).count());
		}
		outcome.put("plannedReloads", entrants.stream().filter(Entrant::reloads).count());
		outcome.put("plannedSecondAttempts", entrants.stream().filter(Entrant::triesAgain).count());
		outcome.put("plannedLapses", entrants.stream().filter(Entrant::lapses).count());
		outcome.put("events", metrics.counts("events"));
		doc.put("entrants", outcome);
		Map<String, Object> rates = new LinkedHashMap<>();
		Map<String, Object> starts = ContestMetrics.rates(metrics.startTimeline(), 10);
		starts.put("perSecond", metrics.startTimeline());
		Map<String, Object> saves = ContestMetrics.rates(metrics.saveTimeline(), 10);
		saves.put("perSecond", metrics.saveTimeline());
		rates.put("attemptStarts", starts);
		rates.put("answerSaves", saves);
		doc.put("rates", rates);
		Map<String, Object> latency = new LinkedHashMap<>();
		metrics.histograms().forEach((name, histogram) -> {
			Map<String, Object> entry = Summary.percentiles(histogram);
			entry.put("what", ContestMetrics.REQUESTS.get(name));
			latency.put(name, entry);
		});
		doc.put("latencyMs", latency);
		Map<String, Object> errors = new LinkedHashMap<>();
		errors.put("byRequestAndCode", metrics.counts("errors"));
		errors.put("outOfTime", metrics.counts("outOfTime"));
		errors.put("policyBreaches", metrics.counts("policyBreaches"));
		errors.put("reloadMissing", metrics.counts("reloadMissing"));
		errors.put("rateLimitedAndRetried", metrics.counts("rateLimited"));
		errors.put("transportFailuresRetried", metrics.counts("transportFailures"));
		errors.put("notes", metrics.counts("notes"));
		doc.put("errors", errors);
		doc.put("audit", audit);
		doc.put("memory", memory);
		Map<String, Object> server = new LinkedHashMap<>();
		server.put("after", after);
		Map<String, Double> delta = new LinkedHashMap<>();
		after.forEach((series, value) -> {
			Double was = before.get(series);
			if (was != null && !was.equals(value) && (series.contains("_total") || series.contains("_count"))) {
				delta.put(series, value - was);
			}
		});
		server.put("deltaOfCounters", delta);
		doc.put("serverMetrics", server);

		List<String> problems = new ArrayList<>();
		if (System.currentTimeMillis() > endsAt || !Boolean.TRUE.equals(phase.get("allFinished"))) {
			problems.add("the run hit --timeout before every entrant finished");
		}
		if (metrics.total("errors") > 0) {
			problems.add("unexpected replies by request and code: " + metrics.counts("errors"));
		}
		if (metrics.total("outOfTime") > 0) {
			problems.add(metrics.total("outOfTime") + " entrants ran out of time before their last answer (the server was "
					+ "too slow for them): " + metrics.counts("outOfTime"));
		}
		if (metrics.total("policyBreaches") > 0) {
			problems.add("the attempt policy let a second attempt through: " + metrics.counts("policyBreaches"));
		}
		if (metrics.total("reloadMissing") > 0) {
			problems.add(metrics.total("reloadMissing") + " reloads found saved answers missing");
		}
		@SuppressWarnings("unchecked")
		List<String> auditProblems = (List<String>) audit.getOrDefault("problems", List.of());
		problems.addAll(auditProblems);
		return new Summary(doc, problems);
	}

	/** Completes when all given futures have; for the audit's bounded batches. */
	static CompletableFuture<Void> all(List<CompletableFuture<?>> futures) {
		return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
	}
}
