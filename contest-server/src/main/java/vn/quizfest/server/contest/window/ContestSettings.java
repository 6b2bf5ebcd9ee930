package vn.quizfest.server.contest.window;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The self-paced contests.
 *
 * @param jobInterval how often each node looks for rounds to open or close, overdue attempts to submit
 * and personal data past its retention; default 5 s
 * @param sweepBatch overdue attempts one node submits per run of the sweeper at most; default 500
 * @param closeGrace how long after a round's {@code closesAt} it is closed automatically, so the last
 * answers in flight arrive first; default 30 s
 * @param closeTimeout a close begun by a node that has not finished after this long is taken over by
 * another node (the first one died); default 5 min
 * @param startsPerAddress attempt starts and registrations one client address may make per minute;
 * default 120 (a school's or a commune office's computers share one address)
 * @param requestsPerIdentity requests one entrant (token) may make per minute; default 600, ten times
 * what a fast entrant saving every choice needs
 * @param requestsPerAddress requests of the public contest API one client address may make per minute;
 * default 6000 (a whole school behind one address)
 * @param defaultRetentionDays days after the last round's close after which non-winners' identity
 * details are erased, for a new contest that names none; default 90
 */
@ConfigurationProperties("quizfest.contests")
record ContestSettings(@DefaultValue("5s") Duration jobInterval, @DefaultValue("500") int sweepBatch,
		@DefaultValue("30s") Duration closeGrace, @DefaultValue("5m") Duration closeTimeout,
		@DefaultValue("120") int startsPerAddress, @DefaultValue("600") int requestsPerIdentity,
		@DefaultValue("6000") int requestsPerAddress, @DefaultValue("90") int defaultRetentionDays) {

	ContestSettings {
		if (sweepBatch < 1 || startsPerAddress < 1 || requestsPerIdentity < 1 || requestsPerAddress < 1
				|| defaultRetentionDays < 1) {
			throw new IllegalArgumentException("quizfest.contests: sweep-batch, the rate limits and "
					+ "default-retention-days must be positive");
		}
		if (jobInterval.toMillis() < 100 || closeGrace.isNegative() || closeTimeout.toSeconds() < 10) {
			throw new IllegalArgumentException("quizfest.contests: job-interval must be at least 100ms, close-grace "
					+ "not negative, close-timeout at least 10s");
		}
	}

	static ContestSettings defaults() {
		return new ContestSettings(Duration.ofSeconds(5), 500, Duration.ofSeconds(30), Duration.ofMinutes(5), 120, 600,
				6000, 90);
	}
}
