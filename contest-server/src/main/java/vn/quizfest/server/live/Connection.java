package vn.quizfest.server.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

/**
 * One client socket with a thread-safe, non-blocking send path. Frames go out one at a time
 * through the container's asynchronous send; later frames wait in a small queue. A connection that
 * cannot keep up (queue full, or one frame not delivered within the send timeout) is closed with
 * {@link CloseCodes#SLOW_CONSUMER}: a slow phone is dropped, it can resume, and it never holds a
 * sender thread, so it never stalls the others.
 */
final class Connection extends Peer {

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

	private final Consumer<Connection> onSlow;

	private boolean inFlight;

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
		return enqueue(writesBytes ? frame : frame.text());
	}

	/** Writes the frame now, or queues it behind the one in flight; a full queue drops the socket. */
	private boolean enqueue(Object frame) {
		boolean overflow = false;
		synchronized (this) {
			if (closed) {
				return false;
			}
			if (inFlight) {
				if (queue.size() < maxQueued) {
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

	private void write(Object frame) {
		try {
			if (frame instanceof SharedFrame shared) {
				org.apache.tomcat.websocket.SharedTextFrames.send(remote, shared.bytes(), this::sent);
			}
			else {
				remote.sendText((String) frame, this::sent);
			}
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private void sent(SendResult result) {
		if (!result.isOK()) {
			failed(result.getException());
			return;
		}
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
		else if (next != null) {
			write(next);
		}
	}

	private void failed(@Nullable Throwable cause) {
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
