package vn.quizfest.server.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule for {@code /actuator/prometheus}: the bearer token when one is configured, else loopback
 * only. A request that carries forwarding headers came through a proxy, so a reverse proxy on the
 * same machine does not make the whole internet "local".
 */
class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final MetricsSettings settings;

	MetricsAccess(MetricsSettings settings) {
		this.settings = settings;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(allowed(context.getRequest()));
	}

	boolean allowed(HttpServletRequest request) {
		if (settings.hasToken()) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String expected = "Bearer " + settings.token().strip();
			return header != null && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8),
					expected.getBytes(StandardCharsets.UTF_8));
		}
		if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null
				|| request.getHeader("X-Real-IP") != null) {
			return false;
		}
		try {
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
