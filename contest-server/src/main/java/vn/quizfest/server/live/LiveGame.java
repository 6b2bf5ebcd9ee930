package vn.quizfest.server.live;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.quizfest.server.game.AnswerReceipt;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.PlayerJoined;
import vn.quizfest.server.game.GameEvent.PlayerKicked;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.QuestionOpened;
import vn.quizfest.server.game.GameEvent.QuestionPreviewed;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.leaderboard.Leaderboard;
import vn.quizfest.server.results.ResultRecord;

/**
 * One running game on this node: the engine behind a lock, its sockets, its timer and its outbox.
 * Commands run the engine under the lock and queue what must be sent; the outbox delivers in order
 * on other threads, so the lock is never held while thousands of frames go out.
 */
public final class LiveGame {

	private static final Logger log = LoggerFactory.getLogger(LiveGame.class);

	private final Game game;

	private final String pin;

	private final String title;

	private final byte[] hostTokenHash;

	private final LiveContext context;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<Integer, Peer> players = new ConcurrentHashMap<>();

	private final Map<String, Peer> hosts = new ConcurrentHashMap<>();

	private final SerialExecutor outbox;

	// Guarded by lock.
	private @Nullable String currentFrame;

	private @Nullable ScheduledFuture<?> timer;

	private long timerAt = -1;

	private final List<Player> recentJoins = new ArrayList<>();

	private final List<Integer> recentKicks = new ArrayList<>();

	private boolean playersChanged;

	private boolean answersChanged;

	private int lastLobbyCount = -1;

	private long lastLobbySent;

	private volatile long endedAt = -1;

	// Guarded by lock: the last frame of an ended game, for a phone that comes back afterwards.
	private @Nullable String endedFrame;

	LiveGame(Game game, String pin, String title, byte[] hostTokenHash, LiveContext context) {
		this.game = game;
		this.pin = pin;
		this.title = title;
		this.hostTokenHash = hostTokenHash.clone();
		this.context = context;
		this.outbox = new SerialExecutor(context.outboxes());
	}

	public Game game() {
		return game;
	}

	public String id() {
		return game.id();
	}

	public String pin() {
		return pin;
	}

	public String title() {
		return title;
	}

	long endedAt() {
		return endedAt;
	}

	int connectedPlayers() {
		return players.size();
	}

	boolean hostTokenMatches(String token) {
		return MessageDigest.isEqual(hostTokenHash, LiveGames.sha256(token));
	}

	/** Reads the engine under the lock (for REST views). */
	public <T> T read(java.util.function.Function<Game, T> reader) {
		lock.lock();
		try {
			return reader.apply(game);
		}
		finally {
			lock.unlock();
		}
	}

	// ---- players -----------------------------------------------------------------------------

	void join(Peer connection, @Nullable String nickname, String token) {
		List<GameEvent> events = Game.events();
		lock.lock();
		try {
			long now = context.now();
			Player player = game.join(nickname, token, now, events);
			bind(connection, player);
			connection.send(context.frames().joined("joined", this, player, null, now));
			catchUp(connection, player);
			handle(events, now);
			context.metrics().joined();
		}
		catch (Game.Refusal refusal) {
			context.metrics().joinRefused(refusal.code());
			throw refusal;
		}
		finally {
			lock.unlock();
		}
	}

	void resume(Peer connection, String token) {
		lock.lock();
		try {
			long now = context.now();
			Player player = game.resume(token);
			Peer previous = bind(connection, player);
			if (previous != null && previous != connection) {
				previous.game = null;
				previous.close(CloseCodes.REPLACED);
			}
			Integer rank = rankOf(player.number());
			connection.send(context.frames().joined("resumed", this, player, rank, now));
			catchUp(connection, player);
			if (endedFrame != null) {
				players.remove(player.number(), connection);
				connection.sendAndClose(endedFrame, CloseCodes.GAME_OVER);
			}
			context.metrics().resumed();
		}
		finally {
			lock.unlock();
		}
	}

