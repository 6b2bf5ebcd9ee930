package vn.quizfest.questionbank;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One language version of a question. Versions in other languages share the translation group. */
public record Question(@Nullable Long id, long bankId, String translationGroup, Language language,
		QuestionType type, String text, List<String> options, AnswerKey answer, @Nullable String explanation,
		int timeLimitSeconds, Points points, int difficulty, Topic topic, List<String> tags,
		@Nullable String imageUrl, @Nullable String source, QuestionStatus status, @Nullable String author,
		@Nullable String externalKey, @Nullable Instant createdAt, @Nullable Instant updatedAt, int version) {

	public Question {
		options = List.copyOf(options);
		tags = List.copyOf(tags);
	}
}
