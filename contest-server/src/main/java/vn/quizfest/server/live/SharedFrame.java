package vn.quizfest.server.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One broadcast frame for many sockets: its text and, the first time a socket asks for them, its
 * UTF-8 bytes encoded once outside the Java heap, so that every socket's write reads the same bytes
 * (a fresh view each) without copying. With the byte path off no socket asks and nothing is encoded.
 */
final class SharedFrame {

	private final String text;

	private volatile ByteBuffer utf8;

	private SharedFrame(String text) {
		this.text = text;
	}

	static SharedFrame of(String text) {
		return new SharedFrame(text);
	}

	String text() {
		return text;
	}

	/** A view of the bytes with a position of its own, for one socket's write. */
	ByteBuffer bytes() {
		ByteBuffer encoded = utf8;
		if (encoded == null) {
			synchronized (this) {
				encoded = utf8;
				if (encoded == null) {
					byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
					encoded = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
					utf8 = encoded;
				}
			}
		}
		return encoded.duplicate();
	}
}
