package vn.quizfest.server.live;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client on a plain {@link Socket}, with the handshake and framing done by hand, so a
 * test controls exactly when (and whether) it reads. It stands for a phone that stops reading: set a
 * tiny receive buffer, read the first frames, then read nothing more.
 */
final class RawWebSocket implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A frame as received: the opcode and its payload. */
	record Frame(int opcode, byte[] payload) {

		String text() {
			return new String(payload, StandardCharsets.UTF_8);
		}

		/** The status code of a close frame, or -1. */
		int closeCode() {
			return opcode == 8 && payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : -1;
		}
	}

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/** Connects and upgrades; the receive buffer is set before connecting so the TCP window stays small. */
	static RawWebSocket connect(int port, String path, int receiveBufferBytes) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(receiveBufferBytes);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(10_000);
		RawWebSocket client = new RawWebSocket(socket);
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Version: 13\r\n\r\n";
		client.out.write(request.getBytes(StandardCharsets.US_ASCII));
		client.out.flush();
		String response = client.readHeaders();
		if (!response.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new IOException("Handshake refused: " + response);
		}
		return client;
	}

	private String readHeaders() throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("Connection closed during the handshake");
			}
			headers.write(b);
			matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	void sendText(String text) throws IOException {
		send(1, text.getBytes(StandardCharsets.UTF_8));
	}

	/** A client frame: always masked, as RFC 6455 requires of clients. */
	synchronized void send(int opcode, byte[] payload) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
		frame.write(0x80 | opcode);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else if (payload.length < 65_536) {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xff);
		}
		else {
			frame.write(0x80 | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				frame.write((int) ((long) payload.length >>> shift) & 0xff);
			}
		}
		byte[] mask = new byte[4];
		RANDOM.nextBytes(mask);
		frame.write(mask, 0, 4);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		out.write(frame.toByteArray());
		out.flush();
	}

	/**
	 * Reads one whole message. Server frames are never masked; Tomcat splits a message bigger than
	 * its output buffer into fragments, which are joined here.
	 */
	Frame read() throws IOException {
		Frame frame = readFrame();
		if (frame.opcode() >= 8 || fin) {
			return frame;
		}
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.write(frame.payload());
		int opcode = frame.opcode();
		while (true) {
			Frame part = readFrame();
			if (part.opcode() >= 8) {
				return part; // a control frame between fragments; the tests only care about close
			}
			message.write(part.payload());
			if (fin) {
				return new Frame(opcode, message.toByteArray());
			}
		}
	}

	private boolean fin;

	private Frame readFrame() throws IOException {
		int first = readByte();
		fin = (first & 0x80) != 0;
		int second = readByte();
		long length = second & 0x7f;
		if (length == 126) {
			length = (long) readByte() << 8 | readByte();
		}
		else if (length == 127) {
			length = 0;
			for (int i = 0; i < 8; i++) {
				length = length << 8 | readByte();
			}
		}
		byte[] payload = in.readNBytes((int) length);
		if (payload.length < length) {
			throw new EOFException("Connection closed inside a frame");
		}
		return new Frame(first & 0x0f, payload);
	}

	private int readByte() throws IOException {
		int b = in.read();
		if (b < 0) {
			throw new EOFException();
		}
		return b;
	}

	void soTimeout(int millis) throws IOException {
		socket.setSoTimeout(millis);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
