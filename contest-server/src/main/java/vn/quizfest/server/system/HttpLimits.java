package vn.quizfest.server.system;

import java.time.Duration;

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
 * @param headerDeadline how long a request's request line and headers may take, counted from its first
 *        byte however slowly the bytes come (default 10s; 0 turns it off). Tomcat's
 *        {@code connection-timeout} only bounds the silence between two reads
 * @param maxConnectionsPerAddress open HTTP connections (WebSocket ones included) one client address
 *        may hold on this node, counted when a connection is accepted (default 600: a school behind one
 *        NAT address fits; 0 turns it off). The trusted proxies are exempt
 */
@ConfigurationProperties("quizfest.http")
public record HttpLimits(@DefaultValue("64KB") DataSize maxJsonBody, @DefaultValue("64") int maxJsonNesting,
		@DefaultValue("10s") Duration headerDeadline, @DefaultValue("600") int maxConnectionsPerAddress) {

	public HttpLimits {
		if (maxJsonBody.toBytes() < 1024 || maxJsonNesting < 4) {
			throw new IllegalArgumentException("quizfest.http.max-json-body must be at least 1KB, "
					+ "max-json-nesting at least 4");
		}
		if (headerDeadline.isNegative() || maxConnectionsPerAddress < 0) {
			throw new IllegalArgumentException("quizfest.http.header-deadline and max-connections-per-address "
					+ "must not be negative");
		}
	}
}
