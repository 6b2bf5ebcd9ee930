package vn.quizfest.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of a contest run: every saved answer must be stored. First each attempt is read back
 * and compared with the answers the server acknowledged (zero lost); then, when the run closes the
 * round, the close is timed, the organiser's ranking must hold every submitted attempt and the unit
 * report every entrant, and each attempt's score must be what its acknowledged answers earn
 * against the review's key.
 */
final class ContestAudit {

	private final ContestOptions options;

	private final JsonMapper json;

	private final PublicClient client;

	private final ServerApi api;

	private final ContestSimulator.Target target;

	private final List<Entrant> entrants;

	private final Consumer<String> log;

	private final List<String> problems = new ArrayList<>();

	ContestAudit(ContestOptions options, JsonMapper json, PublicClient client, ServerApi api,
			ContestSimulator.Target target, List<Entrant> entrants, Consumer<String> log) {
		this.options = options;
		this.json = json;
		this.client = client;
		this.api = api;
		this.target = target;
		this.entrants = entrants;
		this.log = log;
	}

	/** Counts of the read-back comparison. */
	static final class Tally {

		final AtomicLong attempts = new AtomicLong();

		final AtomicLong acknowledged = new AtomicLong();

		final AtomicLong stored = new AtomicLong();

		final AtomicLong lost = new AtomicLong();

		final AtomicLong notSubmitted = new AtomicLong();

		final AtomicLong unreadable = new AtomicLong();

		/** The unreadable attempts by the reply's status and problem code ("0" for a transport failure). */
		final Map<String, Integer> unreadableBy = new ConcurrentHashMap<>();

		final AtomicLong graded = new AtomicLong();

		final AtomicLong gradedOtherwise = new AtomicLong();

		final AtomicLong withoutReview = new AtomicLong();

		/** Attempt id to the correct answers its acknowledged answers earn by the review's key. */
		final Map<String, Integer> expectedCorrect = new ConcurrentHashMap<>();

		Map<String, Object> json() {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("attemptsReadBack", attempts.get());
			out.put("acknowledged", acknowledged.get());
			out.put("stored", stored.get());
			out.put("lost", lost.get());
			out.put("notSubmitted", notSubmitted.get());
			out.put("unreadable", unreadable.get());
			out.put("unreadableBy", new java.util.TreeMap<>(unreadableBy));
			return out;
		}
	}

	Map<String, Object> run(long endsAt) {
		Map<String, Object> out = new LinkedHashMap<>();
		List<Entrant> withAttempt = entrants.stream().filter(e -> e.attemptId != null && e.token != null).toList();
		Tally answers = new Tally();
		readBack(withAttempt, answers, false, endsAt);
		out.putAll(answers.json());
		log.accept("Stored answers: " + answers.stored.get() + " of " + answers.acknowledged.get()
				+ " acknowledged; lost " + answers.lost.get());
		if (answers.lost.get() > 0) {
			problems.add(answers.lost.get() + " acknowledged answers are missing from the stored attempts");
		}
		if (answers.unreadable.get() > 0) {
			problems.add(answers.unreadable.get() + " attempts could not be read back: " + answers.unreadableBy);
		}
		if (answers.notSubmitted.get() > 0) {
			problems.add(answers.notSubmitted.get() + " attempts of entrants who submitted or lapsed are not SUBMITTED");
		}
		if (options.close()) {
			out.put("close", close(withAttempt, endsAt));
		}
		else {
			out.put("close", Map.of("closed", false, "why", "--close no"));
		}
		out.put("problems", problems);
		return out;
	}

	private Map<String, Object> close(List<Entrant> withAttempt, long endsAt) {
		Map<String, Object> out = new LinkedHashMap<>();
		String base = "/api/contests/" + target.contestId();
		long t0 = System.nanoTime();
		JsonNode closed = api.call("POST", base + "/rounds/" + target.roundId() + "/close", null, 200,
				java.time.Duration.ofMinutes(10));
		out.put("closeMs", (System.nanoTime() - t0) / 1_000_000);
		out.put("server", json.convertValue(closed, Map.class));
		log.accept("Closed the round in " + out.get("closeMs") + " ms: " + closed);
		if (!options.attaches() && closed.has("attempts") && closed.path("attempts").asLong() != withAttempt.size()) {
			problems.add("the close counted " + closed.path("attempts").asLong() + " attempts, the entrants made "
					+ withAttempt.size());
		}

		long t1 = System.nanoTime();
		JsonNode ranking = api.call("GET", base + "/rounds/" + target.roundId() + "/ranking?page=0&size=20", null, 200);
		out.put("rankingFirstPageMs", (System.nanoTime() - t1) / 1_000_000);
		long ranked = total(ranking);
		out.put("ranked", ranked);
		// Every attempt is submitted by now (the close submits those still open): one ranking row each.
		if (ranked >= 0 && (options.attaches() ? ranked < withAttempt.size() : ranked != withAttempt.size())) {
			problems.add("the ranking holds " + ranked + " attempts; the entrants made " + withAttempt.size());
		}

		Map<Long, Integer> rankedCorrect = rankingCorrectCounts(base + "/rounds/" + target.roundId() + "/ranking", ranked);
		out.put("rankingRowsRead", rankedCorrect.size());
		unitReport(base, out);

		Tally grading = new Tally();
		readBack(withAttempt, grading, true, endsAt);
		long rankedOtherwise = 0;
		long missingFromRanking = 0;
		for (Entrant entrant : withAttempt) {
			Integer expected = grading.expectedCorrect.get(entrant.attemptId);
			Integer inRanking = rankedCorrect.get(Long.parseLong(entrant.attemptId));
			if (inRanking == null) {
				missingFromRanking++;
			}
			else if (expected != null && !expected.equals(inRanking)) {
				rankedOtherwise++;
			}
		}
		out.put("attemptsMissingFromTheRanking", missingFromRanking);
		out.put("rankedWithOtherCorrectCounts", rankedOtherwise);
		if (!rankedCorrect.isEmpty() && missingFromRanking > 0) {
			problems.add(missingFromRanking + " attempts of the entrants are missing from the organiser's ranking");
		}
		if (rankedOtherwise > 0) {
			problems.add(rankedOtherwise + " attempts have another correct count in the organiser's ranking than "
					+ "their stored answers earn");
		}
		out.put("graded", grading.graded.get());
		out.put("gradedOtherwiseThanTheirAnswers", grading.gradedOtherwise.get());
		out.put("withoutReview", grading.withoutReview.get());
		out.put("lostAfterClose", grading.lost.get());
		if (grading.gradedOtherwise.get() > 0) {
			problems.add(grading.gradedOtherwise.get() + " attempts scored otherwise than their stored answers earn");
		}
		if (grading.lost.get() > 0) {
			problems.add(grading.lost.get() + " acknowledged answers are missing after the close");
		}
		return out;
	}

