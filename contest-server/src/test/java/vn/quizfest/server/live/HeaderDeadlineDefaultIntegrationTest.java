package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The default header deadline of the running server: 10 s (Tomcat's own default is 60 s, long
 * enough for a few hundred silent sockets to hold every connection). SlowClientsIntegrationTest shows
 * what the deadline does over real sockets, with a shorter one.
 */
class HeaderDeadlineDefaultIntegrationTest extends LiveIntegrationSupport {

	@Autowired
	WebServerApplicationContext server;

	@Test
	void theConnectorClosesASilentConnectionAfterTenSeconds() {
		Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProperty("connectionTimeout")).isEqualTo(10_000);
	}
}
