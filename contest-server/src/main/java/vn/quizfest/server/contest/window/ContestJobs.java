package vn.quizfest.server.contest.window;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import vn.quizfest.server.system.ApiException;

/**
 * What happens on its own, on every node: rounds open at {@code opensAt} and close after
 * {@code closesAt} plus the grace, overdue attempts are submitted (a bounded batch per run), and
 * personal data past its retention is erased. Each step is a conditional UPDATE on a state, so with
 * several nodes each round is opened and closed once and each attempt submitted once.
 */
@Component
class ContestJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ContestJobs.class);

	private static final int ROUNDS_PER_RUN = 20;

	private final ContestStore store;

	private final ContestAdmin admin;

	private final RoundClosing closing;

	private final AttemptDesk attempts;

	private final Retention retention;

	private final ContestSettings settings;

	private final Clock clock;

	private final boolean enabled;

	private final JobOutage outage = new JobOutage(log, "Contest jobs");

	ContestJobs(ContestStore store, ContestAdmin admin, RoundClosing closing, AttemptDesk attempts, Retention retention,
			ContestSettings settings, Clock clock, @Value("${quizfest.contests.jobs-enabled:true}") boolean enabled) {
		this.store = store;
		this.admin = admin;
		this.closing = closing;
		this.attempts = attempts;
		this.retention = retention;
		this.settings = settings;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (enabled) {
			registrar.addFixedDelayTask(this::runOnce, settings.jobInterval());
		}
	}

	/**
	 * One pass of every job; a failure of one round or job is logged and the others go on. A database that
	 * does not answer ends the pass, and is logged once when it goes and once when it is back.
	 */
	void runOnce() {
		try {
			runJobs();
			outage.succeeded();
		}
		catch (RuntimeException ex) {
			if (!outage.failed(ex)) {
				throw ex;
			}
		}
	}

	private void runJobs() {
		long now = clock.millis();
		for (long roundId : store.roundsDue(Round.State.SCHEDULED, "opens_at", now, ROUNDS_PER_RUN)) {
			try {
				store.round(roundId).ifPresent(round -> admin.open(round, false));
			}
			catch (ApiException ex) {
				log.warn("Round {} could not open at its time: {}", roundId, ex.code());
			}
			catch (RuntimeException ex) {
				rethrowOutage(ex);
				log.error("Round {} could not open at its time", roundId, ex);
			}
		}
		try {
			attempts.sweep(settings.sweepBatch());
		}
		catch (RuntimeException ex) {
			rethrowOutage(ex);
			log.error("Submitting overdue attempts failed", ex);
		}
		long dueClose = now - settings.closeGrace().toMillis();
		for (Round.State state : new Round.State[] { Round.State.OPEN, Round.State.CLOSING }) {
			for (long roundId : store.roundsDue(state, "closes_at", dueClose, ROUNDS_PER_RUN)) {
				try {
					closing.closeIfDue(roundId);
				}
				catch (RuntimeException ex) {
					rethrowOutage(ex);
					log.error("Round {} could not close", roundId, ex);
				}
			}
		}
		try {
			retention.eraseDue();
		}
		catch (RuntimeException ex) {
			rethrowOutage(ex);
			log.error("Erasing personal data past its retention failed", ex);
		}
	}

	/** The database is away: the rest of this pass would fail alike, so it ends here (logged once). */
	private static void rethrowOutage(RuntimeException ex) {
		if (JobOutage.unreachable(ex)) {
			throw ex;
		}
	}
}
