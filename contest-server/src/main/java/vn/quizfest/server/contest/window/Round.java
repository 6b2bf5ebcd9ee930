package vn.quizfest.server.contest.window;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A round (window) of a contest as stored. */
record Round(long id, long contestId, String name, long opensAt, long closesAt, RoundPlan plan, AttemptPolicy policy,
		PredictionKind predictionKind, List<TieBreak> tieBreak, List<PrizeTable.Prize> prizes, boolean showAnswers,
		State state, long stateChangedAt, @Nullable Long realFigure, @Nullable String closeSummaryJson, int version) {

	enum State {
		SCHEDULED, OPEN, CLOSING, CLOSED
	}

	/** How many attempts an entrant has: one in the whole contest, one in this round, or N with the best counted. */
	record AttemptPolicy(Kind kind, int maxAttempts) {

		enum Kind {
			ONE_PER_CONTEST, ONE_PER_ROUND, BEST_OF
		}

		static final int MAX_ATTEMPTS = 20;

		AttemptPolicy {
			maxAttempts = kind == Kind.BEST_OF ? maxAttempts : 1;
		}

		/** The unique slot of the n-th attempt (from 1) of an entrant in the round. */
		String slot(long roundId, int n) {
			return switch (kind) {
				case ONE_PER_CONTEST -> "C";
				case ONE_PER_ROUND -> "R" + roundId;
				case BEST_OF -> "R" + roundId + "#" + n;
			};
		}
	}

	Round {
		tieBreak = List.copyOf(tieBreak);
		prizes = List.copyOf(prizes);
	}

	/** Publicly visible state: CLOSING is still "OPEN" to nobody, it is shown as CLOSED. */
	String publicState() {
		return state == State.CLOSING ? State.CLOSED.name() : state.name();
	}
}
