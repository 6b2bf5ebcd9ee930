package vn.quizfest.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.quizfest.server.system.ApiException;

class PasswordsTest {

	@Test
	void generatedPasswordsAreLongUnambiguousAndDifferent() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String password = Passwords.generate();
			assertThat(password).hasSize(16).doesNotContainPattern("[0O1lI]");
			assertThatNoException().isThrownBy(() -> Passwords.check(password, "admin"));
			seen.add(password);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void lengthIsCountedInCharactersNotBytes() {
		assertThatThrownBy(() -> Passwords.check("ngắn quá", "hoa")).isInstanceOf(ApiException.class)
			.hasMessage("password.too-short");
		assertThatThrownBy(() -> Passwords.check("Đường đến t", "hoa")).as("11 characters").hasMessage("password.too-short");
		assertThatNoException().isThrownBy(() -> Passwords.check("Đường đến tr", "hoa"));
		// 64 Vietnamese letters are 192 bytes: far past BCrypt's 72, within the 64-character limit.
		String longest = "ệ".repeat(64);
		assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(192);
		assertThatNoException().isThrownBy(() -> Passwords.check(longest, "hoa"));
		assertThatThrownBy(() -> Passwords.check("ệ".repeat(65), "hoa")).hasMessage("password.too-long-characters");
		// Twelve emoji are 24 UTF-16 units but 12 characters.
		assertThatNoException().isThrownBy(() -> Passwords.check("🎓📚".repeat(6), "hoa"));
		assertThatThrownBy(() -> Passwords.check("🎓".repeat(11), "hoa")).hasMessage("password.too-short");
	}

	@Test
	void aPasswordEqualToTheUsernameIsRefusedIgnoringCase() {
		assertThatThrownBy(() -> Passwords.check("Nguyen.Van.Hoa", "nguyen.van.hoa"))
			.hasMessage("password.same-as-username");
		assertThatNoException().isThrownBy(() -> Passwords.check("nguyen.van.hoa.2026", "nguyen.van.hoa"));
	}

	@Test
	void commonPasswordsFromTheShippedListAreRefused() {
		assertThat(Passwords.commonListSize()).isGreaterThanOrEqualTo(10_000);
		assertThat(Passwords.isCommon("matkhau123")).isTrue();
		assertThat(Passwords.isCommon("123456789")).isTrue();
		assertThat(Passwords.isCommon("MatKhau123456")).as("compared ignoring case").isTrue();
		assertThat(Passwords.isCommon("Mật-khẩu-thử-0001")).isFalse();
		assertThatThrownBy(() -> Passwords.check("matkhau123456", "hoa")).hasMessage("password.common");
		assertThatThrownBy(() -> Passwords.check("123456789123", "hoa")).hasMessage("password.common");
		assertThatThrownBy(() -> Passwords.check("anhyeuem1234", "hoa")).hasMessage("password.common");
	}
}
