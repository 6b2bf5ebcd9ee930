package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Every migration, up to the one that drops the hard-lock columns of {@code app_user}
 * ({@code failed_logins}, {@code locked_until}: the login back-off lives in {@code login_failure}), runs
 * on H2 in MySQL mode and on the real MariaDB of the tests, and leaves the table without them.
 */
class LoginColumnsMigrationIntegrationTest {

	private static final String[] LOCATIONS = { "classpath:db/migration/questionbank", "classpath:db/migration/server" };

	@Test
	void h2DropsTheHardLockColumns() throws SQLException {
		String url = "jdbc:h2:mem:login-columns;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
		assertThat(migrateAndListColumns(url, "sa", "")).contains("username", "security_stamp")
			.doesNotContain("failed_logins", "locked_until");
	}

	@Test
	void mariaDbDropsTheHardLockColumns() throws SQLException {
		String server = System.getenv(RealServices.MYSQL_URL);
		assertThat(server).as(RealServices.MYSQL_URL + " (scripts/services.sh or scripts/test.sh set it)").isNotBlank();
		String user = System.getenv(RealServices.MYSQL_USER);
		String password = System.getenv(RealServices.MYSQL_PASSWORD);
		String url = RealServices.freshDatabase(server, user, password);
		assertThat(migrateAndListColumns(url, user, password)).contains("username", "security_stamp")
			.doesNotContain("failed_logins", "locked_until");
	}

	private static List<String> migrateAndListColumns(String url, String user, String password) throws SQLException {
		Flyway.configure().dataSource(url, user, password).locations(LOCATIONS).load().migrate();
		List<String> columns = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			String catalog = connection.getCatalog();
			try (ResultSet rs = connection.getMetaData().getColumns(catalog, null, "app_user", null)) {
				while (rs.next()) {
					columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		assertThat(columns).as("app_user's columns").isNotEmpty();
		return columns;
	}
}