	private @Nullable Peer bind(Peer connection, Player player) {
		connection.game = this;
		connection.player = player.number();
		connection.host = false;
		Peer previous = players.put(player.number(), connection);
		connection.bound();
		return previous;
	}

	/** Brings a (re)joined socket to where the game is: the current frame and the player's own state. */
	private void catchUp(Peer connection, Player player) {
		sendCurrentFrame(connection);
		switch (game.phase()) {
			case LOBBY -> connection.send(context.frames().lobby(game.activePlayerCount()));
			case OPEN -> game.receiptOf(player.number())
				.ifPresent(receipt -> connection.send(context.frames().ack(receipt, null, null)));
			case CLOSED, LEADERBOARD -> game.lastClosed().ifPresent(closed -> {
				String frame = outcomeFrame(closed, player.number(), standingsByPlayer(closed.standings()));
				if (frame != null) {
					connection.send(frame);
				}
			});
			case PODIUM, ENDED -> {
				for (Standing standing : game.standings()) {
					if (standing.player() == player.number()) {
						connection.send(context.frames().finalRank(standing, game.standings().size()));
					}
				}
			}
			default -> {
			}
		}
		if (game.paused()) {
			connection.send(context.frames().paused(game.pausedRemaining()));
		}
	}

	private @Nullable Integer rankOf(int number) {
		for (Standing standing : game.standings()) {
			if (standing.player() == number) {
				return standing.rank();
			}
		}
		return null;
	}

