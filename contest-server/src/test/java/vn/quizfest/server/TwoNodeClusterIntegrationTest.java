package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.quizfest.server.live.GameEventBus;

/**
 * Two contest-server nodes on one MySQL/MariaDB and one Redis, as behind a load balancer without
 * sticky sessions: node A is the test's application, node B is started beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + TwoNodeClusterIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterIntegrationTest {

	static final String ADMIN_PASSWORD = "two-node-admin-password";

	@LocalServerPort
	int portA;

	@Autowired
	GameEventBus busA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	DataRedisConnectionDetails redis;

	ConfigurableApplicationContext nodeB;

	int portB;

	@BeforeAll
	void startSecondNode() {
		var standalone = redis.getStandalone();
		String password = redis.getPassword() == null ? ""
				: ":" + URLEncoder.encode(redis.getPassword(), StandardCharsets.UTF_8) + "@";
		String redisUrl = "redis://" + password + standalone.getHost() + ":" + standalone.getPort() + "/"
				+ standalone.getDatabase();
		nodeB = new SpringApplicationBuilder(QuizFestApplication.class).profiles("cluster")
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + database.getPassword(), "--spring.data.redis.url=" + redisUrl,
					"--quizfest.admin.initial-password=" + ADMIN_PASSWORD);
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void anOrganiserLoggedInOnOneNodeIsLoggedInOnTheOther() {
		ApiClient onA = new ApiClient(portA);
		assertThat(onA.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient onB = onA.onPort(portB);

		assertThat(onB.get("/api/auth/me").body().path("username").asString()).isEqualTo("admin");
		assertThat(onB.post("/api/auth/logout", java.util.Map.of()).status()).isEqualTo(204);
		assertThat(onA.get("/api/auth/me").status()).as("logged out on every node").isEqualTo(401);
	}

	@Test
	void gameEventsPublishedOnOneNodeReachTheOther() throws InterruptedException {
		GameEventBus busB = nodeB.getBean(GameEventBus.class);
		BlockingQueue<String> receivedOnB = new LinkedBlockingQueue<>();
		try (var subscription = busB.subscribe("two-node-game", receivedOnB::add)) {
			busA.publish("two-node-game", "{\"type\":\"question\",\"text\":\"Mã OTP có được chia sẻ không?\"}");

			assertThat(receivedOnB.poll(5, TimeUnit.SECONDS))
				.isEqualTo("{\"type\":\"question\",\"text\":\"Mã OTP có được chia sẻ không?\"}");
		}
	}

	@Test
	void bothNodesStartedWithOneAdministratorBetweenThem() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'admin'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(new ApiClient(portB).get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
	}
}
