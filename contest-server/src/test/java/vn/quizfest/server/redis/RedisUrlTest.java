package vn.quizfest.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;

/** Every URL form of QUIZFEST_REDIS_URL, and what Spring Boot is given for it. */
class RedisUrlTest {

	@Test
	void aStandaloneUrlGivesHostPortDatabaseAndPassword() {
		RedisUrl url = RedisUrl.parse("redis://:s%40cret@redis.example:6380/2");

		assertThat(url).isEqualTo(new RedisUrl.Standalone("redis.example", 6380, 2, null, "s@cret", false));
		DataRedisConnectionDetails details = url.connectionDetails();
		assertThat(details.getStandalone().getHost()).isEqualTo("redis.example");
		assertThat(details.getStandalone().getPort()).isEqualTo(6380);
		assertThat(details.getStandalone().getDatabase()).isEqualTo(2);
		assertThat(details.getPassword()).isEqualTo("s@cret");
		assertThat(details.getSentinel()).isNull();
		assertThat(details.getCluster()).isNull();
	}

	@Test
	void aTlsUrlWithAUserAndTheDefaultPort() {
		RedisUrl url = RedisUrl.parse("rediss://quiz:pw@redis.example");

		assertThat(url).isEqualTo(new RedisUrl.Standalone("redis.example", 6379, 0, "quiz", "pw", true));
		assertThat(url.connectionDetails().getUsername()).isEqualTo("quiz");
	}

	@Test
	void aSentinelUrlNamesTheSentinelsAndTheMaster() {
		RedisUrl url = RedisUrl.parse("redis-sentinel://:pw@10.0.0.1:26379,10.0.0.2:26380/1#quizfest");

		assertThat(url).isEqualTo(new RedisUrl.Sentinel(
				List.of(new Node("10.0.0.1", 26379), new Node("10.0.0.2", 26380)), "quizfest", 1, null, "pw", false));
		DataRedisConnectionDetails details = url.connectionDetails();
		assertThat(details.getStandalone()).isNull();
		assertThat(details.getSentinel().getMaster()).isEqualTo("quizfest");
		assertThat(details.getSentinel().getNodes()).hasSize(2);
		assertThat(details.getSentinel().getDatabase()).isEqualTo(1);
		// The password is the data nodes'; the sentinels are asked without one.
		assertThat(details.getPassword()).isEqualTo("pw");
		assertThat(details.getSentinel().getPassword()).isNull();
	}

	@Test
	void aClusterUrlListsItsNodes() {
		RedisUrl url = RedisUrl.parse("redis-cluster://:pw@h1:7000,h2:7001,h3");

		assertThat(url).isEqualTo(new RedisUrl.Cluster(
				List.of(new Node("h1", 7000), new Node("h2", 7001), new Node("h3", 6379)), null, "pw", false));
		DataRedisConnectionDetails details = url.connectionDetails();
		assertThat(details.getStandalone()).isNull();
		assertThat(details.getCluster().getNodes()).hasSize(3);
		assertThat(RedisUrl.parse("rediss-cluster://h1:7000").ssl()).isTrue();
	}

	@Test
	void theDescriptionNeverShowsThePassword() {
		assertThat(RedisUrl.parse("redis-cluster://:topsecret@h1:7000").describe()).doesNotContain("topsecret")
			.contains("Cluster");
		assertThat(RedisUrl.parse("redis-sentinel://:topsecret@h1:26379#m").describe()).doesNotContain("topsecret")
			.contains("Sentinel");
		assertThat(RedisUrl.parse("redis://:topsecret@h1:6379").describe()).doesNotContain("topsecret");
	}

	@Test
	void aBadUrlIsRefusedWithTheSettingAndTheFormsItAccepts() {
		assertThatThrownBy(() -> RedisUrl.parse("http://redis.example")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("QUIZFEST_REDIS_URL")
			.hasMessageContaining("redis-sentinel://")
			.hasMessageContaining("redis-cluster://");
		assertThatThrownBy(() -> RedisUrl.parse("redis-sentinel://h1:26379")).hasMessageContaining("master");
		assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://h1:7000/3")).hasMessageContaining("database 0");
		assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://h1:notaport")).isInstanceOf(IllegalArgumentException.class);
	}
}
