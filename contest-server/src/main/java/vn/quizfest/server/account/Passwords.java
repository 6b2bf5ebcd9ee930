package vn.quizfest.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

import vn.quizfest.server.system.ApiException;

/**
 * Password rules and generated passwords. Lengths count characters (code points), not bytes: the
 * encoder has no byte cap, so 64 Vietnamese letters are as good as 64 ASCII ones.
 */
final class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 64;

	static final int GENERATED_LENGTH = 16;

	// No 0/O, 1/l/I: generated passwords are read off a screen and typed on a phone.
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COMMON_LIST = "/security/common-passwords.txt";

	private static final Set<String> COMMON = load();

	private Passwords() {
	}

	/** 16 characters from a 56-letter alphabet: about 93 bits, far beyond the common list's reach. */
	static String generate() {
		while (true) {
			var password = new StringBuilder();
			for (int i = 0; i < GENERATED_LENGTH; i++) {
				password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			if (!isCommon(password.toString())) {
				return password.toString();
			}
		}
	}

	/** Throws a 400 error naming the rule when the password breaks one. */
	static void check(String password, String username) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.too-short", MIN_LENGTH);
		}
		if (length > MAX_LENGTH) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.too-long-characters", MAX_LENGTH);
		}
		if (password.strip().equalsIgnoreCase(username.strip())) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.same-as-username");
		}
		if (isCommon(password)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.common");
		}
	}

	static boolean isCommon(String password) {
		return COMMON.contains(password.strip().toLowerCase(Locale.ROOT));
	}

	static int commonListSize() {
		return COMMON.size();
	}

	private static Set<String> load() {
		try (InputStream in = Passwords.class.getResourceAsStream(COMMON_LIST)) {
			if (in == null) {
				throw new IllegalStateException("The common-passwords list " + COMMON_LIST + " is missing");
			}
			Set<String> words = new HashSet<>(16_384);
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
			return Set.copyOf(words);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
