package vn.quizfest.questionbank.transfer;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Topic;

/**
 * How to read a file: values for cells left empty (and for formats without those columns, such as
 * Kahoot's), whether to keep the valid rows of a file that also has invalid ones, the largest file
 * accepted, and the author recorded on the imported questions.
 *
 * @param defaultLanguage language of rows without one
 * @param defaultTopic topic of rows without one
 * @param defaultDifficulty difficulty (1 to 3) of rows without one
 * @param validRowsOnly {@code true} imports the valid rows even when others are invalid; {@code false}
 * (the default) imports nothing unless every row is valid
 * @param maxBytes the largest file accepted, counted while reading
 * @param author the author recorded on imported questions (JSON keeps the file's author when it has one)
 */
public record ImportOptions(Language defaultLanguage, Topic defaultTopic, int defaultDifficulty,
		boolean validRowsOnly, long maxBytes, @Nullable String author) {

	/** 5 MB: thousands of questions, small enough to read into memory. */
	public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

	public ImportOptions {
		if (defaultDifficulty < 1 || defaultDifficulty > 3) {
			throw new IllegalArgumentException("defaultDifficulty must be 1, 2 or 3: " + defaultDifficulty);
		}
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
		}
	}

	/** Vietnamese, basic skills, medium difficulty, all or nothing, 5 MB, no author. */
	public static ImportOptions defaults() {
		return new ImportOptions(Language.VI, Topic.BASIC_SKILLS, 2, false, DEFAULT_MAX_BYTES, null);
	}

	public ImportOptions withValidRowsOnly(boolean validRowsOnly) {
		return new ImportOptions(defaultLanguage, defaultTopic, defaultDifficulty, validRowsOnly, maxBytes, author);
	}

	public ImportOptions withMaxBytes(long maxBytes) {
		return new ImportOptions(defaultLanguage, defaultTopic, defaultDifficulty, validRowsOnly, maxBytes, author);
	}

	public ImportOptions withAuthor(@Nullable String author) {
		return new ImportOptions(defaultLanguage, defaultTopic, defaultDifficulty, validRowsOnly, maxBytes, author);
	}
}
