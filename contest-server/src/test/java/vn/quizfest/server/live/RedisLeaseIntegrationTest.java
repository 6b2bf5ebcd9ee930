package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.live.cluster.CommandCodec;

/**
 * The lease that fences a game's journal, against the real Redis of the suite: a lease that is gone
 * altogether (a Redis failover that outlasted it, a Redis restart) is taken again by the node that
 * drives the game, by a renewal and by an append alike; a lease another node holds is never taken.
 * The PIN registry's release compares and deletes the same way, in one step.
 */
class RedisLeaseIntegrationTest {

	private static final FailoverSettings SETTINGS = new FailoverSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
			Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMinutes(5));

	private static LettuceConnectionFactory factory;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		factory = SuiteRedis.connect();
		redis = new StringRedisTemplate(factory);
	}

	@AfterAll
	static void disconnect() {
		factory.destroy();
	}

	private static RedisFailover node(String name) {
		return new RedisFailover(redis, new CommandCodec(JsonMapper.builder().build()), SETTINGS, name);
	}

	private static long journalLength(String game) {
		Long size = redis.opsForStream().size(RedisFailover.journalKey(game));
		return size == null ? 0 : size;
	}

	@Test
	void anAppendAfterTheLeaseLapsedTakesItAgainAndIsJournalled() {
		RedisFailover a = node("a-" + UUID.randomUUID());
		String game = "lease-" + UUID.randomUUID();
		assertThat(a.acquire(game)).isTrue();
		a.created(game, 1);
		// What a promoted replica shows once the failover outlasted the lease: no lease at all.
		redis.delete(RedisFailover.leaseKey(game));

		assertThat(a.append(game, new GameCommand.Tick(), 2)).isEqualTo(Failover.Append.STORED);
		assertThat(redis.opsForValue().get(RedisFailover.leaseKey(game))).isEqualTo(a.node());
		assertThat(redis.getExpire(RedisFailover.leaseKey(game))).as("the lease expires again").isBetween(1L, 3L);
		assertThat(journalLength(game)).isEqualTo(2);
		assertThat(a.journal(game)).extracting(Failover.Entry::now).containsExactly(1L, 2L);
	}

	@Test
	void aRenewalAfterTheLeaseLapsedTakesItAgain() {
		RedisFailover a = node("a-" + UUID.randomUUID());
		String game = "lease-" + UUID.randomUUID();
		assertThat(a.acquire(game)).isTrue();
		redis.delete(RedisFailover.leaseKey(game));

		assertThat(a.renew(game)).isTrue();
		assertThat(a.leased(game)).isTrue();
		assertThat(redis.opsForValue().get(RedisFailover.leaseKey(game))).isEqualTo(a.node());
	}

	@Test
	void aLeaseAnotherNodeTookIsNeitherRenewedNorWrittenThrough() {
		RedisFailover a = node("a-" + UUID.randomUUID());
		RedisFailover b = node("b-" + UUID.randomUUID());
		String game = "lease-" + UUID.randomUUID();
		assertThat(a.acquire(game)).isTrue();
		a.created(game, 1);
		redis.delete(RedisFailover.leaseKey(game));
		assertThat(b.acquire(game)).as("node b takes the lapsed game over").isTrue();

		assertThat(a.append(game, new GameCommand.Tick(), 2)).isEqualTo(Failover.Append.LOST);
		assertThat(a.renew(game)).isFalse();
		assertThat(b.acquire(game)).as("held").isFalse();
		assertThat(redis.opsForValue().get(RedisFailover.leaseKey(game))).isEqualTo(b.node());
		assertThat(journalLength(game)).as("only the creation").isEqualTo(1);
	}

	@Test
	void aPinIsReleasedOnlyByTheGameThatHoldsIt() {
		PinRegistry pins = new PinRegistry.Redis(redis);
		String pin = "9" + (100_000 + new java.util.Random().nextInt(800_000));
		String first = "pin-" + UUID.randomUUID();
		String second = "pin-" + UUID.randomUUID();
		redis.delete("quiz:pin:" + pin);
		assertThat(pins.claim(pin, first)).isTrue();
		assertThat(pins.claim(pin, second)).as("taken").isFalse();

		pins.release(pin, second);
		assertThat(pins.gameOf(pin)).as("another game's release leaves it").contains(first);
		assertThat(pins.isLive(first)).isTrue();

		pins.release(pin, first);
		assertThat(pins.gameOf(pin)).isEmpty();
		assertThat(pins.isLive(first)).isFalse();
		assertThat(pins.claim(pin, second)).as("free again").isTrue();
		pins.release(pin, second);
	}
}
