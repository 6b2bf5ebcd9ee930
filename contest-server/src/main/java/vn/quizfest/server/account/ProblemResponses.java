package vn.quizfest.server.account;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.system.Problems;

/** Writes security failures as the same localized problem documents the API uses elsewhere. */
class ProblemResponses {

	private final Problems problems;

	private final JsonMapper json;

	private final LocaleResolver locales;

	/**
	 * The security filters run before the DispatcherServlet, so the request's locale must come from the
	 * application's resolver (Vietnamese without Accept-Language), not the servlet container's default.
	 */
	ProblemResponses(Problems problems, JsonMapper json, LocaleResolver locales) {
		this.problems = problems;
		this.json = json;
		this.locales = locales;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		ProblemDetail problem = problems.of(locales.resolveLocale(request), status, code);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
