package vn.quizfest.server.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
 * A small game played over real WebSockets against the real database, then its results as JSON, as a
 * workbook and as CSV: the files say exactly what /results says, in the caller's language, and a
 * nickname that looks like a formula stays text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + QuestionBankApiIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsExportIntegrationTest {

	static final List<String> NICKNAMES = List.of("Nguyễn Thị Ánh", "=cmd|' /C calc'!A0", "Trần Văn Đức",
			"Lê, \"Yến\" Nhi", "+84 Hoà Bình");

	/** What each player answers to each question; null leaves it unanswered. */
	static final Object[][] ANSWERS = {
			{ Map.of("choice", 0), Map.of("choices", List.of(0, 2)), Map.of("choice", 0), Map.of("text", "VNeID") },
			{ Map.of("choice", 0), Map.of("choices", List.of(1)), Map.of("choice", 1), null },
			{ Map.of("choice", 1), Map.of("choices", List.of(0, 2)), Map.of("choice", 1), Map.of("text", "vneid") },
			{ Map.of("choice", 2), null, null, null },
			{ Map.of("choice", 0), Map.of("choices", List.of(0, 2)), null, Map.of("text", "Zalo") } };

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

	String pin;

	JsonNode results;

	static Question question(long bank, QuestionType type, String text, List<String> options, AnswerKey key) {
		return new Question(null, bank, UUID.randomUUID().toString(), Language.VI, type, text, options, key, null, 30,
				Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(), null, null, QuestionStatus.PUBLISHED, "test", null,
				null, null, 0);
	}

	@BeforeAll
	void playAGame() {
		long bank = banks.create("Kết quả trò chơi " + UUID.randomUUID(), null, false);
		List<Long> ids = List.of(
				questions.add(question(bank, QuestionType.SINGLE_CHOICE, "Số điện thoại khẩn cấp của Công an là số nào?",
						List.of("113", "114", "115"), AnswerKey.options(List.of(0)))),
				questions.add(question(bank, QuestionType.MULTIPLE_SELECT, "=Những việc nào giúp bảo vệ tài khoản?",
						List.of("Bật xác thực sinh trắc học", "Chia sẻ mã OTP", "Đặt mật khẩu mạnh"),
						AnswerKey.options(List.of(0, 2)))),
				questions.add(question(bank, QuestionType.POLL, "Bạn đã dùng VNeID chưa?", List.of("Rồi", "Chưa"),
						new AnswerKey(List.of(), List.of(), null, null))),
				questions.add(question(bank, QuestionType.TYPE_ANSWER, "Ứng dụng định danh điện tử quốc gia tên là gì?",
						List.of(), new AnswerKey(List.of(), List.of("VNeID"), null, null))));
		admin = new ApiClient(port);
		assertThat(admin.login("admin", QuestionBankApiIntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode created = admin.post("/api/games", Map.of("title", "Hội thi “An toàn trên mạng”", "questionIds", ids,
				"settings", Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();
		gameId = created.path("id").asString();
		pin = created.path("pin").asString();
		TestSocket host = connect("/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", gameId, "token", created.path("hostToken").asString()));
		host.next("hosted");
		List<TestSocket> players = new ArrayList<>();
		for (String nickname : NICKNAMES) {
			TestSocket player = connect("/ws/play");
			player.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", nickname));
			assertThat(player.next("joined").path("player").path("nickname").asString()).isEqualTo(nickname);
			players.add(player);
		}
		host.send(Map.of("type", "start"));
		for (int q = 0; q < ids.size(); q++) {
			int answers = 0;
			for (int p = 0; p < players.size(); p++) {
				players.get(p).next("open");
				@SuppressWarnings("unchecked")
				Map<String, Object> answer = (Map<String, Object>) ANSWERS[p][q];
				if (answer != null) {
					Map<String, Object> frame = new LinkedHashMap<>(answer);
					frame.put("type", "answer");
					frame.put("q", q);
					players.get(p).send(frame);
					answers++;
					JsonNode ack = players.get(p).next("ack");
					assertThat(ack.path("accepted").asBoolean()).as("player %d question %d: %s", p, q, ack).isTrue();
				}
			}
			if (answers < players.size()) {
				// A question closes by itself once every player has answered.
				host.send(Map.of("type", "next"));
			}
			host.next("closed");
			host.send(Map.of("type", "next"));
			host.next("leaderboard");
			host.send(Map.of("type", "next"));
		}
		host.next("podium");
		host.send(Map.of("type", "next"));
		host.next("ended");
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
		ApiClient.Response response = admin.get("/api/games/" + gameId + "/results");
		assertThat(response.status()).isEqualTo(200);
		results = response.body();
	}

	TestSocket connect(String path) {
		TestSocket socket = TestSocket.connect(http, port, path);
		sockets.add(socket);
		return socket;
	}

	@AfterAll
	void closeSockets() {
		sockets.forEach(TestSocket::abort);
	}

	@Test
	void resultsNameEachQuestionAndListPlayersByRank() {
		JsonNode players = results.path("players");
		assertThat(players.size()).isEqualTo(NICKNAMES.size());
		for (int i = 0; i < players.size(); i++) {
			assertThat(players.get(i).path("rank").asInt()).as("rank order").isEqualTo(i + 1);
		}
		assertThat(players.get(0).path("nickname").asString()).isEqualTo("Nguyễn Thị Ánh");
		JsonNode first = results.path("questions").get(0);
		assertThat(first.path("text").asString()).isEqualTo("Số điện thoại khẩn cấp của Công an là số nào?");
		assertThat(first.path("options").toString()).isEqualTo("[\"113\",\"114\",\"115\"]");
		assertThat(first.path("correctOptions").toString()).isEqualTo("[0]");
		assertThat(first.path("distribution").toString()).isEqualTo("[3,1,1]");
		assertThat(results.path("questions").get(1).path("correctOptions").toString()).isEqualTo("[0,2]");
		assertThat(results.path("questions").get(2).path("options").size()).isEqualTo(2);
		assertThat(results.path("questions").get(2).path("correctOptions").size()).as("a poll has no right answer").isZero();
		assertThat(results.path("questions").get(3).path("options").size()).isZero();
		assertThat(results.path("questions").get(3).path("correctOptions").size()).isZero();
	}

	@Test
	void neitherTheGamesListNorTheResultsCarryTheHostTokenHash() {
		ApiClient.Response list = admin.get("/api/games?size=200");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.raw().body()).contains(gameId).doesNotContainIgnoringCase("hostToken");
		assertThat(admin.get("/api/games/" + gameId + "/results").raw().body()).doesNotContainIgnoringCase("hostToken");
	}

	@Test
	void theWorkbookSaysWhatTheResultsSayInVietnamese() throws Exception {
		HttpResponse<byte[]> file = admin.download("/api/games/" + gameId + "/results.xlsx");

		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(ResultsSheets.XLSX);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo(
				"attachment; filename=\"ket-qua-" + pin + ".xlsx\"; filename*=UTF-8''ket-qua-" + pin + ".xlsx");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Người chơi");
			assertThat(workbook.getSheetName(1)).isEqualTo("Câu hỏi");
			Sheet players = workbook.getSheetAt(0);
			assertThat(texts(players.getRow(0))).containsExactly("Hạng", "Tên hiển thị", "Điểm", "Số câu đúng",
					"Số câu đã trả lời", "Thời gian trung bình mỗi câu đúng (giây)");
			assertHeaderIsBoldAndFrozen(workbook, players);
			JsonNode expected = results.path("players");
			assertThat(players.getLastRowNum()).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				JsonNode player = expected.get(i);
				Row row = players.getRow(i + 1);
				assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(player.path("rank").asInt());
				assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(ResultsSheets.safe(player.path("nickname").asString()));
				assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(player.path("score").asLong());
				assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(player.path("correctCount").asInt());
				assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(player.path("answered").asInt());
				double seconds = player.path("correctCount").asInt() == 0 ? -1
						: Math.round(player.path("correctMillis").asLong() / (double) player.path("correctCount").asInt() / 100.0) / 10.0;
				assertThat(row.getCell(5) == null ? -1 : row.getCell(5).getNumericCellValue()).isEqualTo(seconds);
			}
			assertThat(column(players, 1)).contains("'=cmd|' /C calc'!A0", "'+84 Hoà Bình", "Lê, \"Yến\" Nhi");

			Sheet questionSheet = workbook.getSheetAt(1);
			assertThat(texts(questionSheet.getRow(0))).startsWith("Câu", "Nội dung câu hỏi", "Loại câu hỏi", "Bị bỏ qua",
					"Số lượt trả lời", "Số lượt đúng", "Tỷ lệ đúng (%)", "Thời gian trả lời trung bình (giây)", "Phương án A");
			assertHeaderIsBoldAndFrozen(workbook, questionSheet);
			JsonNode expectedQuestions = results.path("questions");
			for (int q = 0; q < expectedQuestions.size(); q++) {
				JsonNode question = expectedQuestions.get(q);
				Row row = questionSheet.getRow(q + 1);
				assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(q + 1);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(ResultsSheets.safe(question.path("text").asString()));
				assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Không");
				assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(question.path("answered").asInt());
				assertThat(row.getCell(7).getNumericCellValue())
					.isEqualTo(Math.round(question.path("averageResponseMillis").asLong() / 100.0) / 10.0);
			}
			Row single = questionSheet.getRow(1);
			assertThat(single.getCell(2).getStringCellValue()).isEqualTo("Một đáp án");
			assertThat(single.getCell(5).getNumericCellValue()).isEqualTo(3);
			assertThat(single.getCell(6).getNumericCellValue()).isEqualTo(60.0);
			assertThat(texts(single).subList(8, 11)).containsExactly("✓ A: 113 — 3", "B: 114 — 1", "C: 115 — 1");
			assertThat(questionSheet.getRow(2).getCell(1).getStringCellValue())
				.isEqualTo("'=Những việc nào giúp bảo vệ tài khoản?");
			Row poll = questionSheet.getRow(3);
			assertThat(poll.getCell(2).getStringCellValue()).isEqualTo("Khảo sát");
			assertThat(poll.getCell(6)).as("a poll has no share of right answers").isNull();
			assertThat(texts(poll).subList(8, 10)).containsExactly("A: Rồi — 1", "B: Chưa — 2");
			Row typed = questionSheet.getRow(4);
			assertThat(typed.getCell(2).getStringCellValue()).isEqualTo("Nhập đáp án");
			assertThat(typed.getCell(8)).isNull();
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
	}

	@Test
	void theCsvIsThePlayersTableInUtf8WithABomForExcel() {
		HttpResponse<byte[]> english = admin.language("en").download("/api/games/" + gameId + "/results.csv");
		HttpResponse<byte[]> vietnamese = admin.language("vi").download("/api/games/" + gameId + "/results.csv");

		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(english.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"results-" + pin + ".csv\"; filename*=UTF-8''results-" + pin + ".csv");
		assertThat(Arrays.copyOf(english.body(), 3)).containsExactly(0xef, 0xbb, 0xbf);
		String text = new String(english.body(), 3, english.body().length - 3, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
		List<List<String>> rows = CsvRows.parse(text);
		assertThat(rows.get(0)).containsExactly("Rank", "Nickname", "Score", "Correct answers", "Questions answered",
				"Average time per correct answer (s)");
		JsonNode expected = results.path("players");
		assertThat(rows).hasSize(expected.size() + 1);
		for (int i = 0; i < expected.size(); i++) {
			JsonNode player = expected.get(i);
			List<String> row = rows.get(i + 1);
			assertThat(row.get(0)).isEqualTo(player.path("rank").asString());
			assertThat(row.get(1)).isEqualTo(ResultsSheets.safe(player.path("nickname").asString()));
			assertThat(row.get(2)).isEqualTo(player.path("score").asString());
			assertThat(row.get(3)).isEqualTo(player.path("correctCount").asString());
			assertThat(row.get(4)).isEqualTo(player.path("answered").asString());
			int correct = player.path("correctCount").asInt();
			assertThat(row.get(5)).isEqualTo(correct == 0 ? ""
					: String.format(Locale.ROOT, "%.1f", Math.round(player.path("correctMillis").asLong() / (double) correct / 100.0) / 10.0));
		}
		assertThat(text).contains("\"Lê, \"\"Yến\"\" Nhi\"", "'=cmd|' /C calc'!A0", "'+84 Hoà Bình");

		String vi = new String(vietnamese.body(), 3, vietnamese.body().length - 3, StandardCharsets.UTF_8);
		assertThat(vietnamese.body()[0]).isEqualTo((byte) 0xef);
		assertThat(CsvRows.parse(vi).get(0).get(0)).isEqualTo("Hạng");
		assertThat(vietnamese.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename=\"ket-qua-" + pin + ".csv\"");
		// Vietnamese spreadsheets read a decimal comma; such a cell is quoted.
		assertThat(CsvRows.parse(vi).get(1).get(5)).matches("\\d+,\\d");
	}

	@Test
	void exportsFollowTheRulesOfTheResults() {
		ApiClient stranger = new ApiClient(port);
		String username = "export" + UUID.randomUUID().toString().substring(0, 8);
		long organisation = admin.post("/api/organisations", Map.of("name", "Trường THCS Nguyễn Du", "kind", "SCHOOL"))
			.body()
			.path("id")
			.asLong();
		String password = admin.post("/api/users", Map.of("username", username, "displayName", "Phạm Văn Nam", "role",
				"ORGANISER", "organisationId", organisation)).body().path("generatedPassword").asString();
		assertThat(stranger.login(username, password).status()).isEqualTo(200);

		for (String file : List.of("results.xlsx", "results.csv")) {
			ApiClient.Response otherOrganisation = stranger.get("/api/games/" + gameId + "/" + file);
			ApiClient.Response unknown = admin.get("/api/games/01notagame0000000000000000/" + file);
			ApiClient.Response anonymous = new ApiClient(port).get("/api/games/" + gameId + "/" + file);
			assertThat(otherOrganisation.status()).isEqualTo(404);
			assertThat(otherOrganisation.body().path("code").asString()).isEqualTo("game.not-found");
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.body().path("code").asString()).isEqualTo("game.not-found");
			assertThat(anonymous.status()).isEqualTo(401);
		}
	}

	private static void assertHeaderIsBoldAndFrozen(XSSFWorkbook workbook, Sheet sheet) {
		Cell heading = sheet.getRow(0).getCell(0);
		assertThat(workbook.getFontAt(heading.getCellStyle().getFontIndex()).getBold()).isTrue();
		assertThat(sheet.getPaneInformation()).isNotNull();
		assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
		assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
		assertThat(sheet.getColumnWidth(1)).isGreaterThan(20 * 256);
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

	private static List<String> column(Sheet sheet, int column) {
		List<String> values = new ArrayList<>();
		for (Row row : sheet) {
			values.add(row.getCell(column).getStringCellValue());
		}
		return values;
	}
}
