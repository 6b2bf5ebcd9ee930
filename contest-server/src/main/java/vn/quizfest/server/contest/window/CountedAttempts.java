package vn.quizfest.server.contest.window;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which attempt of each entrant counts in a round, and the prediction's real figure. With several
 * attempts allowed, the best counts: higher score, then shorter time used, then earlier submission.
 * The prediction plays no part in choosing it, so the real figure does not depend on itself.
 */
final class CountedAttempts {

	/** A submitted attempt, as closing reads it. */
	record Submitted(long attemptId, long entrantId, @Nullable String unitCode, int score, int correctCount,
			int questionCount, long timeUsedMs, long submittedAt, @Nullable Long prediction) {

		boolean perfect() {
			return questionCount > 0 && correctCount == questionCount;
		}
	}

	static final Comparator<Submitted> BEST = Comparator.comparingInt(Submitted::score)
		.reversed()
		.thenComparingLong(Submitted::timeUsedMs)
		.thenComparingLong(Submitted::submittedAt)
		.thenComparingLong(Submitted::attemptId);

	private CountedAttempts() {
	}

	/** One attempt per entrant: the best of theirs. */
	static List<Submitted> counted(Collection<Submitted> attempts) {
		Map<Long, Submitted> best = new HashMap<>(Math.max(16, attempts.size() * 4 / 3));
		for (Submitted attempt : attempts) {
			best.merge(attempt.entrantId(), attempt, (a, b) -> BEST.compare(a, b) <= 0 ? a : b);
		}
		return List.copyOf(best.values());
	}

	/**
	 * The real figure of the prediction: entrants whose counted attempt got every question right
	 * (PERFECT_SCORES), or entrants with a submitted attempt (ENTRANTS); null for NONE.
	 */
	static @Nullable Long realFigure(PredictionKind kind, Collection<Submitted> counted) {
		return switch (kind) {
			case PERFECT_SCORES -> counted.stream().filter(Submitted::perfect).count();
			case ENTRANTS -> counted.stream().mapToLong(Submitted::entrantId).distinct().count();
			case NONE -> null;
		};
	}
}
