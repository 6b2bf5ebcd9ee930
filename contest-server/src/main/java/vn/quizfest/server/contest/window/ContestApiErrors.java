package vn.quizfest.server.contest.window;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.quizfest.server.system.Messages;
import vn.quizfest.server.system.Problems;

/** The contest API's field-by-field refusals as problem documents with {@code errors: [{field, code, message}]}. */
@RestControllerAdvice(basePackageClasses = ContestApiErrors.class)
class ContestApiErrors {

	record FieldError(String field, String code, String message) {
	}

	private final Problems problems;

	private final Messages messages;

	ContestApiErrors(Problems problems, Messages messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ContestProblem ex) {
		ProblemDetail problem = problems.of(LocaleContextHolder.getLocale(), ex.status(), ex.code());
		List<FieldError> errors = ex.problems()
			.stream()
			.map(p -> new FieldError(p.field(), p.code(), messages.get(p.code(), p.field())))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.status(ex.status()).body(problem);
	}
}
