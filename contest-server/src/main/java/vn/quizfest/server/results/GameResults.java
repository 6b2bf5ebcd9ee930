package vn.quizfest.server.results;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What organisers see of a game: every player in rank order, and how each question was answered.
 */
public record GameResults(StoredGame game, List<PlayerResult> players, List<QuestionResult> questions) {

	public GameResults {
		players = List.copyOf(players);
		questions = List.copyOf(questions);
	}

	/**
	 * One player. Until the game has finished, score and correct count are summed from the stored
	 * answers and there is no rank.
	 *
	 * @param rank the final rank (1 is first), or null until the final standings are written
	 * @param correctMillis total response time of correct answers (the tie-break), final standings only
	 * @param answered questions this player answered
	 */
	public record PlayerResult(int player, String nickname, boolean kicked, long score, @Nullable Integer rank,
			int correctCount, long correctMillis, int answered) {
	}

	/**
	 * One question.
	 *
	 * @param averageResponseMillis mean response time of the answers, or null when nobody answered
	 * @param distribution for choice questions, how many answers picked each option (index 0 first);
	 * empty for other types
	 */
	public record QuestionResult(int position, @Nullable Long questionId, String questionType, boolean skipped,
			int answered, int correct, @Nullable Long averageResponseMillis, List<Integer> distribution) {

		public QuestionResult {
			distribution = List.copyOf(distribution);
		}
	}
}
