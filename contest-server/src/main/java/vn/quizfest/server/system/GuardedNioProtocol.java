package vn.quizfest.server.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's NIO HTTP/1.1 protocol with two guards that Tomcat lacks, both applied to every connection
 * before any request is parsed (docs/operations.md, "Connection limits"):
 * <ul>
 * <li>a cap of open connections per client address, checked when the connection is accepted: one over
 * it is closed at once, before a byte is read;</li>
 * <li>a deadline for a request's request line and headers, counted from the request's first byte.
 * Tomcat's {@code connectionTimeout} restarts with every byte read, so a client that drips one byte
 * every few seconds would hold its connection (and a thread's worth of parsing state) for ever.</li>
 * </ul>
 * Public with a no-argument constructor because Tomcat creates the protocol from its class name
 * ({@code TomcatServletWebServerFactory.setProtocol}); {@link ConnectionGuards} configures it.
 */
public class GuardedNioProtocol extends Http11NioProtocol {

	public GuardedNioProtocol() {
		super(new GuardedEndpoint());
	}

	private GuardedEndpoint guarded() {
		return (GuardedEndpoint) getEndpoint();
	}

	/** Request line and headers must be complete this long after the request's first byte; zero turns it off. */
	public void setHeaderDeadline(Duration deadline) {
		guarded().headerDeadlineNanos = deadline.toNanos();
	}

	/** Open connections one address may hold; zero or less turns the cap off. */
	public void setMaxConnectionsPerAddress(int max) {
		guarded().maxPerAddress = max;
	}

	/** Addresses exempt from the per-address cap (the trusted reverse proxies, which cap by themselves). */
	public void setExemptAddresses(@Nullable Pattern exempt) {
		guarded().exempt = exempt;
	}

	/** Open connections this endpoint counts for {@code address} (tests and diagnostics). */
	public int openConnections(String address) {
		var count = guarded().perAddress.get(address);
		return count == null ? 0 : count[0];
	}

	static final class GuardedEndpoint extends NioEndpoint {

		private static final Log log = LogFactory.getLog(GuardedNioProtocol.class);

		/** How often open connections are checked against the header deadline. */
		private static final long SWEEP_MILLIS = 250;

		volatile long headerDeadlineNanos = Duration.ofSeconds(10).toNanos();

		volatile int maxPerAddress = 600;

		volatile @Nullable Pattern exempt;

		/** Open connections by address; one-element arrays changed only inside {@code compute}. */
		final Map<String, int[]> perAddress = new ConcurrentHashMap<>();

		/** The address each counted connection was counted under, to give it back when it closes. */
		private final Map<SocketWrapperBase<NioChannel>, String> counted = new ConcurrentHashMap<>();

		/** Every open connection, for the header deadline; the value is unused. */
		private final Map<SocketWrapperBase<NioChannel>, Boolean> open = new ConcurrentHashMap<>();

		private @Nullable ScheduledExecutorService sweeper;

		private long lastRefusalLog;

		@Override
		public void setHandler(AbstractEndpoint.Handler<NioChannel> handler) {
			super.setHandler(new Releasing(handler));
		}

		@Override
		protected boolean setSocketOptions(SocketChannel socket) {
			String address = address(socket);
			boolean counts = address != null && maxPerAddress > 0 && !isExempt(address);
			if (counts && !admit(address)) {
				refused(address);
				// Closed here: the acceptor's closeSocket only closes sockets that already have a wrapper.
				destroySocket(socket);
				return false;
			}
			if (!super.setSocketOptions(socket)) {
				if (counts) {
					release(address);
				}
				return false;
			}
			SocketWrapperBase<NioChannel> wrapper = connections.get(socket);
			if (wrapper == null) {
				// Closed already, between registration and here: the handler's release saw no count.
				if (counts) {
					release(address);
				}
				return true;
			}
			if (counts) {
				counted.put(wrapper, address);
				if (wrapper.isClosed() && counted.remove(wrapper) != null) {
					release(address);
				}
			}
			open.put(wrapper, Boolean.TRUE);
			if (wrapper.isClosed()) {
				open.remove(wrapper);
			}
			return true;
		}

		private boolean isExempt(String address) {
			Pattern pattern = exempt;
			return pattern != null && pattern.matcher(address).matches();
		}

		private boolean admit(String address) {
			boolean[] admitted = { false };
			perAddress.compute(address, (key, count) -> {
				int now = count == null ? 0 : count[0];
				if (now >= maxPerAddress) {
					return count;
				}
				admitted[0] = true;
				return count == null ? new int[] { 1 } : new int[] { now + 1 };
			});
			return admitted[0];
		}

		private void release(String address) {
			perAddress.computeIfPresent(address, (key, count) -> count[0] <= 1 ? null : new int[] { count[0] - 1 });
		}

		/** One line at most every 10 seconds: a flood must not fill the log. */
		private void refused(String address) {
			long now = System.nanoTime();
			synchronized (this) {
				if (lastRefusalLog != 0 && now - lastRefusalLog < TimeUnit.SECONDS.toNanos(10)) {
					return;
				}
				lastRefusalLog = now;
			}
			log.warn("Connections from " + address + " refused: it holds " + maxPerAddress
					+ " open connections (quizfest.http.max-connections-per-address)");
		}

		private static @Nullable String address(SocketChannel socket) {
			try {
				SocketAddress remote = socket.getRemoteAddress();
				if (remote instanceof InetSocketAddress inet) {
					return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
				}
				return null;
			}
			catch (IOException gone) {
				return null;
			}
		}

		@Override
		public void startInternal() throws Exception {
			super.startInternal();
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, getName() + "-header-deadline");
				thread.setDaemon(true);
				return thread;
			});
			executor.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
			sweeper = executor;
		}

		@Override
		public void stopInternal() {
			ScheduledExecutorService executor = sweeper;
			if (executor != null) {
				executor.shutdownNow();
				sweeper = null;
			}
			super.stopInternal();
		}

		/**
		 * Ends every connection whose current request started (its first byte read) longer ago than the
		 * deadline and is still being parsed.
		 */
		private void sweep() {
			long deadline = headerDeadlineNanos;
			if (deadline <= 0) {
				return;
			}
			long now = System.nanoTime();
			for (SocketWrapperBase<NioChannel> wrapper : open.keySet()) {
				try {
					if (wrapper.isClosed()) {
						// Normally done by the handler's release; this only guards the count against a missed one.
						open.remove(wrapper);
						String address = counted.remove(wrapper);
						if (address != null) {
							release(address);
						}
					}
					else if (overdue(wrapper, now, deadline)) {
						end(wrapper, now, deadline);
					}
				}
				catch (RuntimeException unexpected) {
					log.debug("Header deadline check failed", unexpected);
				}
			}
		}

		/**
		 * Between two reads of an unfinished request line or header block, Tomcat parks the connection
		 * in the poller with its HTTP/1.1 processor attached; a request being served has its processor
		 * taken by a worker thread, an idle kept-alive connection has none, an asynchronous request is
		 * marked so, and an upgraded (WebSocket) connection has an upgrade processor. The request's
		 * start is its first byte (Tomcat marks it when parsing begins).
		 */
		private static boolean overdue(SocketWrapperBase<NioChannel> wrapper, long now, long deadline) {
			if (!(wrapper.getCurrentProcessor() instanceof Http11Processor processor) || processor.isAsync()) {
				return false;
			}
			long started = processor.getRequest().getStartTimeNanos();
			return started > 0 && now - started > deadline;
		}

		/** As Tomcat's poller ends a read that timed out: an error event on a worker thread closes it. */
		private void end(SocketWrapperBase<NioChannel> wrapper, long now, long deadline) {
			ReentrantLock lock = wrapper.getLock();
			// Held while a worker processes the socket: look again once nothing else touches it.
			if (!lock.tryLock()) {
				return;
			}
			boolean stillOverdue;
			try {
				stillOverdue = !wrapper.isClosed() && overdue(wrapper, now, deadline);
			}
			finally {
				lock.unlock();
			}
			if (stillOverdue && !processSocket(wrapper, SocketEvent.ERROR, true)) {
				wrapper.close();
			}
		}

		/** Tomcat's connection handler, also told when a connection closes: it gives back the count. */
		private final class Releasing implements AbstractEndpoint.Handler<NioChannel> {

			private final AbstractEndpoint.Handler<NioChannel> handler;

			Releasing(AbstractEndpoint.Handler<NioChannel> handler) {
				this.handler = handler;
			}

			@Override
			public SocketState process(SocketWrapperBase<NioChannel> socket, SocketEvent status) {
				return handler.process(socket, status);
			}

			@Override
			public Object getGlobal() {
				return handler.getGlobal();
			}

			@Override
			public void release(SocketWrapperBase<NioChannel> socket) {
				try {
					handler.release(socket);
				}
				finally {
					open.remove(socket);
					String address = counted.remove(socket);
					if (address != null) {
						GuardedEndpoint.this.release(address);
					}
				}
			}

			@Override
			public void pause() {
				handler.pause();
			}

			@Override
			public void recycle() {
				handler.recycle();
			}
		}
	}
}
