package vn.quizfest.server.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.Language;

/**
 * A game as it is created.
 *
 * @param id the game's id (26 characters, a ULID)
 * @param pin the 6-digit PIN players join with
 * @param hostTokenHash SHA-256 of the host token, hex (64 characters); never part of an API answer
 * @param settingsJson the game settings as JSON (at most 2,000 characters)
 * @param status the status at creation, e.g. {@code LOBBY}
 */
public record GameRow(String id, String pin, String title, @Nullable Long quizId, @Nullable Long ownerOrganisationId,
		@Nullable Long createdBy, @JsonIgnore String hostTokenHash, String settingsJson, Language language, String status,
		int questionCount) {
}
