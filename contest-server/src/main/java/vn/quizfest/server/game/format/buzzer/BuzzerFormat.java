package vn.quizfest.server.game.format.buzzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameCommand.Join;
import vn.quizfest.server.game.GameCommand.Resume;
import vn.quizfest.server.game.GameCommand.Tick;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.BuzzerBoardChanged;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
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
import vn.quizfest.server.game.Grading;
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
import vn.quizfest.server.game.format.buzzer.BuzzerBoard.Judgement;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard.Press;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard.Seat;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard.Stage;
import vn.quizfest.server.game.format.buzzer.BuzzerRound.Kind;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings.AfterWrong;
import vn.quizfest.server.game.ranking.RankingPolicy;

/**
 * Olympia-style buzzer rounds. The host seats 2-8 contestants from the joined players; every other
 * player is the audience, who answer each question on their phones while it runs and are scored as in
 * the classic game, separately. For each question: SHOWN (the host reads it; in the finish round the
 * owner picks 20 or 30 points and may play the star of hope), then by the round: the buzzers ARM and
 * the first press gets the floor (ANSWERING), or the owner answers at once, or (acceleration) every
 * contestant types an answer (OPEN); the host marks right or wrong, or the server grades the answer the
 * contestant typed; then JUDGED. A press is timed by this engine's {@code now}, which the gateway takes
 * when the press reaches the node that holds the game.
 */
public final class BuzzerFormat implements GameFormat {

	private final List<GameQuestion> questions;

	private final GameSettings settings;

	private final BuzzerSettings rules;

	private final Roster roster;

	/** The round kind and the place inside the round, by question index. */
	private final Kind[] roundOf;

	private final int[] placeInRound;

	private final int[] roundSize;

	/** Seated contestants, in seat order. */
	private final List<Integer> seats = new ArrayList<>();

	/** Every contestant's points (kept when unseated, so a re-seat or a resume finds them). */
	private final Map<Integer, Tally> tallies = new HashMap<>();

	private Stage stage = Stage.LOBBY;

	private int current = -1;

	private @Nullable QuestionRun audience;

	private @Nullable Integer owner;

	private int value;

	private boolean star;

	private boolean stealing;

	private final Set<Integer> eligible = new LinkedHashSet<>();

	private final List<Press> presses = new ArrayList<>();

	/** Contestants who have answered the current question (wrong, or are answering). */
	private final Set<Integer> tried = new LinkedHashSet<>();

	private @Nullable Integer floor;

	private long deadline = -1;

	private @Nullable Judgement last;

	/** This question's judgements and typed answers, for the outcomes at its close. */
	private final Map<Integer, Answered> answered = new LinkedHashMap<>();

	/** Scores before this question, to undo it when the host skips it. */
	private final Map<Integer, Long> scoresBefore = new HashMap<>();

	/** The results' counts before this question, undone with the scores when the host skips it. */
	private final Map<Integer, int[]> countsBefore = new HashMap<>();

	private boolean paused;

	private long pausedAt;

	private @Nullable QuestionClosed lastClosed;

	private List<Standing> standings = List.of();

	private static final class Tally {

		long score;

		final long[] byRound = new long[Kind.values().length];

		boolean starUsed;

		/** What the results count (docs/organiser-console.md, "Vòng bấm chuông"): presses, judgements, steals. */
		int presses;

		int right;

		int wrong;

		int steals;

		int stealsRight;

		/** The question (index) on which the star of hope was played, -1 while unplayed. */
		int starAt = -1;

		int[] counts() {
			return new int[] { presses, right, wrong, steals, stealsRight, starAt };
		}

		/** Whether the contestant did anything on stage: a press, a judgement, points, the star. */
		boolean played() {
			return presses > 0 || right > 0 || wrong > 0 || starAt >= 0 || java.util.Arrays.stream(byRound).anyMatch(p -> p != 0);
		}

		void restore(int[] counts) {
			presses = counts[0];
			right = counts[1];
			wrong = counts[2];
			steals = counts[3];
			stealsRight = counts[4];
			starAt = counts[5];
		}
	}

	/** What one contestant did on the current question. */
	private static final class Answered {

		boolean correct;

		int points;

		long receivedAt = -1;

		long responseMillis = -1;

		@Nullable Submission submission;
	}

	/**
	 * The buzzer game's part of a {@link GameSnapshot}: the stage and its clock, the seats, every
	 * contestant's tally, the current question's presses and judgements (and what a skip would undo), and
	 * the audience's run as in the classic game.
	 */
	public record State(Stage stage, int current, GameSnapshot.@Nullable RunState audience, @Nullable Integer owner,
			int value, boolean star, boolean stealing, List<Integer> seats, List<TallyState> tallies,
			List<Integer> eligible, List<Press> presses, List<Integer> tried, @Nullable Integer floor, long deadline,
			@Nullable Judgement last, List<AnsweredState> answered, List<Before> before, boolean paused, long pausedAt,
			GameSnapshot.@Nullable ClosedState lastClosed, List<Standing> standings) {

		public State {
			seats = List.copyOf(seats);
			tallies = List.copyOf(tallies);
			eligible = List.copyOf(eligible);
			presses = List.copyOf(presses);
			tried = List.copyOf(tried);
			answered = List.copyOf(answered);
			before = List.copyOf(before);
			standings = List.copyOf(standings);
		}
	}

