package vn.quizfest.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AddressThrottleTest {

	final AccountsIntegrationTest.TestClock clock = new AccountsIntegrationTest.TestClock();

	final AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(10), clock);

	@Test
	void anAddressIsRefusedAfterTooManyFailuresUntilTheWindowEnds() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.waitTime("10.0.0.1")).isZero();
			throttle.recordFailure("10.0.0.1");
		}

		assertThat(throttle.waitTime("10.0.0.1")).isEqualTo(Duration.ofMinutes(10));
		assertThat(throttle.waitTime("10.0.0.2")).as("other addresses are not affected").isZero();

		clock.advance(Duration.ofMinutes(4));
		assertThat(throttle.waitTime("10.0.0.1")).isEqualTo(Duration.ofMinutes(6));

		clock.advance(Duration.ofMinutes(6).plusSeconds(1));
		assertThat(throttle.waitTime("10.0.0.1")).isZero();
		throttle.recordFailure("10.0.0.1");
		assertThat(throttle.waitTime("10.0.0.1")).as("a new window starts from one failure").isZero();
	}
}
