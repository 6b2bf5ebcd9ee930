package vn.quizfest.server.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP link on 127.0.0.1 in front of the real Redis of the suite, which makes it answer as a loaded
 * machine does: the first bytes of each new connection come {@code firstReply} late (a cold handshake),
 * and while {@link #stall} is on nothing comes back at all (a Redis that stopped answering). It can also
 * be opened late: until {@link #open} its port refuses connections, as a Redis still starting does.
 * Test code only; every thread it starts is a daemon and ends with {@link #close}.
 */
public final class SlowLink implements AutoCloseable {

	private final InetSocketAddress target;

	private final Duration firstReply;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile long stalledUntil;

	public SlowLink(String host, int targetPort, Duration firstReply) throws IOException {
		this.target = new InetSocketAddress(host, targetPort);
		this.firstReply = firstReply;
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
	}

	public int port() {
		return port;
	}

	/** Starts accepting connections on {@link #port}. */
	public synchronized void open() throws IOException {
		ServerSocket listening = new ServerSocket();
		listening.setReuseAddress(true);
		listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		server = listening;
		daemon("slow-link-accept", () -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket redis = new Socket();
					redis.connect(target, 2_000);
					sockets.add(client);
					sockets.add(redis);
					daemon("slow-link-up", () -> pipe(client, redis, Duration.ZERO));
					daemon("slow-link-down", () -> pipe(redis, client, firstReply));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
	}

	/** Nothing comes back from Redis for this long, on every connection. */
	public void stall(Duration time) {
		stalledUntil = System.nanoTime() + time.toNanos();
	}

	private void pipe(Socket from, Socket to, Duration firstDelay) {
		byte[] buffer = new byte[8_192];
		boolean first = true;
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (first && !firstDelay.isZero()) {
					hold(firstDelay.toNanos());
				}
				first = false;
				long stall = stalledUntil - System.nanoTime();
				if (stall > 0) {
					hold(stall);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// One side closed: the other follows.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void hold(long nanos) {
		try {
			new CountDownLatch(1).await(nanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (server != null) {
			server.close();
		}
		for (Socket socket : sockets) {
			closeQuietly(socket);
		}
	}
}
