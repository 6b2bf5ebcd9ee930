package vn.quizfest.questionbank;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Per-player order of questions and options for self-paced contests, so neighbours cannot copy
 * each other's screen. Everything follows from the game's seed and the player's id: the server
 * needs to store nothing to show the same order again after a reconnect, or to map a player's
 * answer back to the original option indexes of the answer key.
 */
public final class PlayerShuffle {

	/**
	 * A reordering of {@code size} items: position {@code shown} on the player's screen holds the
	 * original item {@code original(shown)}.
	 */
	public record Permutation(List<Integer> order) {

		public Permutation {
			order = List.copyOf(order);
		}

		static Permutation identity(int size) {
			List<Integer> order = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				order.add(i);
			}
			return new Permutation(order);
		}

		public int size() {
			return order.size();
		}

		/** The original index of what the player sees at {@code shown}. */
		public int original(int shown) {
			return order.get(shown);
		}

		/** Where the player sees the original item {@code original}. */
		public int shown(int original) {
			int index = order.indexOf(original);
			if (index < 0) {
				throw new IndexOutOfBoundsException(original);
			}
			return index;
		}

		/** A player's answer (indexes as shown, in the player's order) in original indexes. */
		public List<Integer> toOriginal(List<Integer> shownIndexes) {
			return shownIndexes.stream().map(this::original).toList();
		}

		/** Items in the order the player sees them. */
		public <T> List<T> apply(List<T> originals) {
			if (originals.size() != order.size()) {
				throw new IllegalArgumentException("Expected " + order.size() + " items, got " + originals.size());
			}
			return order.stream().map(originals::get).toList();
		}
	}

	/** Salt of the question order, apart from the option orders that use the question index. */
	private static final long QUESTION_ORDER = -1;

	private final long playerSeed;

	private PlayerShuffle(long playerSeed) {
		this.playerSeed = playerSeed;
	}

	public static PlayerShuffle of(long gameSeed, long playerId) {
		return new PlayerShuffle(mix(mix(gameSeed) ^ playerId));
	}

	/** The order in which this player gets the game's {@code questionCount} questions. */
	public Permutation questionOrder(int questionCount) {
		return shuffled(questionCount, QUESTION_ORDER);
	}

	/**
	 * The order of the options of the question at original index {@code questionIndex}. True/false
	 * keeps its usual order and questions without options have none; every other type is shuffled.
	 */
	public Permutation optionOrder(int questionIndex, Question question) {
		if (!shufflesOptions(question.type())) {
			return Permutation.identity(question.options().size());
		}
		return optionOrder(questionIndex, question.options().size());
	}

	/** The order of {@code optionCount} options of the question at original index {@code questionIndex}. */
	public Permutation optionOrder(int questionIndex, int optionCount) {
		return shuffled(optionCount, questionIndex);
	}

	public static boolean shufflesOptions(QuestionType type) {
		return switch (type) {
			case SINGLE_CHOICE, MULTIPLE_SELECT, ORDERING, POLL -> true;
			case TRUE_FALSE, TYPE_ANSWER, NUMERIC -> false;
		};
	}

	private Permutation shuffled(int size, long salt) {
		List<Integer> order = new ArrayList<>(Permutation.identity(size).order());
		QuestionDraw.shuffle(order, new Random(mix(playerSeed ^ mix(salt))));
		return new Permutation(order);
	}

	/** SplitMix64's finalizer: nearby inputs (player 1, 2, 3...) give unrelated seeds. */
	static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
