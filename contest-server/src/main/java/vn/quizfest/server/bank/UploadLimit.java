package vn.quizfest.server.bank;

import java.math.BigDecimal;
import java.math.MathContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import vn.quizfest.server.system.Problems;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart.*}) as a problem document. Parts
 * are read lazily, when a controller asks for them; a controller with its own answer (question images)
 * handles the exception itself, and this advice answers for every other one.
 */
@RestControllerAdvice
class UploadLimit {

	private final Problems problems;

	private final BigDecimal maxMegabytes;

	UploadLimit(Problems problems, @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
		this.problems = problems;
		this.maxMegabytes = new BigDecimal(maxFileSize.toBytes() / (1024.0 * 1024.0), new MathContext(2)).stripTrailingZeros();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		ProblemDetail problem = problems.of(LocaleContextHolder.getLocale(), HttpStatus.CONTENT_TOO_LARGE,
				"upload.too-large", maxMegabytes.toPlainString());
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}
}
