package vn.quizfest.server.system;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * A request that needs the database while it is unreachable gets a 503 problem {@code database.unavailable}
 * with a {@code Retry-After}, at once (the pool waits at most {@code spring.datasource.hikari.connection-timeout},
 * 1.5 s), never a hang or a bare 500. Controllers' failures reach {@link ApiErrors}; this filter answers
 * for the failures of filters in front of them (the account check of every API request reads the
 * database too). Live games do not need the database: their results wait in the write-behind queue.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

	static final String CODE = "database.unavailable";

	/** What a client is told to wait before it tries again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** Whether the failure is the database being out of reach (not a bad query or a bad record). */
	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
					|| cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Ahead of Spring Security, whose filters read accounts from the database. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(Problems problems, JsonMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OutageFilter(problems, json));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static void writeProblem(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
		response.flushBuffer();
	}

	private static final class OutageFilter extends OncePerRequestFilter {

		private final Problems problems;

		private final JsonMapper json;

		OutageFilter(Problems problems, JsonMapper json) {
			this.problems = problems;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | RuntimeException ex) {
				if (!isOutage(ex) || response.isCommitted()) {
					throw ex;
				}
				log.warn("{} {} needs the database, which cannot be reached: {}", request.getMethod(),
						request.getRequestURI(), ex.toString());
				ProblemDetail problem = problems.of(RequestContextUtils.getLocale(request), HttpStatus.SERVICE_UNAVAILABLE,
						CODE);
				writeProblem(response, problem, json);
			}
		}
	}
}
