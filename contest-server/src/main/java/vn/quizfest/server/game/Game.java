package vn.quizfest.server.game;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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

/**
 * One live game, host-paced: LOBBY, then for each question PREVIEW, OPEN, CLOSED, LEADERBOARD, and
 * at the end PODIUM. Every command takes the caller's current time in milliseconds and returns the
 * events it caused, in order. Timed transitions happen in {@link #tick(long)}; the caller asks
 * {@link #nextDeadline()} when to call it.
 *
 * <p>Other formats (self-paced window, elimination, teams, buzzer) reuse the parts: players,
 * {@link Grading}, {@link Scoring}, {@link Ranking}, and the question lifecycle below.
 */
public final class Game {

	/** Refusals of host commands and joins carry one of these reason codes. */
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

	private final List<GameQuestion> questions;

	private final GameSettings settings;

	private final Nicknames nicknames;

	private final Map<Integer, Player> players = new LinkedHashMap<>();

	private final Map<String, Player> byToken = new HashMap<>();

	private final Map<String, Player> byNicknameKey = new HashMap<>();

	private Phase phase = Phase.LOBBY;

	private int current = -1;

	private long previewEndsAt;

	private long opensAt;

	private long closesAt;

	private long phaseSince;

	private boolean paused;

	private boolean lobbyLocked;

	private long pausedAt;

	/** Players joined and not kicked; of them, those connected; of those, who answered the open question. */
	private int active;

	private int connected;

	private int answeredConnected;

	/** Answers to the current question, by player number, in arrival order. */
	private final Map<Integer, Received> answers = new LinkedHashMap<>();

	private @Nullable QuestionClosed lastClosed;

	private List<Standing> standings = List.of();

	private record Received(Submission submission, AnswerReceipt receipt) {
	}

