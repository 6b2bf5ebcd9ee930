package vn.quizfest.server.live;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.quizfest.server.game.AnswerReceipt;
import vn.quizfest.server.game.Decision;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.game.format.buzzer.BuzzerFormat;

/**
 * One running game on this node: the engine behind a lock, and its timer. A command goes in under
 * the lock, a {@link Decision} comes out; the reply goes to the sender and the events to the
 * listeners (frames, leaderboard mirror, results), which queue their deliveries on the game's outbox.
 */
public final class LiveGame {

	private static final Logger log = LoggerFactory.getLogger(LiveGame.class);

	private static final Set<GameCommand.HostAction> LOBBY_ACTIONS = EnumSet.of(GameCommand.HostAction.LOCK,
			GameCommand.HostAction.UNLOCK, GameCommand.HostAction.PRUNE);

	private final Game game;

	private final String pin;

	private final String title;

	private final byte[] hostTokenHash;

	private final LiveContext context;

	private final ReentrantLock lock = new ReentrantLock();

	private final SerialExecutor outbox;

	/** The game's checkpoints, one at a time and off the lock: a slow Redis never holds up a close. */
	private final SerialExecutor checkpoints;

	private final FrameOutput output;

	/** In this order: the mirror is written before the frames go out, the records after. */
	private final List<GameEvent.Listener> listeners;

	// Guarded by lock.
	private @Nullable ScheduledFuture<?> timer;

	private long timerAt = -1;

	// Guarded by lock: true while the journal of a lost node is replayed (nothing is journaled or timed).
	private boolean replaying;

	// Guarded by lock: entries this node has appended to the journal's stream since it began to drive the
	// game (with, for a node that took the game over, those it found there), the position of a snapshot.
	private long appended;

	/** Of those, the entries folded into the checkpoint by the last snapshot stored (the checkpoint tasks'). */
	private final AtomicLong folded = new AtomicLong();

	private final ResultsRecorder recorder;

	/** Another node drives this game now (this node lost its lease, or handed it over). */
	private volatile boolean abandoned;

	LiveGame(Game game, String pin, String title, byte[] hostTokenHash, LiveContext context) {
		this.game = game;
		this.pin = pin;
		this.title = title;
		this.hostTokenHash = hostTokenHash.clone();
		this.context = context;
		this.outbox = new SerialExecutor(context.outboxes());
		this.checkpoints = new SerialExecutor(context.outboxes());
		this.output = new FrameOutput(this, game, context, outbox);
		// The mirror has a queue of its own: a slow or paused Redis never holds up the frames behind it.
		this.recorder = new ResultsRecorder(game, context.results(), context.frames(), outbox);
		this.listeners = List.of(new LeaderboardMirror(game.id(), context.leaderboard(), context.metrics(),
				new SerialExecutor(context.outboxes())), output, recorder);
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
		return output.endedAt();
	}

	int connectedPlayers() {
		return output.connectedPlayers();
	}

	/** The bound players' sockets on this node (what a broadcast to the players goes to). */
	List<Peer> localPlayers() {
		return output.localPlayers();
	}

	boolean hostTokenMatches(String token) {
		return MessageDigest.isEqual(hostTokenHash, LiveGames.sha256(token));
	}

	/** Reads the engine under the lock (for REST views). */
	public <T> T read(Function<Game, T> reader) {
		lock.lock();
		try {
			return reader.apply(game);
		}
		finally {
			lock.unlock();
		}
	}

	// ---- commands in, decisions out ----------------------------------------------------------

	/** Under the lock: runs one command and hands its events to the listeners; reschedules the timer. */
	private Decision run(GameCommand command, long now) {
		Decision decision = game.handle(command, now);
		journal(command, decision, now);
		publish(decision, now);
		return decision;
	}

