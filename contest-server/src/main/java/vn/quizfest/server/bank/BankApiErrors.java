package vn.quizfest.server.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.quizfest.questionbank.InvalidQuestionException;
import vn.quizfest.questionbank.QuestionDraw;
import vn.quizfest.questionbank.QuestionInUseException;
import vn.quizfest.questionbank.QuestionValidator.Violation;
import vn.quizfest.questionbank.StaleVersionException;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.system.Messages;
import vn.quizfest.server.system.Problems;

/** The question bank's own failures as the API's problem documents, in the caller's language. */
@RestControllerAdvice(assignableTypes = { BanksController.class, QuestionsController.class, QuizzesController.class })
class BankApiErrors {

	/** One broken rule of a question, as clients get it. */
	record FieldViolation(String field, String code, String message) {
	}

	private final Problems problems;

	private final Messages messages;

	BankApiErrors(Problems problems, Messages messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidQuestionException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "question.invalid");
		Map<String, String> fields = new LinkedHashMap<>();
		List<FieldViolation> violations = new ArrayList<>();
		for (Violation violation : ex.violations()) {
			String message = messages.get(violation.code(), violation.args().toArray());
			fields.putIfAbsent(violation.field(), message);
			violations.add(new FieldViolation(violation.field(), violation.code(), message));
		}
		problem.setProperty("fields", fields);
		problem.setProperty("violations", violations);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stale(StaleVersionException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ex.entity() + ".stale");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> inUse(QuestionInUseException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "question.in-use", QuestionsController.ids(ex.quizIds()));
		problem.setProperty("quizIds", ex.quizIds());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notEnough(QuestionDraw.NotEnoughQuestionsException ex) {
		QuestionDraw.Quota quota = ex.quota();
		String topics = quota.topics().isEmpty() ? messages.get("bank.topic.any")
				: quota.topics().stream().sorted().map(this::topic).collect(Collectors.joining(", "));
		String difficulty = messages.get(quota.difficulty() == null ? "bank.difficulty.any" : "bank.difficulty." + quota.difficulty());
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "draw.quota.short", ex.quotaNumber(), topics, difficulty,
				ex.asked(), ex.available());
		problem.setProperty("quota", ex.quotaNumber());
		problem.setProperty("asked", ex.asked());
		problem.setProperty("available", ex.available());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	private String topic(Topic topic) {
		return messages.get("bank.topic." + topic.name());
	}

	private ProblemDetail problem(HttpStatus status, String code, Object... args) {
		return problems.of(LocaleContextHolder.getLocale(), status, code, args);
	}
}
