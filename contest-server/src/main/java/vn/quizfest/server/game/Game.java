package vn.quizfest.server.game;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import vn.quizfest.server.game.GameCommand.Host;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.buzzer.BuzzerFormat;
import vn.quizfest.server.game.format.hosted.HostPacedFormat;

/**
 * One live game: one input, {@link #handle(GameCommand, long)}, which returns a {@link Decision}
 * (the events, in order, and the reply to the sender). The flow belongs to the game's
 * {@link GameFormat}; the rules every format shares are applied here first. The caller passes its
 * current time in milliseconds with every command and asks {@link #nextDeadline()} when to send the
 * next {@link GameCommand.Tick}.
 */
public final class Game {

	/** A format refuses a command by throwing this with a reason code; it becomes a refused decision. */
	public static final class Refusal extends RuntimeException {

		private final String code;

		public Refusal(String code) {
			super(code, null, false, false);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	private final String id;

	private final GameFormat format;

	public Game(String id, GameFormat format) {
		this.id = id;
		this.format = format;
	}

	/**
	 * A game of the format its settings name. Each format is one {@link GameFormat}; a format that this
	 * build does not have yet is refused here with {@link IllegalArgumentException}.
	 */
	public static Game create(String id, List<GameQuestion> questions, GameSettings settings, Nicknames nicknames,
			long now) {
		switch (settings.format()) {
			case HOSTED:
				return hostPaced(id, questions, settings, nicknames, now);
			case ELIMINATION:
				return new Game(id, new EliminationFormat(questions, settings, nicknames, now));
			case BUZZER:
				return new Game(id, new BuzzerFormat(questions, settings, nicknames, now));
			default:
				throw new IllegalArgumentException("format " + settings.format() + " is not available");
		}
	}

	/**
	 * The game a {@link GameSnapshot} holds, in the format its settings name: the questions, settings and
	 * nicknames are the game's own, as at {@link #create}. Throws {@link GameSnapshot.Unrestorable} for a
	 * snapshot of another version or format, or one that does not fit the questions and settings; the
	 * caller then rebuilds the game from its whole journal.
	 */
	public static Game restore(String id, List<GameQuestion> questions, GameSettings settings, Nicknames nicknames,
			GameSnapshot snapshot) {
		if (snapshot.version() != GameSnapshot.VERSION) {
			throw new GameSnapshot.Unrestorable(
					"snapshot version " + snapshot.version() + ", this build reads " + GameSnapshot.VERSION);
		}
		if (snapshot.format() != settings.format()) {
			throw new GameSnapshot.Unrestorable(
					"a snapshot of a " + snapshot.format() + " game for a " + settings.format() + " game");
		}
		GameFormat format = switch (settings.format()) {
			case HOSTED -> HostPacedFormat.restore(questions, settings, nicknames, snapshot);
			case ELIMINATION -> EliminationFormat.restore(questions, settings, nicknames, snapshot);
			case BUZZER -> BuzzerFormat.restore(questions, settings, nicknames, snapshot);
		};
		return new Game(id, format);
	}

	/** The whole state of the game now (see {@link GameSnapshot}). */
	public GameSnapshot snapshot() {
		return format.snapshot();
	}

	/** A classic, host-paced game. */
	public static Game hostPaced(String id, List<GameQuestion> questions, GameSettings settings, Nicknames nicknames,
			long now) {
		return new Game(id, new HostPacedFormat(questions, settings, nicknames, now));
	}

	/**
	 * Runs one command. A host action that names the phase and question the host screen was showing is
	 * refused with {@code STALE_COMMAND} when the game has moved on since, in every format.
	 */
	public Decision handle(GameCommand command, long now) {
		if (command instanceof Host host && stale(host)) {
			return Decision.refused("STALE_COMMAND");
		}
		try {
			return format.handle(command, now);
		}
		catch (Refusal refusal) {
			return Decision.refused(refusal.code());
		}
	}

	private boolean stale(Host host) {
		if (host.expectedPhase() != null && !format.phase().name().equals(host.expectedPhase())) {
			return true;
		}
		return host.expectedQuestion() != null
				&& format.currentQuestion().map(GameQuestion::index).orElse(-1) != host.expectedQuestion().intValue();
	}

	public String id() {
		return id;
	}

	public GameFormat format() {
		return format;
	}

	public long nextDeadline() {
		return format.nextDeadline();
	}

	public PlayerView playerView(int player) {
		return format.playerView(player);
	}

	public HostView hostView() {
		return format.hostView();
	}

	public Phase phase() {
		return format.phase();
	}

	public boolean paused() {
		return format.paused();
	}

	public GameSettings settings() {
		return format.settings();
	}

	public int questionCount() {
		return format.questions().size();
	}

	public List<GameQuestion> questions() {
		return format.questions();
	}

	/** The question being played or last played, if any. */
	public Optional<GameQuestion> currentQuestion() {
		return format.currentQuestion();
	}

	public Collection<Player> players() {
		return format.roster().players();
	}

	public Optional<Player> player(int number) {
		return format.roster().player(number);
	}

	public Optional<Player> playerByToken(String token) {
		return format.roster().byToken(token);
	}

	/** Players taking part: joined and not kicked. */
	public int activePlayerCount() {
		return format.roster().activeCount();
	}

	/** Whether the host has locked the lobby: no new player may join (resumes still may). */
	public boolean lobbyLocked() {
		return format.roster().lobbyLocked();
	}

	/** Standings after the last closed question (empty before). */
	public List<Standing> standings() {
		return format.standings();
	}

	/**
	 * Team play by unit: the units' ranking as the event a close of {@code question} tells, so that a game
	 * restored from a snapshot can tell the screens again (the ranking's own type stays in the engine).
	 */
	public Optional<GameEvent.UnitsRanked> unitsRanked(int question) {
		return format.unitRanking()
			.map(units -> new GameEvent.UnitsRanked(question, units.standings(), units.places(), false));
	}

	/** Team play by unit: the units' ranking, if the game has units. */
	public Optional<vn.quizfest.server.game.ranking.UnitRanking> unitRanking() {
		return format.unitRanking();
	}
}
