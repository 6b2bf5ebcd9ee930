package vn.quizfest.server.contest.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The server's clock in the contest tests: real time that a test can move forward, so deadlines,
 * closes and retention periods pass without waiting.
 */
class ContestClock extends Clock {

	private final AtomicLong offsetMillis = new AtomicLong();

	void advance(Duration duration) {
		offsetMillis.addAndGet(duration.toMillis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plusMillis(offsetMillis.get());
	}

	@Override
	public long millis() {
		return System.currentTimeMillis() + offsetMillis.get();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		ContestClock contestClock() {
			return new ContestClock();
		}
	}
}
