package vn.quizfest.server.game.format.elimination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.Question;
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
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameCommand.Join;
import vn.quizfest.server.game.GameCommand.Resume;
import vn.quizfest.server.game.GameCommand.Tick;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.FloorCause;
import vn.quizfest.server.game.GameEvent.FloorChanged;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameEvent.GoldenBellAwarded;
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
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.PlayerView;
import vn.quizfest.server.game.QuestionRun;
import vn.quizfest.server.game.Roster;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.UnitSurvivors;
import vn.quizfest.server.game.format.elimination.EliminationSettings.AllFallRule;
import vn.quizfest.server.game.format.elimination.EliminationSettings.Badge;
import vn.quizfest.server.game.ranking.UnitRanking;

/**
 * Rung chuông vàng. The host moves the game on as in the classic flow (LOBBY, then PREVIEW, OPEN,
 * CLOSED, LEADERBOARD for each question, PODIUM), but only players on the floor answer an ordinary
 * question, and a wrong or missing answer sends them off it; only the eliminated answer a rescue
 * question, and those right come back. Joining closes when the first question is shown. Refusals are
 * thrown as {@link Game.Refusal} and become a refused {@link Decision} at {@link Game}.
 *
 * <p>With team play by unit ({@code settings.teams}) players play for units: the units are scored by
 * {@link UnitRanking} as in the classic game, every floor change carries each unit's players on the
 * floor, substitutes come on for their own unit, and the game's winning unit is the last unit with
 * survivors ({@link #winningUnit()}).
 */
public final class EliminationFormat implements GameFormat {

	private final List<GameQuestion> questions;

	private final GameSettings settings;

	private final EliminationSettings rules;

	private final Roster roster;

	/** Every joined player's place, by player number (kicked players are dropped). */
	private final Map<Integer, Fate> fates = new LinkedHashMap<>();

	/** The organiser's numbers by their key, and which player holds each. */
	private final Map<String, Badge> listed = new HashMap<>();

	private final Map<String, Integer> badgeHolders = new HashMap<>();

	private final EliminationRanking ranking;

	/** Team play by unit: the units' scores beside the floor; null in a game without units. */
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

	/** Of the players who may answer the open question, how many are connected: it closes early when all have. */
	private int eligibleConnected;

	private int onFloor;

	private int eliminated;

	/** Everyone fell and the organiser's rule ends the game with no winner. */
	private boolean noWinner;

	private boolean anyClosed;

	/**
	 * Rung chuông vàng's part of a {@link GameSnapshot}: the classic clock and close, and each player's place
	 * on the floor (with the counts kept beside them, so a restored game need not recount).
	 */
	public record State(Phase phase, int current, GameSnapshot.@Nullable RunState run, long previewEndsAt,
			long phaseSince, boolean paused, long pausedAt, GameSnapshot.@Nullable ClosedState lastClosed,
			List<Standing> standings, List<PlayerFate> fates, int eligibleConnected, int onFloor, int eliminated,
			boolean noWinner, boolean anyClosed, List<GameSnapshot.UnitScore> units) {

		public State {
			standings = List.copyOf(standings);
			fates = List.copyOf(fates);
			units = List.copyOf(units);
		}
	}

