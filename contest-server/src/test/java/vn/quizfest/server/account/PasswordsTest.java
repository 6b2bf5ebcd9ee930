package vn.quizfest.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
			assertThatNoException().isThrownBy(() -> Passwords.check(password));
			seen.add(password);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void lengthIsCountedInCharactersAndBytes() {
		assertThatThrownBy(() -> Passwords.check("ngắn quá")).isInstanceOf(ApiException.class)
			.hasMessage("password.too-short");
		assertThatNoException().isThrownBy(() -> Passwords.check("Đường đến trường"));
		// 30 Vietnamese letters of 3 bytes each exceed BCrypt's 72 bytes.
		assertThatThrownBy(() -> Passwords.check("ệ".repeat(30))).hasMessage("password.too-long");
	}
}