	public Game(String id, List<GameQuestion> questions, GameSettings settings, Nicknames nicknames, long now) {
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("A game needs at least one question");
		}
		this.id = id;
		this.questions = List.copyOf(questions);
		this.settings = settings;
		this.nicknames = nicknames;
		this.phaseSince = now;
	}

	public String id() {
		return id;
	}

	public Phase phase() {
		return phase;
	}

	public boolean paused() {
		return paused;
	}

	public GameSettings settings() {
		return settings;
	}

	public int questionCount() {
		return questions.size();
	}

	public List<GameQuestion> questions() {
		return questions;
	}

	/** The question being played or last played, if any. */
	public Optional<GameQuestion> currentQuestion() {
		return current < 0 ? Optional.empty() : Optional.of(questions.get(current));
	}

	public long previewEndsAt() {
		return previewEndsAt;
	}

	public long opensAt() {
		return opensAt;
	}

	public long closesAt() {
		return closesAt;
	}

	public Collection<Player> players() {
		return players.values();
	}

	public Optional<Player> player(int number) {
		return Optional.ofNullable(players.get(number));
	}

	public Optional<Player> playerByToken(String token) {
		return Optional.ofNullable(byToken.get(token));
	}

	/** Players taking part: joined and not kicked. */
	public int activePlayerCount() {
		return active;
	}

	public int answeredCount() {
		return answers.size();
	}

	/** Standings after the last closed question (empty before). */
	public List<Standing> standings() {
		return standings;
	}

	public Optional<QuestionClosed> lastClosed() {
		return Optional.ofNullable(lastClosed);
	}

	/** The receipt of this player's answer to the current question, if any. */
	public Optional<AnswerReceipt> receiptOf(int player) {
		Received received = answers.get(player);
		return received == null ? Optional.empty() : Optional.of(received.receipt());
	}

	// ---- players -----------------------------------------------------------------------------

	/** Adds a player; late joins are allowed until the podium. Throws {@link Refusal} with the reason. */
	public Player join(@Nullable String nickname, String resumeToken, long now, List<GameEvent> events) {
		if (phase.isOver()) {
			throw new Refusal("GAME_OVER");
		}
		if (lobbyLocked) {
			throw new Refusal("LOBBY_LOCKED");
		}
		if (activePlayerCount() >= settings.maxPlayers() && seatedPlayerCount() >= settings.maxPlayers()) {
			throw new Refusal("GAME_FULL");
		}
		Nicknames.Checked checked = nicknames.check(nickname);
		if (checked.error() != null) {
			throw new Refusal(checked.error());
		}
		Player holder = byNicknameKey.get(checked.key());
		if (holder != null && !holder.kicked()) {
			throw new Refusal("NICKNAME_TAKEN");
		}
		Player player = new Player(players.size() + 1, checked.nickname(), checked.key(), resumeToken, now);
		players.put(player.number(), player);
		active++;
		connected++;
		byToken.put(resumeToken, player);
		byNicknameKey.put(checked.key(), player);
		events.add(new PlayerJoined(player));
		return player;
	}

	/**
	 * Players who hold a seat towards {@code maxPlayers}: connected, or disconnected after answering.
	 * A socket that joined and vanished without ever answering does not keep an honest player out.
	 * Counted only when the game looks full.
	 */
	int seatedPlayerCount() {
		int seated = 0;
		for (Player player : players.values()) {
			if (!player.kicked() && (player.connected() || player.answeredOnce())) {
				seated++;
			}
		}
		return seated;
	}

	/** Whether the host has locked the lobby: no new player may join (resumes still may). */
	public boolean lobbyLocked() {
		return lobbyLocked;
	}

	public void lockLobby(boolean locked) {
		if (phase.isOver()) {
			throw new Refusal("GAME_OVER");
		}
		lobbyLocked = locked;
	}

	/**
	 * Removes every disconnected player who has never answered (as a kick: they cannot resume) and
	 * returns how many. Players with an answer keep their score and may still come back.
	 */
	public int removeDisconnected(List<GameEvent> events) {
		int removed = 0;
		for (Player player : List.copyOf(players.values())) {
			if (!player.kicked() && !player.connected() && !player.answeredOnce()) {
				kick(player.number(), events);
				removed++;
			}
		}
		return removed;
	}

	/** The player with this resume token, marked connected again; kicked players cannot come back. */
	public Player resume(String resumeToken) {
		Player player = byToken.get(resumeToken);
		if (player == null) {
			throw new Refusal("RESUME_UNKNOWN");
		}
		if (player.kicked()) {
			throw new Refusal("KICKED");
		}
		if (!player.connected()) {
			player.connected(true);
			connected++;
			if (answers.containsKey(player.number())) {
				answeredConnected++;
			}
		}
		return player;
	}

	public void disconnected(int number) {
		Player player = players.get(number);
		if (player != null && player.connected()) {
			player.connected(false);
			connected--;
			if (answers.containsKey(number)) {
				answeredConnected--;
			}
		}
	}

	public void kick(int number, List<GameEvent> events) {
		Player player = players.get(number);
		if (player == null || player.kicked()) {
			throw new Refusal("PLAYER_UNKNOWN");
		}
		if (player.connected()) {
			connected--;
			if (answers.containsKey(number)) {
				answeredConnected--;
			}
		}
		active--;
		player.kick();
		answers.remove(number);
		if (phase == Phase.CLOSED || phase == Phase.LEADERBOARD) {
			// The leaderboard about to show must not list the kicked player.
			standings = Ranking.rank(players.values());
		}
		events.add(new PlayerKicked(player));
	}

	// ---- host commands -----------------------------------------------------------------------

	public void start(long now, List<GameEvent> events) {
		if (phase != Phase.LOBBY) {
			throw new Refusal("ALREADY_STARTED");
		}
		if (activePlayerCount() == 0) {
			throw new Refusal("NO_PLAYERS");
		}
		preview(0, now, events);
	}

	/** The host's one "next" button: moves the game one step on from wherever it is. */
	public void next(long now, List<GameEvent> events) {
		requireNotPaused();
		switch (phase) {
			case LOBBY -> start(now, events);
			case PREVIEW -> open(now, events);
			case OPEN -> close(now, events);
			case CLOSED -> showLeaderboard(now, events);
			case LEADERBOARD -> advance(now, events);
			case PODIUM -> end("FINISHED", now, events);
			case ENDED -> throw new Refusal("GAME_OVER");
		}
	}

	/** Drops the current question: nobody scores, streaks stay as they were. */
	public void skip(long now, List<GameEvent> events) {
		requireNotPaused();
		if (phase != Phase.PREVIEW && phase != Phase.OPEN) {
			throw new Refusal("NOTHING_TO_SKIP");
		}
		answers.clear();
		answeredConnected = 0;
		events.add(new QuestionSkipped(questions.get(current)));
		advance(now, events);
	}

	public void pause(long now, List<GameEvent> events) {
		if (paused) {
			throw new Refusal("ALREADY_PAUSED");
		}
		if (phase == Phase.LOBBY || phase.isOver()) {
			throw new Refusal("CANNOT_PAUSE");
		}
		paused = true;
		pausedAt = now;
		long deadline = deadline();
		events.add(new GamePaused(phase, deadline < 0 ? -1 : Math.max(0, deadline - now)));
	}

	/** Resumes with the time that was left: the clock of the open question stops while paused. */
	/** While paused, the time the current phase still had when the pause began; -1 otherwise. */
	public long pausedRemaining() {
		long deadline = deadline();
		return paused && deadline >= 0 ? Math.max(0, deadline - pausedAt) : -1;
	}

	public void resume(long now, List<GameEvent> events) {
		if (!paused) {
			throw new Refusal("NOT_PAUSED");
		}
		paused = false;
		long pausedFor = now - pausedAt;
		previewEndsAt += pausedFor;
		opensAt += pausedFor;
		closesAt += pausedFor;
		phaseSince += pausedFor;
		events.add(new GameResumed(phase, deadline()));
	}

	/** Ends the game now; players still see the podium of the standings so far. */
	public void end(String reason, long now, List<GameEvent> events) {
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
	 * Takes a player's answer. Only the first answer to a question counts; a repeat gets the first
	 * receipt back. The response time is the server's receive time minus the server's open time.
	 */
	public AnswerReceipt answer(int playerNumber, int questionIndex, Submission submission, long now) {
		Player player = players.get(playerNumber);
		if (player == null || player.kicked()) {
			return AnswerReceipt.refused(questionIndex, "NOT_JOINED", now);
		}
		if (questionIndex < 0 || questionIndex >= questions.size()) {
			return AnswerReceipt.refused(questionIndex, "UNKNOWN_QUESTION", now);
		}
		Received earlier = questionIndex == current ? answers.get(playerNumber) : null;
		if (earlier != null) {
			return earlier.receipt();
		}
		if (questionIndex != current || phase.ordinal() > Phase.OPEN.ordinal()) {
			return AnswerReceipt.refused(questionIndex, questionIndex < current || questionIndex == current
					? "QUESTION_CLOSED" : "QUESTION_NOT_OPEN", now);
		}
		if (phase != Phase.OPEN || now < opensAt - settings.openLeadMillis()) {
			return AnswerReceipt.refused(questionIndex, "QUESTION_NOT_OPEN", now);
		}
		if (paused) {
			return AnswerReceipt.refused(questionIndex, "GAME_PAUSED", now);
		}
		if (now > closesAt) {
			// The timer fired late; the answer still came after the deadline.
			return AnswerReceipt.refused(questionIndex, "QUESTION_CLOSED", now);
		}
		GameQuestion question = questions.get(current);
		String shapeError = Grading.shapeError(question, submission);
		if (shapeError != null) {
			return AnswerReceipt.refused(questionIndex, shapeError, now);
		}
		long responseMillis = Math.max(0, now - opensAt);
		AnswerReceipt receipt = new AnswerReceipt(questionIndex, true, null, now, responseMillis);
		answers.put(playerNumber, new Received(submission, receipt));
		player.answered();
		if (player.connected()) {
			answeredConnected++;
		}
		return receipt;
	}

	/** Whether every connected player has answered the open question: the host may close early. */
	public boolean everyoneAnswered() {
		// Counted as players come, go and answer: this runs after every answer of a 10,000-player game.
		return phase == Phase.OPEN && !answers.isEmpty() && answeredConnected >= connected;
	}

	// ---- time --------------------------------------------------------------------------------

	/** When {@link #tick(long)} must next run, or -1 when nothing is timed (or the game is paused). */
	public long nextDeadline() {
		return paused ? -1 : deadline();
	}

	private long deadline() {
		return switch (phase) {
			case PREVIEW -> previewEndsAt;
			case OPEN -> closesAt;
			case CLOSED -> settings.autoAdvance() ? phaseSince + settings.resultSeconds() * 1000L : -1;
			case LEADERBOARD -> settings.autoAdvance() ? phaseSince + settings.leaderboardSeconds() * 1000L : -1;
			case PODIUM -> settings.autoAdvance() ? phaseSince + settings.leaderboardSeconds() * 1000L : -1;
			default -> -1;
		};
	}

	/** Runs every timed transition that is due; also closes a question everyone has answered. */
	public void tick(long now, List<GameEvent> events) {
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

	private void preview(int index, long now, List<GameEvent> events) {
		current = index;
		answers.clear();
		answeredConnected = 0;
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
		GameQuestion question = questions.get(current);
		phase = Phase.OPEN;
		phaseSince = now;
		// The options go out now and open a little later, so phones reached last still get the full time.
		opensAt = now + settings.openLeadMillis();
		closesAt = opensAt + question.timeLimitMillis();
		events.add(new QuestionOpened(question, questions.size(), opensAt, closesAt));
	}

	private void close(long now, List<GameEvent> events) {
		GameQuestion question = questions.get(current);
		phase = Phase.CLOSED;
		phaseSince = now;
		boolean scored = question.isScored();
		int optionCount = question.question().options().size();
		int[] distribution = Grading.isChoice(question.type()) ? new int[optionCount] : new int[0];
		Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
		int correct = 0;
		for (Player player : players.values()) {
			if (player.kicked()) {
				continue;
			}
			Received received = answers.get(player.number());
			Outcome outcome = received == null ? missing(player, scored) : graded(player, question, received, scored);
			if (received != null) {
				count(distribution, received.submission());
			}
			if (outcome.correct()) {
				correct++;
			}
			player.apply(outcome, scored);
			outcomes.put(player.number(), outcome);
		}
		standings = Ranking.rank(players.values());
		lastClosed = new QuestionClosed(question, questions.size(), answers.size(), correct, distribution, outcomes,
				standings, now);
		events.add(lastClosed);
	}

	private Outcome missing(Player player, boolean scored) {
		return new Outcome(player.number(), false, false, 0, 0, 0, scored ? 0 : player.streak(), -1, null);
	}

	private Outcome graded(Player player, GameQuestion question, Received received, boolean scored) {
		long responseMillis = received.receipt().responseMillis();
		if (question.type() == vn.quizfest.questionbank.QuestionType.POLL) {
			return new Outcome(player.number(), true, false, 0, 0, 0, player.streak(), responseMillis,
					received.submission());
		}
		Grading.Grade grade = Grading.grade(question, received.submission(), settings.typeAnswerIgnoresDiacritics());
		if (!scored) {
			// A warm-up (no-points) question: right or wrong is shown, but no points and no streak change.
			return new Outcome(player.number(), true, grade.correct(), grade.credit(), 0, 0, player.streak(),
					responseMillis, received.submission());
		}
		int points = Scoring.answerPoints(settings.scoring(), question.basePoints(), grade.credit(), responseMillis,
				question.timeLimitMillis());
		int bonus = 0;
		int streak = 0;
		if (grade.correct()) {
			streak = player.streak() + 1;
			if (settings.streaks()) {
				bonus = Scoring.streakBonus(player.streak());
			}
		}
		return new Outcome(player.number(), true, grade.correct(), grade.credit(), points + bonus, bonus, streak,
				responseMillis, received.submission());
	}

	private static void count(int[] distribution, Submission submission) {
		if (distribution.length == 0) {
			return;
		}
		if (submission.choice() != null) {
			distribution[submission.choice()]++;
		}
		if (submission.choices() != null) {
			for (int choice : submission.choices()) {
				distribution[choice]++;
			}
		}
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
		answers.clear();
		answeredConnected = 0;
		phase = Phase.PODIUM;
		phaseSince = now;
		standings = Ranking.rank(players.values());
		events.add(new PodiumShown(standings));
	}

	private void requireNotPaused() {
		if (paused) {
			throw new Refusal("GAME_PAUSED");
		}
	}

	/** A fresh list for the events of one command. */
	public static List<GameEvent> events() {
		return new ArrayList<>(4);
	}
}
