package vn.quizfest.server.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read {@code /actuator/prometheus}, which shows live games and players.
 *
 * @param token when set (QUIZFEST_METRICS_TOKEN), a scraper sends {@code Authorization: Bearer <token>}
 * from anywhere; when empty (the default), only a client on this machine that did not come through a
 * proxy may read it
 */
@ConfigurationProperties("quizfest.metrics")
record MetricsSettings(@Nullable String token) {

	boolean hasToken() {
		return token != null && !token.isBlank();
	}
}
