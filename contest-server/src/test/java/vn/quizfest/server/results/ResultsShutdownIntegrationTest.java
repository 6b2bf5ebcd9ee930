package vn.quizfest.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.results.ResultFixtures.createGame;
import static vn.quizfest.server.results.ResultFixtures.playersAndAnswers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.quizfest.server.QuizFestApplication;

/**
 * The whole application shuts down with records still queued: the writer stops after the web server
 * and before the DataSource closes, and everything lands.
 */
class ResultsShutdownIntegrationTest {

	static final String DATABASE = "jdbc:h2:mem:results-shutdown;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
			+ "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	@Test
	void closingTheApplicationWritesEveryQueuedRecord() throws SQLException {
		// Arguments, so that they win over application.yml.
		ConfigurableApplicationContext application = new SpringApplicationBuilder(QuizFestApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + DATABASE, "--spring.datasource.username=sa",
				"--quizfest.questions.load-starter-set=false", "--quizfest.questions.load-seed-bank=false",
				"--quizfest.admin.initial-password=shutdown-test-password");
		String game = createGame(application.getBean(Games.class), 40, null);
		List<ResultRecord> records = playersAndAnswers(game, 500, 40);
		ResultsWriter writer = application.getBean(ResultsWriter.class);

		records.forEach(writer::submit);
		int queued = writer.depth();
		application.close();

		assertThat(queued).as("records still queued when the application closed").isPositive();
		assertThat(writer.isRunning()).isFalse();
		// The in-memory database outlives the application (DB_CLOSE_DELAY=-1); read it directly.
		try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
				Statement statement = connection.createStatement()) {
			assertThat(count(statement, "SELECT COUNT(*) FROM game_player WHERE game_id = '" + game + "'")).isEqualTo(500);
			assertThat(count(statement, "SELECT COUNT(*) FROM game_answer WHERE game_id = '" + game + "'"))
				.isEqualTo(20_000);
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}
}
