package vn.quizfest.server.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.CsvRows;
import vn.quizfest.server.RealServices;
import vn.quizfest.server.TestSocket;
import vn.quizfest.server.bank.QuestionBankApiIntegrationTest;
import vn.quizfest.server.results.ResultsWriter;

/**
 * A whole buzzer game over real WebSockets against the real database (MariaDB/MySQL and Redis), then
 * its results as JSON, as a workbook and as CSV. Three contestants play every kind of round (individual
 * and common warm-up with a wrong answer, a reopen and a skipped question, acceleration, finish with
 * the star of hope lost and a steal) while four of the audience play along. What the files and the
 * JSON say of each contestant (points per round, presses, right and wrong, steals, the star) is checked
 * against a score sheet this test keeps by the published rules as it plays ({@link Sheet}), and the
 * audience against the points its phones were told: ranked among themselves, apart from the stage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The second property (its default value) gives this class a context of its own. The context that
		// ResultsExportIntegrationTest caches has been paused by the time this class runs (Spring Framework 7
		// stops an idle cached context's lifecycle beans); stopping Spring Data Redis's connection factory shut
		// down the Lettuce client whose connections the game-event bus holds, and creating a game in the
		// restarted context failed with "Connection is closed". A running node is never paused.
		properties = { "quizfest.admin.initial-password=" + QuestionBankApiIntegrationTest.ADMIN_PASSWORD,
				"quizfest.live.finished-game-retention=30m" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuzzerResultsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Round kinds as the board and the stored rounds order them. */
	private static final int WARMUP = 0;

	private static final int ACCELERATION = 1;

	private static final int FINISH = 2;

	/** The contestants; the third nickname looks like a formula, so the files must keep it text. */
	static final List<String> CONTESTANTS = List.of("Thí sinh An", "Thí sinh Bình", "@Thí sinh Chi");

	static final List<String> AUDIENCE = List.of("Khán giả 1", "Khán giả 2", "Khán giả 3", "Khán giả 4");

	@LocalServerPort
	int port;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	@Autowired
	ResultsWriter writer;

	final HttpClient http = TestSocket.httpClient();

	final List<TestSocket> sockets = new ArrayList<>();

	ApiClient admin;

	String gameId;

	/** Player numbers of the contestants, in seat order. */
	final List<Integer> seats = new ArrayList<>();

	final Map<Integer, String> nicknames = new HashMap<>();

	/** The score sheet kept by this test, by player number. */
	final Map<Integer, Tally> sheet = new LinkedHashMap<>();

	/** The audience's points as their phones were told them in each {@code outcome}. */
	final Map<Integer, Long> audiencePoints = new LinkedHashMap<>();

	JsonNode results;

	/** One contestant's figures, kept by the rules of docs/organiser-console.md ("Vòng bấm chuông"). */
	static final class Tally {

		final int seat;

		long score;

		final long[] rounds = new long[3];

		int presses;

		int right;

		int wrong;

		int steals;

		int stealsRight;

		Integer starAt;

		Tally(int seat) {
			this.seat = seat;
		}

		/** Adds points by a round's rule; a score never goes below 0, so a loss may be cut short. */
		void add(int round, long points) {
			long after = Math.max(0, score + points);
			rounds[round] += after - score;
			score = after;
		}

		void judged(boolean correct) {
			if (correct) {
				right++;
			}
			else {
				wrong++;
			}
		}
	}

	static Question question(long bank, String text) {
		return new Question(null, bank, UUID.randomUUID().toString(), Language.VI, QuestionType.SINGLE_CHOICE, text,
				List.of("Đúng", "Sai"), AnswerKey.options(List.of(0)), null, 120, Points.STANDARD, 1,
				Topic.SCAMS_CYBER_SAFETY, List.of(), null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0);
	}

	@BeforeAll
	void playAGame() {
		long bank = banks.create("Vòng bấm chuông " + UUID.randomUUID(), null, false);
		List<Long> ids = new ArrayList<>();
		for (int q = 0; q < 8; q++) {
			ids.add(questions.add(question(bank, "Câu " + (q + 1) + ": mã OTP có được đưa cho người khác không?")));
		}
		Map<String, Object> rules = new LinkedHashMap<>();
		rules.put("rounds", List.of(Map.of("kind", "WARMUP_INDIVIDUAL", "questions", 2),
				Map.of("kind", "WARMUP_COMMON", "questions", 3), Map.of("kind", "ACCELERATION", "questions", 1),
				Map.of("kind", "FINISH", "questions", 2)));
		// Long enough for a loaded machine: the host judges every answer here, no deadline does.
		rules.put("answerSeconds", 120);
		rules.put("buzzSeconds", 120);
		rules.put("starWrongLoses", true);
		admin = new ApiClient(port);
		assertThat(admin.login("admin", QuestionBankApiIntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response response = admin.post("/api/games", Map.of("title", "Đường lên đỉnh Olympia của trường",
				"questionIds", ids, "settings", Map.of("format", "BUZZER", "buzzer", rules)));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		JsonNode created = response.body();
		gameId = created.path("id").asString();
		String pin = created.path("pin").asString();
		TestSocket host = connect("/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", gameId, "token", created.path("hostToken").asString()));
		next(host, "hosted");
		List<TestSocket> stage = new ArrayList<>();
		for (String nickname : CONTESTANTS) {
			stage.add(join(pin, nickname));
		}
		List<TestSocket> audience = new ArrayList<>();
		List<Integer> audienceNumbers = new ArrayList<>();
		for (String nickname : AUDIENCE) {
			TestSocket player = join(pin, nickname);
			audience.add(player);
			audienceNumbers.add(number(player));
			audiencePoints.put(number(player), 0L);
		}
		for (int i = 0; i < stage.size(); i++) {
			int number = number(stage.get(i));
			seats.add(number);
			sheet.put(number, new Tally(i + 1));
			command(host, Map.of("type", "seat", "player", number));
		}
		// A seat given by mistake and taken back in the lobby: that player stays in the audience.
		command(host, Map.of("type", "seat", "player", audienceNumbers.get(3)));
		board(host, f -> f.path("contestants").size() == 4);
		command(host, Map.of("type", "unseat", "player", audienceNumbers.get(3)));
		board(host, f -> f.path("contestants").size() == 3);
		TestSocket an = stage.get(0);
		TestSocket binh = stage.get(1);
		TestSocket chi = stage.get(2);
		Tally a = sheet.get(seats.get(0));
		Tally b = sheet.get(seats.get(1));
		Tally c = sheet.get(seats.get(2));

		// Q1, individual warm-up, An's: right, +10. Every audience phone answers, the last one wrong.
		command(host, Map.of("type", "start"));
		command(host, Map.of("type", "next"));
		board(host, f -> "ANSWERING".equals(stageOf(f)) && f.path("q").asInt() == 0 && f.path("floor").asInt() == seats.get(0));
		audienceAnswers(audience, 0, List.of(true, true, true, false));
		command(host, Map.of("type", "right"));
		a.add(WARMUP, 10);
		a.judged(true);
		closed(host, audience, audienceNumbers, 0);

		// Q2, individual warm-up, Bình's: wrong, -5 from 0 stays 0.
		command(host, Map.of("type", "next"));
		command(host, Map.of("type", "next"));
		board(host, f -> "ANSWERING".equals(stageOf(f)) && f.path("q").asInt() == 1 && f.path("floor").asInt() == seats.get(1));
		command(host, Map.of("type", "wrong"));
		b.add(WARMUP, -5);
		b.judged(false);
		closed(host, audience, audienceNumbers, 1);

		// Q3, common warm-up: Chi presses first and is wrong; the buzzers reopen; An presses and is right.
		command(host, Map.of("type", "next"));
		command(host, Map.of("type", "next"));
		board(host, f -> "ARMED".equals(stageOf(f)) && f.path("q").asInt() == 2);
		audienceAnswers(audience, 2, List.of(true, true, false, false));
		press(host, chi, seats.get(2), 2);
		command(host, Map.of("type", "wrong"));
		c.add(WARMUP, -5);
		c.judged(false);
		board(host, f -> "ARMED".equals(stageOf(f)) && f.path("q").asInt() == 2 && f.path("eligible").size() == 2);
		press(host, an, seats.get(0), 2);
		command(host, Map.of("type", "right"));
		a.add(WARMUP, 10);
		a.judged(true);
		closed(host, audience, audienceNumbers, 2);

		// Q4, common warm-up: Chi presses, then the host skips the question: the press is undone with it.
		command(host, Map.of("type", "next"));
		command(host, Map.of("type", "next"));
		board(host, f -> "ARMED".equals(stageOf(f)) && f.path("q").asInt() == 3);
		press(host, chi, seats.get(2), 3);
		command(host, Map.of("type", "skip"));
		c.presses--;
		board(host, f -> "SHOWN".equals(stageOf(f)) && f.path("q").asInt() == 4);

		// Q5, common warm-up: Bình presses and answers on the phone; the server grades it right.
		command(host, Map.of("type", "next"));
		board(host, f -> "ARMED".equals(stageOf(f)) && f.path("q").asInt() == 4);
		press(host, binh, seats.get(1), 4);
		binh.send(answer(4, 0));
		assertThat(next(binh, "ack", 4).path("accepted").asBoolean()).isTrue();
		b.add(WARMUP, 10);
		b.judged(true);
		closed(host, audience, audienceNumbers, 4);

		// Q6, acceleration: An and Chi right (40, 30 by the order the server took them), Bình wrong.
		command(host, Map.of("type", "next"));
		command(host, Map.of("type", "next"));
		board(host, f -> "OPEN".equals(stageOf(f)) && f.path("q").asInt() == 5);
		audienceAnswers(audience, 5, List.of(true, false, false, false));
		Map<Integer, Long> rightAt = new HashMap<>();
		for (int i : new int[] { 0, 2, 1 }) {
			boolean right = i != 1;
			stage.get(i).send(answer(5, right ? 0 : 1));
			JsonNode ack = next(stage.get(i), "ack", 5);
			assertThat(ack.path("accepted").asBoolean()).as("ack %s", ack).isTrue();
			sheet.get(seats.get(i)).judged(right);
			if (right) {
				rightAt.put(seats.get(i), ack.path("receivedAt").asLong());
			}
		}
		List<Integer> byArrival = new ArrayList<>(rightAt.keySet());
		byArrival.sort(Comparator.comparingLong((Integer n) -> rightAt.get(n)).thenComparingInt(seats::indexOf));
		int[] table = { 40, 30, 20, 10 };
		for (int place = 0; place < byArrival.size(); place++) {
			sheet.get(byArrival.get(place)).add(ACCELERATION, table[place]);
		}
		closed(host, audience, audienceNumbers, 5);

		// Q7, finish, An's: 30 points with the star of hope, wrong: the star loses 30. Bình steals it, right: +30.
		command(host, Map.of("type", "next"));
		board(host, f -> "SHOWN".equals(stageOf(f)) && f.path("q").asInt() == 6 && f.path("owner").asInt() == seats.get(0));
		command(host, Map.of("type", "pick30"));
		command(host, Map.of("type", "star"));
		a.starAt = 6;
		command(host, Map.of("type", "next"));
		board(host, f -> "ANSWERING".equals(stageOf(f)) && f.path("q").asInt() == 6 && f.path("floor").asInt() == seats.get(0) && f.path("star").asBoolean());
		command(host, Map.of("type", "wrong"));
		a.add(FINISH, -30);
		a.judged(false);
		board(host, f -> "ARMED".equals(stageOf(f)) && f.path("q").asInt() == 6 && f.path("stealing").asBoolean());
		press(host, binh, seats.get(1), 6);
		command(host, Map.of("type", "right"));
		b.add(FINISH, 30);
		b.judged(true);
		b.steals++;
		b.stealsRight++;
		closed(host, audience, audienceNumbers, 6);

		// Q8, finish, Bình's: 20 points, right.
		command(host, Map.of("type", "next"));
		board(host, f -> "SHOWN".equals(stageOf(f)) && f.path("q").asInt() == 7 && f.path("owner").asInt() == seats.get(1));
		command(host, Map.of("type", "pick20"));
		command(host, Map.of("type", "next"));
		board(host, f -> "ANSWERING".equals(stageOf(f)) && f.path("q").asInt() == 7 && f.path("floor").asInt() == seats.get(1));
		command(host, Map.of("type", "right"));
		b.add(FINISH, 20);
		b.judged(true);
		closed(host, audience, audienceNumbers, 7);

		command(host, Map.of("type", "next"));
		next(host, "podium");
		command(host, Map.of("type", "next"));
		next(host, "ended");
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		ApiClient.Response stored = admin.get("/api/games/" + gameId + "/results");
		assertThat(stored.status()).isEqualTo(200);
		results = stored.body();
	}

	@AfterAll
	void closeSockets() {
		sockets.forEach(TestSocket::abort);
	}

	/** The contestants in the order the rules rank them: score, then seat. */
	List<Integer> contestantOrder() {
		List<Integer> order = new ArrayList<>(seats);
		order.sort(Comparator.comparingLong((Integer n) -> -sheet.get(n).score).thenComparingInt(n -> sheet.get(n).seat));
		return order;
	}

	/** The audience by the points their phones were told (the scenario gives no two the same). */
	List<Integer> audienceOrder() {
		List<Integer> order = new ArrayList<>(audiencePoints.keySet());
		order.sort(Comparator.comparingLong((Integer n) -> -audiencePoints.get(n)));
		return order;
	}

	@Test
	void theResultsRankTheContestantsOnTheirOwnWithEachRoundPressAndSteal() {
		// The scenario itself: what the score sheet says, by the rules, before anything is compared.
		assertThat(contestantOrder()).containsExactly(seats.get(1), seats.get(0), seats.get(2));
		JsonNode contestants = results.path("buzzer").path("contestants");
		assertThat(contestants.size()).isEqualTo(3);
		List<Integer> order = contestantOrder();
		for (int i = 0; i < order.size(); i++) {
			int number = order.get(i);
			Tally expected = sheet.get(number);
			JsonNode row = contestants.get(i);
			assertThat(row.path("player").asInt()).as("place %d", i + 1).isEqualTo(number);
			assertThat(row.path("nickname").asString()).isEqualTo(nicknames.get(number));
			assertThat(row.path("rank").asInt()).isEqualTo(i + 1);
			assertThat(row.path("seat").asInt()).isEqualTo(expected.seat);
			assertThat(row.path("score").asLong()).as("score of %s", nicknames.get(number)).isEqualTo(expected.score);
			assertThat(row.path("warmup").asLong()).isEqualTo(expected.rounds[WARMUP]);
			assertThat(row.path("acceleration").asLong()).isEqualTo(expected.rounds[ACCELERATION]);
			assertThat(row.path("finish").asLong()).isEqualTo(expected.rounds[FINISH]);
			assertThat(row.path("presses").asInt()).as("presses of %s", nicknames.get(number)).isEqualTo(expected.presses);
			assertThat(row.path("right").asInt()).isEqualTo(expected.right);
			assertThat(row.path("wrong").asInt()).isEqualTo(expected.wrong);
			assertThat(row.path("steals").asInt()).isEqualTo(expected.steals);
			assertThat(row.path("stealsRight").asInt()).isEqualTo(expected.stealsRight);
			assertThat(row.path("starAt").isNull() || row.path("starAt").isMissingNode() ? null : row.path("starAt").asInt())
				.isEqualTo(expected.starAt);
			assertThat(row.path("starUsed").asBoolean()).isEqualTo(expected.starAt != null);
		}
	}

	@Test
	void theAudienceIsRankedApartByItsOwnPoints() {
		JsonNode audience = results.path("buzzer").path("audience");
		List<Integer> order = audienceOrder();
		assertThat(audience.size()).isEqualTo(AUDIENCE.size());
		for (int i = 0; i < order.size(); i++) {
			JsonNode row = audience.get(i);
			assertThat(row.path("player").asInt()).isEqualTo(order.get(i));
			assertThat(row.path("rank").asInt()).isEqualTo(i + 1);
			assertThat(row.path("score").asLong()).isEqualTo(audiencePoints.get(order.get(i)));
		}
		// The classic points of the audience are far above the contestants' tens: apart, never in one ranking.
		assertThat(audiencePoints.get(order.get(0))).isGreaterThan(sheet.get(contestantOrder().get(0)).score);
		// Each question's figures are the audience's answers; the contestants' judgements are not among them.
		JsonNode questions = results.path("questions");
		assertThat(questions.size()).isEqualTo(8);
		for (int q = 0; q < 8; q++) {
			assertThat(questions.get(q).path("answered").asInt()).as("answers to question %d", q + 1)
				.isEqualTo(audienceAnswered[q]);
			assertThat(questions.get(q).path("correct").asInt()).isEqualTo(audienceRight[q]);
			assertThat(questions.get(q).path("skipped").asBoolean()).isEqualTo(q == 3);
		}
		// Everyone is still in the podium's list of players, the contestants first.
		JsonNode players = results.path("players");
		assertThat(players.size()).isEqualTo(CONTESTANTS.size() + AUDIENCE.size());
		for (int i = 0; i < CONTESTANTS.size(); i++) {
			assertThat(players.get(i).path("player").asInt()).isEqualTo(contestantOrder().get(i));
		}
	}

	@Test
	void theCsvHasARoleColumnTheContestantsThenTheAudience() {
		HttpResponse<byte[]> file = admin.language("en").download("/api/games/" + gameId + "/results.csv");
		assertThat(file.statusCode()).isEqualTo(200);
		String text = new String(file.body(), 3, file.body().length - 3, StandardCharsets.UTF_8);
		List<List<String>> rows = CsvRows.parse(text);
		assertThat(rows.get(0)).containsExactly("Role", "Rank", "Nickname", "Score", "Correct answers",
				"Questions answered", "Average time per correct answer (s)", "Seat", "Warm-up", "Acceleration", "Finish",
				"Buzzer presses", "Answers right", "Answers wrong", "Steals", "Steals right", "Star of hope (question)");
		assertThat(rows).hasSize(1 + CONTESTANTS.size() + AUDIENCE.size());
		List<Integer> order = contestantOrder();
		for (int i = 0; i < order.size(); i++) {
			Tally t = sheet.get(order.get(i));
			assertThat(rows.get(1 + i)).containsExactly("Contestant", String.valueOf(i + 1),
					ResultsSheets.safe(nicknames.get(order.get(i))), String.valueOf(t.score), "", "", "",
					String.valueOf(t.seat), String.valueOf(t.rounds[WARMUP]), String.valueOf(t.rounds[ACCELERATION]),
					String.valueOf(t.rounds[FINISH]), String.valueOf(t.presses), String.valueOf(t.right),
					String.valueOf(t.wrong), String.valueOf(t.steals), String.valueOf(t.stealsRight),
					t.starAt == null ? "" : String.valueOf(t.starAt + 1));
		}
		List<Integer> audience = audienceOrder();
		for (int i = 0; i < audience.size(); i++) {
			List<String> row = rows.get(1 + order.size() + i);
			assertThat(row.get(0)).isEqualTo("Audience");
			assertThat(row.get(1)).isEqualTo(String.valueOf(i + 1));
			assertThat(row.get(2)).isEqualTo(nicknames.get(audience.get(i)));
			assertThat(row.get(3)).isEqualTo(String.valueOf(audiencePoints.get(audience.get(i))));
			assertThat(row.subList(7, row.size())).allMatch(String::isEmpty);
		}
		assertThat(text).contains("'@Thí sinh Chi").doesNotContain(",@Thí sinh Chi");
	}

	@Test
	void theWorkbookHasAContestantsSheetAndAnAudienceSheetInVietnamese() throws Exception {
		HttpResponse<byte[]> file = admin.language("vi").download("/api/games/" + gameId + "/results.xlsx");
		assertThat(file.statusCode()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Thí sinh");
			assertThat(workbook.getSheetName(1)).isEqualTo("Khán giả");
			assertThat(workbook.getSheetName(2)).isEqualTo("Câu hỏi");
			Sheet stage = workbook.getSheetAt(0);
			assertThat(texts(stage.getRow(0))).containsExactly("Hạng", "Tên hiển thị", "Điểm", "Ghế", "Khởi động",
					"Tăng tốc", "Về đích", "Số lần bấm chuông", "Số lần trả lời đúng", "Số lần trả lời sai",
					"Số lần giành quyền trả lời", "Số lần giành quyền đúng", "Ngôi sao hy vọng (câu)");
			assertThat(stage.getLastRowNum()).isEqualTo(CONTESTANTS.size());
			List<Integer> order = contestantOrder();
			for (int i = 0; i < order.size(); i++) {
				Tally t = sheet.get(order.get(i));
				Row row = stage.getRow(i + 1);
				assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
				assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(ResultsSheets.safe(nicknames.get(order.get(i))));
				double[] expected = { t.score, t.seat, t.rounds[WARMUP], t.rounds[ACCELERATION], t.rounds[FINISH],
						t.presses, t.right, t.wrong, t.steals, t.stealsRight };
				for (int col = 0; col < expected.length; col++) {
					assertThat(row.getCell(2 + col).getNumericCellValue()).as("row %d column %d", i + 1, 2 + col)
						.isEqualTo(expected[col]);
				}
				Cell star = row.getCell(12);
				assertThat(star == null ? null : (int) star.getNumericCellValue())
					.isEqualTo(t.starAt == null ? null : t.starAt + 1);
			}
			Sheet audience = workbook.getSheetAt(1);
			List<Integer> ranked = audienceOrder();
			assertThat(audience.getLastRowNum()).isEqualTo(AUDIENCE.size());
			for (int i = 0; i < ranked.size(); i++) {
				Row row = audience.getRow(i + 1);
				assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(nicknames.get(ranked.get(i)));
				assertThat(row.getCell(2).getNumericCellValue()).isEqualTo((double) audiencePoints.get(ranked.get(i)));
			}
			for (Sheet each : workbook) {
				for (Row row : each) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
	}

	// ---- playing ---------------------------------------------------------------------------------

	TestSocket connect(String path) {
		TestSocket socket = TestSocket.connect(http, port, path);
		sockets.add(socket);
		return socket;
	}

	TestSocket join(String pin, String nickname) {
		TestSocket player = connect("/ws/play");
		player.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", nickname));
		JsonNode joined = next(player, "joined");
		assertThat(joined.path("player").path("nickname").asString()).isEqualTo(nickname);
		nicknames.put(joined.path("player").path("number").asInt(), nickname);
		numbers.put(player, joined.path("player").path("number").asInt());
		return player;
	}

	final Map<TestSocket, Integer> numbers = new HashMap<>();

	int number(TestSocket player) {
		return numbers.get(player);
	}

	static Map<String, Object> answer(int q, int choice) {
		return Map.of("type", "answer", "q", q, "choice", choice);
	}

	static String stageOf(JsonNode board) {
		return board.path("stage").asString();
	}

	/** Frames read from a socket while waiting for another kind, kept for a later wait: none is lost. */
	static final Map<TestSocket, List<JsonNode>> KEPT = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The first frame, in order of arrival, that matches and was not taken by an earlier wait. The frames
	 * of one step (a reply and the events) may come in either order, so a wait never drops the others.
	 */
	static JsonNode next(TestSocket socket, Predicate<JsonNode> match, String what) {
		List<JsonNode> kept = KEPT.computeIfAbsent(socket, s -> new ArrayList<>());
		for (int i = 0; i < kept.size(); i++) {
			if (match.test(kept.get(i))) {
				return kept.remove(i);
			}
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
			JsonNode frame = socket.nextMatching(f -> true, left, what);
			if (match.test(frame)) {
				return frame;
			}
			kept.add(frame);
		}
	}

	static JsonNode next(TestSocket socket, String type) {
		return next(socket, f -> type.equals(f.path("type").asString()), type);
	}

	static JsonNode next(TestSocket socket, String type, int q) {
		return next(socket, f -> type.equals(f.path("type").asString()) && f.path("q").asInt(-1) == q, type + " " + q);
	}

	static void command(TestSocket host, Map<String, Object> frame) {
		host.send(frame);
		String type = (String) frame.get("type");
		JsonNode done = next(host, f -> "done".equals(f.path("type").asString())
				|| "error".equals(f.path("type").asString()), "done of " + type);
		assertThat(done.path("type").asString()).as("%s: %s", type, done).isEqualTo("done");
	}

	static JsonNode board(TestSocket socket, Predicate<JsonNode> match) {
		return next(socket, f -> "buzzer".equals(f.path("type").asString()) && match.test(f), "buzzer board");
	}

	/** A contestant presses; the server takes it and gives the floor, which the test counts. */
	void press(TestSocket host, TestSocket contestant, int number, int q) {
		contestant.send(Map.of("type", "buzz"));
		next(contestant, "buzzed");
		board(host, f -> f.path("floor").asInt() == number && f.path("q").asInt() == q);
		sheet.get(number).presses++;
	}

	/** The audience's answers and right answers per question, as this test sent them. */
	final int[] audienceAnswered = new int[8];

	final int[] audienceRight = new int[8];

	/** Each of the audience answers the open question, right or wrong as given. */
	void audienceAnswers(List<TestSocket> audience, int q, List<Boolean> right) {
		for (int i = 0; i < audience.size(); i++) {
			audienceAnswered[q]++;
			audienceRight[q] += right.get(i) ? 1 : 0;
			next(audience.get(i), "open", q);
			audience.get(i).send(answer(q, right.get(i) ? 0 : 1));
			assertThat(next(audience.get(i), "ack", q).path("accepted").asBoolean()).isTrue();
		}
	}

	/** The question is judged; each of the audience is told its points, which the test adds up. */
	void closed(TestSocket host, List<TestSocket> audience, List<Integer> numbers, int q) {
		board(host, f -> "JUDGED".equals(stageOf(f)) && f.path("q").asInt() == q);
		for (int i = 0; i < audience.size(); i++) {
			JsonNode outcome = next(audience.get(i), "outcome", q);
			audiencePoints.merge(numbers.get(i), outcome.path("points").asLong(), Long::sum);
			assertThat(outcome.path("score").asLong()).isEqualTo(audiencePoints.get(numbers.get(i)));
		}
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			Cell cell = row.getCell(i);
			texts.add(cell == null ? "" : cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
					: Double.toString(cell.getNumericCellValue()));
		}
		return texts;
	}
}
