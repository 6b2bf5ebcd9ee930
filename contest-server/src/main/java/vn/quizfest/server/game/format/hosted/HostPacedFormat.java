package vn.quizfest.server.game.format.hosted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.AnswerReceipt;
import vn.quizfest.server.game.Decision;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameCommand.Answer;
import vn.quizfest.server.game.GameCommand.Buzz;
import vn.quizfest.server.game.GameCommand.Disconnect;
import vn.quizfest.server.game.GameCommand.Expire;
import vn.quizfest.server.game.GameCommand.Host;
import vn.quizfest.server.game.GameCommand.Join;
import vn.quizfest.server.game.GameCommand.Resume;
import vn.quizfest.server.game.GameCommand.Tick;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.LobbyLocked;
import vn.quizfest.server.game.GameEvent.PlayerDisconnected;
import vn.quizfest.server.game.GameEvent.PlayerJoined;
import vn.quizfest.server.game.GameEvent.PlayerKicked;
import vn.quizfest.server.game.GameEvent.PlayerReconnected;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.QuestionOpened;
import vn.quizfest.server.game.GameEvent.QuestionPreviewed;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;
import vn.quizfest.server.game.GameFormat;
import vn.quizfest.server.game.GameFormatKind;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.HostView;
import vn.quizfest.server.game.Nicknames;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.PlayerView;
import vn.quizfest.server.game.QuestionRun;
import vn.quizfest.server.game.Roster;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.ranking.RankingPolicy;
import vn.quizfest.server.game.ranking.UnitRanking;

/**
 * The classic flow: LOBBY, then for each question PREVIEW, OPEN, CLOSED, LEADERBOARD, and at the end
 * PODIUM. The host moves on with one "next" button; timed steps run on {@link Tick}. Refusals are
 * thrown as {@link Game.Refusal} inside and become a refused {@link Decision} at {@link Game}.
 */
public final class HostPacedFormat implements GameFormat {

	private final List<GameQuestion> questions;

	private final GameSettings settings;

	private final Roster roster;

	private final RankingPolicy ranking;

	/** Team play by unit: the units' ranking beside the players' own; null in a game without units. */
	private final @Nullable UnitRanking units;

	private Phase phase = Phase.LOBBY;

	private int current = -1;

	private @Nullable QuestionRun run;

	private long previewEndsAt;

	private long phaseSince;

	private boolean paused;

	private long pausedAt;

	private @Nullable QuestionClosed lastClosed;

	private List<Standing> standings = List.of();

	/**
	 * The classic game's part of a {@link GameSnapshot}: its phase and clock, the open or last question's
	 * run, the last close (shown to a phone that comes back), the standings and, with units, their points.
	 */
	public record State(Phase phase, int current, GameSnapshot.@Nullable RunState run, long previewEndsAt,
			long phaseSince, boolean paused, long pausedAt, GameSnapshot.@Nullable ClosedState lastClosed,
			List<Standing> standings, List<GameSnapshot.UnitScore> units) {

		public State {
			standings = List.copyOf(standings);
			units = List.copyOf(units);
		}
	}

	/** A game as a snapshot left it; the questions and settings are the game's own, as at creation. */
	public static HostPacedFormat restore(List<GameQuestion> questions, GameSettings settings, Nicknames nicknames,
			GameSnapshot snapshot) {
		State state = snapshot.hosted();
		if (state == null) {
			throw new GameSnapshot.Unrestorable("the snapshot is not of a classic game");
		}
		HostPacedFormat format = new HostPacedFormat(questions, settings, nicknames, state.phaseSince());
		format.roster.restore(snapshot.roster());
		if (state.current() >= questions.size() || state.current() < -1) {
			throw new GameSnapshot.Unrestorable("the snapshot names question " + state.current());
		}
		format.phase = state.phase();
		format.current = state.current();
		format.run = QuestionRun.restore(state.run(), format.questions);
		format.previewEndsAt = state.previewEndsAt();
		format.phaseSince = state.phaseSince();
		format.paused = state.paused();
		format.pausedAt = state.pausedAt();
		format.lastClosed = GameSnapshot.ClosedState.restore(state.lastClosed(), format.questions);
		format.standings = state.standings();
		if (format.units != null) {
			format.units.restore(state.units());
		}
		else if (!state.units().isEmpty()) {
			throw new GameSnapshot.Unrestorable("the snapshot has units, the game none");
		}
		return format;
	}

