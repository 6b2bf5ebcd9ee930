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

	private final WebSocketSession session;

	private final RemoteEndpoint.Async remote;

	private final int maxQueued;

	private final ArrayDeque<String> queue = new ArrayDeque<>();

	private final Consumer<Connection> onSlow;

	private boolean inFlight;

	private boolean closed;

	final RateLimiter rateLimiter;

	/** Set when this socket plays a game held by another node: its frames go there. */
	volatile ClusterRelay.@Nullable GameRelay relay;

	Connection(WebSocketSession session, LiveSettings settings, Consumer<Connection> onSlow) {
		this.session = session;
		Session nativeSession = ((StandardWebSocketSession) session).getNativeSession(Session.class);
		this.remote = nativeSession.getAsyncRemote();
		this.remote.setSendTimeout(settings.sendTimeout().toMillis());
		this.maxQueued = settings.maxQueuedFrames();
		this.onSlow = onSlow;
		this.rateLimiter = new RateLimiter(settings.messagesPerSecond(), settings.burst(), settings.abuseLimit());
	}

	@Override
	String id() {
		return session.getId();
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
		synchronized (this) {
			if (closed) {
				return false;
			}
			if (inFlight) {
				if (queue.size() >= maxQueued) {
					closed = true;
					queue.clear();
				}
				else {
					queue.add(frame);
					return true;
				}
			}
			else {
				inFlight = true;
			}
		}
		if (isClosedNow()) {
			dropAsSlow();
			return false;
		}
		write(frame);
		return true;
	}

	private boolean isClosedNow() {
		synchronized (this) {
			return closed;
		}
	}

	private void write(String frame) {
		try {
			remote.sendText(frame, this::sent);
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
		String next;
		synchronized (this) {
			next = closed ? null : queue.poll();
			if (next == null) {
				inFlight = false;
				return;
			}
		}
		write(next);
	}

	private void failed(@Nullable Throwable cause) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			queue.clear();
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

	/** Closes once the last frame has gone out (or the send timeout has passed). */
	@Override
	void sendAndClose(String frame, CloseStatus status) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			queue.clear();
			if (inFlight) {
				// The frame in flight may still be going out; closing now is the bounded choice.
				closeQuietly(status);
				return;
			}
			inFlight = true;
		}
		try {
			remote.sendText(frame, result -> closeQuietly(status));
		}
		catch (RuntimeException ex) {
			closeQuietly(status);
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
