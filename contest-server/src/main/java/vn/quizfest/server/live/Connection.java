package vn.quizfest.server.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.apache.tomcat.websocket.InlineFrames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

/**
 * One client socket with a thread-safe, non-blocking send path. Frames go out one at a time; later
 * frames wait in a small queue. Under Tomcat the sending thread writes a frame straight to the socket
 * when the socket takes it whole ({@link InlineFrames}: no hand-off to the container's executor per
 * frame); a socket whose buffer is full keeps that write pending until it drains, and the frames behind
 * it wait. Otherwise (another container, Tomcat writing on the socket itself, the inline path off) the
 * container's asynchronous send is used. A connection that cannot keep up (queue full, or one frame not
 * delivered within the send timeout) is closed with {@link CloseCodes#SLOW_CONSUMER}: a slow phone is
 * dropped, it can resume, and it never holds a sender thread, so it never stalls the others.
 */
final class Connection extends Peer implements InlineFrames.Listener {

	private static final Logger log = LoggerFactory.getLogger(Connection.class);

	/** Tomcat's WebSocket classes are there (not under another container): the byte path may be used. */
	private static final boolean TOMCAT = isPresent("org.apache.tomcat.websocket.WsRemoteEndpointAsync");

	private final WebSocketSession session;

	private final RemoteEndpoint.Async remote;

	private final int maxQueued;

	/** Frames waiting behind the one in flight: Strings, or {@link SharedFrame}s of a broadcast. */
	private final ArrayDeque<Object> queue = new ArrayDeque<>();

	/** Tomcat's endpoint takes a broadcast's bytes as they are; another container gets the String. */
	private final boolean writesBytes;

	/** Tomcat's inline writer for this socket; null: every frame takes the asynchronous send. */
	private final InlineFrames.@Nullable Socket inline;

	private final long sendTimeoutMillis;

	private final Consumer<Connection> onSlow;

	private boolean inFlight;

	/**
	 * When the write in flight started ({@link System#nanoTime()}): a later frame that finds it older than
	 * the send timeout drops the socket. Tomcat's poller fails a pending inline write only when it makes
	 * no progress at all for that long; a phone that drains a few bytes at a time is caught here.
	 */
	private volatile long writeStarted;

	private boolean closed;

	/** A close waiting for the frames before it to go out (the last of them says why). */
	private @Nullable CloseStatus closeWhenSent;

	final RateLimiter rateLimiter;

	/** When the client last sent a frame ({@link System#nanoTime()}): the idle deadline counts from it. */
	volatile long lastReceived = System.nanoTime();

	/** The client's address as the container saw it (after any trusted proxy): what per-address limits count. */
	final String address;

	/** Set when this socket plays a game held by another node: its frames go there. */
	volatile ClusterRelay.@Nullable GameRelay relay;

	Connection(WebSocketSession session, LiveSettings settings, RateLimiter rateLimiter, Consumer<Connection> onSlow) {
		this.session = session;
		Session nativeSession = ((StandardWebSocketSession) session).getNativeSession(Session.class);
		this.remote = nativeSession.getAsyncRemote();
		this.remote.setSendTimeout(settings.sendTimeout().toMillis());
		this.writesBytes = settings.sharedFrameBytes() && TOMCAT && org.apache.tomcat.websocket.SharedTextFrames.supports(remote);
		this.inline = settings.inlineWrites() && TOMCAT ? InlineFrames.of(nativeSession) : null;
		this.sendTimeoutMillis = settings.sendTimeout().toMillis();
		this.maxQueued = settings.maxQueuedFrames();
		this.onSlow = onSlow;
		this.rateLimiter = rateLimiter;
		java.net.InetSocketAddress remoteAddress = session.getRemoteAddress();
		this.address = remoteAddress == null ? "unknown" : remoteAddress.getAddress() == null
				? remoteAddress.getHostString() : remoteAddress.getAddress().getHostAddress();
	}

	@Override
	String id() {
		return session.getId();
	}

	@Override
	String address() {
		return address;
	}

	@Override
	RateLimiter.Verdict strike() {
		return rateLimiter.strike();
	}

	@Override
	void forgive() {
		rateLimiter.forgive();
	}

	boolean isOpen() {
		synchronized (this) {
			return !closed && session.isOpen();
		}
	}

	@Override
	boolean send(String frame) {
		return enqueue(frame);
	}

	@Override
	boolean send(SharedFrame frame) {
		return enqueue(writesBytes || inline != null ? frame : frame.text());
	}

	/** Whether frames are written inline when the socket takes them (Tomcat); false: the container's send alone. */
	boolean writesInline() {
		return inline != null;
	}

