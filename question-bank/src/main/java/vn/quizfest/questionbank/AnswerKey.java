package vn.quizfest.questionbank;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What counts as right. Choice and ordering questions use {@code correct} (option indexes, for
 * ordering the right order); type-answer questions use {@code accepted}; numeric questions use
 * {@code value} and {@code tolerance}. Polls have no key.
 */
public record AnswerKey(List<Integer> correct, List<String> accepted, @Nullable Double value,
		@Nullable Double tolerance) {

	public AnswerKey {
		correct = List.copyOf(correct);
		accepted = List.copyOf(accepted);
	}

	public static AnswerKey options(List<Integer> correct) {
		return new AnswerKey(correct, List.of(), null, null);
	}
}