	/** A contestant's points and counts; {@code byRound} in the order of {@link Kind}. */
	public record TallyState(int player, long score, List<Long> byRound, boolean starUsed, int presses, int right,
			int wrong, int steals, int stealsRight, int starAt) {

		public TallyState {
			byRound = List.copyOf(byRound);
		}
	}

	/** What a contestant did on the current question. */
	public record AnsweredState(int player, boolean correct, int points, long receivedAt, long responseMillis,
			@Nullable Submission submission) {
	}

	/** A contestant's score and counts before the current question (a skip puts them back); either may be absent. */
	public record Before(int player, @Nullable Long score, @Nullable List<Integer> counts) {
	}

	/** A game as a snapshot left it; the questions and settings are the game's own, as at creation. */
	public static BuzzerFormat restore(List<GameQuestion> questions, GameSettings settings, Nicknames nicknames,
			GameSnapshot snapshot) {
		State state = snapshot.buzzer();
		if (state == null) {
			throw new GameSnapshot.Unrestorable("the snapshot is not of a buzzer game");
		}
		BuzzerFormat format = new BuzzerFormat(questions, settings, nicknames, 0);
		format.roster.restore(snapshot.roster());
		if (state.current() >= questions.size() || state.current() < -1) {
			throw new GameSnapshot.Unrestorable("the snapshot names question " + state.current());
		}
		format.stage = state.stage();
		format.current = state.current();
		format.audience = QuestionRun.restore(state.audience(), format.questions);
		format.owner = state.owner();
		format.value = state.value();
		format.star = state.star();
		format.stealing = state.stealing();
		format.seats.addAll(state.seats());
		for (TallyState saved : state.tallies()) {
			if (saved.byRound().size() != Kind.values().length) {
				throw new GameSnapshot.Unrestorable("a tally has " + saved.byRound().size() + " rounds");
			}
			Tally tally = new Tally();
			tally.score = saved.score();
			for (int i = 0; i < tally.byRound.length; i++) {
				tally.byRound[i] = saved.byRound().get(i);
			}
			tally.starUsed = saved.starUsed();
			tally.restore(new int[] { saved.presses(), saved.right(), saved.wrong(), saved.steals(),
					saved.stealsRight(), saved.starAt() });
			format.tallies.put(saved.player(), tally);
		}
		format.eligible.addAll(state.eligible());
		format.presses.addAll(state.presses());
		format.tried.addAll(state.tried());
		format.floor = state.floor();
		format.deadline = state.deadline();
		format.last = state.last();
		for (AnsweredState saved : state.answered()) {
			Answered answered = new Answered();
			answered.correct = saved.correct();
			answered.points = saved.points();
			answered.receivedAt = saved.receivedAt();
			answered.responseMillis = saved.responseMillis();
			answered.submission = saved.submission();
			format.answered.put(saved.player(), answered);
		}
		for (Before saved : state.before()) {
			if (saved.score() != null) {
				format.scoresBefore.put(saved.player(), saved.score());
			}
			if (saved.counts() != null) {
				int[] counts = new int[saved.counts().size()];
				for (int i = 0; i < counts.length; i++) {
					counts[i] = saved.counts().get(i);
				}
				format.countsBefore.put(saved.player(), counts);
			}
		}
		format.paused = state.paused();
		format.pausedAt = state.pausedAt();
		format.lastClosed = GameSnapshot.ClosedState.restore(state.lastClosed(), format.questions);
		format.standings = state.standings();
		return format;
	}

	@Override
	public GameSnapshot snapshot() {
		List<TallyState> savedTallies = new ArrayList<>(tallies.size());
		// By player number: the map's own order is no part of the game.
		new java.util.TreeMap<>(tallies).forEach((player, tally) -> {
			List<Long> byRound = new ArrayList<>(tally.byRound.length);
			for (long points : tally.byRound) {
				byRound.add(points);
			}
			int[] counts = tally.counts();
			savedTallies.add(new TallyState(player, tally.score, byRound, tally.starUsed, counts[0], counts[1],
					counts[2], counts[3], counts[4], counts[5]));
		});
		List<AnsweredState> savedAnswered = new ArrayList<>(answered.size());
		answered.forEach((player, a) -> savedAnswered
			.add(new AnsweredState(player, a.correct, a.points, a.receivedAt, a.responseMillis, a.submission)));
		java.util.TreeSet<Integer> beforeOf = new java.util.TreeSet<>(scoresBefore.keySet());
		beforeOf.addAll(countsBefore.keySet());
		List<Before> savedBefore = new ArrayList<>(beforeOf.size());
		for (int player : beforeOf) {
			int[] counts = countsBefore.get(player);
			List<Integer> countList = null;
			if (counts != null) {
				countList = new ArrayList<>(counts.length);
				for (int count : counts) {
					countList.add(count);
				}
			}
			savedBefore.add(new Before(player, scoresBefore.get(player), countList));
		}
		State state = new State(stage, current, audience == null ? null : audience.state(), owner, value, star, stealing,
				seats, savedTallies, List.copyOf(eligible), presses, List.copyOf(tried), floor, deadline, last,
				savedAnswered, savedBefore, paused, pausedAt, GameSnapshot.ClosedState.of(lastClosed), standings);
		return new GameSnapshot(GameSnapshot.VERSION, GameFormatKind.BUZZER, roster.state(), null, null, state);
	}

