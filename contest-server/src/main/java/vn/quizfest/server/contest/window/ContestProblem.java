package vn.quizfest.server.contest.window;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request the contest API refuses, with the broken rule of each field ({@code errors} in the problem). */
class ContestProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<EntrantForm.Problem> problems;

	ContestProblem(HttpStatus status, String code, List<EntrantForm.Problem> problems) {
		super(code);
		this.status = status;
		this.code = code;
		this.problems = List.copyOf(problems);
	}

	static ContestProblem invalid(String code, List<EntrantForm.Problem> problems) {
		return new ContestProblem(HttpStatus.BAD_REQUEST, code, problems);
	}

	HttpStatus status() {
		return status;
	}

	String code() {
		return code;
	}

	List<EntrantForm.Problem> problems() {
		return problems;
	}
}
