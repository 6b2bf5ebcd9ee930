package vn.quizfest.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host screen: drives the game with start and next, moves on as soon as every player has
 * what the last step sent (bounded by a deadline per step), and notes when each command left.
 */
final class HostDriver implements WebSocket.Listener {

	/** A guarded command that names only the phase. */
	private static final int NO_Q = Integer.MIN_VALUE;

	private static final long PHASE_PAUSE_MILLIS = 2000;

	private final JsonMapper json;

	private final Metrics metrics;

	private final Deadline deadline;

	private WebSocket socket;

	private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

	private final StringBuilder partial = new StringBuilder();

	private volatile JsonNode hosted;

	private volatile int questionShown = -1;

	private volatile int openShown = -1;

	private volatile long closesAt;

	private volatile int closedShown = -1;

	private volatile int leaderboardShown = -1;

	private volatile boolean podium;

	private volatile boolean ended;

	private volatile int closeCode = -1;

	private int commands;

	/** Reconnects after a lost host socket (its node gone), each to the next of the --url nodes. */
	private static final int MAX_RECONNECTS = 10;

	/** Closes after which a host screen gives up (docs/protocol.md, section 13). */
	private static final java.util.Set<Integer> FINAL_CLOSES = java.util.Set.of(4000, 4004, 4005, 4008);

	private HttpClient http;

	private java.util.List<URI> nodes = java.util.List.of();

	private String gameId;

	private String token;

	private int node;

	private final java.util.concurrent.atomic.AtomicInteger reconnects = new java.util.concurrent.atomic.AtomicInteger();

	// ---- fault runs (issue 16) ----

	/** Told of every frame the host gets (type, q): the --fault hook times itself from them. */
	private volatile java.util.function.BiConsumer<String, Integer> frameListener;

	/** The last command sent: sent again after a reconnect, as it may have gone to a node that died. */
	private volatile String lastCommand;

	/** Set on a reconnect; the next 'hosted' sends the last command again (guarded: stale if applied). */
	private volatile boolean replayLast;

	void onFrames(java.util.function.BiConsumer<String, Integer> listener) {
		this.frameListener = listener;
	}

	HostDriver(JsonMapper json, Metrics metrics, Deadline deadline) {
		this.json = json;
		this.metrics = metrics;
		this.deadline = deadline;
	}

	/** Connects to /ws/host on the first node and waits for 'hosted'; returns it. It reconnects if the node goes. */
	JsonNode attach(HttpClient http, java.util.List<URI> nodes, String gameId, String token) {
		this.http = http;
		this.nodes = java.util.List.copyOf(nodes);
		this.gameId = gameId;
		this.token = token;
		open(nodes.get(0));
		if (!await(() -> hosted != null || closeCode >= 0, 20_000, "hosted") || hosted == null) {
			throw new IllegalStateException("The server did not accept the host token (close " + closeCode + ").");
		}
		return hosted;
	}

