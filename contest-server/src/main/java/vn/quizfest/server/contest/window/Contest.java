package vn.quizfest.server.contest.window;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A contest as stored. */
record Contest(long id, String slug, String title, @Nullable String rulesText, long organisationId,
		List<EntrantForm.Field> form, EntrantForm.IdentityKey identityKey, String consentPurpose,
		String consentRetention, String consentController, int retentionDays, @Nullable Long identityErasedAt,
		long createdAt, int version) {

	Contest {
		form = List.copyOf(form);
	}

	boolean asks(String field) {
		return form.stream().anyMatch(f -> f.field().equals(field));
	}
}
