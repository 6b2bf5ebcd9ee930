package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * A whole game of Rung chuông vàng over real sockets on the running server: players join by the
 * organiser's numbers, fall, are rescued by a rescue question and by the host, resume still
 * eliminated, and the survivors ring the golden bell; the stored results and the CSV export carry
 * each player's number, the question of the fall, the rescues and the bell.
 */
class EliminationGameIntegrationTest extends LiveIntegrationSupport {

	private static Map<String, Object> eliminationSettings(List<Integer> rescueQuestions) {
		Map<String, Object> settings = quickSettings();
		settings.put("format", "ELIMINATION");
		Map<String, Object> rules = new LinkedHashMap<>();
		rules.put("secondsPerQuestion", 10);
		rules.put("rescueQuestions", rescueQuestions);
		rules.put("numbers", List.of(Map.of("number", "A01", "name", "Nguyễn Văn An"), Map.of("number", "A02"),
				Map.of("number", "A03", "name", "Trần Thị Bình")));
		settings.put("elimination", rules);
		return settings;
	}

	@Test
	void settingsThatDoNotFitTheQuestionsAreRefusedWithTheirReason() {
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		List<Long> ids = singleChoiceQuiz(2).stream().map(questions::add).toList();
		ApiClient.Response refused = organiser.post("/api/games",
				Map.of("title", "Rung chuông vàng", "questionIds", ids, "settings", eliminationSettings(List.of(5))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("code").asString()).isEqualTo("game.settings.invalid");
		assertThat(refused.body().path("detail").asString()).contains("rescueQuestions");

		Map<String, Object> twice = eliminationSettings(List.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> rules = (Map<String, Object>) twice.get("elimination");
		rules.put("numbers", List.of(Map.of("number", "A01"), Map.of("number", "a01")));
		ApiClient.Response duplicate = organiser.post("/api/games",
				Map.of("title", "Rung chuông vàng", "questionIds", ids, "settings", twice));
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.body().path("detail").asString()).contains("twice");
	}

	private static byte[] numbersWorkbook(String[][] rows) throws java.io.IOException {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				var out = new java.io.ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Số báo danh");
			var heading = sheet.createRow(0);
			heading.createCell(0).setCellValue("Số báo danh");
			heading.createCell(1).setCellValue("Họ tên");
			for (int i = 0; i < rows.length; i++) {
				var row = sheet.createRow(i + 1);
				for (int c = 0; c < rows[i].length; c++) {
					if (rows[i][c] != null) {
						row.createCell(c).setCellValue(rows[i][c]);
					}
				}
			}
			// A number typed as a number, shown with its leading zeros by the cell's format.
			var numeric = sheet.createRow(rows.length + 1);
			numeric.createCell(0).setCellValue(7);
			var format = workbook.createCellStyle();
			format.setDataFormat(workbook.createDataFormat().getFormat("000"));
			numeric.getCell(0).setCellStyle(format);
			numeric.createCell(1).setCellValue("Lê Văn Cường");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void theListOfNumbersIsReadFromASpreadsheetAndBadRowsAreNamed() throws java.io.IOException {
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		ApiClient.Response good = organiser.postFile("/api/games/numbers", "file", "so-bao-danh.xlsx", xlsx,
				numbersWorkbook(new String[][] { { "A01", "Nguyễn Văn An" }, { "A02", null } }));
		assertThat(good.status()).as(good.body().toString()).isEqualTo(200);
		assertThat(good.body().path("errors")).isEmpty();
		assertThat(good.body().path("numbers")).extracting(n -> n.path("number").asString())
			.containsExactly("A01", "A02", "007");
		assertThat(good.body().path("numbers").get(0).path("name").asString()).isEqualTo("Nguyễn Văn An");

		ApiClient.Response bad = organiser.postFile("/api/games/numbers", "file", "so-bao-danh.xlsx", xlsx,
				numbersWorkbook(new String[][] { { "A01", "An" }, { "a01", "Bình" }, { null, "Không số" },
						{ "B-1234567890123", null } }));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body().path("numbers")).as("nothing usable while a row is wrong").isEmpty();
		assertThat(bad.body().path("errors")).extracting(e -> e.path("row").asInt() + ":" + e.path("code").asString())
			.containsExactly("3:game.number.duplicate", "4:game.number.required", "5:game.number.too-long");
		assertThat(bad.body().path("errors").get(0).path("message").asString()).contains("a01");

		ApiClient.Response notExcel = organiser.postFile("/api/games/numbers", "file", "so-bao-danh.xlsx", xlsx,
				"không phải Excel".getBytes(StandardCharsets.UTF_8));
		assertThat(notExcel.status()).isEqualTo(400);
		assertThat(notExcel.body().path("code").asString()).isEqualTo("game.numbers.file.invalid");
		assertThat(new ApiClient(port).postFile("/api/games/numbers", "file", "x.xlsx", xlsx, new byte[] { 1 }).status())
			.as("organisers only").isIn(401, 403);
	}

	@Test
	void aWholeGameWithFallsRescuesAResumeAndTheGoldenBell() throws java.io.IOException {
		Created game = createGame(singleChoiceQuiz(3), eliminationSettings(List.of(2)));
		Client host = host(game);

		Client stranger = connect("/ws/play");
		stranger.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Z99"));
		assertThat(error(stranger).path("code").asString()).isEqualTo("NUMBER_UNKNOWN");
		Player an = join(game, "A01");
		Player a2 = join(game, "A02");
		Player binh = join(game, "A03");
		Client twin = connect("/ws/play");
		twin.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "a01"));
		assertThat(error(twin).path("code").asString()).isEqualTo("NUMBER_TAKEN");
		JsonNode fate = an.socket().next("fate", WAIT);
		assertThat(fate.path("badge").asString()).isEqualTo("A01");
		assertThat(fate.path("name").asString()).isEqualTo("Nguyễn Văn An");
		assertThat(fate.path("state").asString()).isEqualTo("FLOOR");
		assertThat(fate.path("rescueQuestions").get(0).asInt()).isEqualTo(1);

