package vn.quizfest.server.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.quizfest.server.results.ResultStatements.Kind;

/**
 * Writes game results to the database behind the live game (write-behind): records go into a bounded
 * queue, and one writer thread stores them in batches, one transaction per batch, retrying a failed
 * batch with backoff until the database is back. Every record is idempotent, so a retry or a replay
 * leaves the same rows.
 *
 * <p>{@link #submit} never blocks. It runs on the game thread, which also times the questions and
 * acknowledges the answers of thousands of players; a database that is slow or down for a moment must
 * never stall a live game. When the queue is full the record is dropped, logged and counted in
 * {@code quiz.results.dropped}; the queue is sized (setting {@code quizfest.results.queue-capacity})
 * so that this only happens when the database has been gone for a long time.
 *
 * <p>Shutdown writes everything that is queued (see {@link #PHASE}). Meters: {@code
 * quiz.results.queue.depth}, {@code quiz.results.queue.age}, {@code quiz.results.batch} (tag {@code outcome}), {@code
 * quiz.results.written} (tag {@code kind}), {@code quiz.results.dropped}, {@code
 * quiz.results.rejected}.
 */
public final class ResultsWriter implements SmartLifecycle, DisposableBean {

	/**
	 * Lifecycle phase: stops after the web server (graceful shutdown {@code MAX_VALUE - 1024}, then
	 * {@code MAX_VALUE - 2048}) has stopped taking requests and after the live games, whose lifecycle
	 * must use a higher phase than this, have submitted their last records. A lower phase stops later;
	 * the DataSource closes only after every lifecycle has stopped, so the queue is drained into an
	 * open database.
	 */
	public static final int PHASE = Integer.MAX_VALUE - 4096;

	private static final Logger log = LoggerFactory.getLogger(ResultsWriter.class);

	/** How long an idle writer waits for a record before it looks at the lifecycle again. */
	private static final long IDLE_POLL_MILLIS = 500;

	private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ResultsSettings settings;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/** Result records, and flush barriers ({@code CompletableFuture<Boolean>}) in submission order. */
	private final BlockingQueue<Object> queue;

	private final Counter dropped;

	private final Counter rejected;

	private final Map<Kind, Counter> written = new EnumMap<>(Kind.class);

	private final Timer batchWritten;

	private final Timer batchFailed;

