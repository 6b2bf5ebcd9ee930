package vn.quizfest.server.contest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs: what a client needs to know before its first call. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String SESSION = "session";

	@Bean
	OpenAPI quizFestApi() {
		return new OpenAPI()
			.info(new Info().title("QuizFest API")
				.version("1")
				.description("""
						REST API of QuizFest, the live quiz platform of the "Digital Literacy for All" \
						(Bình dân học vụ số) movement: accounts, question banks, questions, quizzes and draws.

						Log in with POST /api/auth/login; the session cookie QUIZFEST_SESSION identifies you \
						afterwards. Every request that changes something carries the CSRF token (GET /api/auth/csrf, \
						also in the XSRF-TOKEN cookie) in the X-XSRF-TOKEN header. Reads need the HOST role or above, \
						writes ORGANISER or above. Errors are RFC 9457 problem documents with a stable `code` and a \
						message in the language of Accept-Language (vi by default, or en).""")
				.license(new License().name("QuizFest")))
			.components(new Components().addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.COOKIE)
				.name("QUIZFEST_SESSION")))
			.addSecurityItem(new SecurityRequirement().addList(SESSION));
	}
}
