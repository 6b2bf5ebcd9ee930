package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;

/**
 * Bad input never breaks a game: every malformed, oversized, unknown, early, late or flooding
 * message gets an error with a code (or, for abuse, a documented close code), and the players who
 * behave finish the game with their scores.
 */
class BadInputIntegrationTest extends LiveIntegrationSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void malformedFramesGetErrorsAndTheSocketStaysUsable() throws Exception {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");
		Client socket = lan.socket();

		socket.sendText("{\"type\":\"answer\",");
		assertError(socket, "BAD_JSON", "Tin nhắn không đúng định dạng JSON.");
		socket.sendText("[\"join\"]");
		assertError(socket, "BAD_FRAME", "Tin nhắn thiếu trường \"type\".");
		socket.sendText("{\"id\":\"a1\",\"pin\":\"" + game.pin() + "\"}");
		assertError(socket, "BAD_FRAME", null);
		socket.sendText("{\"type\":7}");
		assertError(socket, "BAD_FRAME", null);
		socket.sendText("null");
		assertError(socket, "BAD_FRAME", null);
		socket.send(Map.of("type", "dance", "id", "d1"));
		JsonNode unknown = assertError(socket, "UNKNOWN_TYPE", "Loại tin nhắn không được hỗ trợ.");
		assertThat(unknown.path("ref").asString()).isEqualTo("d1");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Lan hai", "id", 9));
		assertThat(assertError(socket, "ALREADY_JOINED", null).path("ref").asString()).isEqualTo("9");

