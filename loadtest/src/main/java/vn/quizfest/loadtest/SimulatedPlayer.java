package vn.quizfest.loadtest;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * One phone. It joins, answers each question after a think time (right, wrong or not at all, as
 * the dice say), may drop once and resume with its token, and records when frames arrive. Its
 * state is a few fields and two small arrays, so ten thousand fit in a modest heap.
 */
final class SimulatedPlayer {

	/** Closes after which a phone resumes (docs/protocol.md, section 9); others end its part in the game. */
	private static final Set<Integer> RESUMABLE = Set.of(1001, 1006, 1011, 1012, 4010, 4011, 4012);

	/** A resume that gets no answer in this time (its node died meanwhile) is given up and tried again. */
	private static final long RESUME_DEADLINE_MILLIS = 10_000;

	private static final int MAX_CONNECT_ATTEMPTS = 3;

	// ---- fault runs (issue 16): resumes through other nodes, bounded in time and attempts ----

	/** The --url node this player is on (index among them): a resume tries the others first. */
	private int home;

	/** The node the resume in flight went to. */
	private int trying;

	/** When the socket of the resume in flight was lost (System.nanoTime()), and its attempts so far. */
	private long lostNanos;

	private int episodeAttempts;

	/** The socket is gone: a resume starts now (its deadline counts from here). */
	private void lostSocket(String reason) {
		lostNanos = System.nanoTime();
		episodeAttempts = 0;
		swarm.failover.interrupted(index, reason);
	}

	/** Whether the resume may try once more: within --resume-deadline and --resume-attempts. */
	private String resumeExhausted() {
		FailoverOptions settings = swarm.options.failover();
		if (System.nanoTime() - lostNanos > settings.resumeDeadline().toNanos()) {
			return "resume:deadline";
		}
		return episodeAttempts >= settings.resumeAttempts() ? "resume:attempts" : null;
	}

	/** The time one resume attempt may wait for 'resumed': at most the per-attempt bound and what is left. */
	private long attemptDeadlineMillis() {
		long left = swarm.options.failover().resumeDeadline().toMillis() - (System.nanoTime() - lostNanos) / 1_000_000;
		return Math.max(100, Math.min(RESUME_DEADLINE_MILLIS, left));
	}

	/**
	 * A phone pings every 25 to 60 s (protocol section 9): without it a player who answered nothing for
	 * the server's idle-timeout (120 s) is closed with 4011, as happened in a long fault run.
	 */
	void ping() {
		Link current;
		synchronized (this) {
			if (ended || lost || !joined || resuming || link == null) {
				return;
			}
			current = link;
		}
		current.send(null, "{\"type\":\"ping\",\"t\":" + System.currentTimeMillis() + "}");
	}

	/** --churn: drop now if connected and playing; false if this player is not in a state to drop. */
	boolean churn() {
		synchronized (this) {
			if (ended || lost || !joined || resuming || link == null) {
				return false;
			}
		}
		dropNow("churn");
		return true;
	}

	static final byte SENT_RIGHT = 1;

	static final byte SENT_WRONG = 2;

	static final byte SENT_UNKNOWN = 3;

	static final int NOT_ACKED = -1;

	static final int REFUSED = -2;

	private final Swarm swarm;

	final int index;

	private final String nickname;

	/** The player number the server gave, 0 until joined. */
	volatile int number;

	private String token;

	private Link link;

	private long connectStart;

	private int attempts;

	private int resumes;

	private boolean resuming;

	private boolean joined;

	private boolean ended;

	private boolean lost;

	private int step = -1;

	private int pendingQuestion = -1;

	private long answerSentAt;

	private ScheduledFuture<?> pendingAnswer;

	private int latencySkipQuestion = -1;

	private boolean skipNextQuestion;

	/** The question this player drops in (-1: never), and whether before answering it. */
	private final int dropQuestion;

	private final boolean dropBeforeAnswer;

	private boolean dropped;

	/** Buzzer rounds: a contestant presses and never answers as the audience. */
	private final boolean contestant;

	/** Per question: the ack's response time, or NOT_ACKED / REFUSED. */
	final int[] ackMillis;

	/** Per question: what was sent (SENT_* or 0). */
	final byte[] sent;

	/** Team play by unit (--teams N): player i plays for unit i mod N. */
	private String unitField() {
		int teams = swarm.options.teams();
		return teams > 0 ? ",\"unit\":\"u" + (index % teams + 1) + "\"" : "";
	}

