package vn.quizfest.server.game;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.QuestionType;

/**
 * One question's run, shared by every format: its clock (open and close times), the answers in
 * arrival order (one per player), and at the close every player's graded, scored outcome.
 */
public final class QuestionRun {

	private final GameQuestion question;

	private long opensAt;

	private long closesAt;

	/** Answers by player number, in arrival order. */
	private final Map<Integer, Received> answers = new LinkedHashMap<>();

	/** Of the connected players, how many answered: "everyone answered" is read after every answer. */
	private int answeredConnected;

	private record Received(Submission submission, AnswerReceipt receipt) {
	}

	/** What the close of a question found; the outcomes are already applied to the players. */
	public record Result(int answered, int correct, int[] distribution, Map<Integer, Outcome> outcomes) {
	}

	public QuestionRun(GameQuestion question) {
		this.question = question;
	}

	/** The run as a snapshot holds it. */
	public GameSnapshot.RunState state() {
		List<GameSnapshot.AnswerState> states = new ArrayList<>(answers.size());
		answers.forEach((player, received) -> states
			.add(new GameSnapshot.AnswerState(player, received.submission(), received.receipt())));
		return new GameSnapshot.RunState(question.index(), opensAt, closesAt, states, answeredConnected);
	}

	/** The run a snapshot holds, of one of these questions; null for none. */
	public static @Nullable QuestionRun restore(GameSnapshot.@Nullable RunState state, List<GameQuestion> questions) {
		if (state == null) {
			return null;
		}
		QuestionRun run = new QuestionRun(GameSnapshot.question(questions, state.question()));
		run.opensAt = state.opensAt();
		run.closesAt = state.closesAt();
		for (GameSnapshot.AnswerState answer : state.answers()) {
			run.answers.put(answer.player(), new Received(answer.submission(), answer.receipt()));
		}
		run.answeredConnected = state.answeredConnected();
		return run;
	}

	public GameQuestion question() {
		return question;
	}

	/** Opens the answers at {@code opensAt}; the question's time limit runs from there. */
	public void open(long opensAt) {
		this.opensAt = opensAt;
		this.closesAt = opensAt + question.timeLimitMillis();
	}

	public long opensAt() {
		return opensAt;
	}

	public long closesAt() {
		return closesAt;
	}

	/** Moves the clock on by a pause: the time left stays what it was. */
	public void shift(long millis) {
		opensAt += millis;
		closesAt += millis;
	}

	public int answered() {
		return answers.size();
	}

	public Optional<AnswerReceipt> receiptOf(int player) {
		Received received = answers.get(player);
		return received == null ? Optional.empty() : Optional.of(received.receipt());
	}

	/**
	 * Takes a player's answer, checked for shape; the caller has checked the timing. The response
	 * time is the server's receive time minus the server's open time.
	 */
	public AnswerReceipt receive(Player player, Submission submission, long now) {
		String shapeError = Grading.shapeError(question, submission);
		if (shapeError != null) {
			return AnswerReceipt.refused(question.index(), shapeError, now);
		}
		long responseMillis = Math.max(0, now - opensAt);
		AnswerReceipt receipt = new AnswerReceipt(question.index(), true, null, now, responseMillis);
		answers.put(player.number(), new Received(submission, receipt));
		player.answered();
		if (player.connected()) {
			answeredConnected++;
		}
		return receipt;
	}

	/** A player of this run (dis)connected: keeps the "everyone answered" count right. */
	public void connectionChanged(int player, boolean connected) {
		if (answers.containsKey(player)) {
			answeredConnected += connected ? 1 : -1;
		}
	}

	/** A player left for good: the answer no longer counts. */
	public void forget(int player, boolean wasConnected) {
		if (answers.remove(player) != null && wasConnected) {
			answeredConnected--;
		}
	}

	/** Drops every answer (a skipped question, or the game moved on). */
	public void clear() {
		answers.clear();
		answeredConnected = 0;
	}

	public boolean everyoneAnswered(int connected) {
		return !answers.isEmpty() && answeredConnected >= connected;
	}

	/** Grades and scores every player taking part, applies the outcomes to them and reports them. */
	public Result close(Roster roster, GameSettings settings) {
		boolean scored = question.isScored();
		int optionCount = question.question().options().size();
		int[] distribution = Grading.isChoice(question.type()) ? new int[optionCount] : new int[0];
		Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
		int correct = 0;
		for (Player player : roster.players()) {
			if (player.kicked()) {
				continue;
			}
			Received received = answers.get(player.number());
			Outcome outcome = received == null ? missing(player, scored) : graded(player, received, scored, settings);
			if (received != null) {
				count(distribution, received.submission());
			}
			if (outcome.correct()) {
				correct++;
			}
			player.apply(outcome, scored);
			outcomes.put(player.number(), outcome);
		}
		return new Result(answers.size(), correct, distribution, outcomes);
	}

	private static Outcome missing(Player player, boolean scored) {
		return new Outcome(player.number(), false, false, 0, 0, 0, scored ? 0 : player.streak(), -1, null, -1);
	}

	private Outcome graded(Player player, Received received, boolean scored, GameSettings settings) {
		long responseMillis = received.receipt().responseMillis();
		long receivedAt = received.receipt().receivedAt();
		if (question.type() == QuestionType.POLL) {
			return new Outcome(player.number(), true, false, 0, 0, 0, player.streak(), responseMillis,
					received.submission(), receivedAt);
		}
		Grading.Grade grade = Grading.grade(question, received.submission(), settings.typeAnswerIgnoresDiacritics());
		if (!scored) {
			// A warm-up (no-points) question: right or wrong is shown, but no points and no streak change.
			return new Outcome(player.number(), true, grade.correct(), grade.credit(), 0, 0, player.streak(),
					responseMillis, received.submission(), receivedAt);
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
				responseMillis, received.submission(), receivedAt);
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
}
