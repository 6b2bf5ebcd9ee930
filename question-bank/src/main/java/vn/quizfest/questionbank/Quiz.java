package vn.quizfest.questionbank;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An ordered list of questions that an organisation prepared for its games. {@code questionIds}
 * are in playing order.
 */
public record Quiz(long id, @Nullable Long ownerOrganisationId, String title, @Nullable String description,
		Language language, @Nullable Long createdBy, Instant createdAt, Instant updatedAt, int version,
		List<Long> questionIds) {

	public Quiz {
		questionIds = List.copyOf(questionIds);
	}
}
