package vn.quizfest.server.live;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

import org.springframework.web.context.ServletContextAware;

/**
 * Sizes the message buffers Tomcat gives every new WebSocket session: text at the client frame limit
 * (the largest frame it must hold), binary at a token size, since the protocol refuses binary frames
 * (Tomcat enlarges a session's buffer to its limit if one arrives, so the refusal is still an error
 * frame). Each session otherwise starts with a 1 KB binary buffer it never uses.
 */
final class LeanMessageBuffers implements ServletContextAware {

	/** Binary frames are refused; a session starts with a buffer this small. */
	static final int BINARY_BUFFER_BYTES = 64;

	private final int maxFrameBytes;

	LeanMessageBuffers(int maxFrameBytes) {
		this.maxFrameBytes = maxFrameBytes;
	}

	@Override
	public void setServletContext(ServletContext servletContext) {
		// Absent in a context without an embedded web server (some tests): nothing to size then.
		if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
			container.setDefaultMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
			container.setDefaultMaxTextMessageBufferSize(maxFrameBytes);
			// Idle sockets are closed by the live layer (quizfest.live.idle-timeout), not by the container:
			// Tomcat's default, said outright because Jetty's is 30 s.
			container.setDefaultMaxSessionIdleTimeout(0);
		}
	}
}
