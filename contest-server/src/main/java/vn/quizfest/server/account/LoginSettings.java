package vn.quizfest.server.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection for logins and password changes: a growing back-off instead of a hard lock,
 * so a stranger who knows the admin's username cannot lock the admin out.
 *
 * @param maxFailedAttempts failures for one username (known or unknown) before its back-off starts
 * (default 5)
 * @param maxFailuresPerAddress failures from one client address before its back-off starts (default 30)
 * @param firstDelay the first back-off; it doubles with every further failure (default 1 s)
 * @param maxAccountDelay the longest back-off for a username (default 1 min): the longest a real owner
 * ever waits
 * @param maxAddressDelay the longest back-off for an address (default 15 min)
 * @param forgetAfter failures older than this are forgotten (default 15 min)
 */
@ConfigurationProperties("quizfest.login")
record LoginSettings(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("30") int maxFailuresPerAddress,
		@DefaultValue("1s") Duration firstDelay, @DefaultValue("1m") Duration maxAccountDelay,
		@DefaultValue("15m") Duration maxAddressDelay, @DefaultValue("15m") Duration forgetAfter) {

	LoginSettings {
		if (maxFailedAttempts < 1 || maxFailuresPerAddress < 1) {
			throw new IllegalArgumentException("quizfest.login failure counts must be at least 1");
		}
		if (firstDelay.isNegative() || firstDelay.isZero() || maxAccountDelay.compareTo(firstDelay) < 0
				|| maxAddressDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("quizfest.login delays must be positive, the maxima at least first-delay");
		}
	}
}
