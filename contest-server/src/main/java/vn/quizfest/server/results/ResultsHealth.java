package vn.quizfest.server.results;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The write-behind queue in health ({@code results}, in the readiness group): always UP, because a node
 * whose database is gone still plays its live games and keeps their results until the database is back;
 * the details say how many records wait and for how long, so an operator sees an outage's backlog.
 */
class ResultsHealth implements HealthIndicator {

	private final ResultsWriter writer;

	ResultsHealth(ResultsWriter writer) {
		this.writer = writer;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("pending", writer.pending())
			.withDetail("oldestWaitingSeconds", writer.oldestWaiting().toMillis() / 1000.0)
			.build();
	}
}
