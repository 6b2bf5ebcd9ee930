package vn.quizfest.loadtest;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every simulated player shares: the WebSocket client of --client, a small
 * scheduler for think times and reconnects, the metrics, and the host's timestamps.
 */
final class Swarm implements AutoCloseable {

	final Options options;

	final Dice dice;

	final Metrics metrics;

	final JsonMapper json;

	final AnswerBook book;

	final Milestones milestones;

	final int questions;

	final String pin;

	final ScheduledThreadPoolExecutor scheduler;

	private final ExecutorService listeners;

	private final PlayerSockets sockets;

	private final List<URI> playerSockets;

	/** System.nanoTime() when the host sent the command that started each question, closed it, showed its leaderboard. */
	final AtomicLongArray questionSent;

	final AtomicLongArray closeSent;

	final AtomicLongArray leaderboardSent;

	/** The open frame of each question, parsed once and shared by every player. */
	final AtomicReferenceArray<JsonNode> openFrames;

	final AtomicInteger joined = new AtomicInteger();

	final AtomicInteger connected = new AtomicInteger();

	/** Players that will not come back: failed to join, or refused on resume. */
	final AtomicInteger gone = new AtomicInteger();

	final AtomicInteger connecting = new AtomicInteger();

	/** Players whose join failed for good (after retries, or refused). */
	final AtomicInteger joinFailed = new AtomicInteger();

	/** Buzzer rounds: the player numbers of the contestants (players 0..N-1), 0 until each has joined. */
	final java.util.concurrent.atomic.AtomicIntegerArray contestants;

	/** Fault runs (issue 16): resume times, and who the --fault command affected. */
	final FailoverStats failover;

	Swarm(Options options, Metrics metrics, JsonMapper json, AnswerBook book, int questions, String pin) {
		this.options = options;
		this.failover = new FailoverStats(options.players());
		this.dice = new Dice(options.seed());
		this.metrics = metrics;
		this.json = json;
		this.book = book;
		this.questions = questions;
		this.pin = pin;
		this.milestones = new Milestones(questions);
		this.questionSent = new AtomicLongArray(questions);
		this.closeSent = new AtomicLongArray(questions);
		this.leaderboardSent = new AtomicLongArray(questions);
		this.openFrames = new AtomicReferenceArray<>(questions);
		this.contestants = new java.util.concurrent.atomic.AtomicIntegerArray(options.buzzer() ? options.contestants() : 0);
		this.scheduler = new ScheduledThreadPoolExecutor(2, daemon("sim-timer"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		int cores = Runtime.getRuntime().availableProcessors();
		this.listeners = Executors.newFixedThreadPool(Math.max(2, cores), daemon("sim-listener"));
		this.sockets = PlayerSockets.of(options.client(), options.clients(), listeners);
		this.playerSockets = options.urls().stream().map(url -> socketUri(url, "/ws/play")).toList();
	}

	static URI socketUri(URI base, String path) {
		String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + base.getRawAuthority() + path);
	}

	/** Opens a player's WebSocket on the client of --client. */
	java.util.concurrent.CompletableFuture<java.net.http.WebSocket> open(int player, java.net.http.WebSocket.Listener listener) {
		return sockets.open(player, playerSocket(player), listener);
	}

	/** A player's socket to the node of that number among the --url nodes (a resume tries the next). */
	java.util.concurrent.CompletableFuture<java.net.http.WebSocket> open(int player, int node,
			java.net.http.WebSocket.Listener listener) {
		return sockets.open(player, playerSocket(node), listener);
	}

	URI playerSocket(int player) {
		return playerSockets.get(player % playerSockets.size());
	}

	/** Buzzer rounds: whether the player of this index is a contestant (the first --contestants to be created). */
	boolean contestant(int index) {
		return index < contestants.length();
	}

	/** Players expected to reach each step: those who joined and were not lost for good. */
	int expected() {
		return joined.get() - gone.get();
	}

	/** A delay scaled by --time-scale, never below 10 ms. */
	long scaled(long millis) {
		return Math.max(10, Math.round(millis * options.timeScale()));
	}

	void later(Runnable task, long millis) {
		try {
			scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// The run is over: nothing more to do.
		}
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger counter = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
		sockets.close();
		listeners.shutdownNow();
	}
}
