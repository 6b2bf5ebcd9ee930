package vn.quizfest.server.contest.window;

import org.jspecify.annotations.Nullable;

/** One attempt of an entrant in a round, as stored. */
record Attempt(long id, long roundId, long entrantId, String policySlot, long seed, State state, long startedAt,
		long deadline, @Nullable String unitCode, @Nullable Long submittedAt, boolean autoSubmitted,
		@Nullable Integer score, @Nullable Integer maxScore, @Nullable Integer correctCount, int questionCount,
		@Nullable Long timeUsedMs, @Nullable Long prediction) {

	enum State {
		IN_PROGRESS, SUBMITTED
	}

	/** Whether the server's clock has passed the attempt's deadline. */
	boolean overdue(long now) {
		return state == State.IN_PROGRESS && now >= deadline;
	}
}
