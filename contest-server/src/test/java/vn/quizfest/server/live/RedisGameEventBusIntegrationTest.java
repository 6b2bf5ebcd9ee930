package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.lettuce.core.api.async.RedisAsyncCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.RealServices;

/** The Redis adapter against a real Redis, in the cluster profile. */
@SpringBootTest
@ActiveProfiles("cluster")
@Import(RealServices.class)
class RedisGameEventBusIntegrationTest extends GameEventBusContract {

	@Autowired
	GameEventBus bus;

	@Autowired
	StringRedisTemplate redis;

	@Override
	GameEventBus bus() {
		return bus;
	}

	/** Subscribers of the game's sharded channel, as Redis counts them. */
	long shardSubscribers() {
		String channel = RedisGameEventBus.channel(game);
		return redis.execute((RedisCallback<Long>) connection -> {
			var lettuce = (RedisAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			byte[] key = channel.getBytes(StandardCharsets.UTF_8);
			return lettuce.getStatefulConnection().sync().pubsubShardNumsub(key).values().iterator().next();
		});
	}

	@Test
	void aNodeHoldsOneShardedSubscriptionPerGameWhileItHasListeners() {
		assertThat(bus).isInstanceOf(RedisGameEventBus.class);
		assertThat(RedisGameEventBus.channel(game)).isEqualTo("quiz:{g:" + game + "}:events");

		var first = bus.subscribe(game, event -> {
		});
		var second = bus.subscribe(game, event -> {
		});
		assertThat(shardSubscribers()).isEqualTo(1);

		first.close();
		assertThat(shardSubscribers()).isEqualTo(1);
		second.close();
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (shardSubscribers() != 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(shardSubscribers()).as("unsubscribed once the last listener left").isZero();
	}
}
