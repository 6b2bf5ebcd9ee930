package vn.quizfest.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static vn.quizfest.server.results.ResultFixtures.START;
import static vn.quizfest.server.results.ResultFixtures.answer;
import static vn.quizfest.server.results.ResultFixtures.createGame;
import static vn.quizfest.server.results.ResultFixtures.join;
import static vn.quizfest.server.results.ResultFixtures.playersAndAnswers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.quizfest.server.results.ResultRecord.AnswerScored;
import vn.quizfest.server.results.ResultRecord.FinalStanding;
import vn.quizfest.server.results.ResultRecord.GameFinished;
import vn.quizfest.server.results.ResultRecord.PlayerJoined;
import vn.quizfest.server.results.ResultRecord.PlayerKicked;
import vn.quizfest.server.results.ResultRecord.QuestionSkipped;
import vn.quizfest.server.results.ResultRecord.StatusChanged;

/**
 * What the write-behind writer must do on every database; each database's test extends this. Each
 * test makes writers of its own (with their own meters) on the application's DataSource.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ResultsWriterContract {

	@Autowired
	DataSource dataSource;

	@Autowired
	Games games;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResultsWriter applicationWriter;

	@Autowired
	MeterRegistry applicationMeters;

	private final List<ResultsWriter> writers = new ArrayList<>();

	ResultsWriter writer(DataSource database, ResultsSettings settings, MeterRegistry meters) {
		ResultsWriter writer = new ResultsWriter(database, settings, meters);
		writers.add(writer);
		return writer;
	}

	/** Small waits and retries, so that the tests run fast. */
	static ResultsSettings settings(int capacity, int batchSize) {
		return new ResultsSettings(capacity, batchSize, Duration.ofMillis(20), Duration.ofSeconds(30),
				Duration.ofMillis(10), Duration.ofMillis(100), 2, Duration.ofSeconds(20));
	}

	@AfterEach
	void stopWriters() {
		writers.forEach(ResultsWriter::stop);
	}

	@Test
	void tenThousandAnswersOfFiveHundredPlayersLandExactly() {
		String game = createGame(games, 20, null);
		List<ResultRecord> records = playersAndAnswers(game, 500, 20);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(dataSource, ResultsSettings.defaults(), meters);
		writer.start();

		long start = System.nanoTime();
		records.forEach(writer::submit);
		assertThat(writer.flush(Duration.ofMinutes(2))).isTrue();
		long elapsedNanos = System.nanoTime() - start;

		List<AnswerScored> sent = answersOf(records);
		assertThat(sent).hasSize(10_000);
		assertThat(count("SELECT COUNT(*) FROM game_answer WHERE game_id = ?", game)).isEqualTo(10_000);
		assertThat(count("SELECT SUM(points) FROM game_answer WHERE game_id = ?", game))
			.isEqualTo(sent.stream().mapToLong(AnswerScored::points).sum());
		assertThat(count("SELECT SUM(response_ms) FROM game_answer WHERE game_id = ?", game))
			.isEqualTo(sent.stream().mapToLong(AnswerScored::responseMillis).sum());
		assertThat(count("SELECT SUM(streak) FROM game_answer WHERE game_id = ?", game))
			.isEqualTo(sent.stream().mapToLong(AnswerScored::streak).sum());
		assertThat(count("SELECT COUNT(*) FROM game_answer WHERE game_id = ? AND correct = TRUE", game))
			.isEqualTo(sent.stream().filter(AnswerScored::correct).count());
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ?", game)).isEqualTo(500);
		assertThat(games.findById(game).orElseThrow().playerCount()).isEqualTo(500);
		// Every field, the milliseconds of the receive time included, comes back as it was sent.
		assertThat(games.answers(game)).containsExactlyElementsOf(sent);

		Timer batches = meters.get("quiz.results.batch").tag("outcome", "success").timer();
		double seconds = elapsedNanos / 1e9;
		System.out.printf("Results throughput on %s: %d rows in %.0f ms, %.0f rows/s end to end; %d batches, "
				+ "%.0f rows/s inside the batch transactions%n", product(), records.size(), seconds * 1000,
				records.size() / seconds, batches.count(),
				records.size() / batches.totalTime(java.util.concurrent.TimeUnit.SECONDS));
	}

	@Test
	void theFloorFatesOfARungChuongVangGameLandOnThePlayersAndTheOthersStayWithout() {
		String game = createGame(games, 3, null);
		ResultsWriter writer = writer(dataSource, settings(1_000, 100), new SimpleMeterRegistry());
		writer.start();
		List.of(ResultFixtures.join(game, 1), ResultFixtures.join(game, 2), ResultFixtures.join(game, 3))
			.forEach(writer::submit);
		// Twice: a replayed record leaves the same rows. Player 3 has no fate (a game of another format).
		for (int i = 0; i < 2; i++) {
			writer.submit(new ResultRecord.FloorFates(game,
					List.of(new ResultRecord.FloorFate(1, "A01", "Nguyễn Văn An", -1, 1, true),
							new ResultRecord.FloorFate(2, "007", null, 2, 0, false))));
		}
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		Map<Integer, GameResults.PlayerResult> byNumber = new java.util.HashMap<>();
		games.results(game).orElseThrow().players().forEach(p -> byNumber.put(p.player(), p));
		assertThat(byNumber.get(1).floor()).isEqualTo(new GameResults.Floor("A01", "Nguyễn Văn An", null, 1, true));
		assertThat(byNumber.get(2).floor()).isEqualTo(new GameResults.Floor("007", null, 2, 0, false));
		assertThat(byNumber.get(3).floor()).isNull();
	}

	@Test
	void replayingEveryRecordLeavesTheSameRows() {
		String game = createGame(games, 6, null);
		List<ResultRecord> stream = wholeGame(game);
		ResultsWriter writer = writer(dataSource, settings(10_000, 2_000), new SimpleMeterRegistry());
		writer.start();

		stream.forEach(writer::submit);
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		Map<String, List<Map<String, Object>>> written = rowsOf(game);

		// Twice more, so that one batch (and one multi-row statement) holds the same record twice.
		stream.forEach(writer::submit);
		stream.forEach(writer::submit);
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(rowsOf(game)).isEqualTo(written);

		// Replayed in other batches and backwards, as a node that takes over a game might.
		ResultsWriter smallBatches = writer(dataSource, settings(10_000, 7), new SimpleMeterRegistry());
		smallBatches.start();
		List<ResultRecord> backwards = new ArrayList<>(stream);
		Collections.reverse(backwards);
		backwards.forEach(smallBatches::submit);
		assertThat(smallBatches.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(rowsOf(game)).isEqualTo(written);

		StoredGame stored = games.findById(game).orElseThrow();
		assertThat(stored.game().status()).isEqualTo(StatusChanged.ENDED);
		assertThat(stored.startedAt()).isNotNull();
		assertThat(stored.startedAt().toEpochMilli()).isEqualTo(START + 1_000);
		assertThat(stored.endedAt()).isNotNull();
		assertThat(stored.endedAt().toEpochMilli()).isEqualTo(START + 900_000);
		assertThat(stored.playerCount()).isEqualTo(29);
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ? AND kicked = TRUE", game)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM game_question WHERE game_id = ? AND skipped = TRUE", game)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ? AND final_rank IS NOT NULL", game))
			.isEqualTo(29);
	}

	@Test
	void stopWithAFullQueueWritesEverything() {
		String game = createGame(games, 49, null);
		List<ResultRecord> records = playersAndAnswers(game, 100, 49);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(dataSource, settings(5_000, 500), meters);
		records.forEach(writer::submit);
		writer.submit(answer(game, 0, 101));
		assertThat(writer.depth()).isEqualTo(5_000);
		assertThat(meters.get("quiz.results.dropped").counter().count()).isEqualTo(1);

		writer.start();
		writer.stop();

		assertThat(writer.isRunning()).isFalse();
		assertThat(writer.depth()).isZero();
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ?", game)).isEqualTo(100);
		assertThat(count("SELECT COUNT(*) FROM game_answer WHERE game_id = ?", game)).isEqualTo(4_900);
		assertThat(count("SELECT COUNT(*) FROM game_answer WHERE game_id = ? AND player_number = 101", game)).isZero();
		// After shutdown nothing is queued where nobody would write it.
		writer.submit(answer(game, 0, 102));
		assertThat(writer.depth()).isZero();
		assertThat(meters.get("quiz.results.dropped").counter().count()).isEqualTo(2);
	}

	@Test
	void aDatabaseOutageIsRetriedAndNothingIsLost(CapturedOutput output) {
		String game = createGame(games, 40, null);
		List<ResultRecord> records = playersAndAnswers(game, 50, 40);
		// Three batches find the database down; then one commit lands but its acknowledgement is lost.
		FlakyDataSource flaky = new FlakyDataSource(dataSource, 3, 1);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(flaky, settings(10_000, 500), meters);
		writer.start();

		records.forEach(writer::submit);

		assertThat(writer.flush(Duration.ofSeconds(60))).isTrue();
		assertThat(flaky.remaining()).isZero();
		List<AnswerScored> sent = answersOf(records);
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ?", game)).isEqualTo(50);
		assertThat(count("SELECT COUNT(*) FROM game_answer WHERE game_id = ?", game)).isEqualTo(2_000);
		assertThat(count("SELECT SUM(points) FROM game_answer WHERE game_id = ?", game))
			.isEqualTo(sent.stream().mapToLong(AnswerScored::points).sum());
		assertThat(games.answers(game)).containsExactlyElementsOf(sent);
		assertThat(meters.get("quiz.results.batch").tag("outcome", "failure").timer().count()).isEqualTo(4);
		assertThat(meters.get("quiz.results.dropped").counter().count()).isZero();
		assertThat(meters.get("quiz.results.written").tag("kind", "answer_scored").counter().count())
			.isEqualTo(2_000);
		assertThat(output.getOut()).contains("Writing game results has failed 2 times in a row")
			.contains("are not in the database yet")
			.contains("after 4 failed attempts");
	}

	@Test
	void theQueueDepthGaugeAndTheCountersReport() {
		String game = createGame(games, 3, null);
		List<ResultRecord> records = playersAndAnswers(game, 41, 3);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(dataSource, settings(10_000, 2_000), meters);

		records.forEach(writer::submit);
		assertThat(meters.get("quiz.results.queue.depth").gauge().value()).isEqualTo(164);

		writer.start();
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(meters.get("quiz.results.queue.depth").gauge().value()).isZero();
		assertThat(meters.get("quiz.results.written").tag("kind", "player_joined").counter().count()).isEqualTo(41);
		assertThat(meters.get("quiz.results.written").tag("kind", "answer_scored").counter().count()).isEqualTo(123);
		assertThat(meters.get("quiz.results.batch").tag("outcome", "success").timer().count()).isPositive();
	}

	@Test
	void theQueueAgeGrowsWhileRecordsWaitAndIsZeroOnceTheyAreWritten() {
		String game = createGame(games, 1, null);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(dataSource, settings(10_000, 2_000), meters);
		assertThat(meters.get("quiz.results.queue.age").gauge().value()).isZero();

		// Not started yet: the records wait, as they do while the database is away.
		playersAndAnswers(game, 5, 1).forEach(writer::submit);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> meters.get("quiz.results.queue.age").gauge().value() >= 0.3);

		writer.start();
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> meters.get("quiz.results.queue.age").gauge().value() == 0);
	}

	@Test
	void aFullQueueDropsAndCountsInsteadOfBlocking(CapturedOutput output) {
		String game = createGame(games, 1, null);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(dataSource, settings(10, 10), meters);

		assertTimeout(Duration.ofSeconds(5), () -> {
			for (int player = 1; player <= 1_000; player++) {
				writer.submit(join(game, player));
			}
		});

		assertThat(writer.depth()).isEqualTo(10);
		assertThat(meters.get("quiz.results.dropped").counter().count()).isEqualTo(990);
		assertThat(output.getOut()).contains("Game result record dropped (queue full");
	}

	@Test
	void aRecordThatCannotBeWrittenIsSetAsideAndTheRestLand(CapturedOutput output) {
		String game = createGame(games, 2, null);
		List<ResultRecord> records = new ArrayList<>(playersAndAnswers(game, 20, 2));
		// One value too long for its column, and one record broken by a bug in the caller.
		PlayerJoined tooLong = new PlayerJoined(game, 21, "Tên quá dài ".repeat(20), START);
		records.add(10, tooLong);
		records.add(30, brokenRecord(game));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultsWriter writer = writer(dataSource, settings(10_000, 2_000), meters);
		writer.start();

		records.forEach(writer::submit);

		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ?", game)).isEqualTo(20);
		assertThat(count("SELECT COUNT(*) FROM game_answer WHERE game_id = ?", game)).isEqualTo(40);
		assertThat(meters.get("quiz.results.rejected").counter().count()).isEqualTo(2);
		assertThat(meters.get("quiz.results.written").tag("kind", "answer_scored").counter().count()).isEqualTo(40);
		assertThat(output.getOut()).contains("A game result record cannot be written and is set aside")
			.contains("PlayerJoined[gameId=" + game + ", player=21")
			.contains("GameFinished[gameId=" + game);
	}

	private static GameFinished brokenRecord(String game) {
		return new GameFinished(game, START, null);
	}

	@Test
	void theApplicationWriterRunsUntilAfterTheWebServerHasStopped() {
		String game = createGame(games, 1, null);

		applicationWriter.submit(join(game, 1));

		assertThat(applicationWriter.isRunning()).isTrue();
		// Spring Boot stops the web server at phase MAX_VALUE - 2048, after its graceful shutdown (MAX_VALUE - 1024).
		assertThat(applicationWriter.getPhase()).isLessThan(Integer.MAX_VALUE - 2048);
		assertThat(applicationWriter.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(count("SELECT COUNT(*) FROM game_player WHERE game_id = ?", game)).isEqualTo(1);
		assertThat(applicationMeters.find("quiz.results.queue.depth").gauge()).isNotNull();
	}

	/** A whole game: start, joins, a kick, answers, a skipped question, final standings, the end. */
	static List<ResultRecord> wholeGame(String game) {
		List<String> names = List.of("Nguyễn Thị Ánh", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Minh Châu", "Đặng Quốc Việt",
				"Hồ Thị Ngọc Hân");
		List<ResultRecord> records = new ArrayList<>();
		records.add(new StatusChanged(game, StatusChanged.RUNNING, START + 1_000));
		for (int player = 1; player <= 30; player++) {
			records.add(new PlayerJoined(game, player, names.get(player % names.size()) + " " + player,
					START + player * 13L));
		}
		Map<Integer, long[]> totals = new LinkedHashMap<>();
		for (int position = 0; position < 6; position++) {
			if (position == 2) {
				records.add(new QuestionSkipped(game, 2));
				continue;
			}
			for (int player = 1; player <= 30; player++) {
				if (player == 3 && position > 0) {
					continue;
				}
				AnswerScored answer = answer(game, position, player);
				records.add(answer);
				long[] total = totals.computeIfAbsent(player, p -> new long[3]);
				total[0] += answer.points();
				total[1] += answer.correct() ? 1 : 0;
				total[2] += answer.correct() ? answer.responseMillis() : 0;
			}
			if (position == 0) {
				records.add(new PlayerKicked(game, 3));
			}
		}
		totals.remove(3);
		List<Integer> order = new ArrayList<>(totals.keySet());
		order.sort(Comparator.<Integer>comparingLong(p -> -totals.get(p)[0]).thenComparing(p -> p));
		List<FinalStanding> standings = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			long[] total = totals.get(order.get(i));
			standings.add(new FinalStanding(order.get(i), total[0], i + 1, (int) total[1], total[2]));
		}
		records.add(new GameFinished(game, START + 900_000, standings));
		records.add(new StatusChanged(game, StatusChanged.ENDED, START + 900_000));
		return records;
	}

	private Map<String, List<Map<String, Object>>> rowsOf(String game) {
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		rows.put("game", jdbc.sql("SELECT * FROM game WHERE id = ?").param(game).query().listOfRows());
		rows.put("game_question", jdbc.sql("SELECT * FROM game_question WHERE game_id = ? ORDER BY position")
			.param(game)
			.query()
			.listOfRows());
		rows.put("game_player", jdbc.sql("SELECT * FROM game_player WHERE game_id = ? ORDER BY player_number")
			.param(game)
			.query()
			.listOfRows());
		rows.put("game_answer",
				jdbc.sql("SELECT * FROM game_answer WHERE game_id = ? ORDER BY position, player_number")
					.param(game)
					.query()
					.listOfRows());
		return rows;
	}

	private static List<AnswerScored> answersOf(List<ResultRecord> records) {
		return records.stream()
			.filter(AnswerScored.class::isInstance)
			.map(AnswerScored.class::cast)
			.sorted(Comparator.comparingInt(AnswerScored::position).thenComparingInt(AnswerScored::player))
			.toList();
	}

	private long count(String sql, String game) {
		return jdbc.sql(sql).param(game).query(Long.class).single();
	}

	private String product() {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
