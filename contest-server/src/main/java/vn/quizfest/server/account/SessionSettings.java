package vn.quizfest.server.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Organiser sessions. Besides the idle timeout ({@code server.servlet.session.timeout}), a session ends
 * this long after its login however busy it is, so a stolen or forgotten session does not live forever.
 *
 * @param absoluteLifetime the longest a session lives after its login (default 12 h)
 */
@ConfigurationProperties("quizfest.sessions")
record SessionSettings(@DefaultValue("12h") Duration absoluteLifetime) {

	SessionSettings {
		if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
			throw new IllegalArgumentException("quizfest.sessions.absolute-lifetime must be positive");
		}
	}
}