	void answer(Peer connection, int question, Submission submission, @Nullable String ref) {
		lock.lock();
		try {
			long now = context.now();
			AnswerReceipt receipt = game.answer(connection.player, question, submission, now);
			String message = receipt.accepted() ? null : context.message(connection.language, receipt.error());
			connection.send(context.frames().ack(receipt, message, ref));
			context.metrics().answer(receipt);
			if (receipt.accepted()) {
				answersChanged = true;
				if (game.everyoneAnswered()) {
					List<GameEvent> events = Game.events();
					game.tick(now, events);
					handle(events, now);
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	void disconnected(Peer connection) {
		if (connection.host) {
			hosts.remove(connection.id());
			return;
		}
		lock.lock();
		try {
			if (players.remove(connection.player, connection)) {
				game.disconnected(connection.player);
				playersChanged = true;
			}
		}
		finally {
			lock.unlock();
		}
	}

	// ---- host --------------------------------------------------------------------------------

	void attachHost(Peer connection) {
		lock.lock();
		try {
			connection.game = this;
			connection.host = true;
			hosts.put(connection.id(), connection);
			connection.bound();
			connection.send(context.frames().hosted(this, context.now()));
			sendCurrentFrame(connection);
			if (game.phase() == Phase.OPEN) {
				connection.send(context.frames().answers(game.currentQuestion().orElseThrow().index(),
						game.answeredCount(), game.activePlayerCount()));
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The host's lobby controls: {@code lock} and {@code unlock} joining (every host screen hears of
	 * it, the presenter shows it), and {@code prune}, which removes every disconnected player who has
	 * never answered. Returns what the {@code done} reports: the lock state, or how many were removed.
	 */
	int lobbyCommand(String command) {
		List<GameEvent> events = Game.events();
		lock.lock();
		try {
			long now = context.now();
			int result = switch (command) {
				case "lock", "unlock" -> {
					game.lockLobby("lock".equals(command));
					String frame = context.frames().lobbyLock(game.lobbyLocked());
					Targets hostTargets = snapshot(false);
					deliver(() -> fan(hostTargets, frame, true));
					yield game.lobbyLocked() ? 1 : 0;
				}
				case "prune" -> game.removeDisconnected(events);
				default -> throw new Game.Refusal("UNKNOWN_TYPE");
			};
			handle(events, now);
			return result;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Ends the game for an organiser of its organisation who has no host token (another laptop, a cleared
	 * browser): as the host's {@code end}, so the podium, the final frames and the stored results follow.
	 * Ending an ended game does nothing.
	 */
	public void endByOrganiser() {
		command("end", null, null, null);
	}

	/** When the game last did something (an event: a join, a command, a timer step); 0 before the first. */
	private volatile long lastActivity;

	long lastActivityAt() {
		return lastActivity;
	}

	/** Marks the game active now: at creation, and with every batch of events. */
	void markActive(long now) {
		lastActivity = now;
	}

	/** Ends a game nobody has moved for the idle limit, with reason {@code IDLE}; its results are kept. */
	void endIdle() {
		List<GameEvent> events = Game.events();
		lock.lock();
		try {
			long now = context.now();
			game.end("IDLE", now, events);
			handle(events, now);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs a host command. A command that names the phase and question the host screen was showing is
	 * refused with {@code STALE_COMMAND} when the game has moved on since (a double tap, or a "next"
	 * racing the server's own early close), so it never skips a step the host did not see.
	 */
	void command(String command, @Nullable Integer player, @Nullable String expectedPhase, @Nullable Integer expectedQuestion) {
		List<GameEvent> events = Game.events();
		lock.lock();
		try {
			long now = context.now();
			if (expectedPhase != null && !game.phase().name().equals(expectedPhase)) {
				throw new Game.Refusal("STALE_COMMAND");
			}
			if (expectedQuestion != null
					&& game.currentQuestion().map(GameQuestion::index).orElse(-1) != expectedQuestion.intValue()) {
				throw new Game.Refusal("STALE_COMMAND");
			}
			switch (command) {
				case "start" -> game.start(now, events);
				case "next" -> game.next(now, events);
				case "skip" -> game.skip(now, events);
				case "pause" -> game.pause(now, events);
				case "resume" -> game.resume(now, events);
				case "end" -> game.end("HOST_ENDED", now, events);
				case "kick" -> {
					if (player == null) {
						throw new Game.Refusal("PLAYER_UNKNOWN");
					}
					game.kick(player, events);
				}
				default -> throw new Game.Refusal("UNKNOWN_TYPE");
			}
			handle(events, now);
		}
		finally {
			lock.unlock();
		}
	}

	/** The timer fired: run whatever is due. */
	void tick() {
		lock.lock();
		try {
			timer = null;
			timerAt = -1;
			List<GameEvent> events = Game.events();
			long now = context.now();
			game.tick(now, events);
			handle(events, now);
		}
		catch (RuntimeException ex) {
			log.error("Timer of game {} failed", game.id(), ex);
		}
		finally {
			lock.unlock();
		}
	}

	// ---- events to frames --------------------------------------------------------------------

	/** Called under the lock: turns the engine's events into deliveries, in order. */
	private void handle(List<GameEvent> events, long now) {
		if (!events.isEmpty()) {
			markActive(now);
		}
		for (GameEvent event : events) {
			if (event instanceof PlayerJoined joined) {
				recentJoins.add(joined.player());
				playersChanged = true;
				Player p = joined.player();
				context.results().submit(new ResultRecord.PlayerJoined(id(), p.number(), p.nickname(), p.joinedAt()));
			}
			else if (event instanceof PlayerKicked kicked) {
				kicked(kicked.player().number());
			}
			else if (event instanceof QuestionPreviewed preview) {
				if (preview.question().index() == 0) {
					context.results().submit(new ResultRecord.StatusChanged(id(), "RUNNING", now));
				}
				broadcast(context.frames().preview(preview.question(), preview.questionCount(), preview.previewEndsAt(),
						now));
			}
			else if (event instanceof QuestionOpened opened) {
				broadcast(context.frames().open(opened.question(), opened.questionCount(), opened.opensAt(),
						opened.closesAt(), now));
				answersChanged = true;
			}
			else if (event instanceof QuestionClosed closed) {
				closed(closed, now);
			}
			else if (event instanceof QuestionSkipped skipped) {
				broadcast(context.frames().skipped(skipped.question().index()));
				context.results().submit(new ResultRecord.QuestionSkipped(id(), skipped.question().index()));
			}
			else if (event instanceof LeaderboardShown shown) {
				broadcast(context.frames().leaderboard(shown));
			}
			else if (event instanceof GamePaused paused) {
				broadcastTransient(context.frames().paused(paused.remainingMillis()));
			}
			else if (event instanceof GameResumed) {
				broadcastTransient(context.frames().unpaused());
				// The deadlines moved by the paused time: send the current question again with them.
				rebuildCurrentFrame(now).ifPresent(this::broadcast);
			}
			else if (event instanceof PodiumShown podium) {
				podium(podium, now);
			}
			else if (event instanceof GameEnded ended) {
				ended(ended, now);
			}
		}
		if (!events.isEmpty()) {
			schedule();
		}
	}

	private void kicked(int number) {
		recentKicks.add(number);
		playersChanged = true;
		Peer connection = players.remove(number);
		if (connection != null) {
			connection.game = null;
			String message = context.messages().get(java.util.Locale.forLanguageTag(connection.language), "live.kicked");
			connection.sendAndClose(context.frames().kicked(message), CloseCodes.KICKED);
		}
		context.results().submit(new ResultRecord.PlayerKicked(id(), number));
	}

	/**
	 * The frame of the current phase for a socket that (re)joins. A question is rebuilt so that its
	 * serverTime is now: a phone syncing its clock then counts down only the time really left.
	 */
	private void sendCurrentFrame(Peer connection) {
		java.util.Optional<String> rebuilt = rebuildCurrentFrame(context.now());
		if (rebuilt.isPresent()) {
			connection.send(rebuilt.get());
		}
		else if (currentFrame != null) {
			connection.send(currentFrame);
		}
	}

	private java.util.Optional<String> rebuildCurrentFrame(long now) {
		GameQuestion question = game.currentQuestion().orElse(null);
		if (question == null) {
			return java.util.Optional.empty();
		}
		return switch (game.phase()) {
			case PREVIEW -> java.util.Optional
				.of(context.frames().preview(question, game.questionCount(), game.previewEndsAt(), now));
			case OPEN -> java.util.Optional.of(context.frames()
				.open(question, game.questionCount(), game.opensAt(), game.closesAt(), now));
			default -> java.util.Optional.empty();
		};
	}

	private void closed(QuestionClosed closed, long now) {
		String shared = context.frames().closed(closed, now);
		currentFrame = shared;
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		long opensAt = game.opensAt();
		Map<Integer, Long> arrivals = arrivals(closed);
		long created = System.nanoTime();
		deliver(() -> {
			long start = System.nanoTime();
			mirrorLeaderboard(closed.standings());
			context.metrics().leaderboard(System.nanoTime() - start);
			Map<Integer, Standing> byPlayer = standingsByPlayer(closed.standings());
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> outcomeFrame(closed, connection.player, byPlayer));
			context.metrics().fanOut(System.nanoTime() - created);
			int position = closed.question().index();
			for (Outcome outcome : closed.outcomes().values()) {
				if (outcome.answered() && outcome.submission() != null) {
					context.results().submit(new ResultRecord.AnswerScored(id(), position, outcome.player(),
							context.frames().submission(outcome.submission()), outcome.correct(), outcome.credit(),
							outcome.points(), outcome.streak(), outcome.responseMillis(),
							arrivals.getOrDefault(outcome.player(), outcome.responseMillis() + opensAt)));
				}
			}
		});
	}

	/**
	 * When each answer to the closed question arrived, as its ack said: an answer in the open lead
	 * arrived before {@code opensAt} (its {@code ms} is 0). Read now, as the next question clears the receipts.
	 */
	private Map<Integer, Long> arrivals(QuestionClosed closed) {
		Map<Integer, Long> arrivals = new HashMap<>();
		int position = closed.question().index();
		for (Outcome outcome : closed.outcomes().values()) {
			if (outcome.answered()) {
				game.receiptOf(outcome.player())
					.filter(receipt -> receipt.question() == position && receipt.accepted())
					.ifPresent(receipt -> arrivals.put(outcome.player(), receipt.receivedAt()));
			}
		}
		return arrivals;
	}

	private @Nullable String outcomeFrame(QuestionClosed closed, int player, Map<Integer, Standing> byPlayer) {
		Outcome outcome = closed.outcomes().get(player);
		Standing standing = byPlayer.get(player);
		if (outcome == null || standing == null) {
			return null;
		}
		return context.frames()
			.outcome(closed.question().index(), outcome, standing.score(), standing.rank(), byPlayer.size());
	}

	private static Map<Integer, Standing> standingsByPlayer(List<Standing> standings) {
		Map<Integer, Standing> byPlayer = new HashMap<>(standings.size() * 2);
		for (Standing standing : standings) {
			byPlayer.put(standing.player(), standing);
		}
		return byPlayer;
	}

	private void mirrorLeaderboard(List<Standing> standings) {
		List<Leaderboard.Entry> entries = new ArrayList<>(standings.size());
		for (Standing standing : standings) {
			entries.add(new Leaderboard.Entry(standing.player(), standing.score(), standing.correctMillis()));
		}
		try {
			context.leaderboard().record(id(), entries);
		}
		catch (RuntimeException ex) {
			// The engine's own standings stay authoritative; the mirror catches up after the next question.
			log.warn("Leaderboard mirror of game {} failed: {}", id(), ex.toString());
		}
	}

	private void podium(PodiumShown podium, long now) {
		String shared = context.frames().podium(podium.standings());
		currentFrame = shared;
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		List<Standing> standings = podium.standings();
		long created = System.nanoTime();
		deliver(() -> {
			mirrorLeaderboard(standings);
			Map<Integer, Standing> byPlayer = standingsByPlayer(standings);
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> {
				Standing standing = byPlayer.get(connection.player);
				return standing == null ? null : context.frames().finalRank(standing, standings.size());
			});
			context.metrics().fanOut(System.nanoTime() - created);
			List<ResultRecord.FinalStanding> finals = new ArrayList<>(standings.size());
			for (Standing s : standings) {
				finals.add(new ResultRecord.FinalStanding(s.player(), s.score(), s.rank(), s.correctCount(),
						s.correctMillis()));
			}
			context.results().submit(new ResultRecord.GameFinished(id(), now, finals));
		});
	}

	private void ended(GameEnded ended, long now) {
		endedAt = now;
		String frame = context.frames().ended(ended.reason());
		endedFrame = frame;
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		deliver(() -> {
			for (Peer connection : targets.local()) {
				connection.sendAndClose(frame, CloseCodes.GAME_OVER);
			}
			if (!targets.remote().isEmpty()) {
				context.relay().publish(id(), 'E', CloseCodes.GAME_OVER.getCode() + "\n" + frame);
			}
			fan(hostTargets, frame, true);
			context.results().submit(new ResultRecord.StatusChanged(id(), "ENDED", now));
		});
		players.clear();
	}

	/** A phase frame for everyone; it is also what a socket that (re)joins receives first. */
	private void broadcast(String frame) {
		currentFrame = frame;
		broadcastTransient(frame);
	}

	private void broadcastTransient(String frame) {
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		long created = System.nanoTime();
		deliver(() -> {
			fan(targets, frame, false);
			fan(hostTargets, frame, true);
			context.metrics().fanOut(System.nanoTime() - created);
		});
	}

	/** Who a delivery goes to: sockets on this node, and whether other nodes relay some. */
	private record Targets(List<Peer> local, List<Peer> remote) {
	}

	private Targets snapshot(boolean ofPlayers) {
		List<Peer> local = new ArrayList<>();
		List<Peer> remote = new ArrayList<>(0);
		for (Peer peer : ofPlayers ? players.values() : hosts.values()) {
			(peer.isLocal() ? local : remote).add(peer);
		}
		return new Targets(local, remote);
	}

	/** One frame to every target: each local socket, and once over the channel for other nodes. */
	private void fan(Targets targets, String frame, boolean toHosts) {
		context.fanOut().broadcast(targets.local(), frame);
		if (!targets.remote().isEmpty()) {
			context.relay().publish(id(), toHosts ? 'H' : 'B', frame);
		}
	}

	private void fanEach(Targets targets, java.util.function.Function<Peer, @Nullable String> frameFor) {
		context.fanOut().each(targets.local(), frameFor);
		if (!targets.remote().isEmpty()) {
			context.relay().publishEach(id(), targets.remote(), frameFor);
		}
	}

	/** Queues a delivery; the game's outbox runs them in order, off the lock. */
	private void deliver(Runnable delivery) {
		outbox.execute(delivery);
	}

	/** Waits (bounded) until everything queued so far has been handed to the sockets. */
	boolean awaitOutbox(long timeoutMillis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!outbox.idle()) {
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			Thread.sleep(5);
		}
		return true;
	}

	private void schedule() {
		long deadline = game.nextDeadline();
		if (deadline == timerAt) {
			return;
		}
		if (timer != null) {
			timer.cancel(false);
			timer = null;
		}
		timerAt = deadline;
		if (deadline >= 0) {
			long delay = Math.max(0, deadline - context.now());
			timer = context.timers().schedule(this::tick, delay, TimeUnit.MILLISECONDS);
		}
	}

	// ---- coalesced counts --------------------------------------------------------------------

	/** Sends changed counts to hosts (and, in the lobby, to players at most once per interval). */
	void flushCounts(long now) {
		if (!lock.tryLock()) {
			return; // busy: the next round sends the counts
		}
		String toHosts = null;
		String answersFrame = null;
		String toPlayers = null;
		try {
			if (playersChanged) {
				playersChanged = false;
				toHosts = context.frames().players(game.activePlayerCount(), List.copyOf(recentJoins),
						List.copyOf(recentKicks));
				recentJoins.clear();
				recentKicks.clear();
			}
			if (answersChanged && game.phase() == Phase.OPEN) {
				answersChanged = false;
				answersFrame = context.frames().answers(game.currentQuestion().orElseThrow().index(),
						game.answeredCount(), game.activePlayerCount());
			}
			int count = game.activePlayerCount();
			if (game.phase() == Phase.LOBBY && count != lastLobbyCount
					&& now - lastLobbySent >= context.settings().playerCountsInterval().toMillis()) {
				lastLobbyCount = count;
				lastLobbySent = now;
				toPlayers = context.frames().lobby(count);
			}
		}
		finally {
			lock.unlock();
		}
		String hostsFrame = toHosts;
		String answers = answersFrame;
		String lobby = toPlayers;
		if (hostsFrame != null || answers != null || lobby != null) {
			Targets hostTargets = snapshot(false);
			Targets targets = lobby == null ? new Targets(List.of(), List.of()) : snapshot(true);
			deliver(() -> {
				if (hostsFrame != null) {
					fan(hostTargets, hostsFrame, true);
				}
				if (answers != null) {
					fan(hostTargets, answers, true);
				}
				if (lobby != null) {
					fan(targets, lobby, false);
				}
			});
		}
	}

	/** Closes every socket of this game (server shutdown): clients resume elsewhere or later. */
	void closeAll() {
		for (Peer connection : players.values()) {
			connection.close(CloseCodes.SERVER_RESTART);
		}
		for (Peer connection : hosts.values()) {
			connection.close(CloseCodes.SERVER_RESTART);
		}
		ScheduledFuture<?> pending = timer;
		if (pending != null) {
			pending.cancel(false);
		}
	}
}
