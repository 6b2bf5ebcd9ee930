package vn.quizfest.server.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An organiser account as the API shows it: never the password hash. */
public record UserAccount(long id, String username, String displayName, Role role, @Nullable Long organisationId,
		boolean enabled, Instant createdAt) {
}
