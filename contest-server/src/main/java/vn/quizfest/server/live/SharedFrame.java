package vn.quizfest.server.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One broadcast frame for many sockets: its text, and its UTF-8 bytes encoded once, outside the
 * Java heap, so that every socket's write reads the same bytes (a fresh view each) without copying.
 */
record SharedFrame(String text, ByteBuffer utf8) {

	static SharedFrame of(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
		return new SharedFrame(text, direct.asReadOnlyBuffer());
	}

	/** A view of the bytes with a position of its own, for one socket's write. */
	ByteBuffer bytes() {
		return utf8.duplicate();
	}
}
