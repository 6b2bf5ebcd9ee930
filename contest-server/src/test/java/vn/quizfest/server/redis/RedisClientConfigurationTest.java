package vn.quizfest.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.Test;

/** The client's timeouts: every command bounded, blocking reads given their allowance on top. */
class RedisClientConfigurationTest {

	private static final RedisSettings DEFAULTS = new RedisSettings("", Duration.ofMillis(500), Duration.ofSeconds(30),
			Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1));

	@Test
	void everyCommandGetsTheCommandTimeoutAndBlockingReadsTheirAllowanceOnTop() {
		var timeouts = new RedisClientConfiguration.CommandTimeouts(DEFAULTS);

		assertThat(TimeUnit.NANOSECONDS.toMillis(timeouts.getTimeout(new Command<>(CommandType.ZADD, null))))
			.isEqualTo(500);
		assertThat(TimeUnit.NANOSECONDS.toMillis(timeouts.getTimeout(new Command<>(CommandType.SPUBLISH, null))))
			.isEqualTo(500);
		assertThat(TimeUnit.NANOSECONDS.toMillis(timeouts.getTimeout(new Command<>(CommandType.XREAD, null))))
			.isEqualTo(30_500);
		assertThat(TimeUnit.NANOSECONDS.toMillis(timeouts.getTimeout(new Command<>(CommandType.BLPOP, null))))
			.isEqualTo(30_500);
	}

	@Test
	void theOptionsTimeEveryCommandAndRefreshAClustersTopology() {
		ClusterClientOptions.Builder cluster = ClusterClientOptions.builder();
		new RedisClientConfiguration().redisClientOptions(DEFAULTS).customize(cluster);
		ClusterClientOptions options = cluster.build();

		assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
		assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.getTopologyRefreshOptions().isPeriodicRefreshEnabled()).isTrue();
		assertThat(options.getTopologyRefreshOptions().getRefreshPeriod()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.getTopologyRefreshOptions().getAdaptiveRefreshTriggers()).isNotEmpty();

		ClientOptions.Builder single = ClientOptions.builder();
		new RedisClientConfiguration().redisClientOptions(DEFAULTS).customize(single);
		assertThat(single.build().getTimeoutOptions().isTimeoutCommands()).isTrue();
	}

	@Test
	void aZeroTimeoutIsRefused() {
		assertThatThrownBy(() -> new RedisSettings("", Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(2),
				Duration.ofSeconds(5), Duration.ofSeconds(1))).hasMessageContaining("command-timeout");
		assertThatThrownBy(() -> new RedisSettings("", Duration.ofMillis(500), Duration.ofSeconds(30),
				Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO)).hasMessageContaining("reconnect-delay-max");
	}

	@Test
	void reconnectionAttemptsStartCloseTogetherAndAreNeverMoreThanTheMaximumApart() {
		var delay = RedisClientConfiguration.reconnectDelay(DEFAULTS);

		assertThat(delay.createDelay(1).toMillis()).isLessThan(10);
		// The client's default would wait 30 s between attempts by now.
		for (long attempt = 1; attempt <= 40; attempt++) {
			assertThat(delay.createDelay(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(1));
		}
		assertThat(delay.createDelay(40)).isEqualTo(Duration.ofSeconds(1));
	}
}