	/**
	 * Under the lock, before any reply or event leaves: appends a command that changed the game to its
	 * journal, so a node that takes the game over replays it. A refusal and a tick with nothing due change
	 * nothing and are left out. When another node holds the game now, the command is not answered here:
	 * {@link GameMoved} closes the sender with 4012, and it resumes with the new owner.
	 */
	private void journal(GameCommand command, Decision decision, long now) {
		if (replaying) {
			return;
		}
		if (abandoned) {
			throw new GameMoved(game.id());
		}
		if (decision.events().isEmpty() && (decision.isRefused() || command instanceof GameCommand.Tick)) {
			return;
		}
		if (context.failover().append(game.id(), command, now) == Failover.Append.LOST) {
			log.warn("Game {} is driven by another node now: this node stops", game.id());
			abandoned = true;
			throw new GameMoved(game.id());
		}
		appended++;
		if (closesAQuestion(decision)) {
			checkpoint(now);
		}
	}

	private static boolean closesAQuestion(Decision decision) {
		for (GameEvent event : decision.events()) {
			if (event instanceof GameEvent.QuestionClosed) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A question closed: the game's state is taken now, under the lock, as a snapshot that sits right after
	 * the command that closed it (the {@code appended}-th entry), and stored off the lock with the journal up
	 * to there folded into the checkpoint and trimmed from the stream, so the stream holds one question's
	 * commands at most and a takeover replays only those. A fold that cannot run (Redis down, appends still
	 * queued) leaves the last snapshot and a longer stream, which is still right: the next close folds it all.
	 */
	private void checkpoint(long now) {
		if (context.failover() instanceof Failover.None) {
			return;
		}
		long position = appended;
		GameSnapshot snapshot;
		try {
			snapshot = game.snapshot();
		}
		catch (RuntimeException ex) {
			log.error("Could not take a snapshot of game {} (a takeover replays its whole journal)", game.id(), ex);
			return;
		}
		checkpoints.execute(() -> {
			long entries = position - folded.get();
			if (abandoned || entries <= 0) {
				return;
			}
			try {
				int written = context.failover().snapshot(game.id(), (int) entries, now, snapshot);
				if (written == entries) {
					folded.set(position);
				}
				else if (written == -2) {
					log.info("Game {}: the snapshot waits for queued journal entries (the next close stores one)",
							game.id());
				}
				else {
					log.warn("Game {}: no snapshot stored ({} of {} entries folded)", game.id(), written, entries);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not store the snapshot of game {} (the next close does): {}", game.id(), ex.toString());
			}
		});
	}

	private void publish(Decision decision, long now) {
		if (!decision.events().isEmpty()) {
			markActive(now);
		}
		for (GameEvent event : decision.events()) {
			for (GameEvent.Listener listener : listeners) {
				event.dispatchTo(listener, now);
			}
		}
		if (!decision.events().isEmpty() && !replaying) {
			schedule();
		}
	}

	// ---- failover ----------------------------------------------------------------------------

	boolean abandoned() {
		return abandoned;
	}

	/** Stops driving the game here: another node holds it (or will, at once). Its sockets resume there. */
	void abandon() {
		lock.lock();
		try {
			abandoned = true;
			if (timer != null) {
				timer.cancel(false);
				timer = null;
				timerAt = -1;
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * A rebuild lost its lease to another node: the replay stops at its next entry (it holds the lock, so
	 * this does not wait for it), and nothing of this copy is ever announced.
	 */
	void giveUp() {
		abandoned = true;
	}

	/**
	 * Rebuilds the game of a lost node from its journal: each command again at its own time, into this
	 * fresh engine (deterministic: the same events follow). The events go to the listeners as they did
	 * the first time: the stored results are written again (the writer is idempotent, and it restores what
	 * the lost node had not written yet), the frames go to nobody (no socket is bound yet).
	 */
	void replay(List<Failover.Entry> entries) {
		lock.lock();
		replaying = true;
		try {
			for (Failover.Entry entry : entries) {
				if (abandoned) {
					return; // the lease went to another node mid-replay: that node rebuilds the game
				}
				GameCommand command = entry.command();
				if (command != null) {
					publish(game.handle(command, entry.now()), entry.now());
				}
			}
		}
		finally {
			replaying = false;
			lock.unlock();
		}
	}

	/**
	 * A game restored from a snapshot taken at a question close: the listeners hear what that close told
	 * (the units' ranking, the close, the buzzer board), so a screen that comes back is shown it, the
	 * leaderboard store has the standings, and the results writer gets the players and the last question's
	 * answers again (it is idempotent: this restores what the lost node had not written yet). Nothing is
	 * journaled or timed.
	 */
	void restored(GameSnapshot snapshot, long at) {
		lock.lock();
		replaying = true;
		try {
			for (Player player : game.players()) {
				recorder.playerJoined(new GameEvent.PlayerJoined(player), at);
				if (player.kicked()) {
					recorder.playerKicked(new GameEvent.PlayerKicked(player), at);
				}
			}
			List<GameEvent> told = new ArrayList<>(3);
			GameSnapshot.ClosedState closed = snapshot.lastClosed();
			if (closed != null) {
				game.unitsRanked(closed.question()).ifPresent(told::add);
				told.add(GameSnapshot.ClosedState.restore(closed, game.questions()));
			}
			if (game.format() instanceof BuzzerFormat buzzer) {
				told.add(new GameEvent.BuzzerBoardChanged(buzzer.board()));
			}
			publish(new Decision(told, new Reply.Done()), at);
		}
		finally {
			replaying = false;
			lock.unlock();
		}
	}

	/** A game taken over: the journal's stream holds this many entries, which the next snapshot folds. */
	void continueJournal(int streamEntries) {
		lock.lock();
		try {
			appended = streamEntries;
			folded.set(0);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * After the replay, this node drives the game. Nobody's socket is bound here yet, so every player
	 * counts as disconnected until it resumes (the early close waits for those who can answer). The
	 * phase that was running is extended by the outage: it is paused at the last journaled time and
	 * resumed now, so the open question keeps the time it had left when the lost node last did something.
	 */
	void takeOver(long lastJournaled) {
		lock.lock();
		try {
			long now = Math.max(context.now(), lastJournaled);
			boolean extend = game.nextDeadline() >= 0 && !game.paused() && !game.phase().isOver()
					&& !run(GameCommand.Host.of(GameCommand.HostAction.PAUSE), lastJournaled).isRefused();
			for (Player player : List.copyOf(game.players())) {
				if (player.connected()) {
					run(new GameCommand.Disconnect(player.number()), now);
				}
			}
			if (extend) {
				run(GameCommand.Host.of(GameCommand.HostAction.RESUME), now);
			}
			output.countsChanged();
			markActive(now);
			schedule();
		}
		finally {
			lock.unlock();
		}
	}

	private static RuntimeException refusal(Decision decision) {
		return new Game.Refusal(((Reply.Refused) decision.reply()).code());
	}

	// ---- players -----------------------------------------------------------------------------

	/** Throws {@link Game.Refusal} when the engine refuses the join. */
	void join(Peer connection, @Nullable String nickname, @Nullable String unit, String token) {
		lock.lock();
		try {
			long now = context.now();
			GameCommand.Join command = new GameCommand.Join(nickname, token, unit);
			Decision decision = game.handle(command, now);
			if (!(decision.reply() instanceof Reply.Joined joined)) {
				String code = ((Reply.Refused) decision.reply()).code();
				context.metrics().joinRefused(code);
				throw new Game.Refusal(code);
			}
			journal(command, decision, now);
			Player player = joined.player();
			output.bindPlayer(connection, player);
			connection.send(context.frames().joined("joined", this, player, null, now));
			output.catchUp(connection, player);
			publish(decision, now);
			context.metrics().joined();
		}
		finally {
			lock.unlock();
		}
	}

	void resume(Peer connection, String token) {
		lock.lock();
		try {
			long now = context.now();
			GameCommand.Resume command = new GameCommand.Resume(token);
			Decision decision = game.handle(command, now);
			if (!(decision.reply() instanceof Reply.Resumed resumed)) {
				throw refusal(decision);
			}
			journal(command, decision, now);
			Player player = resumed.player();
			Peer previous = output.bindPlayer(connection, player);
			if (previous != null && previous != connection) {
				previous.game = null;
				previous.close(CloseCodes.REPLACED);
			}
			connection.send(context.frames().joined("resumed", this, player, rankOf(player.number()), now));
			output.catchUp(connection, player);
			output.closeIfEnded(connection, player);
			publish(decision, now);
			context.metrics().resumed();
		}
		finally {
			lock.unlock();
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
			Decision decision = run(new GameCommand.Answer(connection.player, question, submission), now);
			AnswerReceipt receipt = ((Reply.Answered) decision.reply()).receipt();
			String message = receipt.accepted() ? null : context.message(connection.language, receipt.error());
			connection.send(context.frames().ack(receipt, message, ref));
			context.metrics().answer(receipt);
			if (receipt.accepted()) {
				output.answered();
				// The last answer closes the question at once, not at its deadline.
				run(new GameCommand.Tick(), now);
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * A buzzer press (buzzer format). It is timed here, on the node that holds the game, when it takes
	 * the lock: a press relayed from another node is timed when it arrives here.
	 */
	void buzz(Peer connection, @Nullable String ref) {
		lock.lock();
		try {
			long now = context.now();
			Decision decision = run(new GameCommand.Buzz(connection.player), now);
			if (decision.isRefused()) {
				throw refusal(decision);
			}
			connection.send(BuzzerFrames.buzzed(context.frames(), now, ref));
		}
		finally {
			lock.unlock();
		}
	}

	void disconnected(Peer connection) {
		if (connection.host) {
			output.unbindHost(connection);
			return;
		}
		lock.lock();
		try {
			// A game another node drives now journals nothing more; that node counts the player itself.
			if (output.unbindPlayer(connection) && !abandoned) {
				run(new GameCommand.Disconnect(connection.player), context.now());
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
			if (abandoned) {
				throw new GameMoved(game.id());
			}
			output.bindHost(connection);
			output.catchUpHost(connection);
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
		GameCommand.HostAction action = GameCommand.HostAction.fromWire(command)
			.filter(LOBBY_ACTIONS::contains)
			.orElseThrow(() -> new Game.Refusal("UNKNOWN_TYPE"));
		lock.lock();
		try {
			Decision decision = run(GameCommand.Host.of(action), context.now());
			if (decision.isRefused()) {
				throw refusal(decision);
			}
			return decision.reply() instanceof Reply.Removed removed ? removed.count() : game.lobbyLocked() ? 1 : 0;
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
		lock.lock();
		try {
			run(new GameCommand.Expire(), context.now());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs a host command; throws {@link Game.Refusal} when the engine refuses it (a command that
	 * names a phase and question the game has moved on from is refused as {@code STALE_COMMAND}).
	 */
	void command(String command, @Nullable Integer player, @Nullable String expectedPhase,
			@Nullable Integer expectedQuestion) {
		GameCommand.HostAction action = GameCommand.HostAction.fromWire(command)
			.orElseThrow(() -> new Game.Refusal("UNKNOWN_TYPE"));
		lock.lock();
		try {
			Decision decision = run(new GameCommand.Host(action, player, expectedPhase, expectedQuestion),
					context.now());
			if (decision.isRefused()) {
				throw refusal(decision);
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Runs whatever is due now (an early close after players were forgotten), as the timer would. */
	void tickNow() {
		tick();
	}

	/** The timer fired: run whatever is due. */
	void tick() {
		lock.lock();
		try {
			timer = null;
			timerAt = -1;
			if (abandoned) {
				return;
			}
			run(new GameCommand.Tick(), context.now());
		}
		catch (GameMoved moved) {
			// Logged by the journal; the failover round closes the game's sockets with 4012.
		}
		catch (RuntimeException ex) {
			log.error("Timer of game {} failed", game.id(), ex);
		}
		finally {
			lock.unlock();
		}
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

	// ---- outbox and counts -------------------------------------------------------------------

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

	/** Sends changed counts to hosts (and, in the lobby, to players at most once per interval). */
	void flushCounts(long now) {
		if (!lock.tryLock()) {
			return; // busy: the next round sends the counts
		}
		try {
			output.flushCounts(now);
		}
		finally {
			lock.unlock();
		}
	}

	/** Closes every socket of this game (server shutdown, the game moved): clients resume elsewhere or later. */
	void closeAll(org.springframework.web.socket.CloseStatus status) {
		output.closeAll(status);
		ScheduledFuture<?> pending = timer;
		if (pending != null) {
			pending.cancel(false);
		}
	}
}