	SimulatedPlayer(Swarm swarm, int index) {
		this.swarm = swarm;
		this.index = index;
		this.nickname = "Người chơi " + (index + 1);
		this.ackMillis = new int[swarm.questions];
		Arrays.fill(ackMillis, NOT_ACKED);
		this.sent = new byte[swarm.questions];
		this.home = index % swarm.options.urls().size();
		Dice dice = swarm.dice;
		this.contestant = swarm.contestant(index);
		// Contestants stay on: a drop on stage is the end-to-end test's part, the run measures the presses.
		if (!contestant && dice.roll(index, -1, Dice.DROP) < swarm.options.drop()) {
			dropQuestion = Math.min(swarm.questions - 1, (int) (dice.roll(index, -1, Dice.DROP_QUESTION) * swarm.questions));
			dropBeforeAnswer = dice.roll(index, -1, Dice.DROP_BEFORE) < 0.5;
		}
		else {
			dropQuestion = -1;
			dropBeforeAnswer = false;
		}
	}

	boolean plansDrop() {
		return dropQuestion >= 0;
	}

	// ---- connecting ---------------------------------------------------------------------------

	void start() {
		synchronized (this) {
			connectStart = System.nanoTime();
			attempts++;
		}
		connect();
	}

	private void connect() {
		Link next = new Link();
		boolean resume;
		synchronized (this) {
			link = next;
			resume = resuming;
		}
		// A resume goes to the next of the --url nodes each time: the phone's own node may be gone.
		int node;
		synchronized (this) {
			node = resume ? FailoverRoute.node(home, episodeAttempts, swarm.options.urls().size()) : index;
			trying = node;
		}
		swarm.open(index, node, next)
			.whenComplete((ws, failure) -> {
				if (failure != null) {
					connectFailed(next, failure, resume);
				}
				else if (resume) {
					next.send(ws, "{\"type\":\"resume\",\"v\":1,\"pin\":\"" + swarm.pin + "\",\"token\":\"" + token
							+ "\",\"lang\":\"vi\"}");
					long wait;
					synchronized (this) {
						wait = attemptDeadlineMillis();
					}
					swarm.later(() -> resumeOverdue(next), wait);
				}
				else {
					next.send(ws, "{\"type\":\"join\",\"v\":1,\"pin\":\"" + swarm.pin + "\",\"nickname\":"
							+ AnswerBook.quote(nickname) + unitField() + ",\"lang\":\"vi\"}");
				}
			});
	}

	/** The resume sent on this link got no answer in time: try again (on the next node). */
	private void resumeOverdue(Link sent) {
		boolean retry;
		synchronized (this) {
			if (sent != link || !resuming || lost || ended) {
				return;
			}
			link = null;
			retry = resumeExhausted() == null;
		}
		swarm.metrics.count("resumeAttemptsFailed", "deadline");
		sent.abort();
		if (retry) {
			swarm.later(this::resume, backoff());
		}
		else {
			giveUp("lostForGood", "resume:deadline");
		}
	}

	private void connectFailed(Link failedLink, Throwable failure, boolean resume) {
		Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
				? failure.getCause() : failure;
		String reason = "connect:" + cause.getClass().getSimpleName();
		boolean retry;
		synchronized (this) {
			if (failedLink != link || lost) {
				return;
			}
			retry = resume || attempts < MAX_CONNECT_ATTEMPTS;
		}
		swarm.metrics.count(resume ? "resumeAttemptsFailed" : "joinAttemptsFailed", reason);
		if (retry) {
			swarm.later(resume ? this::resume : this::start, backoff());
		}
		else {
			giveUp(resume ? "lostForGood" : "joinFailed", reason);
		}
	}

	private long backoff() {
		// About 1 s with jitter, as section 9 of the protocol asks of phones.
		return 500 + (long) (swarm.dice.roll(index, attempts + resumes, Dice.PICK) * 1000);
	}

	private void giveUp(String group, String reason) {
		synchronized (this) {
			if (lost) {
				return;
			}
			lost = true;
		}
		swarm.metrics.count(group, reason);
		if (joined) {
			swarm.gone.incrementAndGet();
		}
		else {
			swarm.connecting.decrementAndGet();
			swarm.joinFailed.incrementAndGet();
		}
	}

	// ---- frames -------------------------------------------------------------------------------

