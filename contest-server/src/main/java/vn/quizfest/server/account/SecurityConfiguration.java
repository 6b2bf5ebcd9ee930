package vn.quizfest.server.account;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.system.Problems;

/**
 * Organisers log in with a session cookie; every state-changing request carries a CSRF token, and
 * every request checks the session against the account as it is now ({@link AccountSessions}).
 * Players have no accounts: the player page and the live endpoints are public. Of actuator, health is
 * public and prometheus follows {@link MetricsAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String PASSWORD_ENCODER_ID = "pbkdf2@SpringSecurity_v5_8";

	/**
	 * PBKDF2-HMAC-SHA256 has no input cap (BCrypt reads only 72 bytes: 24 Vietnamese letters). Hashes
	 * carry their encoder's id; the BCrypt hashes stored before ids ({@code $2a$...}) still verify and
	 * are replaced at the next successful login (LoginService).
	 */
	/**
	 * No observation of Spring Security's filters, authorization or authentication at all. The
	 * {@code management.observations.enable.spring.security=false} switch only drops the finished
	 * observations: every filter of every request was still wrapped in an observing decorator, which
	 * built a dozen observations and threw them away (about 5 % of the server's samples in a flight
	 * recording of the contest load). The request's own {@code http.server.requests} stays.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		var bcrypt = new BCryptPasswordEncoder();
		var encoder = new DelegatingPasswordEncoder(PASSWORD_ENCODER_ID, Map.of(PASSWORD_ENCODER_ID,
				Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}

	@Bean
	CsrfTokenRepository csrfTokenRepository() {
		var repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookiePath("/");
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
		return repository;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.ORGANISER.name())
			.role(Role.ORGANISER.name())
			.implies(Role.HOST.name())
			.build();
	}

	/**
	 * The live WebSocket endpoints authenticate with game tokens inside the protocol, never with cookies
	 * (docs/protocol.md). Without this chain every handshake of a phone got a fresh CSRF token cookie
	 * and a page's worth of security headers: work and bytes on the 101 response for nothing, 10,000
	 * times at the start of a big game.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain liveSocketsFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/ws/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.headers(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.securityContext(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, CsrfTokenRepository csrfTokens,
			SecurityContextRepository contexts, Problems problemShape, JsonMapper json, LocaleResolver locales,
			UserAccounts accounts, SessionSettings sessions, MetricsSettings metrics, Clock clock) throws Exception {
		var problems = new ProblemResponses(problemShape, json, locales);
		http.addFilterAfter(new AccountSessions(accounts, contexts, sessions, clock), SecurityContextHolderFilter.class);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/prometheus").access(new MetricsAccess(metrics))
			.requestMatchers("/actuator/**").denyAll()
			.requestMatchers(HttpMethod.GET, "/api/auth/csrf").permitAll()
			.requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
			// The player page checks a PIN before asking for a nickname; players have no accounts. The big
			// screen shows the join link's QR code; players' phones load question images.
			.requestMatchers(HttpMethod.GET, "/api/pins/*", "/api/pins/*/qr.svg", "/api/images/*").permitAll()
			// The OpenAPI description of the API is public; the API itself is not.
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
			.requestMatchers("/api/**").authenticated()
			.anyRequest().permitAll())
			.csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens))
			.securityContext(context -> context.securityContextRepository(contexts))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(logout -> logout.logoutUrl("/api/auth/logout")
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED,
						request.getRequestURI().startsWith("/actuator/") ? "metrics.unauthorized" : "login.required"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
						HttpStatus.FORBIDDEN, ex instanceof CsrfException ? "csrf.invalid" : "access.denied")))
			.headers(headers -> headers.addHeaderWriter(ContentSecurityPolicy.withConsole(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}
}
