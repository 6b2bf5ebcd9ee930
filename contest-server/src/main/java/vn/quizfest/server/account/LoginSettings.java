package vn.quizfest.server.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection for organiser logins.
 *
 * @param maxFailedAttempts failed logins in a row that lock an account
 * @param lockout how long a locked account stays locked
 * @param maxFailuresPerAddress failed logins from one client address within the window before that
 * address is refused for the rest of the window
 * @param addressWindow the window for counting failures per address
 */
@ConfigurationProperties("quizfest.login")
record LoginSettings(int maxFailedAttempts, Duration lockout, int maxFailuresPerAddress, Duration addressWindow) {
}
