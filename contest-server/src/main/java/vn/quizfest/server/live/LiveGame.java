package vn.quizfest.server.live;

import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;

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
		this.listeners = List.of(new LeaderboardMirror(game.id(), context.leaderboard(), context.metrics(),
				new SerialExecutor(context.outboxes())),
				output, new ResultsRecorder(game, context.results(), context.frames(), outbox));
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
	 * nothing and are left out. When another node holds the game now, the command is refused here.
	 */
	private void journal(GameCommand command, Decision decision, long now) {
		if (replaying) {
			return;
		}
		if (abandoned) {
			throw new Game.Refusal("SERVER_ERROR");
		}
		if (decision.events().isEmpty() && (decision.isRefused() || command instanceof GameCommand.Tick)) {
			return;
		}
		if (context.failover().append(game.id(), command, now) == Failover.Append.LOST) {
			log.warn("Game {} is driven by another node now: this node stops", game.id());
			abandoned = true;
			throw new Game.Refusal("SERVER_ERROR");
		}
		if (closesAQuestion(decision)) {
			checkpoint();
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
	 * A question closed: the journal so far becomes the game's checkpoint and its stream is trimmed, so the
	 * stream holds one question's commands at most. The fold takes the stream as it is when it runs, in one
	 * step, so it may run after later appends (they are folded too, or stay for the next close).
	 */
	private void checkpoint() {
		if (context.failover() instanceof Failover.None) {
			return;
		}
		checkpoints.execute(() -> {
			if (abandoned) {
				return;
			}
			try {
				context.failover().checkpoint(game.id());
			}
			catch (RuntimeException ex) {
				log.warn("Could not checkpoint game {} (the next close folds its journal): {}", game.id(), ex.toString());
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
			if (output.unbindPlayer(connection)) {
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
