package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** CCCD numbers, Vietnamese mobile numbers, NFC names and masking. */
class IdentityChecksTest {

	@Test
	void theListHoldsTheSixtyThreeProvinceCodes() {
		assertThat(IdentityChecks.PROVINCE_CODES).hasSize(63);
		assertThat(IdentityChecks.PROVINCE_CODES).containsEntry("001", "Hà Nội").containsEntry("066", "Đắk Lắk")
			.containsEntry("079", "Hồ Chí Minh").containsEntry("096", "Cà Mau");
		assertThat(IdentityChecks.PROVINCE_CODES).doesNotContainKeys("003", "000", "097", "100");
	}

	@Test
	void aCccdIsTwelveDigitsStartingWithAProvinceCode() {
		assertThat(IdentityChecks.cccd("066190012345")).isEqualTo("066190012345");
		assertThat(IdentityChecks.cccd(" 066 190 012 345 ")).isEqualTo("066190012345");
		assertThat(IdentityChecks.cccd("001.090.000.001")).isEqualTo("001090000001");
		assertThat(IdentityChecks.cccd("003190012345")).as("003 is no province").isNull();
		assertThat(IdentityChecks.cccd("06619001234")).as("11 digits").isNull();
		assertThat(IdentityChecks.cccd("0661900123456")).as("13 digits").isNull();
		assertThat(IdentityChecks.cccd("06619001234A")).isNull();
		assertThat(IdentityChecks.cccd("")).isNull();
		assertThat(IdentityChecks.cccd("０６６１９００１２３４５")).as("full-width digits").isNull();
	}

	@Test
	void aMobileIsTenDigitsStartingWithAMobilePrefix() {
		for (String prefix : new String[] { "03", "05", "07", "08", "09" }) {
			assertThat(IdentityChecks.mobile(prefix + "12345678")).isEqualTo(prefix + "12345678");
		}
		assertThat(IdentityChecks.mobile("0212345678")).as("landline prefix").isNull();
		assertThat(IdentityChecks.mobile("0412345678")).isNull();
		assertThat(IdentityChecks.mobile("0612345678")).isNull();
		assertThat(IdentityChecks.mobile("091234567")).as("9 digits").isNull();
		assertThat(IdentityChecks.mobile("09123456789")).as("11 digits").isNull();
	}

	@Test
	void internationalFormsAreAcceptedAndNormalised() {
		assertThat(IdentityChecks.mobile("+84912345678")).isEqualTo("0912345678");
		assertThat(IdentityChecks.mobile("+84 912 345 678")).isEqualTo("0912345678");
		assertThat(IdentityChecks.mobile("84912345678")).isEqualTo("0912345678");
		assertThat(IdentityChecks.mobile("0912.345.678")).isEqualTo("0912345678");
		assertThat(IdentityChecks.mobile("(091) 234-5678")).isEqualTo("0912345678");
		assertThat(IdentityChecks.mobile("+84212345678")).isNull();
		assertThat(IdentityChecks.mobile("+1 912 345 678")).isNull();
	}

	@Test
	void namesAreNfcWithOneSpaceBetweenWords() {
		String decomposed = Normalizer.normalize("Nguyễn  Thị\tHồng ", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hồng");
		assertThat(IdentityChecks.name(decomposed)).isEqualTo("Nguyễn Thị Hồng");
		assertThat(Normalizer.isNormalized(IdentityChecks.name(decomposed), Normalizer.Form.NFC)).isTrue();
	}

	@Test
	void maskingKeepsTheLastThreeCharacters() {
		assertThat(IdentityChecks.mask("066190012345")).isEqualTo("*********345");
		assertThat(IdentityChecks.mask("0912345678")).isEqualTo("*******678");
		assertThat(IdentityChecks.mask("12")).isEqualTo("12");
		assertThat(IdentityChecks.mask(null)).isNull();
	}

	@Test
	void emails() {
		assertThat(IdentityChecks.email("lan.nguyen@daklak.gov.vn")).isTrue();
		assertThat(IdentityChecks.email("lan@")).isFalse();
		assertThat(IdentityChecks.email("lan nguyen@x.vn")).isFalse();
	}
}
