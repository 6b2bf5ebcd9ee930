package vn.quizfest.server.contest.window;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * A scheduled job's view of a database outage: one WARN line when the database stops answering, one INFO
 * line when it answers again, and nothing at the runs in between. Without it every node logged an ERROR
 * with a stack trace at every run (every few seconds) for as long as the database was down.
 */
final class JobOutage {

	private final Logger log;

	private final String job;

	// Only the job's own scheduler thread reads and writes these.
	private long since = -1;

	private int skipped;

	JobOutage(Logger log, String job) {
		this.log = log;
		this.job = job;
	}

	/** Whether the failure says the database cannot be reached (as opposed to a bug or bad data). */
	static boolean unreachable(Throwable failure) {
		return failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
				|| failure instanceof RecoverableDataAccessException;
	}

	/** A run failed: true (and logged at most once per outage) when it was the database being away. */
	boolean failed(RuntimeException failure) {
		if (!unreachable(failure)) {
			return false;
		}
		if (since < 0) {
			since = System.nanoTime();
			Throwable cause = ((DataAccessException) failure).getMostSpecificCause();
			String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
			log.warn("{}: the database does not answer ({}: {}); tried again at every run, logged again when it answers",
					job, cause.getClass().getSimpleName(), message);
		}
		skipped++;
		return true;
	}

	/** A run went through: the end of an outage, if there was one, is logged. */
	void succeeded() {
		if (since >= 0) {
			log.info("{}: the database answers again after {} s ({} runs failed)", job,
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since), skipped);
			since = -1;
			skipped = 0;
		}
	}
}
