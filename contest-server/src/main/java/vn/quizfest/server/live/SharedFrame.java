package vn.quizfest.server.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One broadcast frame for many sockets: its text and, the first time a socket asks for them, the whole
 * WebSocket frame (header and UTF-8 payload) encoded once outside the Java heap. A server's frame is
 * not masked, so the header is the same for every socket and every socket's write reads the same bytes
 * (a fresh view each) without copying. A socket that cannot take bytes asks for nothing and nothing is
 * encoded.
 */
final class SharedFrame {

	private final String text;

	private volatile ByteBuffer frame;

	private volatile int headerBytes;

	private SharedFrame(String text) {
		this.text = text;
	}

	static SharedFrame of(String text) {
		return new SharedFrame(text);
	}

	String text() {
		return text;
	}

	/** A view of the whole frame, header included, with a position of its own, for one socket's write. */
	ByteBuffer frame() {
		return encoded().duplicate();
	}

	/** A view of the payload alone (the UTF-8 text), for a path that writes the header itself. */
	ByteBuffer bytes() {
		ByteBuffer view = encoded().duplicate();
		view.position(headerBytes);
		return view;
	}

	int payloadBytes() {
		return encoded().capacity() - headerBytes;
	}

	private ByteBuffer encoded() {
		ByteBuffer encoded = frame;
		if (encoded == null) {
			synchronized (this) {
				encoded = frame;
				if (encoded == null) {
					byte[] payload = text.getBytes(StandardCharsets.UTF_8);
					ByteBuffer direct = ByteBuffer.allocateDirect(headerBytes(payload.length) + payload.length);
					headerBytes = putHeader(direct, payload.length);
					encoded = direct.put(payload).flip().asReadOnlyBuffer();
					frame = encoded;
				}
			}
		}
		return encoded;
	}

	/** A whole unmasked text frame on the heap: what one socket's own frame (not a broadcast) writes. */
	static ByteBuffer textFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteBuffer buffer = ByteBuffer.allocate(headerBytes(payload.length) + payload.length);
		putHeader(buffer, payload.length);
		return buffer.put(payload).flip();
	}

	/** The payload's length of a whole frame from {@link #textFrame} (read from its header). */
	static int payloadBytes(ByteBuffer wholeFrame) {
		int length = wholeFrame.get(wholeFrame.position() + 1) & 0x7F;
		return wholeFrame.remaining() - (length < 126 ? 2 : length == 126 ? 4 : 10);
	}

	/** RFC 6455 5.2: FIN and the text opcode, then a 7-bit, 16-bit or 64-bit length; no mask from a server. */
	static int headerBytes(int payloadBytes) {
		return payloadBytes < 126 ? 2 : payloadBytes < 65_536 ? 4 : 10;
	}

	private static int putHeader(ByteBuffer to, int length) {
		to.put((byte) 0x81);
		if (length < 126) {
			to.put((byte) length);
		}
		else if (length < 65_536) {
			to.put((byte) 126).putShort((short) length);
		}
		else {
			to.put((byte) 127).putLong(length);
		}
		return headerBytes(length);
	}
}