	private void onFrame(Link from, String text, long nanos, long millis) {
		JsonNode frame;
		try {
			frame = swarm.json.readTree(text);
			swarm.failover.frame(index, nanos);
		}
		catch (RuntimeException ex) {
			swarm.metrics.count("badFrames", "unreadable");
			return;
		}
		String type = frame.path("type").asString("");
		synchronized (this) {
			if (from != link) {
				return;
			}
			handle(type, frame, nanos, millis);
		}
	}

	private void handle(String type, JsonNode frame, long nanos, long millis) {
		int q = frame.path("q").asInt(-1);
		if (q >= swarm.questions) {
			swarm.metrics.count("badFrames", "q-out-of-range");
			return;
		}
		if (q >= 0 && skipNextQuestion) {
			skipNextQuestion = false;
			latencySkipQuestion = q;
		}
		boolean measure = q >= 0 && q != latencySkipQuestion;
		switch (type) {
			case "joined" -> {
				joined = true;
				number = frame.path("player").path("number").asInt();
				token = frame.path("token").asString();
				swarm.metrics.recordNanos(Metrics.JOIN, nanos - connectStart);
				swarm.metrics.joinedNow();
				swarm.metrics.count("joinedVia", swarm.playerSocket(index).getAuthority());
				swarm.connecting.decrementAndGet();
				swarm.joined.incrementAndGet();
				swarm.connected.incrementAndGet();
				if (contestant) {
					swarm.contestants.set(index, number);
				}
			}
			case "resumed" -> {
				if (!resuming) {
					// Not asked for: the game's node was lost and another node took it over; this socket stayed.
					swarm.metrics.count("resumes", "takenOver");
					swarm.failover.interrupted(index, "takenOver");
					swarm.failover.resumed(index, nanos, 0);
					skipNextQuestion = true;
					break;
				}
				swarm.metrics.recordNanos(Metrics.RESUME, nanos - connectStart);
				swarm.metrics.count("resumes", "ok");
				swarm.failover.resumed(index, nanos, lostNanos);
				swarm.metrics.count("resumedVia", "node" + (trying + 1) + (trying == home ? "-own" : "-other"));
				home = trying;
				swarm.connected.incrementAndGet();
				resuming = false;
				skipNextQuestion = true;
				if ("ENDED".equals(frame.path("phase").asString())) {
					ended = true;
				}
			}
			case "question" -> {
				if (measure) {
					long sentAt = swarm.questionSent.get(q);
					if (sentAt != 0) {
						swarm.metrics.recordNanos(Metrics.QUESTION, nanos - sentAt);
					}
					swarm.metrics.recordMillis(Metrics.QUESTION_SERVER, millis - frame.path("serverTime").asLong());
				}
				reach(q, Milestones.QUESTION);
			}
			case "open" -> {
				if (measure) {
					swarm.metrics.recordMillis(Metrics.OPEN_SERVER, millis - frame.path("serverTime").asLong());
				}
				swarm.openFrames.compareAndSet(q, null, frame);
				reach(q, Milestones.OPEN);
				opened(q);
			}
			case "ack" -> acked(q, frame, nanos, measure);
			case "closed" -> {
				if (measure) {
					long sentAt = swarm.closeSent.get(q);
					if (sentAt != 0) {
						swarm.metrics.recordNanos(Metrics.CLOSED, nanos - sentAt);
					}
					swarm.metrics.recordMillis(Metrics.CLOSED_SERVER, millis - frame.path("serverTime").asLong());
				}
				if (pendingAnswer != null && pendingQuestion == q) {
					pendingAnswer.cancel(false);
					pendingAnswer = null;
					pendingQuestion = -1;
					swarm.metrics.count("answers", "tooSlow");
				}
				reach(q, Milestones.CLOSED);
			}
			case "leaderboard" -> {
				if (measure) {
					long sentAt = swarm.leaderboardSent.get(q);
					if (sentAt != 0) {
						swarm.metrics.recordNanos(Metrics.LEADERBOARD, nanos - sentAt);
					}
				}
				reach(q, Milestones.LEADERBOARD);
			}
			case "final" -> step = swarm.milestones.advance(step, swarm.milestones.finalStep());
			case "ended" -> {
				ended = true;
				step = swarm.milestones.advance(step, swarm.milestones.endedStep());
			}
			case "error" -> errorFrame(frame);
			case "fate" -> fate(frame);
			case "floor" -> swarm.metrics.count("floorFrames", frame.path("cause").asString("?"));
			case "bell" -> swarm.metrics.count("bell", frame.path("count").asInt() > 0 ? "rung" : "nobody");
			case "buzzer" -> board(frame);
			case "buzzed" -> buzzed(frame, nanos);
			default -> {
				// lobby, outcome, podium, paused, unpaused, skipped, pong: nothing to measure
			}
		}
	}