	@Override
	public GameSnapshot snapshot() {
		State state = new State(phase, current, run == null ? null : run.state(), previewEndsAt, phaseSince, paused,
				pausedAt, GameSnapshot.ClosedState.of(lastClosed), standings, units == null ? List.of() : units.state());
		return new GameSnapshot(GameSnapshot.VERSION, GameFormatKind.HOSTED, roster.state(), state, null, null);
	}

	public HostPacedFormat(List<GameQuestion> questions, GameSettings settings, Nicknames nicknames, long now) {
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("A game needs at least one question");
		}
		this.questions = List.copyOf(questions);
		this.settings = settings;
		this.roster = settings.teams() == null ? new Roster(nicknames, settings.maxPlayers())
				: new Roster(nicknames, settings.maxPlayers(), settings.teams().units(), settings.teams().assignments());
		this.ranking = RankingPolicy.INDIVIDUAL;
		this.units = settings.teams() == null ? null : new UnitRanking(settings.teams(), roster);
		this.phaseSince = now;
	}

	@Override
	public Decision handle(GameCommand command, long now) {
		List<GameEvent> events = new ArrayList<>(4);
		Reply reply = command.accept(new GameCommand.Handler<Reply>() {

			@Override
			public Reply join(Join join) {
				return new Reply.Joined(HostPacedFormat.this.join(join.nickname(), join.resumeToken(), join.unit(), now,
						events));
			}

			@Override
			public Reply resume(Resume resume) {
				return new Reply.Resumed(HostPacedFormat.this.resume(resume.resumeToken(), events));
			}

			@Override
			public Reply disconnect(Disconnect disconnect) {
				disconnected(disconnect.player(), events);
				return new Reply.Done();
			}

			@Override
			public Reply answer(Answer answer) {
				return new Reply.Answered(HostPacedFormat.this.answer(answer.player(), answer.question(),
						answer.submission(), now));
			}

			@Override
			public Reply buzz(Buzz buzz) {
				// No buzzers in the classic game: answered like a frame type this format does not know.
				return new Reply.Refused("UNKNOWN_TYPE");
			}

			@Override
			public Reply host(Host host) {
				return HostPacedFormat.this.host(host, now, events);
			}

			@Override
			public Reply tick(Tick tick) {
				HostPacedFormat.this.tick(now, events);
				return new Reply.Done();
			}

			@Override
			public Reply expire(Expire expire) {
				end("IDLE", now, events);
				return new Reply.Done();
			}
		});
		return new Decision(events, reply);
	}

	private Reply host(Host host, long now, List<GameEvent> events) {
		switch (host.action()) {
			case START -> start(now, events);
			case NEXT -> next(now, events);
			case SKIP -> skip(now, events);
			case PAUSE -> pause(now, events);
			case RESUME -> resume(now, events);
			case END -> end("HOST_ENDED", now, events);
			case KICK -> {
				if (host.player() == null) {
					throw new Game.Refusal("PLAYER_UNKNOWN");
				}
				kick(host.player(), events);
			}
			case LOCK, UNLOCK -> lockLobby(host.action() == HostAction.LOCK, events);
			case PRUNE -> {
				return new Reply.Removed(removeDisconnected(events));
			}
			// Nobody is eliminated in the classic game: answered like a command this format does not know.
			case REVIVE -> throw new Game.Refusal("UNKNOWN_TYPE");
			// The buzzer format's actions: not part of the classic game.
			case SEAT, UNSEAT, RIGHT, WRONG, PICK20, PICK30, STAR -> throw new Game.Refusal("UNKNOWN_TYPE");
		}
		return new Reply.Done();
	}

	private void lockLobby(boolean locked, List<GameEvent> events) {
		if (phase.isOver()) {
			throw new Game.Refusal("GAME_OVER");
		}
		roster.lockLobby(locked);
		events.add(new LobbyLocked(locked));
	}

	/**
	 * Removes every disconnected player who has never answered (as a kick: they cannot resume) and
	 * returns how many. Players with an answer keep their score and may still come back.
	 */
	private int removeDisconnected(List<GameEvent> events) {
		int removed = 0;
		for (Player player : List.copyOf(roster.players())) {
			if (!player.kicked() && !player.connected() && !player.answeredOnce()) {
				kick(player.number(), events);
				removed++;
			}
		}
		return removed;
	}

	// ---- reads -------------------------------------------------------------------------------

	@Override
	public Phase phase() {
		return phase;
	}

	@Override
	public boolean paused() {
		return paused;
	}

	@Override
	public GameSettings settings() {
		return settings;
	}

	@Override
	public List<GameQuestion> questions() {
		return questions;
	}

	@Override
	public Roster roster() {
		return roster;
	}

	@Override
	public Optional<GameQuestion> currentQuestion() {
		return current < 0 ? Optional.empty() : Optional.of(questions.get(current));
	}

	@Override
	public List<Standing> standings() {
		return standings;
	}

	@Override
	public Optional<UnitRanking> unitRanking() {
		return Optional.ofNullable(units);
	}

	public long previewEndsAt() {
		return previewEndsAt;
	}

	public long opensAt() {
		return run == null ? 0 : run.opensAt();
	}

	public long closesAt() {
		return run == null ? 0 : run.closesAt();
	}

	public int answeredCount() {
		return run == null ? 0 : run.answered();
	}

	public Optional<QuestionClosed> lastClosed() {
		return Optional.ofNullable(lastClosed);
	}

	/** The receipt of this player's answer to the current question, if any. */
	public Optional<AnswerReceipt> receiptOf(int player) {
		return run == null ? Optional.empty() : run.receiptOf(player);
	}

	/** Whether every connected player has answered the open question: the question closes early. */
	public boolean everyoneAnswered() {
		return phase == Phase.OPEN && run != null && run.everyoneAnswered(roster.connectedCount());
	}

	/** While paused, the time the current phase still had when the pause began; -1 otherwise. */
	public long pausedRemaining() {
		long deadline = deadline();
		return paused && deadline >= 0 ? Math.max(0, deadline - pausedAt) : -1;
	}

	@Override
	public PlayerView playerView(int player) {
		GameQuestion question = currentQuestion().orElse(null);
		AnswerReceipt receipt = phase == Phase.OPEN ? receiptOf(player).orElse(null) : null;
		QuestionClosed closed = phase == Phase.CLOSED || phase == Phase.LEADERBOARD ? lastClosed : null;
		return new PlayerView(phase, paused, pausedRemaining(), question, questions.size(), previewEndsAt, opensAt(),
				closesAt(), roster.activeCount(), receipt, closed, standings);
	}

	@Override
	public HostView hostView() {
		return new HostView(phase, paused, pausedRemaining(), currentQuestion().orElse(null), questions.size(),
				previewEndsAt, opensAt(), closesAt(), answeredCount(), roster.activeCount());
	}

	// ---- players -----------------------------------------------------------------------------

	/** Late joins are allowed until the podium. */
	private Player join(@Nullable String nickname, String resumeToken, @Nullable String unit, long now,
			List<GameEvent> events) {
		if (phase.isOver()) {
			throw new Game.Refusal("GAME_OVER");
		}
		Player player = roster.join(nickname, resumeToken, unit, now);
		events.add(new PlayerJoined(player));
		return player;
	}

	private Player resume(String resumeToken, List<GameEvent> events) {
		Player player = roster.resumable(resumeToken);
		if (roster.connect(player)) {
			if (run != null) {
				run.connectionChanged(player.number(), true);
			}
			events.add(new PlayerReconnected(player));
		}
		return player;
	}

	private void disconnected(int number, List<GameEvent> events) {
		if (roster.disconnect(number)) {
			if (run != null) {
				run.connectionChanged(number, false);
			}
			events.add(new PlayerDisconnected(roster.player(number).orElseThrow()));
		}
	}

	private void kick(int number, List<GameEvent> events) {
		boolean wasConnected = roster.player(number).map(Player::connected).orElse(false);
		Player player = roster.kick(number);
		if (run != null) {
			run.forget(number, wasConnected);
		}
		if (phase == Phase.CLOSED || phase == Phase.LEADERBOARD) {
			// The leaderboard about to show must not list the kicked player.
			standings = ranking.rank(roster.players());
		}
		events.add(new PlayerKicked(player));
	}

	// ---- host actions ------------------------------------------------------------------------

	private void start(long now, List<GameEvent> events) {
		if (phase != Phase.LOBBY) {
			throw new Game.Refusal("ALREADY_STARTED");
		}
		if (roster.activeCount() == 0) {
			throw new Game.Refusal("NO_PLAYERS");
		}
		preview(0, now, events);
	}

	/** The host's one "next" button: moves the game one step on from wherever it is. */
	private void next(long now, List<GameEvent> events) {
		requireNotPaused();
		switch (phase) {
			case LOBBY -> start(now, events);
			case PREVIEW -> open(now, events);
			case OPEN -> close(now, events);
			case CLOSED -> showLeaderboard(now, events);
			case LEADERBOARD -> advance(now, events);
			case PODIUM -> end("FINISHED", now, events);
			case ENDED -> throw new Game.Refusal("GAME_OVER");
		}
	}

	/** Drops the current question: nobody scores, streaks stay as they were. */
	private void skip(long now, List<GameEvent> events) {
		requireNotPaused();
		if (phase != Phase.PREVIEW && phase != Phase.OPEN) {
			throw new Game.Refusal("NOTHING_TO_SKIP");
		}
		currentRun().clear();
		events.add(new QuestionSkipped(questions.get(current)));
		advance(now, events);
	}

	private void pause(long now, List<GameEvent> events) {
		if (paused) {
			throw new Game.Refusal("ALREADY_PAUSED");
		}
		if (phase == Phase.LOBBY || phase.isOver()) {
			throw new Game.Refusal("CANNOT_PAUSE");
		}
		paused = true;
		pausedAt = now;
		long deadline = deadline();
		events.add(new GamePaused(phase, deadline < 0 ? -1 : Math.max(0, deadline - now)));
	}

	/** Resumes with the time that was left: the clock of the open question stops while paused. */
	private void resume(long now, List<GameEvent> events) {
		if (!paused) {
			throw new Game.Refusal("NOT_PAUSED");
		}
		paused = false;
		long pausedFor = now - pausedAt;
		previewEndsAt += pausedFor;
		if (run != null) {
			run.shift(pausedFor);
		}
		phaseSince += pausedFor;
		events.add(new GameResumed(phase, deadline()));
	}

	/** Ends the game now; players still see the podium of the standings so far. */
	private void end(String reason, long now, List<GameEvent> events) {
		if (phase == Phase.ENDED) {
			return;
		}
		paused = false;
		if (phase == Phase.OPEN) {
			close(now, events);
		}
		if (phase != Phase.PODIUM) {
			podium(now, events);
		}
		phase = Phase.ENDED;
		phaseSince = now;
		events.add(new GameEnded(reason));
	}

	// ---- answers -----------------------------------------------------------------------------

	/**
	 * Only the first answer to a question counts; a repeat gets the first receipt back. A question
	 * that everyone has answered closes on the next {@link Tick}.
	 */
	private AnswerReceipt answer(int playerNumber, int questionIndex, Submission submission, long now) {
		Player player = roster.active(playerNumber);
		if (player == null) {
			return AnswerReceipt.refused(questionIndex, "NOT_JOINED", now);
		}
		if (questionIndex < 0 || questionIndex >= questions.size()) {
			return AnswerReceipt.refused(questionIndex, "UNKNOWN_QUESTION", now);
		}
		AnswerReceipt earlier = questionIndex == current ? receiptOf(playerNumber).orElse(null) : null;
		if (earlier != null) {
			return earlier;
		}
		if (questionIndex != current || phase.ordinal() > Phase.OPEN.ordinal()) {
			return AnswerReceipt.refused(questionIndex,
					questionIndex <= current ? "QUESTION_CLOSED" : "QUESTION_NOT_OPEN", now);
		}
		QuestionRun open = currentRun();
		if (phase != Phase.OPEN || now < open.opensAt() - settings.openLeadMillis()) {
			return AnswerReceipt.refused(questionIndex, "QUESTION_NOT_OPEN", now);
		}
		if (paused) {
			return AnswerReceipt.refused(questionIndex, "GAME_PAUSED", now);
		}
		if (now > open.closesAt()) {
			// The timer fired late; the answer still came after the deadline.
			return AnswerReceipt.refused(questionIndex, "QUESTION_CLOSED", now);
		}
		return open.receive(player, submission, now);
	}

	// ---- time --------------------------------------------------------------------------------

	@Override
	public long nextDeadline() {
		return paused ? -1 : deadline();
	}

	private long deadline() {
		return switch (phase) {
			case PREVIEW -> previewEndsAt;
			case OPEN -> currentRun().closesAt();
			case CLOSED -> settings.autoAdvance() ? phaseSince + settings.resultSeconds() * 1000L : -1;
			case LEADERBOARD -> settings.autoAdvance() ? phaseSince + settings.leaderboardSeconds() * 1000L : -1;
			case PODIUM -> settings.autoAdvance() ? phaseSince + settings.leaderboardSeconds() * 1000L : -1;
			default -> -1;
		};
	}

	/** Runs every timed transition that is due; also closes a question everyone has answered. */
	private void tick(long now, List<GameEvent> events) {
		for (int guard = 0; guard < 8 && !paused; guard++) {
			if (phase == Phase.OPEN && everyoneAnswered()) {
				close(now, events);
				continue;
			}
			long deadline = deadline();
			if (deadline < 0 || now < deadline) {
				return;
			}
			switch (phase) {
				case PREVIEW -> open(now, events);
				case OPEN -> close(now, events);
				case CLOSED -> showLeaderboard(now, events);
				case LEADERBOARD -> advance(now, events);
				case PODIUM -> end("FINISHED", now, events);
				default -> {
					return;
				}
			}
		}
	}

	// ---- the question lifecycle --------------------------------------------------------------

	private QuestionRun currentRun() {
		QuestionRun current = run;
		if (current == null) {
			throw new IllegalStateException("No question has been shown yet");
		}
		return current;
	}

	private void preview(int index, long now, List<GameEvent> events) {
		current = index;
		run = new QuestionRun(questions.get(index));
		lastClosed = null;
		phase = Phase.PREVIEW;
		phaseSince = now;
		previewEndsAt = now + settings.previewSeconds() * 1000L;
		events.add(new QuestionPreviewed(questions.get(index), questions.size(), previewEndsAt));
		if (settings.previewSeconds() == 0) {
			open(now, events);
		}
	}

	private void open(long now, List<GameEvent> events) {
		QuestionRun open = currentRun();
		phase = Phase.OPEN;
		phaseSince = now;
		// The options go out now and open a little later, so phones reached last still get the full time.
		open.open(now + settings.openLeadMillis());
		events.add(new QuestionOpened(open.question(), questions.size(), open.opensAt(), open.closesAt()));
	}

	private void close(long now, List<GameEvent> events) {
		QuestionRun closing = currentRun();
		phase = Phase.CLOSED;
		phaseSince = now;
		QuestionRun.Result result = closing.close(roster, settings);
		standings = ranking.rank(roster.players());
		if (units != null && closing.question().isScored()) {
			units.questionClosed(result.outcomes());
			events.add(new UnitsRanked(closing.question().index(), units.standings(), units.places(), false));
		}
		lastClosed = new QuestionClosed(closing.question(), questions.size(), result.answered(), result.correct(),
				result.distribution(), result.outcomes(), standings, now);
		events.add(lastClosed);
	}

	private void showLeaderboard(long now, List<GameEvent> events) {
		phase = Phase.LEADERBOARD;
		phaseSince = now;
		List<Standing> top = standings.subList(0, Math.min(settings.leaderboardSize(), standings.size()));
		events.add(new LeaderboardShown(questions.get(current), questions.size(), List.copyOf(top), standings.size()));
	}

	private void advance(long now, List<GameEvent> events) {
		if (current + 1 < questions.size()) {
			preview(current + 1, now, events);
		}
		else {
			podium(now, events);
		}
	}

	private void podium(long now, List<GameEvent> events) {
		if (run != null) {
			run.clear();
		}
		phase = Phase.PODIUM;
		phaseSince = now;
		standings = ranking.rank(roster.players());
		if (units != null) {
			events.add(new UnitsRanked(-1, units.standings(), units.places(), true));
		}
		events.add(new PodiumShown(standings));
	}

	private void requireNotPaused() {
		if (paused) {
			throw new Game.Refusal("GAME_PAUSED");
		}
	}
}
