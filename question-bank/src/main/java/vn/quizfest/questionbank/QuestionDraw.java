package vn.quizfest.questionbank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Draws a random set of questions by quotas over topic and difficulty ("4 easy, 4 medium, 2 hard
 * from these three topics"). The same seed over the same candidates always gives the same questions
 * in the same order, so a draw can be shown, checked and repeated.
 *
 * <p>Only published questions in the requested language take part. The result lists each quota's
 * questions in the order of the quotas. Quotas that overlap are filled the most specific first (the
 * one with the fewest candidates), so a broad quota does not take what a narrow one needs.
 */
public final class QuestionDraw {

	/**
	 * How many questions of which kind: {@code topics} empty means any topic, {@code difficulty}
	 * null means any difficulty.
	 */
	public record Quota(Set<Topic> topics, @Nullable Integer difficulty, int count) {

		public Quota {
			topics = Set.copyOf(topics);
			if (count < 1) {
				throw new IllegalArgumentException("A quota asks for at least one question");
			}
		}

		public boolean matches(Question question) {
			return (topics.isEmpty() || topics.contains(question.topic()))
					&& (difficulty == null || difficulty == question.difficulty());
		}
	}

	/** A quota asks for more questions than the candidates hold. {@code quotaNumber} counts from 1. */
	public static class NotEnoughQuestionsException extends RuntimeException {

		private final int quotaNumber;

		private final Quota quota;

		private final int available;

		public NotEnoughQuestionsException(int quotaNumber, Quota quota, int available) {
			super("Quota " + quotaNumber + " " + quota + " asks for " + quota.count() + " questions, only " + available
					+ " available");
			this.quotaNumber = quotaNumber;
			this.quota = quota;
			this.available = available;
		}

		public int quotaNumber() {
			return quotaNumber;
		}

		public Quota quota() {
			return quota;
		}

		public int asked() {
			return quota.count();
		}

		public int available() {
			return available;
		}
	}

	private QuestionDraw() {
	}

	/**
	 * Draws the questions for all quotas.
	 * @throws NotEnoughQuestionsException naming the first quota (most specific first) that cannot be filled
	 */
	public static List<Question> draw(List<Question> candidates, Language language, List<Quota> quotas, long seed) {
		List<Question> pool = new ArrayList<>(candidates.stream()
			.filter(q -> q.status() == QuestionStatus.PUBLISHED && q.language() == language && q.id() != null)
			.sorted(Comparator.comparingLong(QuestionDraw::id))
			.toList());
		// Mixed first: java.util.Random's first outputs for nearby seeds (1, 2, 3...) are alike.
		shuffle(pool, new Random(PlayerShuffle.mix(seed)));

		List<Integer> fillOrder = new ArrayList<>();
		for (int i = 0; i < quotas.size(); i++) {
			fillOrder.add(i);
		}
		fillOrder.sort(Comparator.comparingLong((Integer i) -> pool.stream().filter(quotas.get(i)::matches).count())
			.thenComparing(i -> i));

		Set<Long> taken = new HashSet<>();
		List<List<Question>> picks = new ArrayList<>(quotas.stream().map(q -> List.<Question>of()).toList());
		for (int index : fillOrder) {
			Quota quota = quotas.get(index);
			List<Question> matching = pool.stream().filter(q -> quota.matches(q) && !taken.contains(id(q))).toList();
			if (matching.size() < quota.count()) {
				throw new NotEnoughQuestionsException(index + 1, quota, matching.size());
			}
			List<Question> chosen = matching.subList(0, quota.count());
			chosen.forEach(q -> taken.add(id(q)));
			picks.set(index, chosen);
		}
		return picks.stream().flatMap(List::stream).toList();
	}

	/** Fisher-Yates written out, so the order depends only on java.util.Random's specified sequence. */
	static <T> void shuffle(List<T> list, Random random) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			T swap = list.get(i);
			list.set(i, list.get(j));
			list.set(j, swap);
		}
	}

	private static long id(Question question) {
		Long id = question.id();
		return id == null ? -1 : id;
	}
}
