package vn.quizfest.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a client may send, checked before anything is read.
 *
 * @param maxJsonBody the largest request body of every route except uploads (default 64KB): login,
 * the JSON API, the QR code request. Uploads (multipart: question files and images) keep the limits of
 * {@code spring.servlet.multipart.*} and their endpoints.
 * @param maxJsonNesting the deepest nesting of arrays and objects the JSON reader accepts (default 64)
 */
@ConfigurationProperties("quizfest.http")
public record HttpLimits(@DefaultValue("64KB") DataSize maxJsonBody, @DefaultValue("64") int maxJsonNesting) {

	public HttpLimits {
		if (maxJsonBody.toBytes() < 1024 || maxJsonNesting < 4) {
			throw new IllegalArgumentException("quizfest.http.max-json-body must be at least 1KB, "
					+ "max-json-nesting at least 4");
		}
	}
}