	/** A game as a snapshot left it; the questions and settings are the game's own, as at creation. */
	public static EliminationFormat restore(List<GameQuestion> questions, GameSettings settings, Nicknames nicknames,
			GameSnapshot snapshot) {
		State state = snapshot.elimination();
		if (state == null) {
			throw new GameSnapshot.Unrestorable("the snapshot is not of a Rung chuông vàng game");
		}
		EliminationFormat format = new EliminationFormat(questions, settings, nicknames, state.phaseSince());
		format.roster.restore(snapshot.roster());
		if (state.current() >= questions.size() || state.current() < -1) {
			throw new GameSnapshot.Unrestorable("the snapshot names question " + state.current());
		}
		for (PlayerFate saved : state.fates()) {
			if (format.roster.player(saved.player()).isEmpty()) {
				throw new GameSnapshot.Unrestorable("a fate names player " + saved.player() + ", who never joined");
			}
			Fate fate = new Fate(saved.badge(), saved.name(), saved.state());
			fate.fellAt = saved.fellAt();
			fate.rescues = saved.rescues();
			format.fates.put(saved.player(), fate);
			format.badgeHolders.put(Badge.key(saved.badge()), saved.player());
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
		format.eligibleConnected = state.eligibleConnected();
		format.onFloor = state.onFloor();
		format.eliminated = state.eliminated();
		format.noWinner = state.noWinner();
		format.anyClosed = state.anyClosed();
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
		List<PlayerFate> saved = new ArrayList<>(fates.size());
		fates.forEach((player, fate) -> saved.add(fate.view(player)));
		State state = new State(phase, current, run == null ? null : run.state(), previewEndsAt, phaseSince, paused,
				pausedAt, GameSnapshot.ClosedState.of(lastClosed), standings, saved, eligibleConnected, onFloor,
				eliminated, noWinner, anyClosed, units == null ? List.of() : units.state());
		return new GameSnapshot(GameSnapshot.VERSION, GameFormatKind.ELIMINATION, roster.state(), null, state, null);
	}

	public EliminationFormat(List<GameQuestion> questions, GameSettings settings, Nicknames nicknames, long now) {
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("A game needs at least one question");
		}
		EliminationSettings given = settings.elimination();
		this.rules = given == null ? EliminationSettings.defaults() : given;
		rules.checkAgainst(questions.size());
		List<GameQuestion> timed = new ArrayList<>(questions.size());
		for (GameQuestion question : questions) {
			timed.add(new GameQuestion(question.index(), withTime(question.question(), rules.secondsPerQuestion())));
		}
		this.questions = List.copyOf(timed);
		this.settings = settings;
		var teams = settings.teams();
		this.roster = teams == null ? new Roster(nicknames, settings.maxPlayers())
				: new Roster(nicknames, settings.maxPlayers(), teams.units(), teams.assignments());
		this.ranking = new EliminationRanking(fates);
		this.units = teams == null ? null : new UnitRanking(teams, roster);
		for (Badge badge : rules.numbers()) {
			listed.put(badge.key(), badge);
			if (badge.unit() != null && (teams == null || teams.units().stream()
				.noneMatch(unit -> Unit.key(unit.id()).equals(Unit.key(badge.unit()))))) {
				throw new IllegalArgumentException("elimination.numbers: " + badge.number() + " plays for "
						+ badge.unit() + ", which is not one of the game's units");
			}
		}
		this.phaseSince = now;
	}

	/** Every question of the game takes the game's time, whatever its own was in the bank. */
	private static Question withTime(Question q, int seconds) {
		return new Question(q.id(), q.bankId(), q.translationGroup(), q.language(), q.type(), q.text(), q.options(),
				q.answer(), q.explanation(), seconds, q.points(), q.difficulty(), q.topic(), q.tags(), q.imageUrl(),
				q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt(), q.version());
	}