	private void open(URI base) {
		WebSocket opened = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(20))
			.buildAsync(Swarm.socketUri(base, "/ws/host"), this)
			.join();
		synchronized (this) {
			socket = opened;
			sending = CompletableFuture.completedFuture(null);
		}
		send("{\"type\":\"host\",\"v\":1,\"game\":" + AnswerBook.quote(gameId) + ",\"token\":" + AnswerBook.quote(token)
				+ ",\"lang\":\"en\"}");
	}

	/** The host screen's socket is gone: connect again, to the next node, as the console does. */
	private void reconnect(int code) {
		if (ended || FINAL_CLOSES.contains(code) || deadline.passed() || reconnects.incrementAndGet() > MAX_RECONNECTS) {
			return;
		}
		CompletableFuture.delayedExecutor(500, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
			node++;
			replayLast = true;
			try {
				open(nodes.get(node % nodes.size()));
				metrics.count("hostReconnects", "ok");
			}
			catch (RuntimeException ex) {
				metrics.count("hostReconnects", "failed");
				reconnect(1006);
			}
		});
	}

	/** Plays every question, the podium and the end. */
	void play(Swarm swarm) {
		Milestones steps = swarm.milestones;
		long phase = Math.max(10_000, swarm.expected() / 500L * 1000 + 5_000);
		long pause = swarm.scaled(PHASE_PAUSE_MILLIS);
		for (int q = 0; q < swarm.questions && !deadline.passed(); q++) {
			int question = q;
			swarm.questionSent.set(q, System.nanoTime());
			if (q == 0) {
				command("start", "LOBBY", NO_Q);
			}
			else {
				command("next", "LEADERBOARD", q - 1);
			}
			await(() -> questionShown >= question, phase, "question");
			awaitPlayers(swarm, steps.step(q, Milestones.QUESTION), phase, "question-fanout");
			await(() -> openShown >= question, phase + swarm.options.previewSeconds() * 1000L, "open");
			long open = Math.max(0, closesAt - System.currentTimeMillis()) + 2_000;
			await(() -> closedShown >= question || steps.reached(steps.step(question, Milestones.DONE)) >= swarm.expected(),
					open, "answers");
			// Everyone answered: the server closes the question itself, unless someone chose not to answer.
			// 'next' is one step from wherever the game is; naming the step it is meant for (protocol
			// section 5) makes a 'next' that races the server's own close harmless: it is refused as stale.
			if (closedShown < question) {
				swarm.closeSent.set(q, System.nanoTime());
				command("next", "OPEN", q);
			}
			await(() -> closedShown >= question, phase, "closed");
			awaitPlayers(swarm, steps.step(q, Milestones.CLOSED), phase, "closed-fanout");
			pause(pause);
			if (leaderboardShown >= question) {
				metrics.count("hostOutOfStep", "leaderboard-before-next");
			}
			swarm.leaderboardSent.set(q, System.nanoTime());
			command("next", "CLOSED", q);
			await(() -> leaderboardShown >= question, phase, "leaderboard");
			awaitPlayers(swarm, steps.step(q, Milestones.LEADERBOARD), phase, "leaderboard-fanout");
			pause(pause);
		}
		command("next", "LEADERBOARD", swarm.questions - 1);
		await(() -> podium, phase, "podium");
		awaitPlayers(swarm, steps.finalStep(), phase, "final");
		pause(pause);
		command("next", "PODIUM", NO_Q);
		await(() -> ended, phase, "ended");
		awaitPlayers(swarm, steps.endedStep(), phase, "ended-fanout");
	}

	// ---- buzzer rounds ----

	/** The latest buzzer board (docs/protocol.md, "Buzzer rounds"). */
	private volatile JsonNode board;

	private volatile int seatedContestants;

	/** Contestants the host seated (buzzer rounds). */
	int seatedContestants() {
		return seatedContestants;
	}

	private String stage() {
		JsonNode b = board;
		return b == null ? "" : b.path("stage").asString("");
	}

	private int boardQ() {
		JsonNode b = board;
		return b == null ? -2 : b.path("q").asInt(-2);
	}

	/** The contestant on the floor of question q, or -1. */
	private int floor(int q) {
		JsonNode b = board;
		return b != null && b.path("q").asInt(-2) == q && "ANSWERING".equals(b.path("stage").asString())
				? b.path("floor").asInt(-1) : -1;
	}

	/**
	 * Plays a buzzer game: seats the contestants, then for each question shows it, arms the buzzers, and
	 * judges whoever gets the floor (right or wrong as the dice say, after the audience has answered or
	 * its time is up); a wrong answer reopens the buzzers for the others. Bounded: at most one judgement
	 * per contestant a question, every wait by its step's time and the run's deadline.
	 */
	void playBuzzer(Swarm swarm) {
		Milestones steps = swarm.milestones;
		long phase = Math.max(10_000, swarm.expected() / 500L * 1000 + 5_000);
		long pause = swarm.scaled(PHASE_PAUSE_MILLIS);
		int seated = 0;
		for (int i = 0; i < swarm.contestants.length(); i++) {
			int number = swarm.contestants.get(i);
			if (number > 0) {
				send("{\"type\":\"seat\",\"player\":" + number + ",\"id\":\"c" + (++commands) + "\"}");
				int want = ++seated;
				await(() -> board != null && board.path("contestants").size() >= want, phase, "seat");
			}
		}
		seatedContestants = seated;
		for (int q = 0; q < swarm.questions && !deadline.passed(); q++) {
			int question = q;
			swarm.questionSent.set(q, System.nanoTime());
			if (q == 0) {
				command("start", "LOBBY", NO_Q);
			}
			else {
				command("next", "CLOSED", q - 1);
			}
			await(() -> questionShown >= question, phase, "question");
			awaitPlayers(swarm, steps.step(q, Milestones.QUESTION), phase, "question-fanout");
			pause(pause);
			command("next", "PREVIEW", q);
			await(() -> openShown >= question, phase, "open");
			for (int judged = 0; judged <= seated && closedShown < question && !deadline.passed(); judged++) {
				long open = Math.max(0, closesAt - System.currentTimeMillis()) + 2_000;
				if (!await(() -> floor(question) > 0 || closedShown >= question, open, "floor")) {
					break;
				}
				if (closedShown >= question) {
					break;
				}
				int contestant = floor(question);
				// The host judges once the audience has answered (its time bounded by the question's).
				await(() -> steps.reached(steps.step(question, Milestones.DONE)) >= swarm.expected()
						|| System.currentTimeMillis() >= closesAt, open, null);
				boolean right = swarm.dice.roll(contestant, question * 16 + judged, Dice.JUDGE) >= swarm.options.wrong();
				swarm.closeSent.set(q, System.nanoTime());
				metrics.count("buzzer", right ? "judgedRight" : "judgedWrong");
				command(right ? "right" : "wrong", "OPEN", q);
				// The board moves on from this floor: closed, re-armed, or the next in order.
				await(() -> closedShown >= question || floor(question) != contestant, phase, "judged");
			}
			await(() -> closedShown >= question, phase, "closed");
			awaitPlayers(swarm, steps.step(q, Milestones.CLOSED), phase, "closed-fanout");
			pause(pause);
		}
		command("next", "CLOSED", swarm.questions - 1);
		await(() -> podium, phase, "podium");
		awaitPlayers(swarm, steps.finalStep(), phase, "final");
		pause(pause);
		command("next", "PODIUM", NO_Q);
		await(() -> ended, phase, "ended");
		awaitPlayers(swarm, steps.endedStep(), phase, "ended-fanout");
	}

	private void awaitPlayers(Swarm swarm, int step, long millis, String what) {
		await(() -> swarm.milestones.reached(step) >= swarm.expected(), millis, what);
	}

	private void pause(long millis) {
		await(() -> false, millis, null);
	}

	/** Polls a condition until it holds, the step's time is up, or the run's deadline passes. */
	boolean await(BooleanSupplier condition, long millis, String what) {
		long until = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() >= until || deadline.passed()) {
				if (what != null) {
					metrics.count("hostWaitTimeouts", what);
				}
				return false;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** A host command guarded with the step the host is looking at, as a host screen should send it. */
	private void command(String type, String phase, int q) {
		String text = "{\"type\":\"" + type + "\",\"id\":\"c" + (++commands) + "\",\"phase\":\"" + phase + "\""
				+ (q == NO_Q ? "" : ",\"q\":" + q) + "}";
		lastCommand = text;
		send(text);
	}

	private synchronized void send(String text) {
		WebSocket ws = socket;
		sending = sending.handle((r, e) -> null).thenCompose(ignored -> ws.sendText(text, true));
	}

	void close() {
		WebSocket ws = socket;
		if (ws != null) {
			ws.abort();
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String text = partial.toString();
			partial.setLength(0);
			handle(json.readTree(text));
		}
		webSocket.request(1);
		return null;
	}

	private void handle(JsonNode frame) {
		int q = frame.path("q").asInt(-1);
		java.util.function.BiConsumer<String, Integer> listener = frameListener;
		if (listener != null) {
			listener.accept(frame.path("type").asString(""), q);
		}
		if ("hosted".equals(frame.path("type").asString("")) && replayLast) {
			replayLast = false;
			String again = lastCommand;
			if (again != null) {
				metrics.count("hostCommandsSentAgain", "afterReconnect");
				send(again);
			}
		}
		switch (frame.path("type").asString("")) {
			case "hosted" -> hosted = frame;
			case "question" -> questionShown = Math.max(questionShown, q);
			case "open" -> {
				closesAt = frame.path("closesAt").asLong();
				openShown = Math.max(openShown, q);
			}
			case "closed" -> closedShown = Math.max(closedShown, q);
			case "leaderboard" -> leaderboardShown = Math.max(leaderboardShown, q);
			case "podium" -> podium = true;
			case "buzzer" -> {
				// One board at a time: the fields below are read together by the buzzer loop.
				board = frame;
			}
			case "ended" -> ended = true;
			case "error" -> {
				String code = frame.path("code").asString("?");
				// A 'next' that lost the race with the server's own early close: refused, nothing skipped.
				metrics.count("STALE_COMMAND".equals(code) ? "hostStaleCommands" : "hostErrors", code);
			}
			default -> {
				// players, answers, done, skipped, paused: counts for a screen, nothing to drive
			}
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closeCode = statusCode;
		metrics.count("hostCloses", String.valueOf(statusCode));
		if (webSocket == socket && hosted != null) {
			reconnect(statusCode);
		}
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closeCode = 1006;
		metrics.count("hostCloses", "error:" + error.getClass().getSimpleName());
		if (webSocket == socket && hosted != null) {
			reconnect(1006);
		}
	}

	/** The run's hard time bound. */
	record Deadline(long atMillis) {

		boolean passed() {
			return System.currentTimeMillis() >= atMillis;
		}
	}
}
