package vn.quizfest.questionbank.transfer;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The question bank's message catalog, read directly for text written into files (the template,
 * export headings). Formats like Spring's MessageSource: MessageFormat only when there are arguments.
 */
final class Catalog {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String BUNDLE = "questionbank/messages";

	// No fallback to the JVM's default locale: Vietnamese is the base bundle, English the only other.
	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private Catalog() {
	}

	/** Vietnamese unless English is asked for: the two languages of the catalogs. */
	static Locale supported(Locale locale) {
		return locale.getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE;
	}

	static String text(Locale locale, String code, Object... args) {
		Locale supported = supported(locale);
		String pattern = ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK).getString(code);
		return args.length == 0 ? pattern : new MessageFormat(pattern, supported).format(args);
	}
}