	private void reach(int q, int kind) {
		step = swarm.milestones.advance(step, swarm.milestones.step(q, kind));
	}

	private void errorFrame(JsonNode frame) {
		String code = frame.path("code").asString("?");
		if (contestant && frame.path("ref").asString("").startsWith("b") && LATE_PRESS.contains(code)) {
			// Another contestant was first and the window after it had passed: as on a real stage.
			swarm.metrics.count("buzzRefused", code);
			return;
		}
		swarm.metrics.count("errors", code);
		if (!joined) {
			giveUp("joinFailed", code);
			link.abort();
		}
		else if (resuming) {
			giveUp("lostForGood", "resume:" + code);
			link.abort();
		}
	}

	// ---- answering ----------------------------------------------------------------------------

	// ---- Rung chuông vàng: where this player stands, from its own "fate" frames ----

	private volatile String floorState = "FLOOR";

	private volatile java.util.Set<Integer> rescueQuestions = java.util.Set.of();

	private void fate(JsonNode frame) {
		floorState = frame.path("state").asString("FLOOR");
		java.util.Set<Integer> rescue = new java.util.HashSet<>();
		frame.path("rescueQuestions").forEach(q -> rescue.add(q.asInt()));
		rescueQuestions = rescue;
		swarm.metrics.count("fates", floorState);
	}

	/** An eliminated player watches an ordinary question; one on the floor watches a rescue question. */
	private boolean watches(int q) {
		if (!swarm.options.elimination()) {
			return false;
		}
		boolean rescue = rescueQuestions.contains(q);
		return rescue ? !"OUT".equals(floorState) : !"FLOOR".equals(floorState);
	}

	/** The last answer sent and its question: sent again, as the player page does, on an 'open' without its ack. */
	private String lastAnswer;

	private int lastAnswerQ = -1;

	private void opened(int q) {
		if (sent[q] != 0 && ackMillis[q] == NOT_ACKED && lastAnswerQ == q && lastAnswer != null && link != null) {
			// The open again after a resume or a takeover: the player page sends its unacknowledged answer
			// again (same id: a server that has it acks the first one again).
			swarm.metrics.count("answers", "sentAgain");
			link.send(null, lastAnswer);
			return;
		}
		if (sent[q] != 0 || pendingQuestion == q) {
			return; // an open again (pause, catch-up): the answer is already on its way
		}
		if (contestant) {
			// On stage the buzzer answers; the host judges what the contestant says.
			reach(q, Milestones.DONE);
			return;
		}
		if (watches(q)) {
			swarm.metrics.count("answers", "watching");
			reach(q, Milestones.DONE);
			return;
		}
		Dice dice = swarm.dice;
		if (q == dropQuestion && dropBeforeAnswer && !dropped) {
			long delay = swarm.scaled(swarm.options.think().millis(dice.roll(index, q, Dice.THINK_A),
					dice.roll(index, q, Dice.THINK_B)) / 2);
			swarm.later(this::drop, delay);
			return;
		}
		if (dice.roll(index, q, Dice.MISSING) < swarm.options.missing()) {
			swarm.metrics.count("answers", "missingOnPurpose");
			reach(q, Milestones.DONE);
			return;
		}
		long think = swarm.scaled(swarm.options.think().millis(dice.roll(index, q, Dice.THINK_A),
				dice.roll(index, q, Dice.THINK_B)));
		pendingQuestion = q;
		pendingAnswer = swarm.scheduler.schedule(() -> sendAnswer(q), think, TimeUnit.MILLISECONDS);
	}

