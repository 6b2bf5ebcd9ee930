package vn.quizfest.server.contest.window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The registration form a contest asks for, and the check of what an entrant typed into it. Values
 * come back normalised (CCCD digits only, a phone in its national form, names in NFC) so that the
 * same person typing on two phones gives the same details.
 */
final class EntrantForm {

	static final String FULL_NAME = "fullName";

	static final String BIRTH_YEAR = "birthYear";

	static final String GENDER = "gender";

	static final String CCCD = "cccd";

	static final String PHONE = "phone";

	static final String EMAIL = "email";

	static final String UNIT_CODE = "unitCode";

	static final String FREE_TEXT = "freeText";

	/** Every field a contest may ask for, in the order the page shows them. */
	static final List<String> FIELDS = List.of(FULL_NAME, BIRTH_YEAR, GENDER, CCCD, PHONE, EMAIL, UNIT_CODE, FREE_TEXT);

	static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "OTHER");

	static final int MAX_NAME = 200;

	static final int MAX_EMAIL = 254;

	static final int MAX_FREE_TEXT = 500;

	/** The oldest entrant's year of birth the form takes. */
	static final int EARLIEST_BIRTH_YEAR = 1900;

	/** One field of the form. */
	record Field(String field, boolean required) {
	}

	/** What the identity is: the field whose value is unique per contest. */
	enum IdentityKey {
		CCCD, PHONE;

		String field() {
			return switch (this) {
				case CCCD -> EntrantForm.CCCD;
				case PHONE -> EntrantForm.PHONE;
			};
		}
	}

	/** One broken rule: which field, and the message code. */
	record Problem(String field, String code) {
	}

	/** The normalised values of the fields given (absent ones left out) and what was wrong. */
	record Checked(Map<String, String> values, List<Problem> problems) {

		boolean valid() {
			return problems.isEmpty();
		}
	}

	private EntrantForm() {
	}

	/**
	 * The form as an organiser set it: known fields, no duplicates, the identity key required.
	 * @return the problems; empty when the form is fine
	 */
	static List<Problem> checkForm(List<Field> form, IdentityKey key) {
		List<Problem> problems = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (Field field : form) {
			if (!FIELDS.contains(field.field())) {
				problems.add(new Problem(field.field(), "contest.form.field-unknown"));
			}
			else if (!seen.add(field.field())) {
				problems.add(new Problem(field.field(), "contest.form.field-twice"));
			}
		}
		if (form.stream().noneMatch(f -> f.field().equals(key.field()) && f.required())) {
			problems.add(new Problem(key.field(), "contest.form.key-required"));
		}
		return problems;
	}

	static Checked check(List<Field> form, Map<String, ?> input, Predicate<String> unitExists, int currentYear) {
		Map<String, String> values = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		Set<String> asked = new java.util.HashSet<>();
		for (Field field : form) {
			asked.add(field.field());
			String raw = text(input.get(field.field()));
			if (raw == null) {
				if (field.required()) {
					problems.add(new Problem(field.field(), "field.required"));
				}
				continue;
			}
			String problem = switch (field.field()) {
				case FULL_NAME -> put(values, FULL_NAME, IdentityChecks.name(raw), v -> v.length() <= MAX_NAME,
						"field.too-long");
				case BIRTH_YEAR -> put(values, BIRTH_YEAR, raw, v -> v.matches("\\d{4}")
						&& Integer.parseInt(v) >= EARLIEST_BIRTH_YEAR && Integer.parseInt(v) <= currentYear,
						"birthYear.invalid");
				case GENDER -> put(values, GENDER, raw.toUpperCase(java.util.Locale.ROOT), GENDERS::contains,
						"gender.invalid");
				case CCCD -> put(values, CCCD, IdentityChecks.cccd(raw), v -> true, "cccd.invalid");
				case PHONE -> put(values, PHONE, IdentityChecks.mobile(raw), v -> true, "phone.invalid");
				case EMAIL -> put(values, EMAIL, raw, v -> v.length() <= MAX_EMAIL && IdentityChecks.email(v),
						"email.invalid");
				case UNIT_CODE -> put(values, UNIT_CODE, raw, unitExists, "unit.unknown");
				case FREE_TEXT -> put(values, FREE_TEXT, IdentityChecks.name(raw), v -> v.length() <= MAX_FREE_TEXT,
						"field.too-long");
				default -> "contest.form.field-unknown";
			};
			if (problem != null) {
				problems.add(new Problem(field.field(), problem));
			}
		}
		for (String given : input.keySet()) {
			if (!asked.contains(given)) {
				problems.add(new Problem(given, "field.not-asked"));
			}
		}
		return new Checked(values, problems);
	}

	private static @Nullable String put(Map<String, String> values, String field, @Nullable String value,
			Predicate<String> valid, String code) {
		if (value == null || !valid.test(value)) {
			return code;
		}
		values.put(field, value);
		return null;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}
}
