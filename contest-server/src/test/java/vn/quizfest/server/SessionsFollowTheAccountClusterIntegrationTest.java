package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.test.context.ActiveProfiles;

/**
 * Sessions follow the account in the cluster shape: sessions in Redis (Spring Session), two nodes on
 * one MariaDB/MySQL and one Redis, no sticky sessions. A session made on one node ends on both when
 * the account is disabled, demoted or reset on either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + SessionsFollowTheAccountClusterIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsFollowTheAccountClusterIntegrationTest {

	static final String ADMIN_PASSWORD = "cluster-sessions-admin-password";

	@LocalServerPort
	int portA;

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

	record User(long id, String username, String password) {
	}

	ApiClient adminOn(int port) {
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

	User create(ApiClient admin, String role) {
		String username = role.toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/users",
				Map.of("username", username, "displayName", "Phạm Văn " + username, "role", role));
		assertThat(created.status()).isEqualTo(201);
		return new User(created.body().path("account").path("id").asLong(), username,
				created.body().path("generatedPassword").asString());
	}

	ApiClient loggedInOn(int port, User user) {
		ApiClient client = new ApiClient(port);
		assertThat(client.login(user.username(), user.password()).status()).isEqualTo(200);
		return client;
	}

	@Test
	void aSessionMadeOnNodeADiesOnNodeBWhenTheAccountIsDisabledOnB() {
		ApiClient adminOnB = adminOn(portB);
		User host = create(adminOnB, "HOST");
		ApiClient onA = loggedInOn(portA, host);
		ApiClient sameBrowserOnB = onA.onPort(portB);
		assertThat(sameBrowserOnB.get("/api/auth/me").status()).as("shared session").isEqualTo(200);

		assertThat(adminOnB.put("/api/users/" + host.id(),
				Map.of("displayName", "Tắt", "role", "HOST", "enabled", false)).status()).isEqualTo(200);

		assertThat(sameBrowserOnB.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(onA.get("/api/auth/me").status()).isEqualTo(401);
	}

	@Test
	void anAdminDemotedOnNodeALosesTheAdminSessionItMadeOnNodeB() {
		ApiClient adminOnA = adminOn(portA);
		User second = create(adminOnA, "ADMIN");
		ApiClient onB = loggedInOn(portB, second);
		assertThat(onB.get("/api/users").status()).isEqualTo(200);

		assertThat(adminOnA.put("/api/users/" + second.id(),
				Map.of("displayName", "Hạ quyền", "role", "HOST", "enabled", true)).status()).isEqualTo(200);

		assertThat(onB.get("/api/users").status()).isEqualTo(401);
		assertThat(onB.onPort(portA).post("/api/users", Map.of("username", "x" + UUID.randomUUID().toString()
			.substring(0, 8), "displayName", "X", "role", "ADMIN")).status()).isIn(401, 403);
	}

	@Test
	void aResetOnEitherNodeEndsTheAccountsSessionsOnBoth() {
		ApiClient adminOnA = adminOn(portA);
		User host = create(adminOnA, "HOST");
		ApiClient phoneOnA = loggedInOn(portA, host);
		ApiClient laptopOnB = loggedInOn(portB, host);

		ApiClient.Response reset = adminOn(portB).post("/api/users/" + host.id() + "/password-reset", Map.of());
		assertThat(reset.status()).isEqualTo(200);

		assertThat(phoneOnA.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(phoneOnA.onPort(portB).get("/api/auth/me").status()).isEqualTo(401);
		assertThat(laptopOnB.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(laptopOnB.onPort(portA).get("/api/auth/me").status()).isEqualTo(401);
	}

	@Test
	void anOwnPasswordChangeOnNodeBKeepsThisSessionOnBothNodesAndEndsTheOthers() {
		User host = create(adminOn(portA), "HOST");
		ApiClient other = loggedInOn(portA, host);
		ApiClient here = loggedInOn(portB, host);

		assertThat(here.put("/api/auth/password", Map.of("currentPassword", host.password(), "newPassword",
				"Mật khẩu mới trên cụm máy")).status()).isEqualTo(204);

		assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
		assertThat(here.onPort(portA).get("/api/auth/me").status()).isEqualTo(200);
		assertThat(other.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(other.onPort(portB).get("/api/auth/me").status()).isEqualTo(401);
	}
}
