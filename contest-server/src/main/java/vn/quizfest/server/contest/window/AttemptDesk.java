package vn.quizfest.server.contest.window;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.Question;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;

/**
 * An entrant's attempts: start (within the attempt policy, enforced by a unique slot), the questions
 * drawn from the stored seed, each answer saved at once, the prediction, and the submission, by the
 * entrant or by the server at the deadline. Time is always the server's.
 */
@Service
class AttemptDesk {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AttemptDesk.class);

	/** The largest prediction an entrant may give. */
	static final long MAX_PREDICTION = 1_000_000_000L;

	record Started(Attempt attempt, boolean created) {
	}

	record OptionView(int id, String text) {
	}

	record QuestionView(int index, String type, String text, @Nullable String imageUrl, List<OptionView> options) {
	}

	record PredictionView(String kind, String text, @Nullable Long value) {
	}

	record ResultView(int score, int maxScore, int correctCount, long timeUsedMs, String submittedAt, boolean autoSubmitted) {
	}

	record ReviewView(int index, List<Integer> correct, @Nullable String explanation) {
	}

	record AttemptView(long attemptId, long roundId, String state, String startedAt, String deadline, long serverTime,
			List<QuestionView> questions, Map<String, JsonNode> answers, @Nullable PredictionView prediction,
			@Nullable ResultView result, @Nullable List<ReviewView> review) {
	}

	record Saved(int index, String savedAt, long serverTime) {
	}

	private final AttemptStore attempts;

	private final EntrantStore entrants;

	private final ContestStore contests;

	private final RoundPools pools;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Messages messages;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AttemptDesk(AttemptStore attempts, EntrantStore entrants, ContestStore contests, RoundPools pools,
			TransactionTemplate transactions, JsonMapper json, Messages messages, Clock clock) {
		this.attempts = attempts;
		this.entrants = entrants;
		this.contests = contests;
		this.pools = pools;
		// Read committed: saving a new answer then takes no gap locks, so two phones saving answers of
		// neighbouring attempts at once cannot deadlock on MySQL/MariaDB (repeatable read would).
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The entrant's attempt in progress in this round, or a new one when the policy allows it. Two
	 * phones starting at once race for the same unique slot: one inserts, the other finds its attempt.
	 */
	Started start(Entrant entrant, Round round) {
		long now = clock.millis();
		if (round.state() != Round.State.OPEN || now < round.opensAt() || now >= round.closesAt()) {
			throw new ApiException(HttpStatus.CONFLICT, "round.not-open");
		}
		for (int tries = 0; tries < START_TRIES; tries++) {
			List<Attempt> mine = current(entrant.id());
			for (Attempt attempt : mine) {
				if (attempt.roundId() == round.id() && attempt.state() == Attempt.State.IN_PROGRESS) {
					return new Started(attempt, false);
				}
			}
			String slot = nextSlot(round, mine);
			if (slot == null) {
				throw new ApiException(HttpStatus.CONFLICT, "attempt.limit-reached");
			}
			long deadline = Math.min(now + round.plan().timeLimitSeconds() * 1000L, round.closesAt());
			long seed = random.nextLong();
			try {
				long id = transactions.execute(status -> {
					long created = attempts.create(round.id(), entrant.id(), slot, seed, now, deadline, entrant.unitCode(),
							round.plan().questionCount());
					entrants.lock(entrant.id());
					// Last, so the lock is held only for the commit: the close's OPEN -> CLOSING update waits
					// for this attempt (and then submits and ranks it), or this start sees the close and is
					// rolled back. Without it an attempt started as the close began was left out of the ranking.
					if (!contests.lockIfOpen(round.id())) {
						throw new ApiException(HttpStatus.CONFLICT, "round.closing");
					}
					return created;
				});
				// The row as inserted, without reading it back: nothing else writes a new attempt.
				return new Started(new Attempt(id, round.id(), entrant.id(), slot, seed, Attempt.State.IN_PROGRESS, now,
						deadline, entrant.unitCode(), null, false, null, null, null, round.plan().questionCount(), null, null),
						true);
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
				// Another phone of the same entrant took this slot a moment ago (or the database chose
				// this insert as the victim of that race): look again.
			}
		}
		// Lost the race for a slot every time (phones of the same entrant starting at once, or the
		// database choosing this start as a deadlock victim): the policy is not used up, so say so and
		// let the phone try again in a moment rather than report the limit as reached.
		throw ApiException.unavailable(START_RETRY_AFTER, "attempt.start.busy", START_RETRY_AFTER.toSeconds());
	}

	/** How long a start that lost its races is told to wait before it tries again. */
	static final java.time.Duration START_RETRY_AFTER = java.time.Duration.ofSeconds(1);

	/** Times a start looks again for a free slot after another start took the one it chose. */
	static final int START_TRIES = 5;

	/** The entrant's attempts, the overdue ones submitted first. */
	List<Attempt> current(long entrantId) {
		List<Attempt> mine = attempts.ofEntrant(entrantId);
		long now = clock.millis();
		if (mine.stream().noneMatch(a -> a.overdue(now))) {
			return mine;
		}
		List<Attempt> fresh = new ArrayList<>();
		for (Attempt attempt : mine) {
			fresh.add(attempt.overdue(now) ? submit(attempt.id(), true) : attempt);
		}
		return fresh;
	}

	private @Nullable String nextSlot(Round round, List<Attempt> mine) {
		Round.AttemptPolicy policy = round.policy();
		return switch (policy.kind()) {
			case ONE_PER_CONTEST -> mine.stream().anyMatch(a -> a.policySlot().equals("C")) ? null : policy.slot(round.id(), 1);
			case ONE_PER_ROUND -> mine.stream().anyMatch(a -> a.policySlot().equals(policy.slot(round.id(), 1))) ? null
					: policy.slot(round.id(), 1);
			case BEST_OF -> {
				long used = mine.stream().filter(a -> a.roundId() == round.id()).count();
				yield used >= policy.maxAttempts() ? null : policy.slot(round.id(), (int) used + 1);
			}
		};
	}

	/** The attempt when it belongs to the entrant; submitted first when its deadline has passed. */
	Attempt owned(long attemptId, long entrantId) {
		Attempt attempt = attempts.byId(attemptId)
			.filter(a -> a.entrantId() == entrantId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "attempt.not-found", attemptId));
		return attempt.overdue(clock.millis()) ? submit(attempt.id(), true) : attempt;
	}

	AttemptView view(Attempt attempt, Round round) {
		return view(attempt, round, false);
	}

	/** {@code fresh}: the attempt has just been created, so it has no saved answer to read. */
	AttemptView view(Attempt attempt, Round round, boolean fresh) {
		List<AttemptDraw.Drawn> drawn = pools.draw(round, attempt.seed());
		List<QuestionView> questions = new ArrayList<>(drawn.size());
		for (AttemptDraw.Drawn d : drawn) {
			List<OptionView> options = new ArrayList<>();
			for (int id : d.optionOrder()) {
				options.add(new OptionView(id, d.question().options().get(id)));
			}
			questions.add(new QuestionView(d.index(), d.question().type().name(), d.question().text(),
					d.question().imageUrl(), options));
		}
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		if (!fresh) {
			attempts.answers(attempt.id())
				.forEach((index, saved) -> answers.put(index.toString(), json.readTree(saved.answerJson())));
		}
		PredictionView prediction = round.predictionKind() == PredictionKind.NONE ? null
				: new PredictionView(round.predictionKind().name(),
						messages.get("contest.prediction." + round.predictionKind().name()), attempt.prediction());
		ResultView result = attempt.state() == Attempt.State.SUBMITTED ? result(attempt) : null;
		List<ReviewView> review = null;
		// The key leaves the server only once the round is closed, and only when the organiser allows it.
		if (round.state() == Round.State.CLOSED && round.showAnswers()) {
			review = drawn.stream()
				.map(d -> new ReviewView(d.index(), d.question().answer().correct(), d.question().explanation()))
				.toList();
		}
		return new AttemptView(attempt.id(), attempt.roundId(), attempt.state().name(), ContestTime.iso(attempt.startedAt()),
				ContestTime.iso(attempt.deadline()), clock.millis(), questions, answers, prediction, result, review);
	}

	static ResultView result(Attempt attempt) {
		return new ResultView(attempt.score(), attempt.maxScore(), attempt.correctCount(), attempt.timeUsedMs(),
				ContestTime.iso(attempt.submittedAt()), attempt.autoSubmitted());
	}

	/** Saves one answer while the attempt is open by the server's clock; the same answer again changes nothing. */
	Saved save(long attemptId, long entrantId, int index, Answer answer) {
		String answerJson = json.writeValueAsString(answer.json());
		if (!attempts.savesInOneStatement()) {
			return saveLocked(attemptId, entrantId, index, answer, answerJson);
		}
		Question question = shownQuestion(attemptId, entrantId, index);
		if (!answer.fits(question)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "answer.invalid");
		}
		for (int tries = 0; tries < 3; tries++) {
			long now = clock.millis();
			AttemptStore.Guarded saved = retried(() -> attempts.saveIfOpen(attemptId, entrantId, index, answerJson, now));
			if (saved.rows() > 0) {
				return new Saved(index, ContestTime.iso(saved.savedAt()), clock.millis());
			}
			// Nothing written: the attempt is closed, or (with a driver that counts changed rows only)
			// the same answer is stored already. Rare, so read which.
			Attempt attempt = attempts.byId(attemptId)
				.filter(a -> a.entrantId() == entrantId)
				.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "attempt.not-found", attemptId));
			if (attempt.state() != Attempt.State.IN_PROGRESS || now >= attempt.deadline()) {
				throw new ApiException(HttpStatus.CONFLICT, "attempt.closed");
			}
			AttemptStore.SavedAnswer earlier = attempts.answer(attemptId, index).orElse(null);
			if (earlier != null && earlier.answerJson().equals(answerJson)) {
				return new Saved(index, ContestTime.iso(earlier.savedAt()), clock.millis());
			}
			// Another phone of the entrant changed this answer in between: save this one again.
		}
		throw new IllegalStateException("Answer " + index + " of attempt " + attemptId + " could not be saved");
	}

	/** What a save needs of an attempt, none of which changes once it started: its entrant, round and questions. */
	private record Shown(long entrantId, long roundId, Question[] questions) {
	}

	/** Attempts whose questions this node has drawn for a save, kept at most this many (then all forgotten). */
	static final int CACHED_ATTEMPTS = 100_000;

	private final Map<Long, Shown> shown = new ConcurrentHashMap<>();

	/**
	 * The question at {@code index} of the entrant's attempt, drawn once per node from the stored seed
	 * (a save otherwise re-drew the attempt from the round's pool every time); 404 for another
	 * entrant's attempt or an unknown one, 400 for an index outside it.
	 */
	private Question shownQuestion(long attemptId, long entrantId, int index) {
		Shown known = shown(attemptId, entrantId);
		if (index < 0 || index >= known.questions().length) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "answer.index.invalid", index);
		}
		return known.questions()[index];
	}

	private Shown shown(long attemptId, long entrantId) {
		Shown known = shown.get(attemptId);
		if (known == null) {
			Attempt attempt = attempts.byId(attemptId)
				.filter(a -> a.entrantId() == entrantId)
				.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "attempt.not-found", attemptId));
			List<AttemptDraw.Drawn> drawn = pools.draw(attempt.roundId(), attempt.seed());
			known = new Shown(attempt.entrantId(), attempt.roundId(),
					drawn.stream().map(AttemptDraw.Drawn::question).toArray(Question[]::new));
			if (shown.size() >= CACHED_ATTEMPTS) {
				shown.clear();
			}
			shown.put(attemptId, known);
		}
		if (known.entrantId() != entrantId) {
			throw new ApiException(HttpStatus.NOT_FOUND, "attempt.not-found", attemptId);
		}
		return known;
	}

	/** The embedded shape's save: the attempt's row lock, the earlier answer's read, its insert or update. */
	private Saved saveLocked(long attemptId, long entrantId, int index, Answer answer, String answerJson) {
		return retried(() -> transactions.execute(status -> {
			Attempt attempt = lockOpen(attemptId, entrantId);
			List<AttemptDraw.Drawn> drawn = pools.draw(attempt.roundId(), attempt.seed());
			if (index < 0 || index >= drawn.size()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "answer.index.invalid", index);
			}
			if (!answer.fits(drawn.get(index).question())) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "answer.invalid");
			}
			AttemptStore.SavedAnswer earlier = attempts.answer(attemptId, index).orElse(null);
			long savedAt = earlier != null && json.readTree(earlier.answerJson()).equals(json.readTree(answerJson))
					? earlier.savedAt() : attempts.saveAnswer(attemptId, index, answerJson, clock.millis(), earlier != null);
			return new Saved(index, ContestTime.iso(savedAt), clock.millis());
		}));
	}

	/**
	 * Runs a short transaction again when the database chose it as a deadlock victim or timed out its
	 * lock: the work is idempotent (same answer, same submission), so trying again is safe.
	 */
	static <T> T retried(java.util.function.Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	void predict(long attemptId, long entrantId, long value) {
		if (value < 0 || value > MAX_PREDICTION) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "prediction.invalid", MAX_PREDICTION);
		}
		if (!attempts.savesInOneStatement()) {
			retried(() -> transactions.execute(status -> {
				Attempt attempt = lockOpen(attemptId, entrantId);
				if (pools.locked(attempt.roundId()).predictionKind() == PredictionKind.NONE) {
					throw new ApiException(HttpStatus.BAD_REQUEST, "prediction.not-asked");
				}
				attempts.savePrediction(attemptId, value);
				return value;
			}));
			return;
		}
		// One guarded UPDATE, like an answer's save: it waits for a submission holding the row and then
		// finds the attempt submitted. Nothing written means closed; the refusals keep their order
		// (unknown, closed, not asked), so the rare ones read the attempt.
		Shown known = shown(attemptId, entrantId);
		boolean asked = pools.locked(known.roundId()).predictionKind() != PredictionKind.NONE;
		long now = clock.millis();
		if (asked && retried(() -> attempts.savePredictionIfOpen(attemptId, entrantId, value, now)) > 0) {
			return;
		}
		Attempt attempt = attempts.byId(attemptId).orElseThrow();
		if (attempt.state() != Attempt.State.IN_PROGRESS || now >= attempt.deadline()) {
			throw new ApiException(HttpStatus.CONFLICT, "attempt.closed");
		}
		if (!asked) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "prediction.not-asked");
		}
		// Open, asked, and yet not written: a driver counting changed rows only, and the same value again.
		if (attempt.prediction() == null || attempt.prediction() != value) {
			throw new IllegalStateException("The prediction of attempt " + attemptId + " could not be saved");
		}
	}

	/** Locks an attempt that is still open; 409 {@code attempt.closed} once submitted or past its deadline. */
	private Attempt lockOpen(long attemptId, long entrantId) {
		Attempt attempt = attempts.lock(attemptId)
			.filter(a -> a.entrantId() == entrantId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "attempt.not-found", attemptId));
		if (attempt.state() != Attempt.State.IN_PROGRESS || clock.millis() >= attempt.deadline()) {
			throw new ApiException(HttpStatus.CONFLICT, "attempt.closed");
		}
		return attempt;
	}

	/**
	 * Grades what was saved and stores the result; an attempt already submitted stays as it was. The
	 * row lock makes a save that is in flight finish first, so nothing acknowledged is left out.
	 * {@code auto}: the server submits at the deadline (time used is the whole time).
	 */
	Attempt submit(long attemptId, boolean auto) {
		return retried(() -> transactions.execute(status -> {
			Attempt attempt = attempts.lock(attemptId).orElseThrow();
			if (attempt.state() == Attempt.State.SUBMITTED) {
				return attempt;
			}
			long now = clock.millis();
			boolean late = now >= attempt.deadline();
			long submittedAt = late ? attempt.deadline() : now;
			Round round = contests.round(attempt.roundId()).orElseThrow();
			Grade grade = grade(round, attempt);
			attempts.submit(attemptId, submittedAt, auto || late, grade.score(), grade.maxScore(), grade.correct(),
					submittedAt - attempt.startedAt());
			return attempts.byId(attemptId).orElseThrow();
		}));
	}

	record Grade(int score, int maxScore, int correct, List<Long> questionIds) {
	}

	/** Draws the attempt again from its stored seed and grades its saved answers. */
	Grade grade(Round round, Attempt attempt) {
		List<AttemptDraw.Drawn> drawn = pools.draw(round, attempt.seed());
		Map<Integer, AttemptStore.SavedAnswer> saved = attempts.answers(attempt.id());
		int correct = 0;
		List<Long> ids = new ArrayList<>();
		for (AttemptDraw.Drawn d : drawn) {
			ids.add(d.question().id());
			AttemptStore.SavedAnswer answer = saved.get(d.index());
			Answer parsed = answer == null ? null : parse(json.readTree(answer.answerJson()));
			if (parsed != null && parsed.fits(d.question()) && parsed.correct(d.question())) {
				correct++;
			}
		}
		int points = round.plan().pointsPerQuestion();
		return new Grade(correct * points, drawn.size() * points, correct, ids);
	}

	static @Nullable Answer parse(JsonNode body) {
		JsonNode choice = body.get("choice");
		JsonNode choices = body.get("choices");
		if (choice != null && choices == null && choice.isIntegralNumber()) {
			return new Answer.Choice(choice.asInt());
		}
		if (choices != null && choice == null && choices.isArray()) {
			List<Integer> ids = new ArrayList<>();
			for (JsonNode id : choices) {
				if (!id.isIntegralNumber()) {
					return null;
				}
				ids.add(id.asInt());
			}
			return new Answer.Choices(ids);
		}
		return null;
	}

	/** Submits overdue attempts, at most {@code limit}; returns how many. */
	int sweep(int limit) {
		List<Long> overdue = attempts.overdue(clock.millis(), limit);
		int submitted = 0;
		for (long id : overdue) {
			try {
				submit(id, true);
				submitted++;
			}
			catch (RuntimeException ex) {
				// One attempt that cannot be submitted must not hold up the others; the next run tries it again.
				log.error("Attempt {} could not be submitted at its deadline", id, ex);
			}
		}
		return submitted;
	}
}
