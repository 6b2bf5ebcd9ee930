package vn.quizfest.server.live;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * Logs unexpected failures of client frames in one line each (the exception and where it was
 * thrown, no stack trace), at most {@code perWindow} lines in a 10-second window; the rest are counted
 * and the count goes out with the next line. A client that finds a bug must not be able to fill the
 * disk with it: a stack trace per frame was about 0.85 MB of log per second from one client.
 */
final class FailureLog {

	static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Logger log;

	private final int perWindow;

	private long windowStart = Long.MIN_VALUE;

	private int logged;

	private long suppressed;

	FailureLog(Logger log, int perWindow) {
		this.log = log;
		this.perWindow = perWindow;
	}

	void failed(String what, Throwable failure) {
		long dropped;
		synchronized (this) {
			long now = System.nanoTime();
			if (windowStart == Long.MIN_VALUE || now - windowStart > WINDOW_NANOS) {
				windowStart = now;
				logged = 0;
			}
			if (logged >= perWindow) {
				suppressed++;
				return;
			}
			logged++;
			dropped = suppressed;
			suppressed = 0;
		}
		StackTraceElement[] trace = failure.getStackTrace();
		String at = trace.length == 0 ? "?" : trace[0].toString();
		log.warn("{} failed: {} at {}{}", what, failure.toString().replace('\n', ' '), at,
				dropped == 0 ? "" : " (" + dropped + " similar failures not logged)");
	}
}
