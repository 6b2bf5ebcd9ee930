package vn.quizfest.server.system;

import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link GuardedNioProtocol} under the HTTP connector and gives it the header deadline and the
 * per-address connection cap of {@link HttpLimits}. The trusted proxies
 * ({@code server.tomcat.remoteip.internal-proxies}) are exempt from the cap: every client behind them
 * arrives from their address, and the proxy caps connections per client itself (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionGuards {

	@Bean
	static WebServerFactoryCustomizer<TomcatServletWebServerFactory> guardedProtocol() {
		return factory -> factory.setProtocol(GuardedNioProtocol.class.getName());
	}

	@Bean
	static TomcatConnectorCustomizer headerDeadlineAndAddressCap(HttpLimits limits,
			@Value("${server.tomcat.remoteip.internal-proxies:}") String trustedProxies) {
		Pattern exempt = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
		return connector -> {
			if (connector.getProtocolHandler() instanceof GuardedNioProtocol protocol) {
				protocol.setHeaderDeadline(limits.headerDeadline());
				protocol.setMaxConnectionsPerAddress(limits.maxConnectionsPerAddress());
				protocol.setExemptAddresses(exempt);
			}
		};
	}
}
