package vn.quizfest.loadtest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * One simulated citizen on a phone: registers, starts the attempt, saves each answer after a think
 * time, maybe reloads half way (GET the attempt, check every saved answer is there, go on), gives
 * the prediction and submits; or stops half way and lets the deadline pass (the late save must be
 * refused and the attempt found submitted); some then try a second attempt (must be refused).
 * Every step is a callback on the shared client: no thread per entrant.
 */
final class Entrant {

	/** What became of an entrant, for the report. */
	enum Outcome {
		PENDING, SUBMITTED, LAPSED, OUT_OF_TIME, FAILED
	}

	static final int ROLE = 20;

	static final int RELOAD = 21;

	static final int SECOND = 22;

	static final int RELOAD_AT = 23;

	static final int MISSING = 24;

	static final int PICK = 25;

	static final int THINK_A = 26;

	static final int THINK_B = 27;

	static final int UNIT = 28;

	static final int PREDICT = 29;

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
			"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu" };

	private static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng",
			"Hương", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Thảo", "Trang", "Tuấn",
			"Vy", "Yến" };

	/** Real province codes of the CCCD scheme (Hà Nội, Hải Phòng, Đắk Lắk, TP.HCM, Bến Tre, Bình Thuận). */
	private static final String[] PROVINCES = { "001", "031", "066", "079", "083", "060" };

	private static final String[] MOBILE = { "03", "05", "07", "08", "09" };

	final int index;

	private final ContestSimulator.Shared shared;

	private final boolean lapses;

	private final boolean reloads;

	private final boolean triesAgain;

	private volatile Outcome outcome = Outcome.PENDING;

	volatile String token;

	volatile String attemptId;

	/** The answer last acknowledged for each question index, normalised (see {@link #normalise}). */
	final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();

	private volatile List<JsonNode> questions = List.of();

	private volatile boolean hasPrediction;

	/** The attempt's deadline in the simulator's clock (server deadline minus the measured offset). */
	private volatile long deadlineLocalMillis;

	private volatile int reloadAfter = -1;

	Entrant(ContestSimulator.Shared shared, int index) {
		this.shared = shared;
		this.index = index;
		ContestOptions options = shared.options();
		Dice dice = shared.dice();
		this.lapses = dice.roll(index, 0, ROLE) < options.lapse();
		this.reloads = !lapses && dice.roll(index, 0, RELOAD) < options.reload();
		this.triesAgain = !lapses && shared.secondIsRefused() && dice.roll(index, 0, SECOND) < options.second();
	}

	Outcome outcome() {
		return outcome;
	}

	boolean lapses() {
		return lapses;
	}

	boolean reloads() {
		return reloads;
	}

	boolean triesAgain() {
		return triesAgain;
	}

	/** The registration fields the contest's form asks for, made up from the index and the seed. */
	static Map<String, Object> fields(int index, long seed, List<String> form, String unitCode) {
		Map<String, Object> all = new LinkedHashMap<>();
		int birthYear = 1950 + index % 60;
		boolean female = index % 2 == 1;
		String given = GIVEN[index % GIVEN.length];
		all.put("fullName", FAMILY[index / 7 % FAMILY.length] + " " + (female ? "Thị" : MIDDLE[index / 3 % MIDDLE.length])
				+ " " + given + " " + index);
		all.put("birthYear", birthYear);
		all.put("gender", female ? "FEMALE" : "MALE");
		// CCCD: province, century and sex digit, two digits of the birth year, six that make it unique.
		int centurySex = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
		long serial = (index + seed * 7919) % 1_000_000;
		all.put("cccd", PROVINCES[index % PROVINCES.length] + centurySex + String.format("%02d", birthYear % 100)
				+ String.format("%06d", serial));
		long line = (index + seed * 104_729) % 100_000_000;
		all.put("phone", MOBILE[index % MOBILE.length] + String.format("%08d", line));
		all.put("email", "thu" + index + "@example.vn");
		all.put("unitCode", unitCode);
		all.put("freeText", "Thử tải");
		Map<String, Object> out = new LinkedHashMap<>();
		for (String field : form) {
			if (all.containsKey(field)) {
				out.put(field, all.get(field));
			}
		}
		return out;
	}

	/** One answer as a stable string: "c:ID" for one choice, "m:[ids sorted]" for several. */
	static String normalise(JsonNode answer) {
		if (answer == null || answer.isNull() || answer.isMissingNode()) {
			return null;
		}
		if (answer.has("choice")) {
			return "c:" + answer.get("choice").asString();
		}
		if (answer.has("choices")) {
			TreeSet<String> ids = new TreeSet<>();
			answer.get("choices").forEach(id -> ids.add(id.asString()));
			return ids.size() == 1 ? "c:" + ids.first() : "m:" + ids;
		}
		return "?:" + answer;
	}

	/** Correct option ids as the same kind of string, from the review of a closed round. */
	static String normaliseKey(JsonNode correct) {
		TreeSet<String> ids = new TreeSet<>();
		correct.forEach(id -> ids.add(id.asString()));
		return ids.size() == 1 ? "c:" + ids.first() : "m:" + ids;
	}

	void start() {
		Map<String, Object> body = new LinkedHashMap<>();
		String unit = shared.units().isEmpty() ? null
				: shared.units().get((int) (shared.dice().roll(index, 0, UNIT) * shared.units().size()));
		if (shared.spread() != null) {
			unit = shared.spread().pick(shared.dice().roll(index, 0, UNIT)).code();
		}
		body.put("fields", fields(index, shared.options().seed(), shared.form(), unit));
		body.put("consent", true);
		shared.client().send("POST", "/api/public/contests/" + shared.slug() + "/entrants", null, body)
			.whenComplete((reply, failure) -> {
				if (failed("register", reply, failure, 201, 200)) {
					return;
				}
				token = reply.body().path("token").asString(null);
				if (token == null) {
					fail("register", "no token in the reply");
					return;
				}
				startAttempt();
			});
	}

	/** Tries of a start the server asks to repeat (503 attempt.start.busy: it lost a race for its slot), as the entrant page does. */
	static final int START_RETRIES = 5;

	private void startAttempt() {
		startAttempt(0);
	}

	private void startAttempt(int retries) {
		shared.client().send("POST", "/api/public/contests/" + shared.slug() + "/rounds/" + shared.roundId() + "/attempts",
				token, null).whenComplete((reply, failure) -> {
					if (failure == null && reply.status() == 503 && "attempt.start.busy".equals(reply.code())
							&& retries < START_RETRIES) {
						shared.metrics().count("notes", "start retried after 503 attempt.start.busy");
						// The server's Retry-After for it is 1 s.
						shared.later(() -> startAttempt(retries + 1), 1000);
						return;
					}
					if (failed("start", reply, failure, 201, 200)) {
						return;
					}
					if (reply.status() == 200) {
						shared.metrics().count("notes", "start answered 200 (an attempt already in progress)");
					}
					shared.metrics().startedNow();
					JsonNode view = reply.body();
					attemptId = view.path("attemptId").asString(null);
					if (attemptId == null) {
						fail("start", "no attemptId in the attempt view");
						return;
					}
					List<JsonNode> list = new ArrayList<>();
					view.path("questions").forEach(list::add);
					questions = list;
					hasPrediction = view.path("prediction").isObject();
					clock(view);
					int n = list.size();
					reloadAfter = reloads && n > 1 ? (int) (shared.dice().roll(index, 0, RELOAD_AT) * (n - 1)) : -1;
					answer(0);
				});
	}

	/** Remembers the attempt's deadline in local time, from the view's deadline and serverTime. */
	private void clock(JsonNode view) {
		String deadline = view.path("deadline").asString(null);
		long serverTime = view.path("serverTime").asLong(0);
		if (deadline != null && serverTime > 0) {
			long offset = serverTime - System.currentTimeMillis();
			deadlineLocalMillis = OffsetDateTime.parse(deadline).toInstant().toEpochMilli() - offset;
		}
	}

	private void answer(int at) {
		int n = questions.size();
		if (lapses && at >= n / 2) {
			waitForTheDeadline(at);
			return;
		}
		if (at >= n) {
			predict();
			return;
		}
		Dice dice = shared.dice();
		if (dice.roll(index, at, MISSING) < shared.options().missing()) {
			afterAnswer(at);
			return;
		}
		long think = shared.options().thinkMillis(dice.roll(index, at, THINK_A), dice.roll(index, at, THINK_B));
		shared.later(() -> save(at), think);
	}

	private void save(int at) {
		JsonNode question = questions.get(at);
		int qIndex = question.path("index").asInt(at);
		Map<String, Object> body = choice(question, shared.dice().roll(index, at, PICK));
		if (body == null) {
			shared.metrics().count("notes", "question without options skipped: " + question.path("type").asString());
			afterAnswer(at);
			return;
		}
		String expected = normalise(shared.json().valueToTree(body));
		shared.client().send("PUT", "/api/public/attempts/" + attemptId + "/answers/" + qIndex, token, body)
			.whenComplete((reply, failure) -> {
				if (failed("save", reply, failure, 200)) {
					return;
				}
				acknowledged.put(qIndex, expected);
				shared.metrics().savedNow();
				afterAnswer(at);
			});
	}

	/** A choice among the shown options: one for single choice and true/false, one or two for multiple select. */
	static Map<String, Object> choice(JsonNode question, double u) {
		List<JsonNode> ids = new ArrayList<>();
		question.path("options").forEach(option -> ids.add(option.path("id")));
		if (ids.isEmpty()) {
			return null;
		}
		int first = Math.min(ids.size() - 1, (int) (u * ids.size()));
		Map<String, Object> body = new LinkedHashMap<>();
		if ("MULTIPLE_SELECT".equals(question.path("type").asString())) {
			List<JsonNode> chosen = new ArrayList<>();
			chosen.add(ids.get(first));
			if (ids.size() > 1 && u * 10 % 1 < 0.5) {
				chosen.add(ids.get((first + 1) % ids.size()));
			}
			body.put("choices", chosen);
		}
		else {
			body.put("choice", ids.get(first));
		}
		return body;
	}

	private void afterAnswer(int at) {
		if (at == reloadAfter) {
			reload(at + 1);
		}
		else {
			answer(at + 1);
		}
	}

	/** A reload: the page asks for the attempt again and must find every saved answer in it. */
	private void reload(int next) {
		shared.client().send("GET", "/api/public/attempts/" + attemptId, token, null).whenComplete((reply, failure) -> {
			if (failed("reload", reply, failure, 200)) {
				return;
			}
			JsonNode view = reply.body();
			int missing = missingFrom(view.path("answers"));
			if (missing > 0) {
				shared.metrics().count("reloadMissing", "saved answers absent from the resumed attempt");
			}
			if (!"IN_PROGRESS".equals(view.path("state").asString())) {
				if (System.currentTimeMillis() >= deadlineLocalMillis - 2_000) {
					shared.metrics().count("outOfTime", "reload: submitted by the server at the deadline");
					outcome = Outcome.OUT_OF_TIME;
				}
				else {
					shared.metrics().count("errors", "reload: state " + view.path("state").asString() + " before the deadline");
					outcome = Outcome.FAILED;
				}
				shared.done(this);
				return;
			}
			clock(view);
			shared.metrics().count("events", "reloaded");
			answer(next);
		});
	}

	/** How many acknowledged answers the stored answers lack or hold otherwise. */
	int missingFrom(JsonNode answers) {
		int missing = 0;
		for (Map.Entry<Integer, String> saved : acknowledged.entrySet()) {
			String stored = normalise(answers.get(String.valueOf(saved.getKey())));
			if (!saved.getValue().equals(stored)) {
				missing++;
			}
		}
		return missing;
	}

	private void predict() {
		if (!hasPrediction) {
			submit();
			return;
		}
		long value = Math.round(shared.dice().roll(index, 0, PREDICT) * shared.options().entrants());
		shared.client().send("PUT", "/api/public/attempts/" + attemptId + "/prediction", token, Map.of("value", value))
			.whenComplete((reply, failure) -> {
				if (failed("prediction", reply, failure, 200)) {
					return;
				}
				submit();
			});
	}

	private void submit() {
		shared.client().send("POST", "/api/public/attempts/" + attemptId + "/submit", token, null)
			.whenComplete((reply, failure) -> {
				if (failed("submit", reply, failure, 200)) {
					return;
				}
				outcome = Outcome.SUBMITTED;
				if (triesAgain) {
					secondAttempt();
				}
				else {
					shared.done(this);
				}
			});
	}

	private void secondAttempt() {
		shared.client().send("POST", "/api/public/contests/" + shared.slug() + "/rounds/" + shared.roundId() + "/attempts",
				token, null).whenComplete((reply, failure) -> {
					if (!failed("second", reply, failure, 409)) {
						if ("attempt.limit-reached".equals(reply.code())) {
							shared.metrics().count("events", "second attempt refused (attempt.limit-reached)");
						}
						else {
							shared.metrics().count("errors", "second: 409 " + reply.code() + " instead of attempt.limit-reached");
						}
						shared.done(this);
					}
					else if (reply != null && (reply.status() == 200 || reply.status() == 201)) {
						shared.metrics().count("policyBreaches", "a second attempt was " + (reply.status() == 201
								? "created" : "handed out") + " although the policy allows one");
					}
				});
	}

	/** Waits (bounded by the run's end) until the deadline has passed on the server, then tries a late save. */
	private void waitForTheDeadline(int at) {
		long wait = Math.max(0, deadlineLocalMillis - System.currentTimeMillis()) + 1500;
		if (shared.endsBefore(wait)) {
			fail("late", "the run's --timeout ends before this attempt's deadline");
			return;
		}
		shared.later(() -> lateSave(at), wait);
	}

	private void lateSave(int at) {
		int n = questions.size();
		JsonNode question = questions.get(Math.min(at, n - 1));
		Map<String, Object> body = choice(question, shared.dice().roll(index, at, PICK));
		int qIndex = question.path("index").asInt(Math.min(at, n - 1));
		shared.client().send("PUT", "/api/public/attempts/" + attemptId + "/answers/" + qIndex, token, body)
			.whenComplete((reply, failure) -> {
				if (failed("late", reply, failure, 409)) {
					return;
				}
				if (!"attempt.closed".equals(reply.code())) {
					shared.metrics().count("errors", "late: 409 " + reply.code() + " instead of attempt.closed");
				}
				shared.client().send("GET", "/api/public/attempts/" + attemptId, token, null)
					.whenComplete((view, again) -> {
						if (failed("late", view, again, 200)) {
							return;
						}
						if ("SUBMITTED".equals(view.body().path("state").asString())) {
							shared.metrics().count("events", "let the deadline pass: late save refused, attempt auto-submitted");
						}
						else {
							shared.metrics().count("errors", "late: attempt in state " + view.body().path("state").asString()
									+ " after its deadline");
						}
						outcome = Outcome.LAPSED;
						shared.done(this);
					});
			});
	}

	/**
	 * Records the latency and, unless the status is one of those expected, the error by request and
	 * code, and ends this entrant as failed. Returns whether it failed.
	 */
	private boolean failed(String request, PublicClient.Reply reply, Throwable failure, int... expected) {
		if (failure != null) {
			shared.metrics().count("errors", request + ": " + failure.getClass().getSimpleName());
			end();
			return true;
		}
		if (reply.status() != 0) {
			shared.metrics().recordNanos(request, reply.nanos());
		}
		for (int status : expected) {
			if (reply.status() == status) {
				return false;
			}
		}
		if (reply.status() == 409 && "attempt.closed".equals(reply.code()) && deadlineLocalMillis > 0
				&& System.currentTimeMillis() >= deadlineLocalMillis - 2_000) {
			// The deadline passed before this entrant got through (a slow server): the rules, not an error.
			shared.metrics().count("outOfTime", request + ": 409 attempt.closed after the deadline");
			if (outcome == Outcome.PENDING) {
				outcome = Outcome.OUT_OF_TIME;
			}
			shared.done(this);
			return true;
		}
		shared.metrics().count("errors", request + ": " + (reply.status() == 0 ? "no answer (connection failed "
				+ reply.tries() + " times)" : reply.status() + " " + reply.code()));
		end();
		return true;
	}

	private void fail(String request, String why) {
		shared.metrics().count("errors", request + ": " + why);
		end();
	}

	private void end() {
		if (outcome == Outcome.PENDING) {
			outcome = Outcome.FAILED;
		}
		shared.done(this);
	}
}
