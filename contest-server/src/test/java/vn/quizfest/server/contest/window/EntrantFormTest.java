package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The registration form: what the organiser chose, and what an entrant typed into it. */
class EntrantFormTest {

	static final List<EntrantForm.Field> FORM = List.of(new EntrantForm.Field("fullName", true),
			new EntrantForm.Field("birthYear", true), new EntrantForm.Field("gender", false),
			new EntrantForm.Field("cccd", true), new EntrantForm.Field("phone", false), new EntrantForm.Field("email", false),
			new EntrantForm.Field("unitCode", true), new EntrantForm.Field("freeText", false));

	static EntrantForm.Checked check(Map<String, Object> input) {
		return EntrantForm.check(FORM, input, Set.of("X1", "X2")::contains, 2026);
	}

	static List<String> problems(EntrantForm.Checked checked) {
		return checked.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	@Test
	void goodDetailsComeBackNormalised() {
		Map<String, Object> input = new HashMap<>();
		input.put("fullName", "  nguyễn   văn an ");
		input.put("birthYear", 1961);
		input.put("gender", "male");
		input.put("cccd", "066 161 000 123");
		input.put("phone", "+84 987 654 321");
		input.put("email", "an@example.vn");
		input.put("unitCode", "X2");
		EntrantForm.Checked checked = check(input);
		assertThat(checked.valid()).as(problems(checked).toString()).isTrue();
		assertThat(checked.values()).containsEntry("fullName", "nguyễn văn an").containsEntry("birthYear", "1961")
			.containsEntry("gender", "MALE").containsEntry("cccd", "066161000123").containsEntry("phone", "0987654321")
			.containsEntry("unitCode", "X2").doesNotContainKey("freeText");
	}

	@Test
	void eachBadFieldIsReported() {
		Map<String, Object> input = new HashMap<>();
		input.put("fullName", "x".repeat(201));
		input.put("birthYear", "2030");
		input.put("gender", "?");
		input.put("cccd", "123");
		input.put("phone", "0212345678");
		input.put("email", "nope");
		input.put("unitCode", "Z9");
		input.put("nickname", "an");
		assertThat(problems(check(input))).containsExactlyInAnyOrder("fullName:field.too-long", "birthYear:birthYear.invalid",
				"gender:gender.invalid", "cccd:cccd.invalid", "phone:phone.invalid", "email:email.invalid",
				"unitCode:unit.unknown", "nickname:field.not-asked");
	}

	@Test
	void requiredFieldsMustBeGivenAndOptionalOnesMayBeLeftOut() {
		assertThat(problems(check(Map.of("fullName", "  ")))).containsExactlyInAnyOrder("fullName:field.required",
				"birthYear:field.required", "cccd:field.required", "unitCode:field.required");
	}

	@Test
	void birthYearsBeforeNineteenHundredOrNotFourDigitsAreRefused() {
		assertThat(problems(check(Map.of("birthYear", "1899")))).contains("birthYear:birthYear.invalid");
		assertThat(problems(check(Map.of("birthYear", "85")))).contains("birthYear:birthYear.invalid");
		assertThat(problems(check(Map.of("birthYear", "2026")))).doesNotContain("birthYear:birthYear.invalid");
	}

	@Test
	void theOrganisersFormNeedsKnownFieldsOnceAndTheIdentityKeyRequired() {
		assertThat(EntrantForm.checkForm(FORM, EntrantForm.IdentityKey.CCCD)).isEmpty();
		assertThat(EntrantForm.checkForm(FORM, EntrantForm.IdentityKey.PHONE)).extracting(EntrantForm.Problem::code)
			.containsExactly("contest.form.key-required");
		assertThat(EntrantForm.checkForm(List.of(new EntrantForm.Field("cccd", true), new EntrantForm.Field("cccd", true),
				new EntrantForm.Field("shoeSize", false)), EntrantForm.IdentityKey.CCCD))
			.extracting(EntrantForm.Problem::code)
			.containsExactly("contest.form.field-twice", "contest.form.field-unknown");
	}
}
