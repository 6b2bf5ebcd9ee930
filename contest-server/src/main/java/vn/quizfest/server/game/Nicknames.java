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

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final Set<String> blockedWords;

	private final Set<String> blockedCompact;

	private Nicknames(Set<String> blockedWords, Set<String> blockedCompact) {
		this.blockedWords = blockedWords;
		this.blockedCompact = blockedCompact;
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
		String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
		if (text.isEmpty()) {
			return new Checked(null, null, "NICKNAME_EMPTY");
		}
		if (text.codePoints().anyMatch(Nicknames::isInvisible)) {
			return new Checked(null, null, "NICKNAME_INVALID");
		}
		text = SPACES.matcher(text).replaceAll(" ");
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			return new Checked(null, null, "NICKNAME_TOO_LONG");
		}
		String key = TextNormalizer.fold(text);
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
		String compact = words.replace(" ", "");
		for (String blocked : blockedCompact) {
			if (compact.contains(blocked)) {
				return true;
			}
		}
		return blockedWords.contains(compact);
	}

	private static boolean isInvisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
				|| type == Character.SURROGATE || type == Character.UNASSIGNED;
	}

	static String displayKey(String text) {
		return text.toLowerCase(Locale.ROOT);
	}
}
