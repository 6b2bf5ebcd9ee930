package vn.quizfest.server.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A province, a commune or ward, a school or another body that runs contests. */
public record Organisation(long id, String name, OrganisationKind kind, @Nullable Long parentId, Instant createdAt) {
}
