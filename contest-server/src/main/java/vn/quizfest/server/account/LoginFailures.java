package vn.quizfest.server.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed logins per username and per client address, with a back-off that doubles with each failure
 * past the free ones. The same rule for known and unknown usernames, so the answer tells nothing about
 * which names exist.
 */
@Repository
class LoginFailures {

	private record Count(int failures, Instant last) {
	}

	private final JdbcClient jdbc;

	private final LoginSettings settings;

	private final Clock clock;

	LoginFailures(JdbcClient jdbc, LoginSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	static String userKey(String username) {
		String canonical = UserAccounts.canonical(username);
		return "user:" + (canonical.length() > 150 ? canonical.substring(0, 150) : canonical);
	}

	static String addressKey(String address) {
		return "addr:" + address;
	}

	/** How long the username and the address must still wait, or {@link Duration#ZERO}. */
	Duration waitTime(String username, String address) {
		Duration user = waitTime(userKey(username), settings.maxFailedAttempts(), settings.maxAccountDelay());
		Duration addr = waitTime(addressKey(address), settings.maxFailuresPerAddress(), settings.maxAddressDelay());
		return user.compareTo(addr) >= 0 ? user : addr;
	}

	void recordFailure(String username, String address) {
		record(userKey(username));
		record(addressKey(address));
	}

	/** A success clears the username's count; the address keeps its own. */
	void recordSuccess(String username) {
		jdbc.sql("DELETE FROM login_failure WHERE failure_key = ?").param(userKey(username)).update();
	}

	private Duration waitTime(String key, int free, Duration max) {
		Instant now = clock.instant();
		Optional<Count> count = find(key).filter(c -> c.last().plus(settings.forgetAfter()).isAfter(now));
		if (count.isEmpty() || count.get().failures() < free) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(now, count.get().last().plus(delay(count.get().failures() - free, max)));
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** first-delay, doubled for each failure past the free ones, never above max. */
	Duration delay(int extraFailures, Duration max) {
		int doublings = Math.min(extraFailures, 30);
		Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
		return delay.compareTo(max) > 0 ? max : delay;
	}

	private Optional<Count> find(String key) {
		return jdbc.sql("SELECT failures, last_failure FROM login_failure WHERE failure_key = ?")
			.param(key)
			.query((rs, row) -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private void record(String key) {
		Instant now = clock.instant();
		Timestamp at = Timestamp.from(now);
		Timestamp forgotten = Timestamp.from(now.minus(settings.forgetAfter()));
		// One statement, so parallel guesses cannot undercount; an old count starts again from one.
		int updated = jdbc.sql("""
				UPDATE login_failure SET failures = CASE WHEN last_failure < ? THEN 1 ELSE failures + 1 END,
				  last_failure = ? WHERE failure_key = ?""")
			.params(forgotten, at, key)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO login_failure (failure_key, failures, last_failure) VALUES (?, 1, ?)")
					.params(key, at)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// A parallel failure inserted it first: count this one on top.
				jdbc.sql("UPDATE login_failure SET failures = failures + 1, last_failure = ? WHERE failure_key = ?")
					.params(at, key)
					.update();
			}
		}
		if (java.util.concurrent.ThreadLocalRandom.current().nextInt(256) == 0) {
			// Now and then, drop what is forgotten anyway: rows for sprayed unknown names do not pile up.
			jdbc.sql("DELETE FROM login_failure WHERE last_failure < ?").param(forgotten).update();
		}
	}
}