		// Question 1: A01 right (option 0), the others wrong: two fall.
		command(host, "start");
		JsonNode open = an.socket().next("open", 0);
		assertThat(open.path("timeLimit").asInt()).as("the game's time per question").isEqualTo(10);
		Client late = connect("/ws/play");
		late.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "A02"));
		assertThat(error(late).path("code").asString()).isIn("JOIN_CLOSED", "NUMBER_TAKEN");
		for (Player player : List.of(an, a2, binh)) {
			if (player != an) {
				player.socket().next("open", 0);
			}
			player.socket().send(answer(0, player == an ? 0 : 1));
			assertThat(player.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		}
		JsonNode floor = an.socket().next("floor", WAIT);
		assertThat(floor.path("cause").asString()).isEqualTo("WRONG");
		assertThat(floor.path("remaining").asInt()).isEqualTo(1);
		assertThat(floor.path("eliminated").asInt()).isEqualTo(2);
		assertThat(floor.has("out")).as("players get counts, not lists").isFalse();
		JsonNode hostFloor = host.next("floor", WAIT);
		assertThat(hostFloor.path("out")).extracting(JsonNode::asInt).containsExactly(a2.number(), binh.number());
		JsonNode out = binh.socket().next(f -> "fate".equals(f.path("type").asString())
				&& "OUT".equals(f.path("state").asString()), WAIT, "eliminated fate");
		assertThat(out.path("state").asString()).isEqualTo("OUT");
		assertThat(out.path("fellAt").asInt()).isZero();

		// Question 2 is the rescue question: only the eliminated answer; A02 is right and comes back.
		command(host, "next");
		command(host, "next");
		an.socket().next("open", 1);
		an.socket().send(answer(1, 0));
		JsonNode refused = an.socket().next("ack", WAIT);
		assertThat(refused.path("accepted").asBoolean()).isFalse();
		assertThat(refused.path("error").asString()).isEqualTo("RESCUE_ONLY");
		assertThat(refused.path("message").asString()).isNotBlank();
		a2.socket().next("open", 1);
		a2.socket().send(answer(1, 0));
		binh.socket().next("open", 1);
		binh.socket().send(answer(1, 2));
		JsonNode rescued = a2.socket().next(f -> "fate".equals(f.path("type").asString())
				&& "FLOOR".equals(f.path("state").asString()) && f.path("rescues").asInt() == 1, WAIT, "rescued fate");
		assertThat(rescued.has("fellAt")).isFalse();
		assertThat(host.next("floor", WAIT).path("back")).extracting(JsonNode::asInt).containsExactly(a2.number());

		// A03 drops and comes back: still eliminated at question 1.
		binh.socket().abort();
		Client back = resume(game, binh.token());
		back.next("resumed", WAIT);
		JsonNode still = back.next("fate", WAIT);
		assertThat(still.path("state").asString()).isEqualTo("OUT");
		assertThat(still.path("fellAt").asInt()).isZero();

		// The host: a revive without a number or "all" is refused; by number it brings A03 back.
		host.send(Map.of("type", "revive"));
		assertThat(error(host).path("code").asString()).isEqualTo("PLAYER_UNKNOWN");
		host.send(Map.of("type", "revive", "player", binh.number()));
		assertThat(host.next("done", WAIT).path("command").asString()).isEqualTo("revive");
		JsonNode byHost = host.next("floor", WAIT);
		assertThat(byHost.path("cause").asString()).isEqualTo("HOST");
		assertThat(byHost.path("remaining").asInt()).isEqualTo(3);
		assertThat(back.next("fate", WAIT).path("state").asString()).isEqualTo("FLOOR");

		// Question 3: A03 wrong, the two others right; they ring the bell.
		command(host, "next");
		command(host, "next");
		an.socket().next("open", 2);
		an.socket().send(answer(2, 0));
		a2.socket().next("open", 2);
		a2.socket().send(answer(2, 0));
		back.next("open", 2);
		back.send(answer(2, 3));
		host.next("closed", 2);
		command(host, "next");
		command(host, "next");
		JsonNode bell = back.next("bell", WAIT);
		assertThat(bell.path("count").asInt()).isEqualTo(2);
		assertThat(bell.path("winners")).extracting(w -> w.path("badge").asString()).containsExactly("A01", "A02");
		assertThat(an.socket().next(f -> "fate".equals(f.path("type").asString()) && f.path("bell").asBoolean(), WAIT,
				"golden bell fate").path("state").asString()).isEqualTo("FLOOR");
		assertThat(host.next("bell", WAIT).path("winners").get(0).path("name").asString()).isEqualTo("Nguyễn Văn An");

		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode results = await().atMost(WAIT)
			.until(() -> organiser.get("/api/games/" + game.id() + "/results").body(),
					body -> body.path("players").size() == 3 && body.path("players").get(0).has("floor"));
		// The two winners rank first (in the order of their points), the one who fell last.
		for (JsonNode winner : List.of(results.path("players").get(0), results.path("players").get(1))) {
			assertThat(winner.path("floor").path("badge").asString()).isIn("A01", "A02");
			assertThat(winner.path("floor").path("goldenBell").asBoolean()).isTrue();
			JsonNode fellAt = winner.path("floor").path("fellAt");
			assertThat(fellAt.isNull() || fellAt.isMissingNode()).as("fellAt of a winner: %s", fellAt).isTrue();
		}
		JsonNode last = results.path("players").get(2);
		assertThat(last.path("floor").path("badge").asString()).isEqualTo("A03");
		assertThat(last.path("floor").path("fellAt").asInt()).isEqualTo(2);
		assertThat(last.path("floor").path("rescues").asInt()).isEqualTo(1);
		assertThat(last.path("floor").path("goldenBell").asBoolean()).isFalse();
		String csv = new String(organiser.download("/api/games/" + game.id() + "/results.csv").body(),
				StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).contains("Số báo danh", "Bị loại ở câu", "Số lần được cứu",
				"Rung chuông vàng");
		assertThat(csv).contains("A03").contains("Trần Thị Bình");
		transcript(Map.of("A01", an.socket(), "A03 (resumed)", back, "host", host));
	}

	/** The frames of this game as sent on the wire, for the examples of docs/protocol.md section 17. */
	private static void transcript(Map<String, Client> clients) throws java.io.IOException {
		StringBuilder text = new StringBuilder("# Rung chuông vàng frames (EliminationGameIntegrationTest)\n");
		new java.util.TreeMap<>(clients).forEach((who, client) -> {
			text.append("\n## Received by ").append(who).append("\n\n");
			client.raw().forEach(frame -> text.append(frame).append('\n'));
		});
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "protocol-transcript-elimination.txt"), text,
				StandardCharsets.UTF_8);
	}
}
