package vn.quizfest.server.contest.window;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A registered entrant: the identity details as normalised by {@link EntrantForm}. */
record Entrant(long id, long contestId, String identityValue, @Nullable String fullName, @Nullable Integer birthYear,
		@Nullable String gender, @Nullable String cccd, @Nullable String phone, @Nullable String email,
		@Nullable String unitCode, @Nullable String freeText, long consentAt, long registeredAt, boolean locked,
		@Nullable Long erasedAt) {

	/** The details by form field name; absent ones left out. */
	Map<String, Object> fields(boolean masked) {
		Map<String, Object> fields = new LinkedHashMap<>();
		put(fields, EntrantForm.FULL_NAME, fullName);
		put(fields, EntrantForm.BIRTH_YEAR, birthYear);
		put(fields, EntrantForm.GENDER, gender);
		put(fields, EntrantForm.CCCD, masked ? IdentityChecks.mask(cccd) : cccd);
		put(fields, EntrantForm.PHONE, masked ? IdentityChecks.mask(phone) : phone);
		put(fields, EntrantForm.EMAIL, masked ? maskEmail(email) : email);
		put(fields, EntrantForm.UNIT_CODE, unitCode);
		put(fields, EntrantForm.FREE_TEXT, freeText);
		return fields;
	}

	private static void put(Map<String, Object> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static @Nullable String maskEmail(@Nullable String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		return at <= 1 ? "*" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
	}
}
