package vn.quizfest.server.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into RFC 9457 problem responses with a stable {@code code} and a message in the
 * caller's language.
 */
@RestControllerAdvice
class ApiErrors {

	private final Messages messages;

	private final Problems problems;

	private final HttpLimits limits;

	ApiErrors(Messages messages, Problems problems, HttpLimits limits) {
		this.messages = messages;
		this.problems = problems;
		this.limits = limits;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(ApiException ex) {
		ProblemDetail problem = problem(ex.status(), ex.code(), ex.args());
		var response = ResponseEntity.status(ex.status());
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(MethodArgumentNotValidException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "request.invalid");
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> fields.putIfAbsent(error.getField(), messages.get(error.getDefaultMessage() == null
					? "request.invalid" : error.getDefaultMessage())));
		problem.setProperty("fields", fields);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimit.BodyTooLargeException) {
				// A body without Content-Length that ran past the limit while being read.
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.header(HttpHeaders.CONNECTION, "close")
					.body(problem(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimit.CODE, limits.maxJsonBody().toBytes() / 1024));
			}
			if (cause instanceof tools.jackson.core.exc.StreamConstraintsException) {
				return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.json-limits"));
			}
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.malformed"));
	}

	/** The database is out of reach: 503 at once, the client tries again later (see {@link DatabaseOutage}). */
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.dao.TransientDataAccessResourceException.class,
			org.springframework.dao.QueryTimeoutException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.CODE));
	}

	private ProblemDetail problem(HttpStatus status, String code, Object... args) {
		return problems.of(LocaleContextHolder.getLocale(), status, code, args);
	}
}
