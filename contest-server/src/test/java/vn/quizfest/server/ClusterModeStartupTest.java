package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A cluster node without its database settings refuses to start instead of using H2 in memory. */
class ClusterModeStartupTest {

	@Test
	void clusterModeWithoutDatabaseSettingsFailsWithAClearMessage() {
		var application = new SpringApplicationBuilder(QuizFestApplication.class).profiles("cluster");

		// Command-line arguments outrank the profile's environment placeholders.
		assertThatThrownBy(() -> application.run("--server.port=0", "--spring.datasource.url=",
				"--spring.data.redis.url=redis://127.0.0.1:1"))
			.rootCause()
			.hasMessageContaining("Cluster mode needs MySQL 8+ or MariaDB 10.11+")
			.hasMessageContaining("QUIZFEST_DB_URL");
	}
}
