package vn.quizfest.questionbank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for search and duplicate detection: lower case, Vietnamese diacritics removed
 * ("Định danh" and "dinh danh" match), runs of white space collapsed.
 */
public final class TextNormalizer {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private TextNormalizer() {
	}

	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
		// đ/Đ is a letter of its own, not d plus a mark, so NFD leaves it alone.
		String ascii = withoutMarks.replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}
}
