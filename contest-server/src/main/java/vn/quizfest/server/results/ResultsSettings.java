package vn.quizfest.server.results;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The write-behind queue of game results.
 *
 * @param queueCapacity records the queue holds before new ones are dropped (and counted); default
 * 1,000,000, about 20,000 players answering 50 questions, roughly 250 MB of heap when full
 * @param batchSize records written in one transaction at most; default 2,000
 * @param batchWindow how long the writer waits for more records before it writes a batch that is not
 * full; default 200 ms
 * @param batchTimeout how long one batch transaction may take before it is abandoned and retried;
 * default 30 s
 * @param retryBackoff wait before the first retry of a failed batch, doubled each time; default 100 ms
 * @param maxRetryBackoff the longest wait between retries; default 10 s
 * @param alarmAfterFailures failed attempts of one batch after which (and every that many again) an
 * error is logged with the counts still waiting; default 5
 * @param shutdownTimeout how long shutdown keeps trying to write what is left before it gives up and
 * logs what could not be written; default 60 s
 */
@ConfigurationProperties("quizfest.results")
record ResultsSettings(@DefaultValue("1000000") int queueCapacity, @DefaultValue("2000") int batchSize,
		@DefaultValue("200ms") Duration batchWindow, @DefaultValue("30s") Duration batchTimeout,
		@DefaultValue("100ms") Duration retryBackoff, @DefaultValue("10s") Duration maxRetryBackoff,
		@DefaultValue("5") int alarmAfterFailures, @DefaultValue("60s") Duration shutdownTimeout) {

	ResultsSettings {
		if (queueCapacity < 1 || batchSize < 1 || alarmAfterFailures < 1) {
			throw new IllegalArgumentException(
					"quizfest.results: queue-capacity, batch-size and alarm-after-failures must be positive");
		}
		if (batchWindow.isNegative() || batchTimeout.toSeconds() < 1 || retryBackoff.isNegative()
				|| maxRetryBackoff.compareTo(retryBackoff) < 0 || shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("quizfest.results: batch-window, retry-backoff and shutdown-timeout "
					+ "must not be negative, batch-timeout must be at least 1s, max-retry-backoff at least retry-backoff");
		}
	}

	static ResultsSettings defaults() {
		return new ResultsSettings(1_000_000, 2_000, Duration.ofMillis(200), Duration.ofSeconds(30),
				Duration.ofMillis(100), Duration.ofSeconds(10), 5, Duration.ofSeconds(60));
	}
}