	private void sendAnswer(int q) {
		String text;
		Link current;
		synchronized (this) {
			if (pendingQuestion != q || sent[q] != 0 || lost) {
				return;
			}
			pendingAnswer = null;
			JsonNode open = swarm.openFrames.get(q);
			Dice dice = swarm.dice;
			boolean right = dice.roll(index, q, Dice.WRONG) >= swarm.options.wrong();
			String qtype = open.path("qtype").asString();
			AnswerBook.Intent intent = swarm.book.intent(q, qtype, right);
			sent[q] = intent == AnswerBook.Intent.RIGHT ? SENT_RIGHT
					: intent == AnswerBook.Intent.WRONG ? SENT_WRONG : SENT_UNKNOWN;
			text = "{\"type\":\"answer\",\"q\":" + q + "," + swarm.book.answerFields(q, open, right,
					dice.roll(index, q, Dice.PICK)) + ",\"id\":\"a" + q + "\"}";
			answerSentAt = System.nanoTime();
			current = link;
			lastAnswer = text;
			lastAnswerQ = q;
		}
		swarm.metrics.answerSentNow();
		swarm.metrics.count("answers", "sent");
		current.send(null, text);
	}

	private void acked(int q, JsonNode frame, long nanos, boolean measure) {
		if (q < 0) {
			return;
		}
		boolean reply = ("a" + q).equals(frame.path("ref").asString(null));
		if (reply && pendingQuestion == q) {
			if (measure) {
				swarm.metrics.recordNanos(Metrics.ACK, nanos - answerSentAt);
			}
			pendingQuestion = -1;
		}
		if (frame.path("accepted").asBoolean()) {
			if (ackMillis[q] == NOT_ACKED || ackMillis[q] == REFUSED) {
				ackMillis[q] = (int) frame.path("ms").asLong();
				swarm.metrics.count("answers", "accepted");
			}
			else if (ackMillis[q] != (int) frame.path("ms").asLong()) {
				swarm.metrics.count("answers", "ackChangedOnRepeat");
			}
		}
		else if (reply) {
			ackMillis[q] = REFUSED;
			swarm.metrics.count("answersRefused", frame.path("error").asString("?"));
		}
		reach(q, Milestones.DONE);
		if (q == dropQuestion && !dropBeforeAnswer && !dropped && reply) {
			swarm.later(this::drop, swarm.scaled(200));
		}
	}

	// ---- buzzer rounds: a contestant presses when the buzzers arm ----

	/** Refusals of a press that lost the race: the floor was taken and the window after it had passed. */
	private static final Set<String> LATE_PRESS = Set.of("BUZZER_CLOSED", "ALREADY_PRESSED", "BUZZER_LOCKED");

	/** The latest board's question and stage, and whether a press is on its way for the current arming. */
	private int boardQ = -1;

	private String boardStage = "";

	private boolean pressing;

	private int pressCount;

	private String pressRef;

	private long pressSentAt;

	private void board(JsonNode frame) {
		if (!contestant) {
			swarm.metrics.count("badFrames", "boardToAudience");
			return;
		}
		boardQ = frame.path("q").asInt(-1);
		boardStage = frame.path("stage").asString("");
		if (!"ARMED".equals(boardStage)) {
			// The next arming (a reopen after a wrong answer) is a new chance to press.
			pressing = false;
			return;
		}
		boolean eligible = false;
		for (JsonNode n : frame.path("eligible")) {
			eligible |= n.asInt() == number;
		}
		if (!eligible || pressing || boardQ < 0) {
			return;
		}
		pressing = true;
		int q = boardQ;
		// A reaction of 0.2 to 1.2 s (scaled), different for each contestant and question.
		long delay = swarm.scaled(200 + (long) (swarm.dice.roll(index, q * 16 + pressCount % 16, Dice.PRESS) * 1000));
		swarm.later(() -> press(q), delay);
	}

	private void press(int q) {
		String ref;
		Link current;
		synchronized (this) {
			boolean open = "ARMED".equals(boardStage) || "ANSWERING".equals(boardStage);
			if (lost || link == null || boardQ != q || !open) {
				swarm.metrics.count("buzzer", "notPressedClosed");
				return;
			}
			ref = "b" + q + "." + (++pressCount);
			pressRef = ref;
			pressSentAt = System.nanoTime();
			current = link;
		}
		swarm.metrics.count("buzzer", "pressed");
		current.send(null, "{\"type\":\"buzz\",\"id\":\"" + ref + "\"}");
	}

	private void buzzed(JsonNode frame, long nanos) {
		if (frame.path("ref").asString("").equals(pressRef)) {
			swarm.metrics.recordNanos(Metrics.BUZZ, nanos - pressSentAt);
			swarm.metrics.count("buzzer", "buzzed");
			pressRef = null;
		}
	}

	// ---- dropping and resuming ----------------------------------------------------------------

