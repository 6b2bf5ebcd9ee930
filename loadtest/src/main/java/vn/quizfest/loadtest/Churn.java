package vn.quizfest.loadtest;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * --churn SHARE/PERIOD: every period, that share of the players who are connected drop their socket
 * (no close frame, as a phone losing its signal) and resume with their token. It runs from the first
 * question to the end of the game and never past the run's deadline.
 */
final class Churn implements AutoCloseable {

	private final FailoverOptions.Churn settings;

	private final List<SimulatedPlayer> players;

	private final HostDriver.Deadline deadline;

	private final Random random;

	private final AtomicLong rounds = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private ScheduledFuture<?> task;

	Churn(FailoverOptions.Churn settings, List<SimulatedPlayer> players, HostDriver.Deadline deadline, long seed) {
		this.settings = settings;
		this.players = players;
		this.deadline = deadline;
		this.random = new Random(seed ^ 0x5DEECE66DL);
	}

	/** How many players one round drops out of this many. */
	static int perRound(double share, int players) {
		return (int) Math.min(players, Math.round(share * players));
	}

	void start(Swarm swarm) {
		long period = settings.period().toMillis();
		task = swarm.scheduler.scheduleAtFixedRate(this::round, period, period, TimeUnit.MILLISECONDS);
	}

	private void round() {
		if (deadline.passed()) {
			close();
			return;
		}
		rounds.incrementAndGet();
		int want = perRound(settings.share(), players.size());
		// Random players; one not in a state to drop (resuming, lost, ended) is skipped, at most 3 tries each.
		for (int tries = 0, done = 0; done < want && tries < want * 3; tries++) {
			if (players.get(random.nextInt(players.size())).churn()) {
				done++;
				dropped.incrementAndGet();
			}
		}
	}

	java.util.Map<String, Object> json() {
		java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
		out.put("share", settings.share());
		out.put("periodMs", settings.period().toMillis());
		out.put("rounds", rounds.get());
		out.put("dropped", dropped.get());
		return out;
	}

	@Override
	public void close() {
		if (task != null) {
			task.cancel(false);
		}
	}
}
