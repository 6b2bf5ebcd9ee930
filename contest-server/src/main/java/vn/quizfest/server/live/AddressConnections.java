package vn.quizfest.server.live;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * A cap on the open WebSocket connections of one address on this node, checked at the handshake
 * (before a session exists) and released when the socket closes. The earliest point where Spring
 * sees the address; below it, the reverse proxy's {@code limit_conn} caps raw TCP connections
 * (docs/operations.md, "Live abuse limits").
 */
final class AddressConnections implements HandshakeInterceptor {

	private static final String COUNTED = "quizfest.counted-address";

	private final int max;

	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	AddressConnections(int max) {
		this.max = max;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String address = address(request.getRemoteAddress());
		boolean[] admitted = { false };
		open.compute(address, (key, count) -> {
			int now = count == null ? 0 : count;
			if (now >= max) {
				return count;
			}
			admitted[0] = true;
			return now + 1;
		});
		if (!admitted[0]) {
			response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			response.getHeaders().set("Retry-After", "10");
			return false;
		}
		attributes.put(COUNTED, address);
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
		// A failed upgrade never gets a session, so it is released here (the attributes are gone).
		if (exception != null) {
			release(address(request.getRemoteAddress()));
		}
	}

	int openOf(String address) {
		return open.getOrDefault(address, 0);
	}

	private void release(String address) {
		open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
	}

	static String address(@Nullable InetSocketAddress remote) {
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
	}

	/** Wraps an endpoint's handler so that a closed socket gives its place back. */
	WebSocketHandler counting(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {
			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				Object address = session.getAttributes().remove(COUNTED);
				if (address instanceof String counted) {
					release(counted);
				}
				super.afterConnectionClosed(session, status);
			}
		};
	}
}
