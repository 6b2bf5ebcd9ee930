package vn.quizfest.questionbank;

import java.util.Locale;

/** Languages a question can be written in; Vietnamese is the default. */
public enum Language {
	VI, EN;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Language fromCode(String code) {
		return valueOf(code.trim().toUpperCase(Locale.ROOT));
	}
}
