package vn.quizfest.server.live;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * On loopback, Linux grows a socket's send buffer to megabytes, so a client that stops reading would
 * only be noticed after thousands of frames. A fixed, small send buffer makes the slow consumer
 * visible after a few questions, as it is on a phone on a weak mobile network.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallSendBuffers {

	static final int SEND_BUFFER_BYTES = 8_192;

	@Bean
	TomcatConnectorCustomizer smallSendBuffers() {
		return connector -> connector.setProperty("socket.txBufSize", Integer.toString(SEND_BUFFER_BYTES));
	}
}
