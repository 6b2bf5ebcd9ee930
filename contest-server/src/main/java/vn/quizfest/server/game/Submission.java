package vn.quizfest.server.game;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a player sent for one question. Which field is used depends on the question type: {@code choice}
 * (single choice, true/false, poll), {@code choices} (multiple select), {@code text} (type answer),
 * {@code order} (ordering: option indexes in the player's order), {@code value} (numeric).
 */
public record Submission(@Nullable Integer choice, @Nullable List<Integer> choices, @Nullable String text,
		@Nullable List<Integer> order, @Nullable Double value) {

	public Submission {
		choices = choices == null ? null : List.copyOf(choices);
		order = order == null ? null : List.copyOf(order);
	}

	public static Submission choice(int index) {
		return new Submission(index, null, null, null, null);
	}

	public static Submission choices(List<Integer> indexes) {
		return new Submission(null, indexes, null, null, null);
	}

	public static Submission text(String text) {
		return new Submission(null, null, text, null, null);
	}

	public static Submission order(List<Integer> order) {
		return new Submission(null, null, null, order, null);
	}

	public static Submission value(double value) {
		return new Submission(null, null, null, null, value);
	}
}
