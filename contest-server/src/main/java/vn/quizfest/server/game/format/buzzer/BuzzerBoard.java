package vn.quizfest.server.game.format.buzzer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole stage of a buzzer game at one moment, as the presenter and the contestants' phones draw
 * it: small (at most 8 contestants), so every change sends all of it and a screen that (re)joins
 * needs nothing else.
 *
 * @param stage where the current question is
 * @param round the kind of round of the current question, null in the lobby
 * @param question the game's question index, -1 before the first
 * @param roundQuestion the question's place inside its round, 1 first (0 before the first)
 * @param owner the contestant whose question it is (individual warm-up, finish), else null
 * @param value the points at stake for the owner (finish: 20 or 30; warm-up: the right points)
 * @param star whether the owner plays the star of hope on this question
 * @param stealing whether the buzzers are open for a steal of a finish question
 * @param eligible the contestants who may press now: while the buzzers are armed, and inside the window
 *        after the first press those who have not pressed yet
 * @param presses the presses of the current buzz, in order, with their time behind the first
 * @param windowEndsAt until when (server time) a press after the first is still taken, -1 before a press
 * @param floor the contestant who must answer now, else null
 * @param deadline when the current step runs out (server time, ms), -1 when nothing is timed
 * @param contestants the contestants in seat order
 * @param last the latest judgement of this question, if any
 */
public record BuzzerBoard(Stage stage, BuzzerRound.@Nullable Kind round, int question, int roundQuestion,
		@Nullable Integer owner, int value, boolean star, boolean stealing, List<Integer> eligible,
		List<Press> presses, long windowEndsAt, @Nullable Integer floor, long deadline, List<Seat> contestants,
		@Nullable Judgement last) {

	public BuzzerBoard {
		eligible = List.copyOf(eligible);
		presses = List.copyOf(presses);
		contestants = List.copyOf(contestants);
	}

	/** Where the current question of a buzzer game is. */
	public enum Stage {

		/** Contestants are being seated. */
		LOBBY,

		/** The question is shown; in the finish round the owner picks its value and the star. */
		SHOWN,

		/** The buzzers are open: the first press answers. */
		ARMED,

		/** One contestant has the floor and answers; the host judges (or the server grades the typed answer). */
		ANSWERING,

		/** Acceleration: every contestant types an answer before the time runs out. */
		OPEN,

		/** The question is over: its points are in the scores. */
		JUDGED,

		PODIUM, ENDED
	}

	/** A press, timed by the server that holds the game when the press reached it. */
	public record Press(int player, long receivedAt, long behindMillis) {
	}

	/**
	 * A contestant.
	 *
	 * @param roundScores points won in each kind of round, in the order of {@link BuzzerRound.Kind}
	 */
	public record Seat(int player, String nickname, long score, boolean connected, boolean starUsed,
			List<Long> roundScores) {

		public Seat {
			roundScores = List.copyOf(roundScores);
		}
	}

	/** One contestant's answer was judged: right or wrong and the points it won (negative: lost). */
	public record Judgement(int player, boolean correct, int points) {
	}
}
