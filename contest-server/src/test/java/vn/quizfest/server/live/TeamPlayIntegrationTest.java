package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * Team play by unit end to end: a classic game over REST and real WebSocket clients, players joining
 * for units, the team leaderboard and places inside units on the wire, resume keeping the unit, the
 * stored results and exports by unit, and each kind of bad input the feature handles.
 */
class TeamPlayIntegrationTest extends LiveIntegrationSupport {

	private static Map<String, Object> teamSettings(String score, int minMembers, Map<String, String> assignments) {
		Map<String, Object> settings = quickSettings();
		Map<String, Object> teams = new LinkedHashMap<>();
		teams.put("units", List.of(Map.of("id", "10A1", "name", "Lớp 10A1"), Map.of("id", "10A2", "name", "Lớp 10A2"),
				Map.of("name", "Lớp 10A3")));
		teams.put("score", score);
		teams.put("minMembers", minMembers);
		teams.put("assignments", assignments);
		settings.put("teams", teams);
		return settings;
	}

	private Player joinFor(Created game, String nickname, String unit) {
		Client socket = connect("/ws/play");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", nickname, "unit", unit));
		return new Player(socket, socket.next("joined", WAIT));
	}

	@Test
	void aTeamGamePlaysOverSocketsAndItsResultsAndExportsAreByUnit() throws Exception {
		Created game = createGame(singleChoiceQuiz(2), teamSettings("MEAN", 2, Map.of("Được Giao", "10A2")));
		Client host = host(game);
		Player an = joinFor(game, "An", "10A1");
		Player binh = joinFor(game, "Bình", "10a1");
		Player chi = joinFor(game, "Chi", "10A2");
		Player assigned = joinFor(game, "Được Giao", "10A1"); // the organiser's list puts this player in 10A2
		Player lone = joinFor(game, "Lẻ", "Lớp 10A3"); // a typed unit without an id has its name as id
		assertThat(an.joined().path("player").path("unit").path("name").asString()).isEqualTo("Lớp 10A1");
		assertThat(assigned.joined().path("player").path("unit").path("id").asString()).isEqualTo("10A2");
		assertThat(lone.joined().path("player").path("unit").path("id").asString()).isEqualTo("Lớp 10A3");
		List<Player> players = List.of(an, binh, chi, assigned, lone);

		command(host, "start");
		// Question 0: An and Chi right, Bình and the assigned player wrong, Lẻ right.
		for (Player p : players) {
			p.socket().next("open", 0);
		}
		int[] choices = { 0, 1, 0, 1, 0 };
		for (int i = 0; i < players.size(); i++) {
			players.get(i).socket().send(answer(0, choices[i]));
			players.get(i).socket().next("ack");
		}
		Map<Integer, Integer> points = new HashMap<>();
		JsonNode teams = host.next("teams", WAIT);
		host.next("closed", 0);
		for (Player p : players) {
			JsonNode outcome = p.socket().next("outcome", WAIT);
			points.put(p.number(), outcome.path("points").asInt());
			assertThat(outcome.path("team").path("of").asInt()).isEqualTo(p == lone ? 1 : 2);
		}
		// The independent calculation: mean of each unit's points for the question.
		double a1 = (points.get(an.number()) + points.get(binh.number())) / 2.0;
		double a2 = (points.get(chi.number()) + points.get(assigned.number())) / 2.0;
		assertThat(teams.path("q").asInt()).isZero();
		assertThat(teams.path("last").asBoolean()).isFalse();
		assertThat(teams.path("score").asString()).isEqualTo("MEAN");
		JsonNode units = teams.path("units");
		Map<String, JsonNode> byId = new HashMap<>();
		units.forEach(unit -> byId.put(unit.path("id").asString(), unit));
		assertThat(byId.get("10A1").path("score").asDouble()).isCloseTo(a1, within(0.01));
		assertThat(byId.get("10A2").path("score").asDouble()).isCloseTo(a2, within(0.01));
		// One member, fewer than the minimum of two: listed last, without a rank.
		assertThat(units.get(2).path("id").asString()).isEqualTo("Lớp 10A3");
		assertThat(units.get(2).has("rank")).isFalse();
		assertThat(units.get(0).path("rank").asInt()).isEqualTo(1);
		assertThat(an.socket().next("teams", 0).path("units").size()).isEqualTo(3);

		// A player who drops and resumes keeps the unit, and catches up with the team leaderboard.
		chi.socket().abort();
		Client back = resume(game, chi.token());
		JsonNode resumed = back.next("resumed", WAIT);
		assertThat(resumed.path("player").path("unit").path("id").asString()).isEqualTo("10A2");
		assertThat(back.next("teams", WAIT).path("q").asInt()).isZero();

		command(host, "next"); // leaderboard
		command(host, "next"); // question 1
		host.next("open", 1);
		command(host, "next"); // close without answers: everyone 0
		command(host, "next");
		command(host, "next"); // podium
		JsonNode last = host.next(f -> "teams".equals(f.path("type").asString()) && f.path("last").asBoolean(), WAIT,
				"the final teams frame");
		assertThat(last.path("units").get(0).path("score").asDouble()).isCloseTo(Math.max(a1, a2), within(0.01));
		JsonNode finalFrame = an.socket().next("final", WAIT);
		assertThat(finalFrame.path("team").path("unit").asString()).isEqualTo("10A1");
		command(host, "next"); // end

		ApiClient organiser = new ApiClient(port);
		organiser.login("admin", ADMIN_PASSWORD);
		JsonNode results = await().atMost(Duration.ofSeconds(15)).until(
				() -> organiser.get("/api/games/" + game.id() + "/results").body(), body -> body.path("units").size() == 3);
		assertThat(results.path("units").get(0).path("score").asDouble()).isCloseTo(Math.max(a1, a2), within(0.01));
		assertThat(results.path("units").get(2).hasNonNull("rank")).isFalse();
		List<String> unitsOfPlayers = new ArrayList<>();
		results.path("players").forEach(p -> unitsOfPlayers.add(p.path("unitId").asString()));
		assertThat(unitsOfPlayers).containsExactlyInAnyOrder("10A1", "10A1", "10A2", "10A2", "Lớp 10A3");

		byte[] xlsx = organiser.download("/api/games/" + game.id() + "/results.xlsx").body();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet unitsSheet = book.getSheet("Đơn vị");
			assertThat(unitsSheet).isNotNull();
			assertThat(unitsSheet.getRow(1).getCell(2).getStringCellValue()).isIn("Lớp 10A1", "Lớp 10A2");
			assertThat(unitsSheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Lớp 10A3");
			assertThat(book.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("Đơn vị");
		}
		String csv = new String(organiser.download("/api/games/" + game.id() + "/results.csv").body(),
				StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith("Đơn vị");
		assertThat(csv).contains("Lớp 10A3");
	}

	@Test
	void aJoinWithoutAUnitOrWithAnUnknownOneIsRefusedWithAMessageAndTheSocketMayTryAgain() {
		Created game = createGame(singleChoiceQuiz(1), teamSettings("SUM", 1, Map.of()));
		Client socket = connect("/ws/play");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan", "lang", "en"));
		JsonNode missing = error(socket);
		assertThat(missing.path("code").asString()).isEqualTo("UNIT_REQUIRED");
		assertThat(missing.path("message").asString()).contains("unit");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan", "unit", "12C9"));
		assertThat(error(socket).path("code").asString()).isEqualTo("UNIT_UNKNOWN");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan", "unit", 7));
		assertThat(error(socket).path("code").asString()).isEqualTo("UNIT_REQUIRED");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan", "unit", "10A2"));
		assertThat(socket.next("joined", WAIT).path("player").path("unit").path("id").asString()).isEqualTo("10A2");
		// A v1 client of a game without units is unaffected, even if it sends a unit.
		Created classic = createGame(singleChoiceQuiz(1), quickSettings());
		Client v1 = connect("/ws/play");
		v1.send(Map.of("type", "join", "v", 1, "pin", classic.pin(), "nickname", "Minh", "unit", "10A1"));
		assertThat(v1.next("joined", WAIT).path("player").has("unit")).isFalse();
	}

	@Test
	void badTeamSettingsAndAssignmentListsGetClearErrors() throws Exception {
		ApiClient organiser = new ApiClient(port);
		organiser.login("admin", ADMIN_PASSWORD);
		long question = questions.add(singleChoiceQuiz(1).get(0));
		Map<String, Object> cases = new LinkedHashMap<>();
		cases.put("no units", Map.of("score", "MEAN"));
		cases.put("unit without a name", Map.of("units", List.of(Map.of("id", "x"))));
		cases.put("unit listed twice", Map.of("units", List.of(Map.of("name", "A"), Map.of("name", "a"))));
		cases.put("bestK out of range", Map.of("units", List.of(Map.of("name", "A")), "score", "BEST_K", "bestK", 0 - 1));
		cases.put("assignment to an unlisted unit", Map.of("units", List.of(Map.of("name", "A")), "assignments",
				Map.of("Lan", "B")));
		for (Map.Entry<String, Object> c : cases.entrySet()) {
			ApiClient.Response response = organiser.post("/api/games", Map.of("title", "Đội", "questionIds",
					List.of(question), "settings", Map.of("teams", c.getValue())));
			assertThat(response.status()).as(c.getKey()).isEqualTo(400);
			assertThat(response.body().path("code").asString()).as(c.getKey()).isEqualTo("game.teams.invalid");
			assertThat(response.body().path("detail").asString()).as(c.getKey()).isNotBlank();
		}
		ApiClient.Response noContest = organiser.post("/api/games", Map.of("title", "Đội", "questionIds",
				List.of(question), "settings", Map.of("teams", Map.of("contestId", 987_654))));
		assertThat(noContest.status()).isEqualTo(404);
		assertThat(noContest.body().path("code").asString()).isEqualTo("game.teams.contest-not-found");

		// The organiser's list: CSV (semicolons, a BOM, quotes) and XLSX, first row headings.
		byte[] csv = "\uFEFFTên hoặc số báo danh;Mã đơn vị\n\"Nguyễn Văn An\";10A1\n12;10A2\n\n".getBytes(StandardCharsets.UTF_8);
		ApiClient.Response fromCsv = organiser.postFile("/api/games/teams/assignments", "file", "ds.csv", "text/csv", csv);
		assertThat(fromCsv.status()).as(fromCsv.body().toString()).isEqualTo(200);
		assertThat(fromCsv.body().path("rows").asInt()).isEqualTo(2);
		assertThat(fromCsv.body().path("assignments").path("Nguyễn Văn An").asString()).isEqualTo("10A1");
		assertThat(fromCsv.body().path("assignments").path("12").asString()).isEqualTo("10A2");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("Tên");
			sheet.createRow(1).createCell(0).setCellValue("Lan");
			sheet.getRow(1).createCell(1).setCellValue("10A3");
			sheet.createRow(2).createCell(0).setCellValue(7);
			sheet.getRow(2).createCell(1).setCellValue("10A1");
			book.write(out);
		}
		ApiClient.Response fromXlsx = organiser.postFile("/api/games/teams/assignments", "file", "ds.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
		assertThat(fromXlsx.status()).as(fromXlsx.body().toString()).isEqualTo(200);
		assertThat(fromXlsx.body().path("assignments").path("7").asString()).isEqualTo("10A1");
		assertThat(fromXlsx.body().path("assignments").path("Lan").asString()).isEqualTo("10A3");

		ApiClient.Response empty = organiser.postFile("/api/games/teams/assignments", "file", "ds.csv", "text/csv",
				"Tên;Mã\n".getBytes(StandardCharsets.UTF_8));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().path("code").asString()).isEqualTo("game.teams.list-empty");
		ApiClient.Response oneColumn = organiser.postFile("/api/games/teams/assignments", "file", "ds.csv", "text/csv",
				"Tên;Mã\nLan\n".getBytes(StandardCharsets.UTF_8));
		assertThat(oneColumn.status()).isEqualTo(400);
		assertThat(oneColumn.body().path("code").asString()).isEqualTo("game.teams.list-unreadable");
		ApiClient.Response brokenXlsx = organiser.postFile("/api/games/teams/assignments", "file", "ds.xlsx",
				"application/octet-stream", new byte[] { 'P', 'K', 3, 4, 0, 0 });
		assertThat(brokenXlsx.status()).isEqualTo(400);
		assertThat(brokenXlsx.body().path("code").asString()).isEqualTo("game.teams.list-unreadable");
	}
}