	/** Every row of the ranking (pages of 500, bounded by its total): attempt id to correct count. */
	private Map<Long, Integer> rankingCorrectCounts(String path, long total) {
		Map<Long, Integer> out = new HashMap<>();
		long pages = Math.min(2_000, (Math.max(0, total) + 499) / 500);
		for (int page = 0; page < pages; page++) {
			JsonNode body = api.call("GET", path + "?page=" + page + "&size=500", null, 200);
			for (JsonNode row : body.path("rows")) {
				out.put(row.path("attemptId").asLong(), row.path("correctCount").asInt());
			}
		}
		return out;
	}

	/** The unit report of the round: its communes must count every entrant. Timed. */
	private void unitReport(String base, Map<String, Object> out) {
		long t2 = System.nanoTime();
		JsonNode units;
		try {
			units = api.call("GET", base + "/reports/units?round=" + target.roundId(), null, 200);
		}
		catch (ServerApi.ApiFailure ex) {
			out.put("unitReport", "not available: " + ex.getMessage());
			if (!ex.getMessage().contains("HTTP 404")) {
				problems.add("the unit report failed: " + ex.getMessage());
			}
			return;
		}
		out.put("unitReportMs", (System.nanoTime() - t2) / 1_000_000);
		long counted = 0;
		JsonNode rows = units.has("items") ? units.path("items") : units;
		for (JsonNode unit : rows) {
			if (unit.path("parentCode").isString()) {
				counted += unit.path("entrants").asLong();
			}
		}
		out.put("unitReportEntrants", counted);
		long registered = entrants.stream().filter(e -> e.attemptId != null).count();
		if (!options.attaches() && counted != registered) {
			problems.add("the unit report counts " + counted + " entrants in the communes; " + registered
					+ " entrants made an attempt");
		}
	}

	/** The total of a page of the organiser API ({total}, {totalElements}, or a plain list); -1 if none. */
	static long total(JsonNode page) {
		if (page.has("total")) {
			return page.path("total").asLong();
		}
		if (page.has("totalElements")) {
			return page.path("totalElements").asLong();
		}
		if (page.has("totalItems")) {
			return page.path("totalItems").asLong();
		}
		return page.isArray() ? page.size() : -1;
	}

	/** Reads every attempt back through the entrant's own view, at most --max-in-flight at once. */
	private void readBack(List<Entrant> list, Tally tally, boolean grade, long endsAt) {
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (Entrant entrant : list) {
			pending.add(client.send("GET", "/api/public/attempts/" + entrant.attemptId, entrant.token, null)
				.thenAccept(reply -> compare(entrant, reply, tally, grade)));
		}
		try {
			ContestSimulator.all(pending).get(Math.max(1, endsAt - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			problems.add("the read-back did not finish: " + ex);
		}
	}

	private void compare(Entrant entrant, PublicClient.Reply reply, Tally tally, boolean grade) {
		if (reply.status() != 200) {
			tally.unreadable.incrementAndGet();
			tally.unreadableBy.merge((reply.status() + " " + reply.code()).strip(), 1, Integer::sum);
			return;
		}
		if (!grade) {
			client.metricsRecord("audit", reply.nanos());
		}
		JsonNode view = reply.body();
		tally.attempts.incrementAndGet();
		int missing = entrant.missingFrom(view.path("answers"));
		tally.acknowledged.addAndGet(entrant.acknowledged.size());
		tally.stored.addAndGet(entrant.acknowledged.size() - missing);
		tally.lost.addAndGet(missing);
		boolean shouldBeSubmitted = entrant.outcome() == Entrant.Outcome.SUBMITTED
				|| entrant.outcome() == Entrant.Outcome.LAPSED || entrant.outcome() == Entrant.Outcome.OUT_OF_TIME || grade;
		if (shouldBeSubmitted && !"SUBMITTED".equals(view.path("state").asString())) {
			tally.notSubmitted.incrementAndGet();
		}
		if (grade) {
			JsonNode review = view.path("review");
			if (!review.isArray() || review.isEmpty()) {
				tally.withoutReview.incrementAndGet();
				return;
			}
			int right = 0;
			for (JsonNode item : review) {
				String saved = entrant.acknowledged.get(item.path("index").asInt());
				if (saved != null && saved.equals(Entrant.normaliseKey(item.path("correct")))) {
					right++;
				}
			}
			tally.graded.incrementAndGet();
			tally.expectedCorrect.put(entrant.attemptId, right);
			if (view.path("result").path("correctCount").asInt(-1) != right) {
				tally.gradedOtherwise.incrementAndGet();
			}
		}
	}
}