	@Override
	public Decision handle(GameCommand command, long now) {
		List<GameEvent> events = new ArrayList<>(4);
		Reply reply = command.accept(new GameCommand.Handler<Reply>() {

			@Override
			public Reply join(Join join) {
				return new Reply.Joined(EliminationFormat.this.join(join.nickname(), join.resumeToken(), join.unit(), now,
						events));
			}

			@Override
			public Reply resume(Resume resume) {
				return new Reply.Resumed(EliminationFormat.this.resume(resume.resumeToken(), events));
			}

			@Override
			public Reply disconnect(Disconnect disconnect) {
				disconnected(disconnect.player(), events);
				return new Reply.Done();
			}

			@Override
			public Reply answer(Answer answer) {
				return new Reply.Answered(EliminationFormat.this.answer(answer.player(), answer.question(),
						answer.submission(), now));
			}

			@Override
			public Reply buzz(Buzz buzz) {
				return new Reply.Refused("UNKNOWN_TYPE");
			}

			@Override
			public Reply host(Host host) {
				return EliminationFormat.this.host(host, now, events);
			}

			@Override
			public Reply tick(Tick tick) {
				EliminationFormat.this.tick(now, events);
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
			case REVIVE -> revive(host.player(), events);
		}
		return new Reply.Done();
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

	/** The rules of this game, with their defaults filled in. */
	public EliminationSettings rules() {
		return rules;
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

	public int onFloor() {
		return onFloor;
	}

	public int eliminated() {
		return eliminated;
	}

	/** The player's place, if the player takes part. */
	public Optional<PlayerFate> fate(int player) {
		Fate fate = fates.get(player);
		return fate == null ? Optional.empty() : Optional.of(fate.view(player));
	}

	/** Everyone taking part, in player number order: the presenter's grid. */
	public List<PlayerFate> grid() {
		List<PlayerFate> grid = new ArrayList<>(fates.size());
		fates.forEach((number, fate) -> grid.add(fate.view(number)));
		return grid;
	}

	/** The players on the floor now, in number order (the hook for ranking units by their survivors). */
	public List<Integer> survivors() {
		List<Integer> survivors = new ArrayList<>();
		fates.forEach((number, fate) -> {
			if (fate.state == FloorState.FLOOR) {
				survivors.add(number);
			}
		});
		return survivors;
	}

	@Override
	public Optional<UnitRanking> unitRanking() {
		return Optional.ofNullable(units);
	}

	/** Team play by unit: the unit the player plays for, if any. */
	public Optional<Unit> unitOf(int player) {
		return roster.player(player).map(Player::unit);
	}

	/** Team play by unit: every unit's players on the floor now, in the organiser's order (empty without units). */
	public List<UnitSurvivors> survivorsByUnit() {
		if (units == null) {
			return List.of();
		}
		List<UnitSurvivors> counts = new ArrayList<>();
		UnitRanking.survivorsByUnit(roster, this::offFloor)
			.forEach((unit, remaining) -> counts.add(new UnitSurvivors(unit, remaining)));
		return counts;
	}

	/** Team play by unit: the players of this unit on the floor now. */
	public int survivorsOf(Unit unit) {
		int count = 0;
		for (Player player : roster.playersOf(unit.id())) {
			if (!player.kicked() && !offFloor(player)) {
				count++;
			}
		}
		return count;
	}

	/** Eliminated, a substitute still waiting, or out of the game: not a survivor. */
	private boolean offFloor(Player player) {
		Fate fate = fates.get(player.number());
		return fate == null || fate.state != FloorState.FLOOR;
	}

	/**
	 * Team play by unit: the winning unit, the last unit with survivors. While (or when the game ends
	 * with) two or more units on the floor, the one with the most players on it leads, then the higher
	 * team score, then the organiser's order. None in a game without units, before any question closed,
	 * and when everyone fell and the organiser's rule ends the game with no winner.
	 */
	public Optional<Unit> winningUnit() {
		if (units == null || noWinner || !anyClosed) {
			return Optional.empty();
		}
		Optional<Unit> last = UnitRanking.lastUnitWithSurvivors(roster, this::offFloor);
		if (last.isPresent()) {
			return last;
		}
		Map<Unit, Integer> alive = UnitRanking.survivorsByUnit(roster, this::offFloor);
		Unit best = null;
		int bestCount = 0;
		double bestScore = 0;
		Map<String, Double> scores = new HashMap<>();
		units.standings().forEach(standing -> scores.put(Unit.key(standing.unit().id()), standing.score()));
		for (Map.Entry<Unit, Integer> entry : alive.entrySet()) {
			int count = entry.getValue();
			double score = scores.getOrDefault(Unit.key(entry.getKey().id()), 0.0);
			// Strictly better only: on a tie the unit listed first keeps the lead.
			if (count > 0 && (best == null || count > bestCount || count == bestCount && score > bestScore)) {
				best = entry.getKey();
				bestCount = count;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	/** Whether the question (by index) is a rescue question: only the eliminated answer it. */
	public boolean isRescue(int questionIndex) {
		return rules.isRescue(questionIndex);
	}

	public Optional<AnswerReceipt> receiptOf(int player) {
		return run == null ? Optional.empty() : run.receiptOf(player);
	}

	private long opensAt() {
		return run == null ? 0 : run.opensAt();
	}

	private long closesAt() {
		return run == null ? 0 : run.closesAt();
	}

	private long pausedRemaining() {
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
				previewEndsAt, opensAt(), closesAt(), run == null ? 0 : run.answered(), roster.activeCount());
	}

	// ---- players -----------------------------------------------------------------------------

	/**
	 * Joining closes when the first question is shown: a player who came late could not have fallen
	 * on the questions before. With the organiser's list, the nickname a phone sends is the number.
	 */
	private Player join(@Nullable String nickname, String resumeToken, @Nullable String unit, long now,
			List<GameEvent> events) {
		if (phase.isOver()) {
			throw new Game.Refusal("GAME_OVER");
		}
		if (phase != Phase.LOBBY) {
			throw new Game.Refusal("JOIN_CLOSED");
		}
		Badge badge = null;
		if (!listed.isEmpty()) {
			badge = nickname == null ? null : listed.get(Badge.key(nickname));
			if (badge == null) {
				throw new Game.Refusal("NUMBER_UNKNOWN");
			}
			Integer holder = badgeHolders.get(badge.key());
			if (holder != null && fates.containsKey(holder)) {
				throw new Game.Refusal("NUMBER_TAKEN");
			}
		}
		// With units, the list's unit column decides the unit; without it the phone's choice does.
		Player player = roster.join(badge == null ? nickname : badge.number(), resumeToken,
				badge != null && badge.unit() != null ? badge.unit() : unit, now);
		String number = badge == null ? Integer.toString(player.number()) : badge.number();
		boolean reserve = rules.reserves().stream().anyMatch(r -> Badge.key(r).equals(Badge.key(number)));
		fates.put(player.number(), new Fate(number, badge == null ? null : badge.name(),
				reserve ? FloorState.RESERVE : FloorState.FLOOR));
		badgeHolders.put(Badge.key(number), player.number());
		if (!reserve) {
			onFloor++;
		}
		events.add(new PlayerJoined(player));
		return player;
	}

	private Player resume(String resumeToken, List<GameEvent> events) {
		Player player = roster.resumable(resumeToken);
		if (roster.connect(player)) {
			if (run != null) {
				run.connectionChanged(player.number(), true);
				if (phase == Phase.OPEN && eligible(player.number())) {
					eligibleConnected++;
				}
			}
			events.add(new PlayerReconnected(player));
		}
		return player;
	}

	private void disconnected(int number, List<GameEvent> events) {
		if (roster.disconnect(number)) {
			if (run != null) {
				run.connectionChanged(number, false);
				if (phase == Phase.OPEN && eligible(number)) {
					eligibleConnected--;
				}
			}
			events.add(new PlayerDisconnected(roster.player(number).orElseThrow()));
		}
	}

	private void kick(int number, List<GameEvent> events) {
		boolean wasConnected = roster.player(number).map(Player::connected).orElse(false);
		boolean wasEligible = phase == Phase.OPEN && eligible(number);
		Player player = roster.kick(number);
		if (run != null) {
			run.forget(number, wasConnected);
		}
		if (wasEligible && wasConnected) {
			eligibleConnected--;
		}
		Fate fate = fates.remove(number);
		if (fate != null) {
			badgeHolders.remove(Badge.key(fate.badge));
			if (fate.state == FloorState.FLOOR) {
				onFloor--;
			}
			else if (fate.state == FloorState.OUT) {
				eliminated--;
			}
		}
		if (phase == Phase.CLOSED || phase == Phase.LEADERBOARD) {
			standings = ranking.rank(roster.players());
		}
		events.add(new PlayerKicked(player));
	}

	private void lockLobby(boolean locked, List<GameEvent> events) {
		if (phase.isOver()) {
			throw new Game.Refusal("GAME_OVER");
		}
		roster.lockLobby(locked);
		events.add(new LobbyLocked(locked));
	}

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

	/** Whether the player may answer the current question: on the floor, or, for a rescue question, out. */
	private boolean eligible(int number) {
		Fate fate = fates.get(number);
		if (fate == null || current < 0) {
			return false;
		}
		return isRescue(current) ? fate.state == FloorState.OUT : fate.state == FloorState.FLOOR;
	}

	// ---- host actions ------------------------------------------------------------------------

	private void start(long now, List<GameEvent> events) {
		if (phase != Phase.LOBBY) {
			throw new Game.Refusal("ALREADY_STARTED");
		}
		if (onFloor == 0) {
			throw new Game.Refusal("NO_PLAYERS");
		}
		advance(now, events);
	}

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

	/** Drops the current question: nobody falls and nobody comes back on it. */
	private void skip(long now, List<GameEvent> events) {
		requireNotPaused();
		if (phase != Phase.PREVIEW && phase != Phase.OPEN) {
			throw new Game.Refusal("NOTHING_TO_SKIP");
		}
		currentRun().clear();
		events.add(new QuestionSkipped(questions.get(current)));
		advance(now, events);
	}

	/**
	 * The host brings back one eliminated player, or all of them, between questions (never while a
	 * question is open: a player brought back then could not have seen all of it).
	 */
	private void revive(@Nullable Integer number, List<GameEvent> events) {
		if (phase.isOver()) {
			throw new Game.Refusal("GAME_OVER");
		}
		if (phase != Phase.PREVIEW && phase != Phase.CLOSED && phase != Phase.LEADERBOARD) {
			throw new Game.Refusal("REVIVE_NOT_NOW");
		}
		List<Integer> back = new ArrayList<>();
		if (number == null) {
			fates.forEach((player, fate) -> {
				if (fate.state == FloorState.OUT) {
					back.add(player);
				}
			});
		}
		else {
			Fate fate = fates.get(number);
			if (fate == null) {
				throw new Game.Refusal("PLAYER_UNKNOWN");
			}
			if (fate.state != FloorState.OUT) {
				throw new Game.Refusal("NOT_ELIMINATED");
			}
			back.add(number);
		}
		if (back.isEmpty()) {
			throw new Game.Refusal("NOT_ELIMINATED");
		}
		bringBack(back);
		rerankBetweenQuestions();
		events.add(new FloorChanged(current, FloorCause.HOST, List.of(), back, onFloor, eliminated, survivorsByUnit()));
	}

	private void rerankBetweenQuestions() {
		if (phase == Phase.CLOSED || phase == Phase.LEADERBOARD) {
			standings = ranking.rank(roster.players());
		}
	}

	private void bringBack(List<Integer> players) {
		for (int number : players) {
			Fate fate = fates.get(number);
			fate.state = FloorState.FLOOR;
			fate.fellAt = -1;
			fate.rescues++;
			onFloor++;
			eliminated--;
		}
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

	private void end(String reason, long now, List<GameEvent> events) {
		if (phase == Phase.ENDED) {
			return;
		}
		paused = false;
		if (phase == Phase.OPEN) {
			close(now, events);
		}
		if (phase != Phase.PODIUM) {
			finish(now, events);
		}
		phase = Phase.ENDED;
		phaseSince = now;
		events.add(new GameEnded(reason));
	}

	// ---- answers -----------------------------------------------------------------------------

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
			return AnswerReceipt.refused(questionIndex, "QUESTION_CLOSED", now);
		}
		if (!eligible(playerNumber)) {
			return AnswerReceipt.refused(questionIndex, isRescue(current) ? "RESCUE_ONLY" : "NOT_ON_FLOOR", now);
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

	private boolean everyoneAnswered() {
		return phase == Phase.OPEN && run != null && run.everyoneAnswered(eligibleConnected);
	}

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
		QuestionRun currentRun = run;
		if (currentRun == null) {
			throw new IllegalStateException("No question has been shown yet");
		}
		return currentRun;
	}

	/**
	 * Moves on to the next question that has someone to answer it: the organiser's revival runs before
	 * its question, a rescue question with nobody eliminated is skipped. The game finishes after the
	 * last question, or at once when the floor is empty (everyone fell with the no-winner rule).
	 */
	private void advance(long now, List<GameEvent> events) {
		int next = current + 1;
		while (next < questions.size() && onFloor > 0 && !noWinner) {
			Integer revivalAt = rules.revivalAtQuestion();
			if (revivalAt != null && revivalAt == next + 1 && eliminated > 0
					&& (rules.revivalBelow() == null || onFloor < rules.revivalBelow())) {
				List<Integer> back = new ArrayList<>();
				fates.forEach((player, fate) -> {
					if (fate.state == FloorState.OUT) {
						back.add(player);
					}
				});
				bringBack(back);
				events.add(new FloorChanged(next, FloorCause.REVIVAL, List.of(), back, onFloor, eliminated,
						survivorsByUnit()));
			}
			if (isRescue(next) && eliminated == 0) {
				// Nobody to rescue: the question is passed over, as if the host had skipped it.
				current = next;
				run = new QuestionRun(questions.get(next));
				events.add(new QuestionSkipped(questions.get(next)));
				next++;
				continue;
			}
			preview(next, now, events);
			return;
		}
		finish(now, events);
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
		eligibleConnected = 0;
		for (Player player : roster.players()) {
			if (!player.kicked() && player.connected() && eligible(player.number())) {
				eligibleConnected++;
			}
		}
		open.open(now + settings.openLeadMillis());
		events.add(new QuestionOpened(open.question(), questions.size(), open.opensAt(), open.closesAt()));
	}

	/**
	 * Grades the question, then moves players: on an ordinary question those on the floor who were
	 * wrong or silent leave it (unless all of them were: then the organiser's rule), on a rescue
	 * question the eliminated who were right come back. Substitutes then fill a floor below its size.
	 */
	private void close(long now, List<GameEvent> events) {
		QuestionRun closing = currentRun();
		phase = Phase.CLOSED;
		phaseSince = now;
		anyClosed = true;
		QuestionRun.Result result = closing.close(roster, settings);
		List<Integer> out = new ArrayList<>();
		List<Integer> back = new ArrayList<>();
		FloorCause cause;
		if (isRescue(current)) {
			cause = FloorCause.RESCUE_QUESTION;
			fates.forEach((player, fate) -> {
				Outcome outcome = result.outcomes().get(player);
				if (fate.state == FloorState.OUT && outcome != null && outcome.correct()) {
					back.add(player);
				}
			});
			bringBack(back);
		}
		else {
			int standing = 0;
			for (Map.Entry<Integer, Fate> entry : fates.entrySet()) {
				if (entry.getValue().state != FloorState.FLOOR) {
					continue;
				}
				standing++;
				Outcome outcome = result.outcomes().get(entry.getKey());
				if (outcome == null || !outcome.correct()) {
					out.add(entry.getKey());
				}
			}
			boolean allFell = standing > 0 && out.size() == standing;
			if (allFell && rules.allFall() == AllFallRule.REVIVE) {
				// Nobody leaves: the question's players all stay on the floor.
				cause = FloorCause.ALL_FELL;
				back.addAll(out);
			}
			else {
				cause = FloorCause.WRONG;
				noWinner = allFell;
				for (int player : out) {
					Fate fate = fates.get(player);
					fate.state = FloorState.OUT;
					fate.fellAt = current;
					onFloor--;
					eliminated++;
				}
			}
		}
		// The units' points count the question's players: substitutes still waiting are not yet members.
		if (units != null && closing.question().isScored()) {
			Map<Integer, Outcome> members = new LinkedHashMap<>();
			result.outcomes().forEach((player, outcome) -> {
				Fate fate = fates.get(player);
				if (fate != null && fate.state != FloorState.RESERVE) {
					members.put(player, outcome);
				}
			});
			units.questionClosed(members);
		}
		List<Integer> reserves = callReserves();
		// As the counts, the units' counts are those after the substitutes came on.
		List<UnitSurvivors> unitCounts = survivorsByUnit();
		standings = ranking.rank(roster.players());
		if (units != null && closing.question().isScored()) {
			events.add(new UnitsRanked(closing.question().index(), units.standings(), units.places(), false));
		}
		lastClosed = new QuestionClosed(closing.question(), questions.size(), result.answered(), result.correct(),
				result.distribution(), result.outcomes(), standings, now);
		events.add(lastClosed);
		events.add(new FloorChanged(current, cause, out, back, onFloor, eliminated, unitCounts));
		if (!reserves.isEmpty()) {
			events.add(new FloorChanged(current, FloorCause.RESERVE, List.of(), reserves, onFloor, eliminated,
					unitCounts));
		}
	}

	/**
	 * Substitutes come onto the floor, in the organiser's order, while it is below its set size; with
	 * team play by unit, each for its own unit while that unit's floor is below the size.
	 */
	private List<Integer> callReserves() {
		Integer below = rules.reserveBelow();
		List<Integer> called = new ArrayList<>();
		if (below == null || noWinner) {
			return called;
		}
		Map<String, Integer> unitFloor = new HashMap<>();
		if (units != null) {
			survivorsByUnit().forEach(count -> unitFloor.put(Unit.key(count.unit().id()), count.remaining()));
		}
		for (String reserve : rules.reserves()) {
			if (units == null && onFloor >= below) {
				break;
			}
			Integer holder = badgeHolders.get(Badge.key(reserve));
			Fate fate = holder == null ? null : fates.get(holder);
			if (fate == null || fate.state != FloorState.RESERVE) {
				continue;
			}
			if (units != null) {
				Unit unit = roster.player(holder).map(Player::unit).orElse(null);
				if (unit == null || unitFloor.getOrDefault(Unit.key(unit.id()), 0) >= below) {
					continue;
				}
				unitFloor.merge(Unit.key(unit.id()), 1, Integer::sum);
			}
			fate.state = FloorState.FLOOR;
			onFloor++;
			called.add(holder);
		}
		return called;
	}

	private void showLeaderboard(long now, List<GameEvent> events) {
		phase = Phase.LEADERBOARD;
		phaseSince = now;
		List<Standing> top = standings.subList(0, Math.min(settings.leaderboardSize(), standings.size()));
		events.add(new LeaderboardShown(questions.get(current), questions.size(), List.copyOf(top), standings.size()));
	}

	/** The bell for whoever is still on the floor (after at least one question), then the podium. */
	private void finish(long now, List<GameEvent> events) {
		if (run != null) {
			run.clear();
		}
		phase = Phase.PODIUM;
		phaseSince = now;
		standings = ranking.rank(roster.players());
		if (units != null) {
			events.add(new UnitsRanked(-1, units.standings(), units.places(), true));
		}
		if (anyClosed) {
			events.add(new GoldenBellAwarded(noWinner ? List.of() : survivors(), winningUnit().orElse(null),
					survivorsByUnit()));
		}
		events.add(new PodiumShown(standings));
	}

	private void requireNotPaused() {
		if (paused) {
			throw new Game.Refusal("GAME_PAUSED");
		}
	}
}
