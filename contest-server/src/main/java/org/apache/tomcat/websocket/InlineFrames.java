package org.apache.tomcat.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.Session;

import org.apache.tomcat.util.net.SocketWrapperBase;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;
import org.apache.tomcat.websocket.server.WsRemoteEndpointImplServer;

/**
 * Writes a whole WebSocket frame (header and payload, already encoded) from the calling thread, and
 * finishes there when the socket takes every byte. Tomcat's asynchronous send writes from the calling
 * thread too, but it hands every completed write to the container's executor (one task and one thread
 * wake-up per socket per frame) and registers every send with its write-timeout set; at 10,000 sockets
 * per broadcast that hand-off was most of the send time (docs/benchmarks.md, issue 17). Here a write
 * the socket takes whole completes inline; only a socket whose buffer is full keeps a write pending,
 * which Tomcat's poller finishes when the socket drains (on a container thread), bounded by the write
 * timeout given. The frame goes out under Tomcat's own one-message-at-a-time permit, so it never
 * interleaves with a frame Tomcat writes itself (a pong, a close).
 *
 * <p>This class lives in Tomcat's package because the permit and the socket are not public; the socket
 * is read once per connection from a private field. When any of that is missing (another Tomcat,
 * another connector, an extension negotiated) {@link #of} returns null and the caller sends through
 * the standard API as before.
 */
public final class InlineFrames {

	/** What became of a frame handed to {@link Socket#write}. */
	public enum Outcome {

		/** The socket took every byte; the frame is sent. */
		WRITTEN,

		/** The socket took part of it; the rest goes when it drains, and the listener hears the end. */
		PENDING,

		/** Nothing was written: Tomcat is writing on this socket itself, or it is closing; send it the usual way. */
		BUSY,

		/** The socket failed ({@link Socket#failure()}); nothing more goes out on it. */
		FAILED
	}

	/** Hears how a {@link Outcome#PENDING} write ended; called once, on a container thread. */
	public interface Listener {

		void written();

		void failed(Throwable cause);
	}

	private static final VarHandle SOCKET_WRAPPER = socketWrapperField();

	private InlineFrames() {
	}

	/**
	 * The inline writer of a Tomcat session, or null when this session cannot take one (not Tomcat's
	 * server endpoint, no asynchronous I/O, an extension or batching in use, or the field not found).
	 */
	public static Socket of(Session session) {
		if (SOCKET_WRAPPER == null || !(session instanceof WsSession wsSession)
				|| !session.getNegotiatedExtensions().isEmpty()
				|| !(session.getAsyncRemote() instanceof WsRemoteEndpointAsync async)
				|| !(async.base instanceof WsRemoteEndpointImplServer server)) {
			return null;
		}
		try {
			if (server.getBatchingAllowed()) {
				return null;
			}
			SocketWrapperBase<?> wrapper = (SocketWrapperBase<?>) SOCKET_WRAPPER.get(server);
			return wrapper != null && wrapper.hasAsyncIO() ? new Socket(server, wsSession, wrapper) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static VarHandle socketWrapperField() {
		try {
			return MethodHandles.privateLookupIn(WsRemoteEndpointImplServer.class, MethodHandles.lookup())
				.findVarHandle(WsRemoteEndpointImplServer.class, "socketWrapper", SocketWrapperBase.class);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * One socket's inline writer. One write at a time: the caller waits for {@link Outcome#WRITTEN},
	 * {@link Outcome#FAILED} or the listener of a pending write before it writes again.
	 */
	public static final class Socket implements CompletionHandler<Long, Void> {

		private static final int IDLE = 0;

		private static final int WRITING = 1;

		private static final int PENDING = 2;

		private final WsRemoteEndpointImplBase base;

		private final WsSession session;

		private final SocketWrapperBase<?> wrapper;

		/** Whether the write is still inside {@link #write} or already pending; who finishes it tells the listener. */
		private final AtomicInteger phase = new AtomicInteger(IDLE);

		private volatile Throwable failure;

		private volatile Listener listener;

		private Socket(WsRemoteEndpointImplBase base, WsSession session, SocketWrapperBase<?> wrapper) {
			this.base = base;
			this.session = session;
			this.wrapper = wrapper;
		}

		/**
		 * Writes the frame without blocking.
		 * @param frame the whole frame, header included, from its position to its limit (a view of its own)
		 * @param payloadBytes the payload's length, for Tomcat's statistics
		 * @param timeoutMillis a pending write that makes no progress for this long fails
		 * @param whenPending hears the end of a write that returned {@link Outcome#PENDING}
		 */
		public Outcome write(ByteBuffer frame, int payloadBytes, long timeoutMillis, Listener whenPending) {
			if (!base.messagePartInProgress.tryAcquire()) {
				return Outcome.BUSY;
			}
			if (session.isClosing()) {
				base.endMessage(null, null);
				return Outcome.BUSY;
			}
			listener = whenPending;
			failure = null;
			phase.set(WRITING);
			session.updateLastActiveWrite();
			CompletionState state;
			try {
				state = wrapper.write(BlockingMode.NON_BLOCK, timeoutMillis, TimeUnit.MILLISECONDS, null,
						SocketWrapperBase.COMPLETE_WRITE_WITH_COMPLETION, this, frame);
			}
			catch (RuntimeException ex) {
				failed(ex, null);
				state = CompletionState.ERROR;
			}
			if (state == CompletionState.NOT_DONE) {
				// Tomcat's socket had a write of its own pending: nothing was written and no handler runs.
				phase.set(IDLE);
				base.endMessage(null, null);
				return Outcome.BUSY;
			}
			base.updateStats(payloadBytes);
			if (phase.compareAndSet(WRITING, PENDING)) {
				return Outcome.PENDING;
			}
			// Finished before write returned: inline as a rule, or on a container thread that was quicker.
			return failure == null ? Outcome.WRITTEN : Outcome.FAILED;
		}

		/** Why the last write failed. */
		public Throwable failure() {
			return failure;
		}

		@Override
		public void completed(Long bytes, Void attachment) {
			finish(null);
		}

		@Override
		public void failed(Throwable cause, Void attachment) {
			finish(cause == null ? new java.io.EOFException() : cause);
		}

		private void finish(Throwable cause) {
			failure = cause;
			while (true) {
				int now = phase.get();
				if (now == WRITING) {
					if (phase.compareAndSet(WRITING, IDLE)) {
						base.endMessage(null, null);
						return;
					}
				}
				else if (now == PENDING) {
					if (phase.compareAndSet(PENDING, IDLE)) {
						base.endMessage(null, null);
						Listener waiting = listener;
						if (cause == null) {
							waiting.written();
						}
						else {
							waiting.failed(cause);
						}
						return;
					}
				}
				else {
					return;
				}
			}
		}
	}
}
