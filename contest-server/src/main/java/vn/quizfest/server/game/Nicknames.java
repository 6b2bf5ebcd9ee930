package vn.quizfest.server.game;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.TextNormalizer;

/**
 * Nickname rules: 1 to 20 characters after trimming, no control or invisible formatting characters,
 * no word from the Vietnamese and English block list, unique in the game ignoring case and
 * diacritics ("Lan", "LAN" and "Lân" are the same name).
 */
public final class Nicknames {

	public static final int MAX_LENGTH = 20;

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final Pattern UNICODE_SPACES = Pattern.compile("[\\p{Z}\\u2800]");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final Set<String> blockedWords;

	private final Set<String> blockedCompact;

	/** Plain multi-word entries with their spaces removed: "thang ngu" also catches "thằngngu". */
	private final Set<String> blockedJoined;

	private Nicknames(Set<String> blockedWords, Set<String> blockedCompact) {
		this.blockedWords = blockedWords;
		this.blockedCompact = blockedCompact;
		this.blockedJoined = new HashSet<>();
		for (String word : blockedWords) {
			if (word.contains(" ")) {
				blockedJoined.add(word.replace(" ", ""));
			}
		}
	}

	/** The block list shipped with the server ({@code game/blocked-nicknames.txt}, one folded entry per line). */
	public static Nicknames standard() {
		try (InputStream in = Nicknames.class.getResourceAsStream("/game/blocked-nicknames.txt")) {
			if (in == null) {
				throw new IllegalStateException("game/blocked-nicknames.txt is missing from the classpath");
			}
			Set<String> words = new HashSet<>();
			Set<String> compact = new HashSet<>();
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String entry = line.strip();
				if (entry.isEmpty() || entry.startsWith("#")) {
					continue;
				}
				// "*word" entries are also caught inside other text (letters run together: "xxfuckxx").
				if (entry.startsWith("*")) {
					compact.add(TextNormalizer.fold(entry.substring(1)).replace(" ", ""));
				}
				else {
					words.add(TextNormalizer.fold(entry));
				}
			}
			return new Nicknames(words, compact);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A checked nickname: the text to show and the key that must be unique within the game. */
	public record Checked(@Nullable String nickname, @Nullable String key, @Nullable String error) {
	}

	public Checked check(@Nullable String raw) {
		if (raw == null) {
			return new Checked(null, null, "NICKNAME_EMPTY");
		}
		if (raw.strip().isEmpty()) {
			return new Checked(null, null, "NICKNAME_EMPTY");
		}
		if (hasInvisible(raw)) {
			return new Checked(null, null, "NICKNAME_INVALID");
		}
		// Every kind of space (no-break, em, ideographic...) becomes a plain one, so look-alikes collide.
		String text = SPACES.matcher(UNICODE_SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC))
			.replaceAll(" ")).replaceAll(" ").strip();
		if (text.isEmpty()) {
			return new Checked(null, null, "NICKNAME_EMPTY");
		}
		if (text.codePoints().noneMatch(Nicknames::isVisible)) {
			return new Checked(null, null, "NICKNAME_INVALID");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH || tooManyMarks(text)) {
			return new Checked(null, null, "NICKNAME_TOO_LONG");
		}
		// NFKC folds full-width and other compatibility forms ("ｆｕｃｋ", "Ｌａｎ") into plain letters.
		String key = TextNormalizer.fold(Normalizer.normalize(text, Normalizer.Form.NFKC));
		if (isBlocked(key)) {
			return new Checked(null, null, "NICKNAME_BLOCKED");
		}
		return new Checked(text, key, null);
	}

	boolean isBlocked(String folded) {
		String words = NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").trim();
		String padded = " " + words + " ";
		for (String blocked : blockedWords) {
			if (padded.contains(" " + blocked + " ")) {
				return true;
			}
		}
		String[] parts = words.split(" ");
		String compact = String.join("", parts);
		if (blockedWords.contains(compact) || blockedJoined.contains(compact)) {
			return true;
		}
		for (String part : parts) {
			if (blockedJoined.contains(part)) {
				return true;
			}
		}
		// Word boundaries inside the run-together text: a match counts when it lies inside one word
		// or starts and ends on word boundaries, so "Dư Mai" does not hide "duma" and "Shi Tao" no "shit".
		int[] wordOf = new int[compact.length() + 1];
		boolean[] boundary = new boolean[compact.length() + 1];
		int position = 0;
		boundary[0] = true;
		for (int w = 0; w < parts.length; w++) {
			for (int k = 0; k < parts[w].length(); k++) {
				wordOf[position++] = w;
			}
			boundary[position] = true;
		}
		wordOf[compact.length()] = parts.length;
		for (String blocked : blockedCompact) {
			for (int at = compact.indexOf(blocked); at >= 0; at = compact.indexOf(blocked, at + 1)) {
				int end = at + blocked.length();
				if (wordOf[at] == wordOf[end - 1] || boundary[at] && boundary[end]) {
					return true;
				}
			}
		}
		return false;
	}

	/** A letter followed by a pile of combining marks spills over lines on the projector. */
	private static boolean tooManyMarks(String text) {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK) {
				if (++run > 3) {
					return true;
				}
			}
			else {
				run = 0;
			}
		}
		return false;
	}

	private static boolean isVisible(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.OTHER_SYMBOL
				|| Character.getType(codePoint) == Character.MATH_SYMBOL
				|| Character.getType(codePoint) == Character.OTHER_PUNCTUATION;
	}

	private static boolean hasInvisible(String text) {
		int previous = -1;
		for (int i = 0; i < text.length(); i += Character.charCount(previous)) {
			int codePoint = text.codePointAt(i);
			// The zero-width joiner may glue emoji together (families, professions), nothing else.
			boolean emojiJoiner = codePoint == 0x200D && previous >= 0
					&& (Character.getType(previous) == Character.OTHER_SYMBOL
							|| Character.getType(previous) == Character.MODIFIER_SYMBOL || previous == 0xFE0F);
			if (!emojiJoiner && isInvisible(codePoint)) {
				return true;
			}
			previous = codePoint;
		}
		return false;
	}

	private static boolean isInvisible(int codePoint) {
		if (codePoint == 0x3164 || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0xFFA0
				|| codePoint == 0x2800) {
			// Hangul fillers and the blank Braille pattern are letters that print as nothing.
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
				|| type == Character.SURROGATE || type == Character.UNASSIGNED;
	}

	static String displayKey(String text) {
		return text.toLowerCase(Locale.ROOT);
	}
}