	private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);

	private final Object lifecycle = new Object();

	private volatile @Nullable Thread writer;

	private volatile boolean stopping;

	private volatile boolean stopped;

	/** During shutdown, when a failing database is given up ({@link System#nanoTime()}). */
	private volatile long giveUpAt;

	// ---- what is waiting, for health and metrics (see pending() and oldestWaiting()) ----

	private static final long NOTHING_WAITING = Long.MIN_VALUE;

	/** When the oldest record not yet written came in ({@link System#nanoTime()}), or NOTHING_WAITING. */
	private final AtomicLong waitingSince = new AtomicLong(NOTHING_WAITING);

	/** Records the writer has taken out of the queue and is writing (or retrying) now. */
	private volatile int inHand;

	/** Records not in the database yet: queued, and the batch being written or retried. */
	public int pending() {
		return queue.size() + inHand;
	}

	/**
	 * How long the oldest record not yet written has waited: since the first record that came in after
	 * the last batch was written. During a database outage, that is how long results have been held back.
	 */
	public Duration oldestWaiting() {
		long since = waitingSince.get();
		return since == NOTHING_WAITING ? Duration.ZERO : Duration.ofNanos(Math.max(0, System.nanoTime() - since));
	}

	private void waiting() {
		waitingSince.compareAndSet(NOTHING_WAITING, System.nanoTime());
	}

	private void written() {
		waitingSince.set(queue.isEmpty() ? NOTHING_WAITING : System.nanoTime());
	}

	ResultsWriter(DataSource dataSource, ResultsSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transactions.setTimeout((int) settings.batchTimeout().toSeconds());
		this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
		Gauge.builder("quiz.results.queue.depth", queue, Collection::size)
			.description("Result records waiting to be written to the database")
			.register(meters);
		Gauge.builder("quiz.results.pending", this, ResultsWriter::pending)
			.description("Result records not in the database yet: queued and the batch being written or retried")
			.register(meters);
		Gauge.builder("quiz.results.queue.age", this, writer -> writer.oldestWaiting().toMillis() / 1000.0)
			.description("How long the oldest result record not yet written has waited")
			.baseUnit("seconds")
			.register(meters);
		this.dropped = Counter.builder("quiz.results.dropped")
			.description("Result records that were never written: queue full, or shutdown without a database")
			.register(meters);
		this.rejected = Counter.builder("quiz.results.rejected")
			.description("Result records that cannot be written (invalid values); each is logged in full")
			.register(meters);
		for (Kind kind : Kind.values()) {
			written.put(kind, Counter.builder("quiz.results.written")
				.description("Result records written to the database")
				.tag("kind", kind.tag)
				.register(meters));
		}
		this.batchWritten = batchTimer(meters, "success");
		this.batchFailed = batchTimer(meters, "failure");
	}

	private static Timer batchTimer(MeterRegistry meters, String outcome) {
		return Timer.builder("quiz.results.batch")
			.description("Time to write one batch of result records in one transaction")
			.tag("outcome", outcome)
			.register(meters);
	}

	/** Queues a record for writing; never blocks (see the class comment). */
	public void submit(ResultRecord record) {
		if (stopped) {
			drop(record, "submitted after the writer stopped");
			return;
		}
		if (!queue.offer(record)) {
			drop(record, "queue full: the database is down or too slow");
		}
		else if (!stopped) {
			waiting();
		}
		else if (stopped && queue.remove(record)) {
			// Raced with the end of shutdown: nobody will write it any more.
			drop(record, "submitted after the writer stopped");
		}
	}

	/**
	 * Waits until every record submitted before this call is in the database (or set aside as invalid
	 * and logged). For tests and for the live layer at the end of a game; it blocks, so not on a game
	 * thread.
	 * @return whether that happened within the timeout
	 */
	public boolean flush(Duration timeout) {
		if (stopped) {
			return queue.isEmpty();
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		CompletableFuture<Boolean> done = new CompletableFuture<>();
		try {
			if (!queue.offer(done, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				return false;
			}
			return done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (TimeoutException | ExecutionException ex) {
			return false;
		}
	}

	/** Records waiting in the queue. */
	int depth() {
		return queue.size();
	}

	@Override
	public void start() {
		synchronized (lifecycle) {
			if (writer != null) {
				return;
			}
			stopping = false;
			stopped = false;
			Thread thread = new Thread(this::run, "results-writer");
			// A writer that was never stopped must not keep the JVM alive; Spring stops it on shutdown.
			thread.setDaemon(true);
			writer = thread;
			thread.start();
		}
	}

	/** Writes everything queued, then stops; gives up on a database that stays down (see settings). */
	@Override
	public void stop() {
		Thread thread;
		synchronized (lifecycle) {
			thread = writer;
			if (thread == null) {
				return;
			}
			giveUpAt = System.nanoTime() + settings.shutdownTimeout().toNanos();
			stopping = true;
		}
		// Wakes an idle writer at once (a barrier nobody waits for).
		queue.offer(new CompletableFuture<Boolean>());
		try {
			while (thread.isAlive()) {
				thread.join(10_000);
				if (thread.isAlive()) {
					log.info("Still writing game results before shutdown: {} records waiting", queue.size());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.error("Interrupted while writing game results before shutdown; {} records waiting", queue.size());
		}
		synchronized (lifecycle) {
			writer = null;
			stopped = true;
		}
		List<ResultRecord> late = records(drainAll());
		if (!late.isEmpty()) {
			dropped.increment(late.size());
			log.error("{} game result records were submitted during shutdown and not written ({})", late.size(),
					ResultStatements.count(late));
		}
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		stop();
	}

	private void run() {
		List<Object> taken = new ArrayList<>(settings.batchSize() + 1);
		while (true) {
			try {
				take(taken);
			}
			catch (InterruptedException ex) {
				// Nobody interrupts this thread on purpose; keep going until stop() ends it.
				Thread.interrupted();
			}
			if (taken.isEmpty()) {
				if (stopping && queue.isEmpty()) {
					return;
				}
				continue;
			}
			List<ResultRecord> records = records(taken);
			inHand = records.size();
			boolean written = records.isEmpty() || write(records);
			inHand = 0;
			if (written && !records.isEmpty()) {
				written();
			}
			for (Object item : taken) {
				if (item instanceof CompletableFuture<?> barrier) {
					complete(barrier, written);
				}
			}
			taken.clear();
		}
	}

	/**
	 * Takes up to one batch: waits for a first record, then for more until the batch is full, the
	 * batch window has passed or a flush is waiting. While stopping it takes what is there at once.
	 */
	private void take(List<Object> taken) throws InterruptedException {
		Object first = stopping ? queue.poll() : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
		if (first == null) {
			return;
		}
		taken.add(first);
		long deadline = System.nanoTime() + settings.batchWindow().toNanos();
		int checked = 0;
		while (taken.size() < settings.batchSize()) {
			queue.drainTo(taken, settings.batchSize() - taken.size());
			if (hasBarrier(taken, checked) || stopping || taken.size() >= settings.batchSize()) {
				return;
			}
			checked = taken.size();
			long remaining = deadline - System.nanoTime();
			Object next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				return;
			}
			taken.add(next);
		}
	}

	private static boolean hasBarrier(List<Object> taken, int from) {
		for (int i = from; i < taken.size(); i++) {
			if (taken.get(i) instanceof CompletableFuture) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Writes the records in one transaction, retrying until it works. A record that cannot be written
	 * (a nickname too long, say) is found by writing the batch one record at a time, then logged and set
	 * aside, so one bad record never holds up the results of every game.
	 * @return false only if shutdown gave up on the database
	 */
	private boolean write(List<ResultRecord> records) {
		for (int attempt = 1;; attempt++) {
			long start = System.nanoTime();
			try {
				transactions.executeWithoutResult(status -> ResultStatements.write(jdbc, records));
				batchWritten.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				ResultStatements.count(records).forEach((kind, count) -> written.get(kind).increment(count));
				if (attempt > 1) {
					log.info("Wrote {} game result records after {} failed attempts", records.size(), attempt - 1);
				}
				return true;
			}
			catch (RuntimeException ex) {
				batchFailed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				if (isRecordProblem(ex)) {
					return setAsideBadRecords(records, ex);
				}
				if (attempt == 1) {
					log.warn("Writing {} game result records failed; retrying: {}", records.size(), ex.toString());
				}
				else if (attempt % settings.alarmAfterFailures() == 0) {
					log.error("Writing game results has failed {} times in a row: {} records of this batch ({}) and "
							+ "{} queued are not in the database yet; retrying: {}", attempt, records.size(),
							ResultStatements.count(records), queue.size(), ex.toString());
				}
				if (stopping && System.nanoTime() - giveUpAt >= 0) {
					abandon(records, ex);
					return false;
				}
				pause(attempt);
			}
		}
	}

	/**
	 * Whether the records themselves are at fault (a value too long, a missing value, a bug in the
	 * caller), so that writing the same batch again cannot help. Unavailable databases, lost
	 * connections, timeouts and deadlocks are retried.
	 */
	private static boolean isRecordProblem(RuntimeException ex) {
		return ex instanceof DataIntegrityViolationException
				|| !(ex instanceof DataAccessException || ex instanceof TransactionException);
	}

	/** Writes the records one at a time, so only the bad ones are left out; each of those is logged in full. */
	private boolean setAsideBadRecords(List<ResultRecord> records, RuntimeException ex) {
		if (records.size() == 1) {
			rejected.increment();
			log.error("A game result record cannot be written and is set aside: {}", records.get(0), ex);
			return true;
		}
		log.warn("A batch of {} game result records cannot be written ({}); writing them one by one", records.size(),
				ex instanceof NestedRuntimeException nested ? nested.getMostSpecificCause().getMessage() : ex.toString());
		boolean all = true;
		for (ResultRecord record : records) {
			all &= write(List.of(record));
		}
		return all;
	}

	private void pause(int attempt) {
		long backoff = settings.retryBackoff().toNanos() << Math.min(attempt - 1, 20);
		long wait = Math.min(backoff, settings.maxRetryBackoff().toNanos());
		if (stopping) {
			wait = Math.max(0, Math.min(wait, giveUpAt - System.nanoTime()));
		}
		try {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.interrupted();
		}
	}

	/** Shutdown with the database still down: says loudly what is lost. */
	private void abandon(List<ResultRecord> records, RuntimeException cause) {
		List<Object> rest = drainAll();
		List<ResultRecord> lost = new ArrayList<>(records);
		lost.addAll(records(rest));
		for (Object item : rest) {
			if (item instanceof CompletableFuture<?> barrier) {
				complete(barrier, false);
			}
		}
		dropped.increment(lost.size());
		log.error("Shutting down while the database is unavailable: {} game result records could not be written "
				+ "({}). Last error: {}", lost.size(), ResultStatements.count(lost), cause.toString());
	}

	private List<Object> drainAll() {
		List<Object> all = new ArrayList<>();
		queue.drainTo(all);
		return all;
	}

	private static List<ResultRecord> records(List<Object> items) {
		List<ResultRecord> records = new ArrayList<>(items.size());
		for (Object item : items) {
			if (item instanceof ResultRecord record) {
				records.add(record);
			}
		}
		return records;
	}

	@SuppressWarnings("unchecked")
	private static void complete(CompletableFuture<?> barrier, boolean written) {
		((CompletableFuture<Boolean>) barrier).complete(written);
	}

	private void drop(ResultRecord record, String reason) {
		dropped.increment();
		long now = System.nanoTime();
		long last = lastDropLog.get();
		if (now - last >= DROP_LOG_INTERVAL_NANOS && lastDropLog.compareAndSet(last, now)) {
			log.error("Game result record dropped ({}); {} dropped so far, the last one {} of game {}", reason,
					(long) dropped.count(), record.getClass().getSimpleName(), record.gameId());
		}
	}
}
