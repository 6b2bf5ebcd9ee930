package vn.quizfest.server.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Vietnamese by default; English when the client asks for it with Accept-Language. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
		resolver.setDefaultLocale(VIETNAMESE);
		return resolver;
	}
}
