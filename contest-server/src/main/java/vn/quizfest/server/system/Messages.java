package vn.quizfest.server.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** User-visible text from the message catalogs, in the language of the current request. */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String code, Object... args) {
		return get(LocaleContextHolder.getLocale(), code, args);
	}

	public String get(Locale locale, String code, Object... args) {
		return source.getMessage(code, args, code, locale);
	}
}