	public BuzzerFormat(List<GameQuestion> questions, GameSettings settings, Nicknames nicknames, long now) {
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("A game needs at least one question");
		}
		this.questions = List.copyOf(questions);
		this.settings = settings;
		this.rules = settings.buzzerOrDefaults();
		this.rules.checkCovers(questions.size());
		this.roster = new Roster(nicknames, settings.maxPlayers());
		int count = questions.size();
		this.roundOf = new Kind[count];
		this.placeInRound = new int[count];
		this.roundSize = new int[count];
		List<BuzzerRound> rounds = rules.rounds().isEmpty() ? List.of(new BuzzerRound(Kind.WARMUP_COMMON, count))
				: rules.rounds();
		int index = 0;
		for (BuzzerRound round : rounds) {
			for (int i = 0; i < round.questions(); i++, index++) {
				roundOf[index] = round.kind();
				placeInRound[index] = i;
				roundSize[index] = round.questions();
			}
		}
	}

	@Override
	public Decision handle(GameCommand command, long now) {
		List<GameEvent> events = new ArrayList<>(4);
		Reply reply = command.accept(new GameCommand.Handler<Reply>() {

			@Override
			public Reply join(Join join) {
				if (stage == Stage.PODIUM || stage == Stage.ENDED) {
					throw new Game.Refusal("GAME_OVER");
				}
				Player player = roster.join(join.nickname(), join.resumeToken(), now);
				events.add(new PlayerJoined(player));
				return new Reply.Joined(player);
			}

			@Override
			public Reply resume(Resume resume) {
				Player player = roster.resumable(resume.resumeToken());
				if (roster.connect(player)) {
					if (audience != null) {
						audience.connectionChanged(player.number(), true);
					}
					events.add(new PlayerReconnected(player));
					boardIfSeated(player.number(), now, events);
				}
				return new Reply.Resumed(player);
			}

			@Override
			public Reply disconnect(Disconnect disconnect) {
				// A contestant who drops keeps the seat, the score and even the floor: the phone may come back
				// in time to answer, and the host may still judge the answer given aloud.
				if (roster.disconnect(disconnect.player())) {
					if (audience != null) {
						audience.connectionChanged(disconnect.player(), false);
					}
					events.add(new PlayerDisconnected(roster.player(disconnect.player()).orElseThrow()));
					boardIfSeated(disconnect.player(), now, events);
				}
				return new Reply.Done();
			}

			@Override
			public Reply answer(Answer answer) {
				return new Reply.Answered(BuzzerFormat.this.answer(answer, now, events));
			}

			@Override
			public Reply buzz(Buzz buzz) {
				BuzzerFormat.this.buzz(buzz.player(), now, events);
				return new Reply.Done();
			}

			@Override
			public Reply host(Host host) {
				return BuzzerFormat.this.host(host, now, events);
			}

			@Override
			public Reply tick(Tick tick) {
				BuzzerFormat.this.tick(now, events);
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

	// ---- reads -------------------------------------------------------------------------------

	@Override
	public Phase phase() {
		return switch (stage) {
			case LOBBY -> Phase.LOBBY;
			case SHOWN -> Phase.PREVIEW;
			case ARMED, ANSWERING, OPEN -> Phase.OPEN;
			case JUDGED -> Phase.CLOSED;
			case PODIUM -> Phase.PODIUM;
			case ENDED -> Phase.ENDED;
		};
	}

	public Stage stage() {
		return stage;
	}

	@Override
	public boolean paused() {
		return paused;
	}

	@Override
	public Optional<GameQuestion> currentQuestion() {
		return current < 0 ? Optional.empty() : Optional.of(questions.get(current));
	}

	@Override
	public List<GameQuestion> questions() {
		return questions;
	}

	@Override
	public GameSettings settings() {
		return settings;
	}

	@Override
	public Roster roster() {
		return roster;
	}

	/** The audience's standings after the last closed question; the podium puts the contestants first. */
	@Override
	public List<Standing> standings() {
		return standings;
	}

	/** The contestants in seat order. */
	public List<Integer> contestants() {
		return List.copyOf(seats);
	}

	public boolean isContestant(int player) {
		return seats.contains(player);
	}

	/** A contestant's score (0 for anyone never seated). */
	public long score(int player) {
		Tally tally = tallies.get(player);
		return tally == null ? 0 : tally.score;
	}

	@Override
	public long nextDeadline() {
		return paused ? -1 : deadline;
	}

	private long pausedRemaining() {
		return paused && deadline >= 0 ? Math.max(0, deadline - pausedAt) : -1;
	}

	@Override
	public PlayerView playerView(int player) {
		GameQuestion question = currentQuestion().orElse(null);
		AnswerReceipt receipt = phase() == Phase.OPEN && audience != null ? audience.receiptOf(player).orElse(null)
				: null;
		return new PlayerView(phase(), paused, pausedRemaining(), question, questions.size(), 0, opensAt(), closesAt(),
				roster.activeCount(), receipt, stage == Stage.JUDGED ? lastClosed : null, standings);
	}

	@Override
	public HostView hostView() {
		return new HostView(phase(), paused, pausedRemaining(), currentQuestion().orElse(null), questions.size(), 0,
				opensAt(), closesAt(), audience == null ? 0 : audience.answered(), roster.activeCount());
	}

	private long opensAt() {
		return audience == null ? 0 : audience.opensAt();
	}

	private long closesAt() {
		return audience == null ? 0 : audience.closesAt();
	}

	/** The board as the presenter and the contestants see it now. */
	public BuzzerBoard board() {
		List<Seat> seated = new ArrayList<>(seats.size());
		for (int number : seats) {
			Tally tally = tally(number);
			Player player = roster.player(number).orElseThrow();
			List<Long> byRound = new ArrayList<>(tally.byRound.length);
			for (long points : tally.byRound) {
				byRound.add(points);
			}
			seated.add(new Seat(number, player.nickname(), tally.score, player.connected(), tally.starUsed, byRound));
		}
		List<Integer> open = new ArrayList<>();
		if (stage == Stage.ARMED || stage == Stage.ANSWERING && !presses.isEmpty()) {
			for (int number : eligible) {
				if (presses.stream().noneMatch(press -> press.player() == number)) {
					open.add(number);
				}
			}
		}
		long windowEndsAt = presses.isEmpty() ? -1 : presses.get(0).receivedAt() + rules.pressWindowMillis();
		return new BuzzerBoard(stage, current < 0 ? null : roundOf[current], current,
				current < 0 ? 0 : placeInRound[current] + 1, owner, value, star, stealing, open, presses,
				windowEndsAt, floor, paused ? -1 : deadline, seated, last);
	}

	// ---- host --------------------------------------------------------------------------------

	private Reply host(Host host, long now, List<GameEvent> events) {
		HostAction action = host.action();
		switch (action) {
			case START -> {
				if (stage != Stage.LOBBY) {
					throw new Game.Refusal("ALREADY_STARTED");
				}
				start(now, events);
			}
			case NEXT -> next(now, events);
			case SKIP -> skip(now, events);
			case PAUSE -> pause(now, events);
			case RESUME -> unpause(now, events);
			case END -> end("HOST_ENDED", now, events);
			case KICK -> kick(host.player(), now, events);
			case LOCK, UNLOCK -> {
				if (isOver()) {
					throw new Game.Refusal("GAME_OVER");
				}
				roster.lockLobby(action == HostAction.LOCK);
				events.add(new LobbyLocked(action == HostAction.LOCK));
			}
			case PRUNE -> {
				return new Reply.Removed(prune(now, events));
			}
			case SEAT -> seat(host.player(), now, events);
			case UNSEAT -> unseat(host.player(), now, events);
			case RIGHT, WRONG -> {
				requireNotPaused();
				if (stage != Stage.ANSWERING || floor == null) {
					throw new Game.Refusal("NOBODY_ANSWERING");
				}
				judge(floor, action == HostAction.RIGHT, null, now, now, events);
			}
			case PICK20, PICK30, STAR -> pick(action, now, events);
		}
		return new Reply.Done();
	}

	private boolean isOver() {
		return stage == Stage.PODIUM || stage == Stage.ENDED;
	}

	private void seat(@Nullable Integer number, long now, List<GameEvent> events) {
		if (stage != Stage.LOBBY && stage != Stage.JUDGED) {
			throw new Game.Refusal("SEATS_CHANGE_BETWEEN_QUESTIONS");
		}
		Player player = number == null ? null : roster.active(number);
		if (player == null) {
			throw new Game.Refusal("PLAYER_UNKNOWN");
		}
		if (seats.contains(number)) {
			throw new Game.Refusal("ALREADY_SEATED");
		}
		if (seats.size() >= BuzzerSettings.MAX_CONTESTANTS) {
			throw new Game.Refusal("SEATS_FULL");
		}
		seats.add(number);
		tally(number);
		events.add(board(now));
	}

	private void unseat(@Nullable Integer number, long now, List<GameEvent> events) {
		if (stage != Stage.LOBBY && stage != Stage.JUDGED) {
			throw new Game.Refusal("SEATS_CHANGE_BETWEEN_QUESTIONS");
		}
		if (number == null || !seats.remove(number)) {
			throw new Game.Refusal("NOT_CONTESTANT");
		}
		events.add(board(now));
	}

	private void kick(@Nullable Integer number, long now, List<GameEvent> events) {
		if (number == null) {
			throw new Game.Refusal("PLAYER_UNKNOWN");
		}
		boolean seated = seats.contains(number);
		if (seated && stage != Stage.LOBBY && stage != Stage.JUDGED && !isOver()) {
			// A contestant leaves the stage between questions, never in the middle of one.
			throw new Game.Refusal("SEATS_CHANGE_BETWEEN_QUESTIONS");
		}
		boolean wasConnected = roster.player(number).map(Player::connected).orElse(false);
		Player player = roster.kick(number);
		if (audience != null) {
			audience.forget(number, wasConnected);
		}
		seats.remove(number);
		if (stage == Stage.JUDGED) {
			standings = audienceStandings();
		}
		events.add(new PlayerKicked(player));
		if (seated) {
			events.add(board(now));
		}
	}

	/** Removes the disconnected audience who never answered; contestants keep their seats. */
	private int prune(long now, List<GameEvent> events) {
		int removed = 0;
		for (Player player : List.copyOf(roster.players())) {
			if (!player.kicked() && !player.connected() && !player.answeredOnce() && !seats.contains(player.number())) {
				kick(player.number(), now, events);
				removed++;
			}
		}
		return removed;
	}

	private void start(long now, List<GameEvent> events) {
		if (seats.size() < BuzzerSettings.MIN_CONTESTANTS) {
			throw new Game.Refusal("NEED_CONTESTANTS");
		}
		show(0, now, events);
	}

	/** The host's one "next" button: one step on from wherever the question is. */
	private void next(long now, List<GameEvent> events) {
		requireNotPaused();
		switch (stage) {
			case LOBBY -> start(now, events);
			case SHOWN -> open(now, events);
			case ARMED, OPEN -> close(now, events);
			case ANSWERING -> throw new Game.Refusal("JUDGE_FIRST");
			case JUDGED -> {
				if (current + 1 < questions.size()) {
					show(current + 1, now, events);
				}
				else {
					podium(now, events);
				}
			}
			case PODIUM -> end("FINISHED", now, events);
			case ENDED -> throw new Game.Refusal("GAME_OVER");
		}
	}

	/** Finish round, before the question opens: the owner's choice of value, and the star of hope. */
	private void pick(HostAction action, long now, List<GameEvent> events) {
		if (stage != Stage.SHOWN || roundOf[current] != Kind.FINISH || owner == null) {
			throw new Game.Refusal("NOTHING_TO_PICK");
		}
		switch (action) {
			case PICK20 -> value = BuzzerSettings.FINISH_LOW;
			case PICK30 -> value = BuzzerSettings.FINISH_HIGH;
			default -> {
				Tally tally = tally(owner);
				if (star) {
					star = false;
					tally.starUsed = false;
					tally.starAt = -1;
				}
				else {
					if (tally.starUsed) {
						throw new Game.Refusal("STAR_USED");
					}
					star = true;
					tally.starUsed = true;
					tally.starAt = current;
				}
			}
		}
		events.add(board(now));
	}

	/** Drops the current question: its points are undone, the audience's answers forgotten. */
	private void skip(long now, List<GameEvent> events) {
		requireNotPaused();
		if (stage != Stage.SHOWN && stage != Stage.ARMED && stage != Stage.ANSWERING && stage != Stage.OPEN) {
			throw new Game.Refusal("NOTHING_TO_SKIP");
		}
		for (Map.Entry<Integer, Long> before : scoresBefore.entrySet()) {
			Tally tally = tally(before.getKey());
			long change = tally.score - before.getValue();
			tally.score = before.getValue();
			tally.byRound[roundOf[current].ordinal()] -= change;
		}
		if (star && owner != null) {
			tally(owner).starUsed = false;
		}
		for (Map.Entry<Integer, int[]> before : countsBefore.entrySet()) {
			tally(before.getKey()).restore(before.getValue());
		}
		currentRun().clear();
		events.add(new QuestionSkipped(questions.get(current)));
		resetQuestion();
		if (current + 1 < questions.size()) {
			show(current + 1, now, events);
		}
		else {
			podium(now, events);
		}
	}

	private void pause(long now, List<GameEvent> events) {
		if (paused) {
			throw new Game.Refusal("ALREADY_PAUSED");
		}
		if (stage == Stage.LOBBY || isOver()) {
			throw new Game.Refusal("CANNOT_PAUSE");
		}
		paused = true;
		pausedAt = now;
		events.add(new GamePaused(phase(), deadline < 0 ? -1 : Math.max(0, deadline - now)));
		events.add(board(now));
	}

	/** The clocks stop while paused: every deadline moves on by the paused time. */
	private void unpause(long now, List<GameEvent> events) {
		if (!paused) {
			throw new Game.Refusal("NOT_PAUSED");
		}
		paused = false;
		long pausedFor = now - pausedAt;
		if (deadline >= 0) {
			deadline += pausedFor;
		}
		if (audience != null) {
			audience.shift(pausedFor);
		}
		events.add(new GameResumed(phase(), deadline));
		events.add(board(now));
	}

	private void end(String reason, long now, List<GameEvent> events) {
		if (stage == Stage.ENDED) {
			return;
		}
		paused = false;
		if (stage == Stage.ARMED || stage == Stage.ANSWERING || stage == Stage.OPEN) {
			close(now, events);
		}
		if (stage != Stage.PODIUM) {
			podium(now, events);
		}
		stage = Stage.ENDED;
		deadline = -1;
		events.add(new GameEnded(reason));
		events.add(board(now));
	}

	private void requireNotPaused() {
		if (paused) {
			throw new Game.Refusal("GAME_PAUSED");
		}
	}

	// ---- the question ------------------------------------------------------------------------

	private QuestionRun currentRun() {
		QuestionRun run = audience;
		if (run == null) {
			throw new IllegalStateException("No question has been shown yet");
		}
		return run;
	}

	private void resetQuestion() {
		owner = null;
		star = false;
		stealing = false;
		eligible.clear();
		presses.clear();
		tried.clear();
		floor = null;
		deadline = -1;
		last = null;
		answered.clear();
		scoresBefore.clear();
		countsBefore.clear();
	}

	private void show(int index, long now, List<GameEvent> events) {
		resetQuestion();
		current = index;
		lastClosed = null;
		stage = Stage.SHOWN;
		audience = new QuestionRun(questions.get(index));
		Kind kind = roundOf[index];
		if (kind == Kind.WARMUP_INDIVIDUAL || kind == Kind.FINISH) {
			// Each contestant in seat order has one block of the round's questions.
			int perContestant = Math.max(1, roundSize[index] / seats.size());
			owner = seats.get(Math.min(seats.size() - 1, placeInRound[index] / perContestant));
		}
		value = kind == Kind.FINISH ? BuzzerSettings.FINISH_LOW : kind == Kind.ACCELERATION ? 0 : rules.warmupRight();
		for (int number : seats) {
			scoresBefore.put(number, tally(number).score);
			countsBefore.put(number, tally(number).counts());
		}
		events.add(new QuestionPreviewed(questions.get(index), questions.size(), 0));
		events.add(board(now));
	}

	private void open(long now, List<GameEvent> events) {
		QuestionRun run = currentRun();
		run.open(now);
		events.add(new QuestionOpened(run.question(), questions.size(), run.opensAt(), run.closesAt()));
		switch (roundOf[current]) {
			case WARMUP_COMMON -> arm(seats, now + run.question().timeLimitMillis(), now, events);
			case ACCELERATION -> {
				stage = Stage.OPEN;
				deadline = run.closesAt();
				events.add(board(now));
			}
			case WARMUP_INDIVIDUAL, FINISH -> {
				Integer first = owner;
				if (first == null) {
					throw new IllegalStateException("an owned question without its owner");
				}
				giveFloor(first, run.closesAt(), now, events);
			}
		}
	}

	/** Opens the buzzers for these contestants until {@code until}; nobody left to press closes the question. */
	private void arm(List<Integer> who, long until, long now, List<GameEvent> events) {
		eligible.clear();
		for (int number : who) {
			if (!tried.contains(number) && seats.contains(number)) {
				eligible.add(number);
			}
		}
		presses.clear();
		floor = null;
		if (eligible.isEmpty()) {
			close(now, events);
			return;
		}
		stage = Stage.ARMED;
		deadline = until;
		events.add(board(now));
	}

	private void giveFloor(int number, long until, long now, List<GameEvent> events) {
		stage = Stage.ANSWERING;
		floor = number;
		tried.add(number);
		deadline = until;
		events.add(board(now));
	}

	/** Whether a press at {@code now} still falls inside the window after the first press. */
	private boolean withinWindow(long now) {
		return !presses.isEmpty() && now - presses.get(0).receivedAt() <= rules.pressWindowMillis();
	}

	/**
	 * A press. The first of an armed buzz gets the floor at once; presses inside the window after it are
	 * kept in order with their time behind the first (the next in order answers after a wrong one, when
	 * the rules say so); later presses are refused.
	 */
	private void buzz(int number, long now, List<GameEvent> events) {
		if (roster.active(number) == null) {
			throw new Game.Refusal("NOT_JOINED");
		}
		if (!seats.contains(number)) {
			throw new Game.Refusal("NOT_CONTESTANT");
		}
		if (paused) {
			throw new Game.Refusal("GAME_PAUSED");
		}
		boolean armed = stage == Stage.ARMED;
		boolean window = stage == Stage.ANSWERING && withinWindow(now);
		if (!armed && !window) {
			throw new Game.Refusal("BUZZER_CLOSED");
		}
		for (Press press : presses) {
			if (press.player() == number) {
				throw new Game.Refusal("ALREADY_PRESSED");
			}
		}
		if (!eligible.contains(number)) {
			throw new Game.Refusal("BUZZER_LOCKED");
		}
		long behind = presses.isEmpty() ? 0 : now - presses.get(0).receivedAt();
		presses.add(new Press(number, now, behind));
		tally(number).presses++;
		if (armed) {
			giveFloor(number, now + rules.answerSeconds() * 1000L, now, events);
		}
		else {
			events.add(board(now));
		}
	}

	/**
	 * An answer: from the audience (any time the question runs), from every contestant in acceleration,
	 * and from the contestant who has the floor, which the server grades and judges at once.
	 */
	private AnswerReceipt answer(Answer command, long now, List<GameEvent> events) {
		int number = command.player();
		int index = command.question();
		Player player = roster.active(number);
		if (player == null) {
			return AnswerReceipt.refused(index, "NOT_JOINED", now);
		}
		if (index < 0 || index >= questions.size()) {
			return AnswerReceipt.refused(index, "UNKNOWN_QUESTION", now);
		}
		boolean running = stage == Stage.ARMED || stage == Stage.ANSWERING || stage == Stage.OPEN;
		if (index != current || !running) {
			if (index == current && seats.contains(number) && answered.containsKey(number)) {
				return receipt(answered.get(number), index);
			}
			return AnswerReceipt.refused(index, index <= current && stage != Stage.SHOWN ? "QUESTION_CLOSED"
					: "QUESTION_NOT_OPEN", now);
		}
		if (paused) {
			return AnswerReceipt.refused(index, "GAME_PAUSED", now);
		}
		if (!seats.contains(number)) {
			QuestionRun run = currentRun();
			Optional<AnswerReceipt> earlier = run.receiptOf(number);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			if (now > run.closesAt()) {
				return AnswerReceipt.refused(index, "QUESTION_CLOSED", now);
			}
			return run.receive(player, command.submission(), now);
		}
		Answered before = answered.get(number);
		if (before != null && before.submission != null) {
			return receipt(before, index);
		}
		String shapeError = Grading.shapeError(questions.get(index), command.submission());
		if (shapeError != null) {
			return AnswerReceipt.refused(index, shapeError, now);
		}
		if (stage == Stage.OPEN) {
			if (now > currentRun().closesAt()) {
				return AnswerReceipt.refused(index, "QUESTION_CLOSED", now);
			}
			Answered typed = answered(number);
			typed.submission = command.submission();
			typed.receivedAt = now;
			typed.responseMillis = Math.max(0, now - currentRun().opensAt());
			typed.correct = Grading.grade(questions.get(index), command.submission(),
					settings.typeAnswerIgnoresDiacritics()).correct();
			AnswerReceipt receipt = receipt(typed, index);
			if (everyContestantAnswered()) {
				close(now, events);
			}
			return receipt;
		}
		if (stage != Stage.ANSWERING || floor == null || floor != number) {
			return AnswerReceipt.refused(index, "NOT_YOUR_TURN", now);
		}
		boolean correct = Grading.grade(questions.get(index), command.submission(),
				settings.typeAnswerIgnoresDiacritics()).correct();
		long since = presses.isEmpty() ? currentRun().opensAt() : presses.get(presses.size() - 1).receivedAt();
		judge(number, correct, command.submission(), now, since, events);
		return new AnswerReceipt(index, true, null, now, Math.max(0, now - since));
	}

	private static AnswerReceipt receipt(Answered answered, int index) {
		return new AnswerReceipt(index, true, null, answered.receivedAt, answered.responseMillis);
	}

	private boolean everyContestantAnswered() {
		for (int number : seats) {
			Answered typed = answered.get(number);
			boolean connected = roster.player(number).map(Player::connected).orElse(false);
			if (connected && (typed == null || typed.submission == null)) {
				return false;
			}
		}
		return true;
	}

	private Answered answered(int number) {
		return answered.computeIfAbsent(number, n -> new Answered());
	}

	/**
	 * Judges the contestant who has the floor and scores it by the round's rules; a wrong answer passes
	 * the question on (next in order, reopened buzzers, or a steal), or closes it.
	 */
	private void judge(int number, boolean correct, @Nullable Submission submission, long now, long since,
			List<GameEvent> events) {
		Kind kind = roundOf[current];
		boolean isOwner = owner != null && owner == number;
		int points = switch (kind) {
			case WARMUP_INDIVIDUAL, WARMUP_COMMON -> correct ? rules.warmupRight() : -rules.warmupWrong();
			case FINISH -> {
				if (isOwner) {
					int stake = star ? 2 * value : value;
					yield correct ? stake : star && rules.starWrongLoses() ? -value : 0;
				}
				yield correct ? value : -(value / 2);
			}
			case ACCELERATION -> 0;
		};
		int applied = addPoints(number, points);
		Tally counted = tally(number);
		if (correct) {
			counted.right++;
		}
		else {
			counted.wrong++;
		}
		if (kind == Kind.FINISH && !isOwner) {
			counted.steals++;
			if (correct) {
				counted.stealsRight++;
			}
		}
		Answered judged = answered(number);
		judged.correct = correct;
		judged.points += applied;
		if (judged.receivedAt < 0) {
			judged.receivedAt = now;
			judged.responseMillis = Math.max(0, now - since);
		}
		if (submission != null) {
			judged.submission = submission;
		}
		last = new Judgement(number, correct, applied);
		floor = null;
		if (correct) {
			close(now, events);
			return;
		}
		switch (kind) {
			case WARMUP_INDIVIDUAL, ACCELERATION -> close(now, events);
			case WARMUP_COMMON -> {
				Integer next = rules.afterWrong() == AfterWrong.NEXT_IN_ORDER ? nextInOrder() : null;
				if (next != null) {
					giveFloor(next, now + rules.answerSeconds() * 1000L, now, events);
				}
				else if (rules.afterWrong() == AfterWrong.REOPEN) {
					arm(seats, now + rules.buzzSeconds() * 1000L, now, events);
				}
				else {
					close(now, events);
				}
			}
			case FINISH -> {
				if (isOwner) {
					stealing = true;
					arm(seats, now + rules.buzzSeconds() * 1000L, now, events);
				}
				else {
					close(now, events);
				}
			}
		}
	}

	private @Nullable Integer nextInOrder() {
		for (Press press : presses) {
			if (!tried.contains(press.player()) && seats.contains(press.player())) {
				return press.player();
			}
		}
		return null;
	}

	/** Adds points to a contestant's score, which never goes below 0; returns the change really made. */
	private int addPoints(int number, int points) {
		Tally tally = tally(number);
		long after = Math.max(0, tally.score + points);
		int applied = (int) (after - tally.score);
		tally.score = after;
		tally.byRound[roundOf[current].ordinal()] += applied;
		return applied;
	}

	private Tally tally(int number) {
		return tallies.computeIfAbsent(number, n -> new Tally());
	}

	private void tick(long now, List<GameEvent> events) {
		for (int guard = 0; guard < 8 && !paused && deadline >= 0 && now >= deadline; guard++) {
			switch (stage) {
				case ARMED, OPEN -> close(now, events);
				case ANSWERING -> {
					// No answer in time is a wrong answer.
					Integer answering = floor;
					if (answering == null) {
						close(now, events);
					}
					else {
						judge(answering, false, null, now, now, events);
					}
				}
				default -> {
					return;
				}
			}
		}
	}

	/** Ends the question: acceleration scores its right answers by order; the audience's answers are graded. */
	private void close(long now, List<GameEvent> events) {
		QuestionRun run = currentRun();
		if (roundOf[current] == Kind.ACCELERATION) {
			scoreAcceleration();
		}
		stage = Stage.JUDGED;
		floor = null;
		eligible.clear();
		deadline = -1;
		QuestionRun.Result result = run.close(roster, settings);
		Map<Integer, Outcome> outcomes = new LinkedHashMap<>(result.outcomes());
		for (int number : seats) {
			Answered a = answered.get(number);
			outcomes.put(number, a == null ? new Outcome(number, false, false, 0, 0, 0, 0, -1, null, -1)
					: new Outcome(number, true, a.correct, a.correct ? 1 : 0, a.points, 0, 0, a.responseMillis,
							a.submission == null ? new Submission(null, null, null, null, null) : a.submission,
							a.receivedAt));
		}
		standings = audienceStandings();
		lastClosed = new QuestionClosed(run.question(), questions.size(), result.answered(), result.correct(),
				result.distribution(), outcomes, standings, now);
		events.add(lastClosed);
		events.add(board(now));
	}

	/** The right answers score the round's points by their order of arrival: 40, 30, 20, 10. */
	private void scoreAcceleration() {
		List<Map.Entry<Integer, Answered>> right = new ArrayList<>();
		for (Map.Entry<Integer, Answered> entry : answered.entrySet()) {
			if (entry.getValue().submission != null && seats.contains(entry.getKey())) {
				Tally counted = tally(entry.getKey());
				if (entry.getValue().correct) {
					counted.right++;
				}
				else {
					counted.wrong++;
				}
			}
			if (entry.getValue().correct && entry.getValue().submission != null && seats.contains(entry.getKey())) {
				right.add(entry);
			}
		}
		right.sort(Comparator.comparingLong((Map.Entry<Integer, Answered> e) -> e.getValue().receivedAt)
			.thenComparingInt(e -> seats.indexOf(e.getKey())));
		List<Integer> points = rules.accelerationPoints();
		for (int i = 0; i < right.size(); i++) {
			int award = i < points.size() ? points.get(i) : 0;
			Answered a = right.get(i).getValue();
			a.points += addPoints(right.get(i).getKey(), award);
		}
	}

	/** The audience ranked among themselves, as the classic game ranks (contestants left out). */
	private List<Standing> audienceStandings() {
		List<Player> watching = new ArrayList<>();
		for (Player player : roster.players()) {
			if (!seats.contains(player.number())) {
				watching.add(player);
			}
		}
		return RankingPolicy.INDIVIDUAL.rank(watching);
	}

	/**
	 * Every contestant of the game for the results, in their own ranking apart from the audience: those
	 * seated now by score, then seat order (as the podium), then those who left the stage (unseated, not
	 * kicked) after playing on it, by score, then number. One seated and unseated without playing (a
	 * seat given by mistake) is the audience again. Warm-up points are the individual and common
	 * warm-ups together.
	 */
	public List<ContestantTally> stageStandings() {
		List<Integer> order = new ArrayList<>(seats);
		order.sort(Comparator.comparingLong((Integer n) -> -tally(n).score).thenComparingInt(seats::indexOf));
		List<Integer> left = new ArrayList<>();
		for (int number : tallies.keySet()) {
			if (!seats.contains(number) && tally(number).played()
					&& roster.player(number).map(p -> !p.kicked()).orElse(false)) {
				left.add(number);
			}
		}
		left.sort(Comparator.comparingLong((Integer n) -> -tally(n).score).thenComparingInt(n -> n));
		order.addAll(left);
		List<ContestantTally> all = new ArrayList<>(order.size());
		for (int number : order) {
			Tally t = tally(number);
			int seat = seats.indexOf(number);
			long[] by = t.byRound;
			all.add(new ContestantTally(number, seat < 0 ? null : seat + 1, all.size() + 1, t.score,
					by[Kind.WARMUP_INDIVIDUAL.ordinal()] + by[Kind.WARMUP_COMMON.ordinal()], by[Kind.ACCELERATION.ordinal()],
					by[Kind.FINISH.ordinal()], t.presses, t.right, t.wrong, t.steals, t.stealsRight,
					t.starAt < 0 ? null : t.starAt));
		}
		return all;
	}

	/** Contestants first (by score, then seat order), then the audience by their own points. */
	private List<Standing> finalStandings() {
		List<Integer> order = new ArrayList<>(seats);
		order.sort(Comparator.comparingLong((Integer n) -> -tally(n).score).thenComparingInt(seats::indexOf));
		List<Standing> all = new ArrayList<>();
		for (int number : order) {
			Player player = roster.player(number).orElseThrow();
			all.add(new Standing(all.size() + 1, number, player.nickname(), tally(number).score, 0, 0));
		}
		int offset = all.size();
		for (Standing s : audienceStandings()) {
			all.add(new Standing(offset + s.rank(), s.player(), s.nickname(), s.score(), s.correctCount(),
					s.correctMillis()));
		}
		return all;
	}

	private void podium(long now, List<GameEvent> events) {
		if (audience != null) {
			audience.clear();
		}
		resetQuestion();
		stage = Stage.PODIUM;
		standings = finalStandings();
		events.add(new PodiumShown(standings));
		events.add(board(now));
	}

	private BuzzerBoardChanged board(long now) {
		return new BuzzerBoardChanged(board());
	}

	private void boardIfSeated(int number, long now, List<GameEvent> events) {
		if (seats.contains(number)) {
			events.add(board(now));
		}
	}
}
