package vn.quizfest.questionbank;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A named group of questions, owned by an organisation or shared with every organisation. */
public record QuestionBank(long id, String name, @Nullable Long ownerOrganisationId, boolean shared, Instant createdAt,
		long questionCount) {
}