		// Still usable: a ping gets its pong with the server's clock.
		long before = System.currentTimeMillis();
		socket.send(Map.of("type", "ping", "t", 12345));
		JsonNode pong = socket.next("pong", WAIT);
		assertThat(pong.path("t").asLong()).isEqualTo(12345);
		assertThat(pong.path("serverTime").asLong()).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);

		// Binary frames are refused with an error; the socket stays open.
		try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/play", 64 * 1024)) {
			raw.send(2, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
			JsonNode error = JSON.readTree(raw.read().text());
			assertThat(error.path("code").asString()).isEqualTo("BINARY_NOT_SUPPORTED");
			raw.sendText("{\"type\":\"ping\",\"t\":1}");
			assertThat(JSON.readTree(raw.read().text()).path("type").asString()).isEqualTo("pong");
		}
	}

	@Test
	void aFrameOverOneKilobyteClosesTheSocketWith1009() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");
		// Exactly at the limit is still fine.
		String padding = "x".repeat(1024 - "{\"type\":\"ping\",\"pad\":\"\"}".length());
		lan.socket().sendText("{\"type\":\"ping\",\"pad\":\"" + padding + "\"}");
		lan.socket().next("pong", WAIT);
		double before = tooBigCloses();
		lan.socket().sendText("{\"type\":\"ping\",\"pad\":\"" + padding + "x\"}");
		// The server closes with 1009 without reading the rest of the frame; the unread bytes make the
		// kernel reset the connection, and the client may then report 1006 instead.
		assertThat(lan.socket().awaitClose(WAIT)).isIn(1009, 1006);
		await().atMost(WAIT).until(() -> tooBigCloses() > before);
		// The player is only disconnected: it can resume.
		Client back = resume(game, lan.token());
		assertThat(back.next("resumed", WAIT).path("player").path("number").asInt()).isEqualTo(lan.number());
	}

	@Test
	void theLimitCountsUtf8BytesSoVietnameseTextCannotTripleIt() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");
		// 400 characters of "ệ" are 1,200 bytes in UTF-8: under the container's character count, over the limit.
		String padding = "ệ".repeat(400);
		double before = tooBigCloses();
		lan.socket().sendText("{\"type\":\"ping\",\"pad\":\"" + padding + "\"}");
		assertThat(lan.socket().awaitClose(WAIT)).isEqualTo(1009);
		await().atMost(WAIT).until(() -> tooBigCloses() > before);
	}

	@Test
	void unsupportedProtocolVersionsAreClosedWith4004() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client player = connect("/ws/play");
		player.send(Map.of("type", "join", "v", 2, "pin", game.pin(), "nickname", "Tương lai", "lang", "en"));
		JsonNode error = error(player);
		assertThat(error.path("code").asString()).isEqualTo("UNSUPPORTED_VERSION");
		assertThat(error.path("message").asString()).contains("version 1");
		assertThat(player.awaitClose(WAIT)).isEqualTo(4004);

		Client host = connect("/ws/host");
		host.send(Map.of("type", "host", "v", "1", "game", game.id(), "token", game.hostToken()));
		assertThat(error(host).path("code").asString()).isEqualTo("UNSUPPORTED_VERSION");
		assertThat(host.awaitClose(WAIT)).isEqualTo(4004);
	}

	@Test
	void aSocketThatNeverJoinsIsClosedWith4003() {
		Client idle = connect("/ws/play");
		idle.send(Map.of("type", "ping", "t", 1));
		idle.next("pong", WAIT);
		assertThat(idle.awaitClose(Duration.ofMillis(JOIN_TIMEOUT_MILLIS + 5_000))).isEqualTo(4003);
	}

	@Test
	void aHostSocketMayClickFasterThanAPlayerButNotWithoutLimit() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		// The host frame took one message of the host burst of 60: 45 at once (a player's 20 would refuse
		// 25 of them) are all answered.
		for (int i = 0; i < 45; i++) {
			host.send(Map.of("type", "ping", "t", i));
		}
		for (int i = 0; i < 45; i++) {
			JsonNode frame = host.next(f -> Set.of("pong", "error").contains(f.path("type").asString()), WAIT,
					"pong or error");
			assertThat(frame.path("type").asString()).as("message %d: %s", i, frame).isEqualTo("pong");
		}
		// 60 more at once exceed what is left of the burst: the host socket is limited too.
		for (int i = 0; i < 60; i++) {
			host.send(Map.of("type", "ping", "t", 100 + i));
		}
		JsonNode limited = host.next(f -> "error".equals(f.path("type").asString()), WAIT, "RATE_LIMITED");
		assertThat(limited.path("code").asString()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void aBurstBeyondTheRateGetsRateLimitedErrorsAndTheSocketStaysOpen() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");
		// The join took one message of the burst of 20; 30 pings at once leave 11 refused.
		for (int i = 0; i < 30; i++) {
			lan.socket().send(Map.of("type", "ping", "t", i));
		}
		// Every allowed ping gets its pong; the refused ones get one RATE_LIMITED error per run of
		// ten, so the replies never flood the socket back.
		int pongs = 0;
		int limited = 0;
		while (pongs + 10 * limited < 30) {
			JsonNode frame = lan.socket().next(f -> Set.of("pong", "error").contains(f.path("type").asString()), WAIT,
					"pong or error");
			if ("pong".equals(frame.path("type").asString())) {
				pongs++;
			}
			else {
				assertThat(frame.path("code").asString()).isEqualTo("RATE_LIMITED");
				assertThat(frame.path("message").asString()).isEqualTo("Bạn gửi quá nhanh. Vui lòng chậm lại.");
				limited++;
			}
		}
		assertThat(pongs).as("the burst, plus what refilled meanwhile").isBetween(19, 25);
		assertThat(limited).isEqualTo((30 - pongs + 9) / 10);
		// The bucket refills at 10 messages a second: the same socket is served again.
		await().atMost(WAIT).until(() -> {
			lan.socket().send(Map.of("type", "ping", "t", -1));
			return "pong".equals(lan.socket().next(f -> Set.of("pong", "error").contains(f.path("type").asString()),
					WAIT, "pong or error").path("type").asString());
		});
		assertThat(lan.socket().isClosed()).isFalse();
	}

	@Test
	void aFloodClosesTheSocketAndTheGameGoesOn() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player flooder = join(game, "Lũ lụt");
		try {
			for (int i = 0; i < 200; i++) {
				flooder.socket().send(Map.of("type", "ping", "t", i));
			}
		}
		catch (CompletionException | IllegalStateException closedMeanwhile) {
			// The server closed the socket in the middle of the flood.
		}
		// 50 refusals within 10 seconds: the ABUSE error, then close 4008.
		assertThat(flooder.socket().awaitClose(WAIT)).isEqualTo(4008);
		await().atMost(WAIT).until(() -> live(game).connectedPlayers() == 1);
		command(host, "start");
		lan.socket().next("open", 0);
		lan.socket().send(answer(0, 0));
		assertThat(lan.socket().next("ack", 0).path("accepted").asBoolean()).isTrue();
		command(host, "next");
		assertThat(lan.socket().next("outcome", 0).path("correct").asBoolean()).isTrue();
	}

	@Test
	void answersBeforeJoiningToUnknownClosedAndFutureQuestionsAreRefused() {
		Client stranger = connect("/ws/play");
		stranger.send(Map.of("type", "answer", "q", 0, "choice", 0, "id", "x"));
		JsonNode notJoined = assertError(stranger, "NOT_JOINED", "Bạn cần vào trò chơi trước.");
		assertThat(notJoined.path("ref").asString()).isEqualTo("x");

		Created game = createGame(singleChoiceQuiz(3), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player minh = join(game, "Minh");
		// In the lobby nothing is open yet.
		lan.socket().send(answer(0, 0));
		assertRefused(lan.socket(), 0, "QUESTION_NOT_OPEN");
		command(host, "start");
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(7, 0));
		assertRefused(lan.socket(), 7, "UNKNOWN_QUESTION");
		lan.socket().send(answer(-1, 0));
		assertRefused(lan.socket(), -1, "UNKNOWN_QUESTION");
		lan.socket().send(answer(1, 0));
		assertRefused(lan.socket(), 1, "QUESTION_NOT_OPEN");
		lan.socket().send(Map.of("type", "answer", "q", "0", "choice", 0));
		assertError(lan.socket(), "BAD_ANSWER", "Câu trả lời không hợp lệ với loại câu hỏi này.");
		lan.socket().send(Map.of("type", "answer", "choice", 0));
		assertError(lan.socket(), "BAD_ANSWER", null);
		command(host, "next");
		lan.socket().next("outcome", WAIT);
		// Too late for question 1: it closed with no answer from Lan.
		lan.socket().send(answer(0, 0));
		assertRefused(lan.socket(), 0, "QUESTION_CLOSED");
		command(host, "next");
		command(host, "next");
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 0));
		JsonNode late = assertRefused(lan.socket(), 0, "QUESTION_CLOSED");
		assertThat(late.path("message").asString()).isEqualTo("Đã hết giờ trả lời câu hỏi này.");
		// After all that, a right answer to the open question counts in full.
		lan.socket().send(answer(1, 0));
		assertThat(lan.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		minh.socket().send(answer(1, 1));
		assertThat(lan.socket().next("outcome", WAIT).path("correct").asBoolean()).isTrue();
	}

	@Test
	void answersOfTheWrongShapeAreRefusedWithoutUsingUpTheAnswer() {
		long bankId = bank();
		List<Question> quiz = List.of(
				question(bankId, QuestionType.SINGLE_CHOICE, "Số khẩn cấp của Công an?", List.of("113", "114", "115"),
						AnswerKey.options(List.of(0)), null, 20),
				question(bankId, QuestionType.MULTIPLE_SELECT, "Những việc nào bảo vệ tài khoản?",
						List.of("Bật sinh trắc học", "Chia sẻ OTP", "Không chia sẻ OTP", "Mật khẩu 123456"),
						AnswerKey.options(List.of(0, 2)), null, 20),
				question(bankId, QuestionType.NUMERIC, "Số định danh có bao nhiêu chữ số?", List.of(),
						new AnswerKey(List.of(), List.of(), 12.0, 0.0), null, 20));
		Created game = createGame(quiz, quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		join(game, "Minh");
		Client socket = lan.socket();
		command(host, "start");
		socket.next("open", WAIT);
		for (Map<String, Object> bad : List.of(Map.<String, Object>of("choice", 3), Map.<String, Object>of("choice", -1),
				Map.<String, Object>of("choice", "0"), Map.<String, Object>of("choices", List.of(0)),
				Map.<String, Object>of("text", "113"), Map.<String, Object>of())) {
			socket.send(withAnswer(0, bad));
			assertRefused(socket, 0, "BAD_ANSWER");
		}
		socket.send(answer(0, 0));
		assertThat(socket.next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		command(host, "next");
		assertThat(socket.next("outcome", WAIT).path("correct").asBoolean()).isTrue();
		command(host, "next");
		command(host, "next");

		socket.next("open", WAIT);
		for (Map<String, Object> bad : List.of(Map.<String, Object>of("choices", List.of(0, 0)),
				Map.<String, Object>of("choices", List.of()), Map.<String, Object>of("choices", List.of(0, 4)),
				Map.<String, Object>of("choices", List.of(0, 1, 2, 3, 0)), Map.<String, Object>of("choice", 0))) {
			socket.send(withAnswer(1, bad));
			assertRefused(socket, 1, "BAD_ANSWER");
		}
		socket.send(withAnswer(1, Map.of("choices", List.of(2, 0))));
		assertThat(socket.next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		command(host, "next");
		JsonNode outcome = socket.next("outcome", WAIT);
		assertThat(outcome.path("correct").asBoolean()).isTrue();
		assertThat(outcome.path("streak").asInt()).isEqualTo(2);
		command(host, "next");
		command(host, "next");

		socket.next("open", WAIT);
		socket.send(withAnswer(2, Map.of("value", "12")));
		assertRefused(socket, 2, "BAD_ANSWER");
		socket.send(withAnswer(2, Map.of("value", 12.0)));
		assertThat(socket.next("ack", WAIT).path("accepted").asBoolean()).isTrue();
	}

	@Test
	void nicknamesAreCheckedAndHtmlIsKeptAsPlainText() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		join(game, "Lân");
		Client socket = connect("/ws/play");
		assertJoinRefused(socket, game, "", "NICKNAME_EMPTY");
		assertJoinRefused(socket, game, "   ", "NICKNAME_EMPTY");
		assertJoinRefused(socket, game, null, "NICKNAME_EMPTY");
		assertJoinRefused(socket, game, "a".repeat(21), "NICKNAME_TOO_LONG");
		assertJoinRefused(socket, game, "Lan\u0007", "NICKNAME_INVALID");
		assertJoinRefused(socket, game, "Lan\nAnh", "NICKNAME_INVALID");
		assertJoinRefused(socket, game, "Lan\u200bAnh", "NICKNAME_INVALID");
		assertJoinRefused(socket, game, "thằng ngu", "NICKNAME_BLOCKED");
		assertJoinRefused(socket, game, "xxFuckxx", "NICKNAME_BLOCKED");
		assertJoinRefused(socket, game, "LAN", "NICKNAME_TAKEN");
		assertJoinRefused(socket, game, "lân", "NICKNAME_TAKEN");
		assertJoinRefused(socket, game, "  Lan  ", "NICKNAME_TAKEN");
		// The HTML example the issue gives has 27 characters: too long, whatever it contains.
		assertJoinRefused(socket, game, "<img src=x onerror=alert(1)>", "NICKNAME_TOO_LONG");
		socket.send(Map.of("type", "join", "v", 1, "pin", "000000", "nickname", "Lan"));
		assertError(socket, "BAD_PIN", "Không tìm thấy trò chơi với mã PIN này. Hãy kiểm tra lại.");
		socket.send(Map.of("type", "join", "v", 1, "pin", "000000", "nickname", "Lan", "lang", "en"));
		assertError(socket, "BAD_PIN", "No game has this PIN. Please check it.");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "", "lang", "en"));
		assertError(socket, "NICKNAME_EMPTY", "Please enter a nickname.");

		// Exactly 20 characters, HTML inside: accepted and echoed as the same text, never as markup.
		String html = "<b onclick=alert(1)>";
		assertThat(html).hasSize(20);
		socket.send(Map.of("type", "join", "v", 1, "pin", " " + game.pin() + " ", "nickname", html));
		JsonNode joined = socket.next("joined", WAIT);
		assertThat(joined.path("player").path("nickname").asString()).isEqualTo(html);
		assertThat(socket.raw()).anyMatch(frame -> frame.contains("\"nickname\":\"" + html + "\""));
		JsonNode players = host.next(f -> "players".equals(f.path("type").asString())
				&& f.path("count").asInt() == 2, WAIT, "players=2");
		assertThat(players.path("joined").findValuesAsString("nickname")).contains(html);
		String quoted = "Tô \"Tí\" \\ <i>";
		Player tricky = join(game, quoted);
		assertThat(tricky.socket().raw().get(0)).contains("\"nickname\":\"Tô \\\"Tí\\\" \\\\ <i>\"");
		command(host, "start");
		socket.send(answer(0, 0));
		socket.next("ack", WAIT);
		command(host, "next");
		command(host, "next");
		JsonNode leaderboard = host.next("leaderboard", WAIT);
		assertThat(leaderboard.path("top").get(0).path("nickname").asString()).isEqualTo(html);
	}

	@Test
	void theGameRunsToTheEndForWellBehavedPlayersWhileOthersMisbehave() throws Exception {
		Created game = createGame(singleChoiceQuiz(3), quickSettings());
		Client host = host(game);
		List<Player> good = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			good.add(join(game, "Ngoan " + i));
		}
		Player rude = join(game, "Nghịch ngợm");
		Player huge = join(game, "Khổng lồ");
		command(host, "start");
		for (int q = 0; q < 3; q++) {
			for (Player player : good) {
				player.socket().next("open", WAIT);
			}
			rude.socket().sendText("}{");
			rude.socket().send(Map.of("type", "answer", "q", q, "choices", List.of(9, 9)));
			rude.socket().send(Map.of("type", "answer", "q", q + 1, "choice", 0));
			rude.socket().send(Map.of("type", "start"));
			if (q == 1) {
				huge.socket().sendText("{\"type\":\"answer\",\"q\":1,\"text\":\"" + "x".repeat(5_000) + "\"}");
			}
			for (int i = 0; i < good.size(); i++) {
				good.get(i).socket().send(answer(q, i == 0 ? 1 : 0));
			}
			for (Player player : good) {
				assertThat(player.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
			}
			command(host, "next");
			for (Player player : good) {
				player.socket().next("outcome", WAIT);
			}
			command(host, "next");
			command(host, "next");
		}
		assertThat(huge.socket().awaitClose(WAIT)).isIn(1009, 1006);
		host.next("podium", WAIT);
		for (int i = 0; i < good.size(); i++) {
			JsonNode last = good.get(i).socket().next("final", WAIT);
			if (i == 0) {
				assertThat(last.path("score").asLong()).isZero();
			}
			else {
				assertThat(last.path("score").asLong()).as("player %d", i).isPositive();
				assertThat(last.path("correctCount").asInt()).isEqualTo(3);
			}
		}
		List<String> rudeErrors = rude.socket().drain().stream()
			.filter(f -> "error".equals(f.path("type").asString()) || "ack".equals(f.path("type").asString()))
			.map(f -> f.path("code").asString(f.path("error").asString()))
			.toList();
		assertThat(rudeErrors).contains("BAD_JSON", "BAD_ANSWER", "QUESTION_NOT_OPEN", "UNKNOWN_TYPE");
		command(host, "next");
		for (Player player : good) {
			assertThat(player.socket().awaitClose(WAIT)).isEqualTo(4000);
		}
	}

	// ---- helpers -----------------------------------------------------------------------------

	private double tooBigCloses() {
		return meter("quiz_connections_closed_total", "reason=\"too-big\"");
	}

	private static Map<String, Object> withAnswer(int q, Map<String, Object> fields) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", "answer");
		frame.put("q", q);
		frame.putAll(fields);
		return frame;
	}

	private static JsonNode assertError(Client socket, String code, String message) {
		JsonNode error = socket.next("error", WAIT);
		assertThat(error.path("code").asString()).as(error.toString()).isEqualTo(code);
		if (message != null) {
			assertThat(error.path("message").asString()).isEqualTo(message);
		}
		else {
			assertThat(error.path("message").asString()).isNotBlank();
		}
		return error;
	}

	private static JsonNode assertRefused(Client socket, int q, String code) {
		JsonNode ack = socket.next("ack", q);
		assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isFalse();
		assertThat(ack.path("error").asString()).isEqualTo(code);
		assertThat(ack.path("message").asString()).isNotBlank();
		assertThat(ack.has("ms")).isFalse();
		return ack;
	}

	private static void assertJoinRefused(Client socket, Created game, String nickname, String code) {
		Map<String, Object> join = new LinkedHashMap<>();
		join.put("type", "join");
		join.put("v", 1);
		join.put("pin", game.pin());
		join.put("nickname", nickname);
		socket.send(join);
		assertError(socket, code, null);
	}
}
