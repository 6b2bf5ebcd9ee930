package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.CsvRows;

/**
 * Rung chuông vàng played by units over real sockets on the running server: the organiser's sheet of
 * numbers with a unit column and a substitute column, the units' scores and their players on the floor
 * on the wire, a substitute coming on for its own unit, the last unit with survivors on the golden
 * bell, and the stored results and exports with each unit's survivors and the winning unit.
 */
class EliminationTeamsIntegrationTest extends LiveIntegrationSupport {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The organiser's sheet: number, name, unit, substitute mark (row 1 the headings). */
	private static byte[] sheet(String[][] rows) throws java.io.IOException {
		try (var workbook = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Thí sinh");
			Row heading = sheet.createRow(0);
			String[] headings = { "Số báo danh", "Họ tên", "Lớp", "Dự bị" };
			for (int c = 0; c < headings.length; c++) {
				heading.createCell(c).setCellValue(headings[c]);
			}
			for (int i = 0; i < rows.length; i++) {
				Row row = sheet.createRow(i + 1);
				for (int c = 0; c < rows[i].length; c++) {
					if (rows[i][c] != null) {
						row.createCell(c).setCellValue(rows[i][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static Map<String, Object> settings(JsonNode numbers, JsonNode reserves) {
		Map<String, Object> settings = quickSettings();
		settings.put("format", "ELIMINATION");
		settings.put("scoring", "ACCURACY");
		settings.put("streaks", false);
		List<Object> list = new ArrayList<>();
		numbers.forEach(entry -> {
			Map<String, Object> number = new LinkedHashMap<>();
			number.put("number", entry.path("number").asString());
			number.put("name", entry.path("name").asString());
			number.put("unit", entry.path("unit").asString());
			list.add(number);
		});
		List<String> substitutes = new ArrayList<>();
		reserves.forEach(number -> substitutes.add(number.asString()));
		Map<String, Object> rules = new LinkedHashMap<>();
		rules.put("secondsPerQuestion", 10);
		rules.put("numbers", list);
		rules.put("reserves", substitutes);
		rules.put("reserveBelow", 2);
		settings.put("elimination", rules);
		Map<String, Object> teams = new LinkedHashMap<>();
		teams.put("units", List.of(Map.of("id", "10A1", "name", "Lớp 10A1"), Map.of("id", "10A2", "name", "Lớp 10A2")));
		teams.put("score", "MEAN");
		teams.put("minMembers", 1);
		settings.put("teams", teams);
		return settings;
	}

	private static Map<String, Integer> unitCounts(JsonNode frame) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		frame.path("units").forEach(unit -> counts.put(unit.path("id").asString(), unit.path("remaining").asInt()));
		return counts;
	}

	@Test
	void theSheetsUnitAndSubstituteColumnsAreReadAndBadUnitIdsNamed() throws java.io.IOException {
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response good = organiser.postFile("/api/games/numbers", "file", "thi-sinh.xlsx", XLSX,
				sheet(new String[][] { { "A01", "An", "10A1", null }, { "A09", "Hà", "10A1", "x" },
						{ "B01", "Dung", "10A2", "không" }, { "B09", "Long", "10A2", "Dự bị" } }));
		assertThat(good.status()).as(good.body().toString()).isEqualTo(200);
		assertThat(good.body().path("numbers")).extracting(n -> n.path("number").asString() + "/" + n.path("unit").asString())
			.containsExactly("A01/10A1", "A09/10A1", "B01/10A2", "B09/10A2");
		assertThat(good.body().path("reserves")).extracting(JsonNode::asString).containsExactly("A09", "B09");

		ApiClient.Response bad = organiser.postFile("/api/games/numbers", "file", "thi-sinh.xlsx", XLSX,
				sheet(new String[][] { { "A01", "An", "x".repeat(41), null } }));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body().path("numbers")).isEmpty();
		assertThat(bad.body().path("reserves")).isEmpty();
		assertThat(bad.body().path("errors")).extracting(e -> e.path("row").asInt() + ":" + e.path("code").asString())
			.containsExactly("2:game.number.unit-too-long");
		assertThat(bad.body().path("errors").get(0).path("message").asString()).contains("40");

		// A number of a unit the game does not have: refused with its reason, nothing created.
		List<Long> ids = singleChoiceQuiz(2).stream().map(questions::add).toList();
		Map<String, Object> wrongUnit = settings(good.body().path("numbers"), good.body().path("reserves"));
		@SuppressWarnings("unchecked")
		Map<String, Object> teams = (Map<String, Object>) wrongUnit.get("teams");
		teams.put("units", List.of(Map.of("id", "10A1", "name", "Lớp 10A1")));
		ApiClient.Response refused = organiser.post("/api/games",
				Map.of("title", "Rung chuông vàng khối 10", "questionIds", ids, "settings", wrongUnit));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("code").asString()).isEqualTo("game.settings.invalid");
		assertThat(refused.body().path("detail").asString()).contains("B01").contains("10A2");
	}

	@Test
	void aGameByUnitsWithASubstituteAndTheLastUnitWithSurvivorsOnTheBell() throws java.io.IOException {
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode read = organiser.postFile("/api/games/numbers", "file", "thi-sinh.xlsx", XLSX,
				sheet(new String[][] { { "A01", "Nguyễn Văn An", "10A1", null }, { "A02", "Trần Thị Ba", "10A1", null },
						{ "A09", "Lê Thu Hà", "10A1", "x" }, { "B01", "Phạm Dung", "10A2", null },
						{ "B02", "Võ Em", "10A2", null } }))
			.body();
		Created game = createGame(singleChoiceQuiz(2), settings(read.path("numbers"), read.path("reserves")));
		JsonNode pin = new ApiClient(port).get("/api/pins/" + game.pin()).body();
		assertThat(pin.path("units")).hasSize(2);
		assertThat(pin.path("unitsAssigned").asBoolean()).as("the list gives each number its unit").isTrue();
		Client host = host(game);

		// Phones send the number; the list decides the unit, whatever a phone chose.
		Player an = join(game, "A01");
		Player ba = join(game, "A02");
		Client haSocket = connect("/ws/play");
		haSocket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "A09", "unit", "10A2"));
		Player ha = new Player(haSocket, haSocket.next("joined", WAIT));
		Player dung = join(game, "B01");
		Player em = join(game, "B02");
		assertThat(ha.joined().path("player").path("unit").path("id").asString()).isEqualTo("10A1");
		JsonNode waiting = ha.socket().next("fate", WAIT);
		assertThat(waiting.path("state").asString()).isEqualTo("RESERVE");
		assertThat(waiting.path("unit").asString()).isEqualTo("10A1");
		assertThat(waiting.path("unitRemaining").asInt()).isEqualTo(2);

		// Question 1: in 10A1 An right, Ba wrong; in 10A2 both right; the substitute may not answer.
		command(host, "start");
		JsonNode grid = host.next(f -> "grid".equals(f.path("type").asString()) && f.path("players").size() == 5, WAIT,
				"the grid at the first question");
		assertThat(unitCounts(grid)).containsExactly(Map.entry("10A1", 2), Map.entry("10A2", 2));
		assertThat(grid.path("units").get(0).path("name").asString()).isEqualTo("Lớp 10A1");
		assertThat(grid.path("players")).extracting(p -> p.path("badge").asString() + "/" + p.path("unit").asString())
			.containsExactly("A01/10A1", "A02/10A1", "A09/10A1", "B01/10A2", "B02/10A2");
		Map<String, Integer> points = new LinkedHashMap<>();
		for (Player player : List.of(an, ba, ha, dung, em)) {
			player.socket().next("open", 0);
			player.socket().send(answer(0, player == ba ? 1 : 0));
			JsonNode ack = player.socket().next("ack", WAIT);
			if (player == ha) {
				assertThat(ack.path("error").asString()).isEqualTo("NOT_ON_FLOOR");
			}
			else {
				assertThat(ack.path("accepted").asBoolean()).isTrue();
			}
		}
		JsonNode teams = host.next("teams", WAIT);
		for (Player player : List.of(an, ba, dung, em)) {
			points.put(player.joined().path("player").path("nickname").asString(),
					player.socket().next("outcome", WAIT).path("points").asInt());
		}
		// The independent calculation: each unit's mean of its members' points (the waiting substitute is
		// not yet a member), from the points the phones were told.
		assertThat(teams.path("q").asInt()).isZero();
		Map<String, Double> scores = new LinkedHashMap<>();
		teams.path("units").forEach(unit -> scores.put(unit.path("id").asString(), unit.path("score").asDouble()));
		assertThat(scores.get("10A1")).isCloseTo((points.get("A01") + points.get("A02")) / 2.0, within(0.01));
		assertThat(scores.get("10A2")).isCloseTo((points.get("B01") + points.get("B02")) / 2.0, within(0.01));
		assertThat(points.get("A02")).isZero();

		JsonNode wrong = an.socket().next("floor", WAIT);
		assertThat(wrong.path("cause").asString()).isEqualTo("WRONG");
		JsonNode reserve = host.next(f -> "floor".equals(f.path("type").asString())
				&& "RESERVE".equals(f.path("cause").asString()), WAIT, "the substitute's floor frame");
		assertThat(reserve.path("back")).extracting(JsonNode::asInt).containsExactly(ha.number());
		assertThat(unitCounts(reserve)).containsExactly(Map.entry("10A1", 2), Map.entry("10A2", 2));
		JsonNode on = ha.socket().next(f -> "fate".equals(f.path("type").asString())
				&& "FLOOR".equals(f.path("state").asString()), WAIT, "the substitute on the floor");
		assertThat(on.path("unitRemaining").asInt()).isEqualTo(2);

		// Question 2: 10A1 falls (An and Hà wrong), in 10A2 Dung right, Em wrong: 10A2 is the last unit.
		command(host, "next");
		command(host, "next");
		for (Player player : List.of(an, ha, dung, em)) {
			player.socket().next("open", 1);
			player.socket().send(answer(1, player == dung ? 0 : 2));
			player.socket().next("ack", WAIT);
		}
		JsonNode second = host.next(f -> "floor".equals(f.path("type").asString()) && f.path("q").asInt() == 1, WAIT,
				"the floor after question 2");
		assertThat(unitCounts(second)).containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 1));
		assertThat(unitCounts(ba.socket().next(f -> "floor".equals(f.path("type").asString()) && f.path("q").asInt() == 1,
				WAIT, "a phone's floor after question 2"))).as("phones get the unit counts too")
			.containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 1));
		command(host, "next");
		command(host, "next");

		JsonNode bell = em.socket().next("bell", WAIT);
		assertThat(bell.path("count").asInt()).isEqualTo(1);
		assertThat(bell.path("winners").get(0).path("badge").asString()).isEqualTo("B01");
		assertThat(bell.path("winners").get(0).path("unit").asString()).isEqualTo("10A2");
		assertThat(bell.path("unit").path("id").asString()).isEqualTo("10A2");
		assertThat(bell.path("unit").path("name").asString()).isEqualTo("Lớp 10A2");
		assertThat(bell.path("unit").path("remaining").asInt()).isEqualTo(1);
		assertThat(unitCounts(bell)).containsExactly(Map.entry("10A1", 0), Map.entry("10A2", 1));
		JsonNode lastTeams = host.next(f -> "teams".equals(f.path("type").asString()) && f.path("last").asBoolean(),
				WAIT, "the final teams frame");
		assertThat(lastTeams.path("units")).hasSize(2);
		host.next("bell", WAIT);

		// The stored results and both exports: each unit's survivors and the winning unit.
		JsonNode results = await().atMost(WAIT)
			.until(() -> organiser.get("/api/games/" + game.id() + "/results").body(),
					body -> body.path("units").size() == 2 && body.path("units").get(0).has("survivors"));
		Map<String, JsonNode> units = new LinkedHashMap<>();
		results.path("units").forEach(unit -> units.put(unit.path("unitId").asString(), unit));
		assertThat(units.get("10A2").path("survivors").asInt()).isEqualTo(1);
		assertThat(units.get("10A2").path("goldenBell").asBoolean()).isTrue();
		assertThat(units.get("10A1").path("survivors").asInt()).isZero();
		assertThat(units.get("10A1").path("goldenBell").asBoolean()).isFalse();
		byte[] xlsx = organiser.download("/api/games/" + game.id() + "/results.xlsx").body();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("Đơn vị");
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Số người của đơn vị còn trên sàn");
			assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Đơn vị rung chuông vàng");
			Map<String, String> byUnit = new LinkedHashMap<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				byUnit.put(row.getCell(1).getStringCellValue(), (int) row.getCell(5).getNumericCellValue() + "/"
						+ (row.getCell(6) == null ? "" : row.getCell(6).getStringCellValue()));
			}
			assertThat(byUnit).containsEntry("10A1", "0/").containsEntry("10A2", "1/Có");
		}
		List<List<String>> csv = CsvRows.parse(new String(organiser.download("/api/games/" + game.id() + "/results.csv")
			.body(), StandardCharsets.UTF_8));
		int survivorsColumn = csv.get(0).indexOf("Số người của đơn vị còn trên sàn");
		int bellColumn = csv.get(0).indexOf("Đơn vị rung chuông vàng");
		int nameColumn = csv.get(0).indexOf("Tên hiển thị");
		assertThat(survivorsColumn).isPositive();
		assertThat(bellColumn).isPositive();
		Map<String, String> byPlayer = new LinkedHashMap<>();
		for (List<String> row : csv.subList(1, csv.size())) {
			byPlayer.put(row.get(nameColumn), row.get(survivorsColumn) + "/" + row.get(bellColumn));
		}
		assertThat(byPlayer).containsEntry("B02", "1/Có").containsEntry("A09", "0/").hasSize(5);
		transcript(Map.of("A09 (substitute)", ha.socket(), "B02", em.socket(), "host", host));
	}

	/** The frames of this game as sent on the wire, for the examples of docs/protocol.md section 17. */
	private static void transcript(Map<String, Client> clients) throws java.io.IOException {
		StringBuilder text = new StringBuilder("# Rung chuông vàng by unit frames (EliminationTeamsIntegrationTest)\n");
		new java.util.TreeMap<>(clients).forEach((who, client) -> {
			text.append("\n## Received by ").append(who).append("\n\n");
			client.raw().forEach(frame -> text.append(frame).append('\n'));
		});
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "protocol-transcript-elimination-units.txt"), text,
				StandardCharsets.UTF_8);
	}
}
