package vn.quizfest.questionbank.transfer;

import java.util.Locale;

/** The file formats questions can be imported from and exported to. */
public enum QuestionFormat {

	/** The project's own spreadsheet template: one row per language version. */
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),

	/** Kahoot's "import from spreadsheet" template: choice questions only. */
	KAHOOT_XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),

	/** The template's columns as UTF-8 CSV with a byte order mark, so Excel shows Vietnamese. */
	CSV("text/csv;charset=UTF-8", "csv"),

	/** Every field of every question, in a versioned envelope. */
	JSON("application/json", "json");

	private final String contentType;

	private final String extension;

	QuestionFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	/** The media type of a file in this format, for a Content-Type header. */
	public String contentType() {
		return contentType;
	}

	/** The usual file name extension, without the dot. */
	public String extension() {
		return extension;
	}

	/**
	 * The format with the given name, case-insensitive, with {@code -} or {@code _} between words:
	 * {@code xlsx}, {@code kahoot-xlsx} (also {@code kahoot}), {@code csv}, {@code json}.
	 * @throws IllegalArgumentException when no format has that name
	 */
	public static QuestionFormat fromName(String name) {
		String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		if (normalized.equals("KAHOOT")) {
			return KAHOOT_XLSX;
		}
		for (QuestionFormat format : values()) {
			if (format.name().equals(normalized)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown question format: " + name);
	}
}
