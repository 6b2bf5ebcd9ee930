package vn.quizfest.server.contest.window;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The checks of an entrant's identity details: a citizen ID (CCCD) is 12 digits whose first three are a
 * province code; a phone is a Vietnamese mobile number; a name is stored NFC-normalised, so the same
 * name typed on two phones (precomposed or combining diacritics) is the same text.
 */
final class IdentityChecks {

	/** Province code (3 digits) to its name, from {@code contest/cccd-province-codes.txt}. */
	static final Map<String, String> PROVINCE_CODES = loadProvinceCodes();

	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");

	// Spaces, dots, dashes and brackets people put into numbers; nothing else is dropped.
	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private IdentityChecks() {
	}

	/** The CCCD number without separators, or null when it is not 12 digits starting with a province code. */
	static @Nullable String cccd(String raw) {
		String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
		if (!TWELVE_DIGITS.matcher(digits).matches() || !PROVINCE_CODES.containsKey(digits.substring(0, 3))) {
			return null;
		}
		return digits;
	}

	/**
	 * The mobile number in its national form (10 digits, {@code 0} and 03/05/07/08/09), or null. The
	 * international forms {@code +84 912 345 678} and {@code 84912345678} are accepted and normalised.
	 */
	static @Nullable String mobile(String raw) {
		String number = SEPARATORS.matcher(raw.strip()).replaceAll("");
		if (number.startsWith("+84")) {
			number = "0" + number.substring(3);
		}
		else if (number.startsWith("84") && number.length() == 11) {
			number = "0" + number.substring(2);
		}
		return MOBILE.matcher(number).matches() ? number : null;
	}

	/** A name as stored and compared: NFC, runs of whitespace as one space, no leading or trailing space. */
	static String name(String raw) {
		return WHITESPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
	}

	static boolean email(String value) {
		return EMAIL.matcher(value).matches();
	}

	/** Everything but the last three characters hidden: {@code *********123}. */
	static @Nullable String mask(@Nullable String value) {
		if (value == null) {
			return null;
		}
		int visible = Math.min(3, value.length());
		return "*".repeat(value.length() - visible) + value.substring(value.length() - visible);
	}

	private static Map<String, String> loadProvinceCodes() {
		Map<String, String> codes = new LinkedHashMap<>();
		try (InputStream in = IdentityChecks.class.getResourceAsStream("/contest/cccd-province-codes.txt")) {
			if (in == null) {
				throw new IllegalStateException("contest/cccd-province-codes.txt is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				codes.put(line.substring(0, 3), line.substring(4).strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(codes);
	}
}
