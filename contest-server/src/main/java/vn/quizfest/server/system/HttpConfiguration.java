package vn.quizfest.server.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP side's limits on what clients send: body size before reading, then what JSON may hold. */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

	/** First of all filters, before security reads anything or a session is looked up. */
	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpLimits limits, Problems problems,
			LocaleResolver locales, JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits, problems, locales, json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The JSON that request bodies are read with: the application's mapper settings on a factory whose
	 * read constraints match the body limit (no string, name or document longer than a body may be, no
	 * nesting deeper than the setting). The shared mapper keeps Jackson's defaults: it also reads game
	 * snapshots and cluster messages, which may be larger.
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer requestJsonLimits(HttpLimits limits,
			ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JacksonJsonHttpMessageConverter limited = limitedJsonConverter(limits, customizers);
		// In place of Boot's JSON converter, at its position: String and byte[] bodies (the OpenAPI
		// document, file exports) still go to the converters before it. The exact class only: Spring
		// Data's projecting subclass at the head of the list must stay what it is.
		return builder -> builder.configureMessageConvertersList(converters -> converters
			.replaceAll(converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class ? limited : converter));
	}

	private static JacksonJsonHttpMessageConverter limitedJsonConverter(HttpLimits limits,
			ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		int body = (int) limits.maxJsonBody().toBytes();
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxDocumentLength(body)
				.maxStringLength(body)
				.maxNameLength(Math.min(body, 1024))
				.maxNumberLength(100)
				.maxNestingDepth(limits.maxJsonNesting())
				.build())
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return new JacksonJsonHttpMessageConverter(builder.build());
	}
}
