package vn.quizfest.server.contest.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Ranks the counted attempts of a round by its tie-break order. Entrants equal on every level of the
 * order share a rank (1, 2, 2, 4); the list order inside a shared rank follows the attempt id, only so
 * that a recomputation gives the same pages.
 */
final class Standings {

	/** One entrant's counted attempt as the ranking sees it. */
	record Entry(long attemptId, long entrantId, int score, @Nullable Long predictionDistance, long timeUsedMs,
			long submittedAt) {
	}

	record Ranked(Entry entry, int rank) {
	}

	private Standings() {
	}

	static Comparator<Entry> order(List<TieBreak> levels) {
		Comparator<Entry> order = (a, b) -> 0;
		for (TieBreak level : levels) {
			order = order.thenComparing(level(level));
		}
		return order;
	}

	private static Comparator<Entry> level(TieBreak level) {
		return switch (level) {
			case SCORE -> Comparator.comparingInt(Entry::score).reversed();
			case PREDICTION -> Comparator.comparing(Entry::predictionDistance,
					Comparator.nullsLast(Comparator.naturalOrder()));
			case TIME_USED -> Comparator.comparingLong(Entry::timeUsedMs);
			case SUBMITTED_AT -> Comparator.comparingLong(Entry::submittedAt);
		};
	}

	/** The entries sorted and ranked; the input list is not changed. */
	static List<Ranked> rank(List<Entry> entries, List<TieBreak> levels) {
		Comparator<Entry> order = order(levels);
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(order.thenComparingLong(Entry::attemptId));
		List<Ranked> ranked = new ArrayList<>(sorted.size());
		int rank = 0;
		for (int i = 0; i < sorted.size(); i++) {
			if (i == 0 || order.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
				rank = i + 1;
			}
			ranked.add(new Ranked(sorted.get(i), rank));
		}
		return ranked;
	}

	/** How far a prediction is from the real figure; null without a prediction or a figure. */
	static @Nullable Long distance(@Nullable Long prediction, @Nullable Long realFigure) {
		return prediction == null || realFigure == null ? null : Math.abs(prediction - realFigure);
	}
}
