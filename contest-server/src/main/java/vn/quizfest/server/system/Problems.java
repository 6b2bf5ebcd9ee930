package vn.quizfest.server.system;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one shape of every API error: an RFC 9457 problem with a localized title and detail and a
 * stable {@code code} (the message catalog key) that clients can switch on.
 */
@Component
public class Problems {

	private final Messages messages;

	Problems(Messages messages) {
		this.messages = messages;
	}

	public ProblemDetail of(Locale locale, HttpStatus status, String code, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.get(locale, code, args));
		problem.setTitle(messages.get(locale, "error.status." + status.value()));
		problem.setProperty("code", code);
		return problem;
	}
}
