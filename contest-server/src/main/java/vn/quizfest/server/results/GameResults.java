package vn.quizfest.server.results;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What organisers see of a game: every player in rank order (players without a rank after those with
 * one, kicked players last), and how each question was answered.
 */
public record GameResults(StoredGame game, List<PlayerResult> players, List<QuestionResult> questions,
		List<UnitResult> units, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BuzzerResults buzzer) {

	public GameResults {
		players = List.copyOf(players);
		questions = List.copyOf(questions);
		units = List.copyOf(units);
	}

	/** Results of a game without buzzer rounds. */
	public GameResults(StoredGame game, List<PlayerResult> players, List<QuestionResult> questions,
			List<UnitResult> units) {
		this(game, players, questions, units, null);
	}

	/** Results of a game without team play. */
	public GameResults(StoredGame game, List<PlayerResult> players, List<QuestionResult> questions) {
		this(game, players, questions, List.of());
	}

	/**
	 * Team play by unit: one unit's final standing, in the order of the team leaderboard (ranked units
	 * first). Empty for a game without units, and until the game has finished.
	 *
	 * @param rank 1, 2, ...; null for a unit with fewer members than the minimum
	 * @param survivors Rung chuông vàng by unit: the unit's players on the floor at the end (absent in
	 *        other formats)
	 * @param goldenBell Rung chuông vàng by unit: whether the unit won, the last unit with survivors
	 *        (absent in other formats)
	 */
	public record UnitResult(String unitId, String unitName, @Nullable Integer rank, double score, int members,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer survivors,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean goldenBell) {

		/** A unit of a game without a floor. */
		public UnitResult(String unitId, String unitName, @Nullable Integer rank, double score, int members) {
			this(unitId, unitName, rank, score, members, null, null);
		}
	}

	/**
	 * One player. Until the game has finished, score, correct count and the time of correct answers are
	 * summed from the stored answers and there is no rank.
	 *
	 * @param rank the final rank (1 is first), or null until the final standings are written (and for a
	 * kicked player)
	 * @param correctMillis total response time of correct answers (the tie-break)
	 * @param answered questions this player answered
	 * @param unitId with team play by unit, the unit the player played for (and its name); else null
	 */
	public record PlayerResult(int player, String nickname, boolean kicked, long score, @Nullable Integer rank,
			int correctCount, long correctMillis, int answered, @Nullable String unitId, @Nullable String unitName,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Floor floor) {

		/** A player of a game without a floor (every format but Rung chuông vàng). */
		public PlayerResult(int player, String nickname, boolean kicked, long score, @Nullable Integer rank,
				int correctCount, long correctMillis, int answered) {
			this(player, nickname, kicked, score, rank, correctCount, correctMillis, answered, null, null, null);
		}
	}

	/**
	 * Where a player of Rung chuông vàng ended (absent in other formats and before the game finished).
	 *
	 * @param badge the player's number (số báo danh)
	 * @param name the name the organiser's list gives the number, if any
	 * @param fellAt the question (position, from 0) at which the player fell for good; null for one on the floor
	 * @param rescues how often the player came back onto the floor
	 * @param goldenBell whether the player rang the golden bell
	 */
	public record Floor(String badge, @Nullable String name, @Nullable Integer fellAt, int rescues,
			boolean goldenBell) {
	}

	/**
	 * One question, with its text and options as the game's snapshot holds them.
	 *
	 * @param averageResponseMillis mean response time of the answers, or null when nobody answered
	 * @param distribution for choice questions, how many answers picked each option (index 0 first);
	 * empty for other types
	 * @param options the options as the game showed them; empty for typed and numeric answers
	 * @param correctOptions indexes of the right options of single-choice, multiple-select and true/false
	 * questions; empty for the other types (an ordering question's right order is not a set of options)
	 */
	public record QuestionResult(int position, @Nullable Long questionId, String questionType, boolean skipped,
			int answered, int correct, @Nullable Long averageResponseMillis, List<Integer> distribution, String text,
			List<String> options, List<Integer> correctOptions) {

		public QuestionResult {
			distribution = List.copyOf(distribution);
			options = List.copyOf(options);
			correctOptions = List.copyOf(correctOptions);
		}
	}

	// ---- buzzer rounds ----

	/**
	 * A buzzer game's two rankings, apart: the contestants on stage (tens of points, by the rounds' rules)
	 * and the audience (the classic game's points, in the thousands). {@code players} still lists everyone
	 * as the podium ranked them (contestants first).
	 *
	 * @param contestants everyone who was seated, in the contestants' ranking
	 * @param audience everyone else, ranked among the audience only (rank null until the game has finished)
	 */
	public record BuzzerResults(List<ContestantResult> contestants, List<PlayerResult> audience) {

		public BuzzerResults {
			contestants = List.copyOf(contestants);
			audience = List.copyOf(audience);
		}
	}

	/**
	 * One contestant of a buzzer game.
	 *
	 * @param seat the seat (1 first), null for a contestant who left the stage
	 * @param rank the place among the contestants, 1 first
	 * @param warmup points of the warm-up rounds (individual and common)
	 * @param presses buzzer presses the server took
	 * @param right answers judged right; {@code wrong} judged wrong (no answer in time included)
	 * @param steals finish questions of another contestant this one answered after a press; {@code stealsRight}
	 *        those judged right
	 * @param starAt the question (position, from 0) of the star of hope, null if it was never played
	 */
	public record ContestantResult(int player, String nickname, @Nullable Integer seat, int rank, long score,
			long warmup, long acceleration, long finish, int presses, int right, int wrong, int steals,
			int stealsRight, @Nullable Integer starAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("starUsed")
		public boolean starUsed() {
			return starAt != null;
		}
	}
}