	/** The phone loses its connection on purpose (no close frame, as a lost signal would). */
	private void drop() {
		synchronized (this) {
			if (dropped || ended || lost || !joined) {
				return;
			}
			dropped = true;
		}
		dropNow("onPurpose");
	}

	private void dropNow(String why) {
		Link old;
		synchronized (this) {
			if (ended || lost || !joined || link == null) {
				return;
			}
			old = link;
			lostSocket("drop:" + why);
			link = null;
			if (pendingAnswer != null) {
				pendingAnswer.cancel(false);
				pendingAnswer = null;
			}
			pendingQuestion = -1;
		}
		swarm.metrics.count("drops", why);
		swarm.connected.decrementAndGet();
		old.abort();
		long delay = swarm.scaled(500 + (long) (swarm.dice.roll(index, dropQuestion + resumes, Dice.PICK) * 1500));
		swarm.later(this::resume, delay);
	}

	private void resume() {
		String exhausted;
		synchronized (this) {
			if (lost || ended) {
				return;
			}
			exhausted = resumeExhausted();
			if (exhausted == null) {
				resuming = true;
				resumes++;
				episodeAttempts++;
				connectStart = System.nanoTime();
			}
		}
		if (exhausted != null) {
			giveUp("lostForGood", exhausted);
			return;
		}
		connect();
	}

	private void closedByServer(Link from, int code) {
		boolean again;
		synchronized (this) {
			if (from != link) {
				return;
			}
			if (ended && code == 4000) {
				link = null;
				swarm.connected.decrementAndGet();
				swarm.metrics.count("closes", "4000-after-ended");
				return;
			}
			link = null;
			if (!joined) {
				again = false;
			}
			else {
				if (!resuming) {
					swarm.connected.decrementAndGet();
					lostSocket("close:" + code);
				}
				again = RESUMABLE.contains(code) && !ended;
			}
			pendingQuestion = -1;
			if (pendingAnswer != null) {
				pendingAnswer.cancel(false);
				pendingAnswer = null;
			}
		}
		// After 'ended' the protocol promises close 4000: anything else there is a server-side close race.
		swarm.metrics.count("unexpectedCloses", code + (ended ? "-after-ended" : ""));
		if (again) {
			swarm.later(this::resume, backoff());
		}
		else if (!joined) {
			giveUp("joinFailed", "close:" + code);
		}
		else if (!ended) {
			giveUp("lostForGood", "close:" + code);
		}
	}

	/** Closes the socket at the end of the run, if it is still open. */
	void abort() {
		Link current;
		synchronized (this) {
			current = link;
			link = null;
		}
		if (current != null) {
			current.abort();
		}
	}

	/** One WebSocket of this player; a resume opens a new one, and frames of an old one are ignored. */
	private final class Link implements WebSocket.Listener {

		private WebSocket socket;

		private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

		private StringBuilder partial;

		private volatile boolean closing;

		void send(WebSocket opened, String text) {
			synchronized (this) {
				if (opened != null) {
					socket = opened;
				}
				WebSocket ws = socket;
				if (ws == null || closing) {
					return;
				}
				// The JDK client takes one send at a time: chain them.
				sending = sending.handle((r, e) -> null).thenCompose(ignored -> ws.sendText(text, true));
			}
		}

		void abort() {
			closing = true;
			WebSocket ws;
			synchronized (this) {
				ws = socket;
			}
			if (ws != null) {
				ws.abort();
			}
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			synchronized (this) {
				socket = webSocket;
			}
			// Every frame is handled at once in onText, so the demand is opened once: asking for one
			// message at a time costs a trip through the client's scheduler per frame, 10,000 per broadcast.
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			long nanos = System.nanoTime();
			long millis = System.currentTimeMillis();
			if (!last) {
				if (partial == null) {
					partial = new StringBuilder();
				}
				partial.append(data);
			}
			else if (!closing) {
				String text;
				if (partial != null) {
					text = partial.append(data).toString();
					partial = null;
				}
				else {
					text = data.toString();
				}
				onFrame(this, text, nanos, millis);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			swarm.metrics.count("badFrames", "binary");
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			if (!closing) {
				closing = true;
				closedByServer(this, statusCode);
			}
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			if (!closing) {
				closing = true;
				swarm.metrics.count("socketErrors", error.getClass().getSimpleName());
				closedByServer(this, 1006);
			}
		}
	}
}
