package vn.quizfest.server.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.http.HttpStatus;

import vn.quizfest.server.system.ApiException;

/** Password rules and generated passwords. */
final class Passwords {

	static final int MIN_LENGTH = 10;

	/** BCrypt reads at most 72 bytes; a Vietnamese letter takes up to 3 of them in UTF-8. */
	static final int MAX_BYTES = 72;

	// No 0/O, 1/l/I: generated passwords are read off a screen and typed on a phone.
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	static String generate() {
		var password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	/** Throws a 400 error naming the rule when the password breaks one. */
	static void check(String password) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.too-short", MIN_LENGTH);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.too-long", MAX_BYTES);
		}
	}
}
