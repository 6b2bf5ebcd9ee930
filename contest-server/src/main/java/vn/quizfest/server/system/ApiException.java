package vn.quizfest.server.system;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the API reports to its caller: an HTTP status, a stable error code (also the message
 * catalog key) and the arguments of the message.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Object[] args;

	private final @Nullable Duration retryAfter;

	public ApiException(HttpStatus status, String code, Object... args) {
		this(status, null, code, args);
	}

	private ApiException(HttpStatus status, @Nullable Duration retryAfter, String code, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = args;
		this.retryAfter = retryAfter;
	}

	public static ApiException tooManyRequests(Duration retryAfter, String code, Object... args) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, retryAfter, code, args);
	}

	/** 503 with Retry-After: a refusal that says nothing about the request, only that it should come again. */
	public static ApiException unavailable(Duration retryAfter, String code, Object... args) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, retryAfter, code, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	public @Nullable Duration retryAfter() {
		return retryAfter;
	}
}
