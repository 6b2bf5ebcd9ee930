package vn.quizfest.questionbank;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What to look for in the bank. {@code bankIds} are the banks the caller may see and are always
 * applied (no bank, no result); every other criterion is optional. {@code text} matches the question
 * text with or without Vietnamese diacritics, every word anywhere in it.
 */
public record QuestionQuery(Set<Long> bankIds, @Nullable String text, @Nullable Topic topic, @Nullable String tag,
		@Nullable Integer difficulty, @Nullable QuestionStatus status, @Nullable Language language) {

	public QuestionQuery {
		bankIds = Set.copyOf(bankIds);
	}

	public static QuestionQuery inBanks(Collection<Long> bankIds) {
		return new QuestionQuery(Set.copyOf(bankIds), null, null, null, null, null, null);
	}

	public QuestionQuery withText(@Nullable String text) {
		return new QuestionQuery(bankIds, text, topic, tag, difficulty, status, language);
	}

	public QuestionQuery withTopic(@Nullable Topic topic) {
		return new QuestionQuery(bankIds, text, topic, tag, difficulty, status, language);
	}

	public QuestionQuery withTag(@Nullable String tag) {
		return new QuestionQuery(bankIds, text, topic, tag, difficulty, status, language);
	}

	public QuestionQuery withDifficulty(@Nullable Integer difficulty) {
		return new QuestionQuery(bankIds, text, topic, tag, difficulty, status, language);
	}

	public QuestionQuery withStatus(@Nullable QuestionStatus status) {
		return new QuestionQuery(bankIds, text, topic, tag, difficulty, status, language);
	}

	public QuestionQuery withLanguage(@Nullable Language language) {
		return new QuestionQuery(bankIds, text, topic, tag, difficulty, status, language);
	}

	/** The folded words of the text criterion, at most {@code max} of them. */
	List<String> words(int max) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return List.of(TextNormalizer.fold(text).split(" ")).stream().filter(w -> !w.isEmpty()).limit(max).toList();
	}
}
