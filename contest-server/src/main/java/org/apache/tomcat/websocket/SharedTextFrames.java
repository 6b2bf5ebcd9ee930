package org.apache.tomcat.websocket;

import java.nio.ByteBuffer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

/**
 * Sends a text frame that is already UTF-8, through Tomcat's own message path. The standard API
 * takes text only as a String, which Tomcat encodes again for every socket through a 1 KB buffer,
 * sending a frame larger than that as several fragments (a socket write each). A broadcast frame is
 * encoded once instead and each socket writes it as one frame, header and payload in one gathering
 * write. This class lives in Tomcat's package because that path ({@code startMessage}) is not
 * public; QuizFest's {@code live.Connection} calls it only when the endpoint is Tomcat's.
 */
public final class SharedTextFrames {

	private SharedTextFrames() {
	}

	/** Whether this endpoint is Tomcat's asynchronous one (another container sends Strings). */
	public static boolean supports(RemoteEndpoint.Async remote) {
		return remote instanceof WsRemoteEndpointAsync;
	}

	/**
	 * Starts the frame; the handler hears when it is written or failed (the endpoint's send timeout
	 * applies). One frame at a time per socket: the caller waits for the handler before the next.
	 * @param utf8 read from its position to its limit; pass each socket its own duplicate
	 */
	public static void send(RemoteEndpoint.Async remote, ByteBuffer utf8, SendHandler handler) {
		((WsRemoteEndpointAsync) remote).base.startMessage(Constants.OPCODE_TEXT, utf8, true, handler);
	}
}
