package vn.quizfest.questionbank;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An ordered list of questions that an organisation prepared for its games. {@code questionIds}
 * are in playing order. {@code settingsJson} holds the game settings that games made from the quiz
 * start with, as JSON this module does not read (null when the quiz sets none).
 */
public record Quiz(long id, @Nullable Long ownerOrganisationId, String title, @Nullable String description,
		Language language, @Nullable Long createdBy, Instant createdAt, Instant updatedAt, int version,
		List<Long> questionIds, @Nullable String settingsJson) {

	public Quiz {
		questionIds = List.copyOf(questionIds);
	}
}
