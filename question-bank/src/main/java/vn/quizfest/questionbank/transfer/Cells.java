package vn.quizfest.questionbank.transfer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.TextNormalizer;

/** Reading values out of cells the way people type them into spreadsheets. */
final class Cells {

	// Plain decimals only: Double.parseDouble would also take "NaN", "1d" or hexadecimal.
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

	private static final Pattern CORRECT_SEPARATORS = Pattern.compile("[\\s,;./+&]+");

	private Cells() {
	}

	/** NFC (macOS and some keyboards write decomposed Vietnamese) and without surrounding space. */
	static String clean(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
	}

	static @Nullable String optional(String text) {
		String cleaned = clean(text);
		return cleaned.isEmpty() ? null : cleaned;
	}

	/**
	 * Option numbers from 1, as written: {@code 2}, {@code 1,3}, {@code 1;3}, {@code 1 3}, or letters
	 * {@code A} to {@code F}. A number cell such as 1.3 (Excel's reading of "1,3" where the comma is
	 * the decimal separator) also gives 1 and 3. Returns the indexes from 0, empty when unreadable.
	 */
	static Optional<List<Integer>> correct(String text) {
		List<Integer> indexes = new ArrayList<>();
		for (String token : CORRECT_SEPARATORS.split(text.strip())) {
			if (token.isEmpty()) {
				continue;
			}
			if (token.matches("\\d{1,3}")) {
				indexes.add(Integer.parseInt(token) - 1);
			}
			else if (token.length() == 1 && Character.toUpperCase(token.charAt(0)) >= 'A'
					&& Character.toUpperCase(token.charAt(0)) <= 'F') {
				indexes.add(Character.toUpperCase(token.charAt(0)) - 'A');
			}
			else {
				return Optional.empty();
			}
		}
		return Optional.of(indexes);
	}

	/** A whole number from a number cell or from text such as {@code 20} or {@code 20.0}. */
	static OptionalInt integer(Sheet.@Nullable Cell cell) {
		if (cell == null) {
			return OptionalInt.empty();
		}
		if (cell.number() != null) {
			double value = cell.number();
			return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE ? OptionalInt.of((int) value)
					: OptionalInt.empty();
		}
		try {
			return OptionalInt.of(new BigDecimal(cell.text().strip()).intValueExact());
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * A number from a number cell, or from text with a decimal point or a single decimal comma
	 * ({@code 3,5} as written in Vietnam).
	 */
	static Optional<Double> number(Sheet.@Nullable Cell cell) {
		if (cell == null) {
			return Optional.empty();
		}
		if (cell.number() != null) {
			return Optional.of(cell.number());
		}
		String text = cell.text().strip().replace("\u00a0", "").replace(" ", "");
		if (text.indexOf(',') >= 0 && text.indexOf('.') < 0 && text.indexOf(',') == text.lastIndexOf(',')) {
			text = text.replace(',', '.');
		}
		if (!DECIMAL.matcher(text).matches()) {
			return Optional.empty();
		}
		double value = Double.parseDouble(text);
		return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
	}

	/** Writes a number without exponent or needless zeros: 115, 0.5, 3.14159. */
	static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** Comma separated tags, cleaned, empty ones dropped, repeats (ignoring case and diacritics) removed. */
	static List<String> tags(String text) {
		return distinct(List.of(text.split(",")));
	}

	/** Tags cleaned and without repeats: the database's collation would treat them as the same tag. */
	static List<String> distinct(List<String> tags) {
		Map<String, String> unique = new LinkedHashMap<>();
		for (String tag : tags) {
			String cleaned = clean(tag);
			if (!cleaned.isEmpty()) {
				unique.putIfAbsent(TextNormalizer.fold(cleaned), cleaned);
			}
		}
		return List.copyOf(unique.values());
	}
}
