package vn.quizfest.server.live;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order they came, on a shared pool: a game's outbox and a relayed
 * game's frames keep their order without a thread of their own.
 */
final class SerialExecutor implements Executor {

	private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

	private final Executor pool;

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean();

	SerialExecutor(Executor pool) {
		this.pool = pool;
	}

	@Override
	public void execute(Runnable task) {
		tasks.add(task);
		if (running.compareAndSet(false, true)) {
			pool.execute(this::drain);
		}
	}

	/** Nothing queued and nothing running. */
	boolean idle() {
		return !running.get() && tasks.isEmpty();
	}

	private void drain() {
		while (true) {
			Runnable next;
			while ((next = tasks.poll()) != null) {
				try {
					next.run();
				}
				catch (RuntimeException ex) {
					log.error("A live task failed", ex);
				}
			}
			running.set(false);
			// A task queued after the last poll but before the flag dropped must not be stranded.
			if (tasks.isEmpty() || !running.compareAndSet(false, true)) {
				return;
			}
		}
	}

	/** Daemon threads named after what they do, for the live game's pools. */
	static ThreadFactory daemonThreads(String name) {
		AtomicInteger counter = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
