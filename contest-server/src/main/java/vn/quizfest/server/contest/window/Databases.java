package vn.quizfest.server.contest.window;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the contest's SQL needs to know of the database behind a data source. */
final class Databases {

	private Databases() {
	}

	/**
	 * Whether the data source speaks through Connector/J (MySQL or MariaDB, the cluster shape) rather
	 * than H2 (the embedded shape). Asks the driver once per call: callers keep the answer.
	 */
	static boolean connectorJ(DataSource dataSource) {
		String driver = new JdbcTemplate(dataSource)
			.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDriverName());
		return driver != null && driver.startsWith("MySQL");
	}
}