	/** Writes the frame now, or queues it behind the one in flight; a full queue drops the socket. */
	private boolean enqueue(Object frame) {
		boolean overflow = false;
		synchronized (this) {
			if (closed) {
				return false;
			}
			if (inFlight) {
				if (queue.size() < maxQueued && !pendingTooLong()) {
					queue.add(frame);
					return true;
				}
				closed = true;
				queue.clear();
				overflow = true;
			}
			else {
				inFlight = true;
			}
		}
		if (overflow) {
			dropAsSlow();
			return false;
		}
		write(frame);
		return true;
	}

	/** Whether the write in flight started longer than the send timeout ago (called with a write in flight). */
	private boolean pendingTooLong() {
		return System.nanoTime() - writeStarted > sendTimeoutMillis * 1_000_000;
	}

	/**
	 * Writes the frame, and after it each queued frame that the socket takes inline, on this thread;
	 * stops at a write that goes pending or asynchronous (its completion writes the next).
	 */
	private void write(Object first) {
		Object frame = first;
		while (frame != null) {
			writeStarted = System.nanoTime();
			InlineFrames.Socket socket = inline;
			if (socket == null) {
				writeAsync(frame);
				return;
			}
			ByteBuffer bytes;
			int payload;
			if (frame instanceof SharedFrame shared) {
				bytes = shared.frame();
				payload = shared.payloadBytes();
			}
			else {
				bytes = SharedFrame.textFrame((String) frame);
				payload = SharedFrame.payloadBytes(bytes);
			}
			InlineFrames.Outcome outcome;
			try {
				outcome = socket.write(bytes, payload, sendTimeoutMillis, this);
			}
			catch (RuntimeException ex) {
				fail(ex);
				return;
			}
			switch (outcome) {
				case WRITTEN -> frame = next();
				case PENDING -> {
					return;
				}
				case FAILED -> {
					fail(socket.failure());
					return;
				}
				case BUSY -> {
					writeAsync(frame);
					return;
				}
			}
		}
	}

	private void writeAsync(Object frame) {
		try {
			if (frame instanceof SharedFrame shared) {
				if (writesBytes) {
					org.apache.tomcat.websocket.SharedTextFrames.send(remote, shared.bytes(), this::sent);
				}
				else {
					remote.sendText(shared.text(), this::sent);
				}
			}
			else {
				remote.sendText((String) frame, this::sent);
			}
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	/** A pending inline write went out whole (a container thread). */
	@Override
	public void written() {
		write(next());
	}

	/** A pending inline write failed or made no progress within the send timeout (a container thread). */
	@Override
	public void failed(Throwable cause) {
		fail(cause);
	}

	private void sent(SendResult result) {
		if (!result.isOK()) {
			fail(result.getException());
			return;
		}
		write(next());
	}

	/** After a frame went out: the next queued one, or null (then the close that waited for it, if any, is done). */
	private @Nullable Object next() {
		Object next;
		CloseStatus closing = null;
		synchronized (this) {
			next = queue.poll();
			if (next == null) {
				inFlight = false;
				closing = closeWhenSent;
				closeWhenSent = null;
			}
		}
		if (closing != null) {
			closeQuietly(closing);
		}
		return next;
	}

	private void fail(@Nullable Throwable cause) {
		synchronized (this) {
			boolean closing = closeWhenSent != null;
			closeWhenSent = null;
			queue.clear();
			if (closed && !closing) {
				return;
			}
			closed = true;
		}
		log.debug("Send to {} failed: {}", session.getId(), cause == null ? "timeout" : cause.toString());
		dropAsSlow();
	}

	private void dropAsSlow() {
		onSlow.accept(this);
		closeQuietly(CloseCodes.SLOW_CONSUMER);
	}

	@Override
	void close(CloseStatus status) {
		synchronized (this) {
			closed = true;
			queue.clear();
		}
		closeQuietly(status);
	}

	/**
	 * Sends a last frame after whatever is queued, then closes: the phone learns why (game over,
	 * kicked, abuse). Bounded like every send: a frame not delivered in the send timeout drops the socket.
	 */
	@Override
	void sendAndClose(String frame, CloseStatus status) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			if (inFlight) {
				queue.add(frame);
				closeWhenSent = status;
				return;
			}
			inFlight = true;
			closeWhenSent = status;
		}
		write(frame);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, Connection.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private void closeQuietly(CloseStatus status) {
		try {
			if (session.isOpen()) {
				session.close(status);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing {} failed: {}", session.getId(), ex.toString());
		}
	}
}
