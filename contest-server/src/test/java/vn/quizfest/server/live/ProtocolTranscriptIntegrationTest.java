package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.ApiClient;

/**
 * Plays one short game that uses every message of the protocol and keeps what went over the wire in
 * {@code target/protocol-transcript.txt}: the examples of docs/protocol.md come from it. It also
 * checks that the document describes exactly the server frame types seen here.
 */
class ProtocolTranscriptIntegrationTest extends LiveIntegrationSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path DOCUMENT = Path.of("..", "docs", "protocol.md");

	private final List<String> sent = new ArrayList<>();

	private final Map<String, Client> clients = new LinkedHashMap<>();

	@Test
	void aGameWithEveryMessageMatchesTheProtocolDocument() throws IOException {
		Map<String, Object> settings = new LinkedHashMap<>(quickSettings());
		settings.put("previewSeconds", 1);
		settings.put("openLeadMillis", 300);
		List<Long> ids = new ArrayList<>();
		for (Question question : singleChoiceQuiz(3)) {
			ids.add(questions.add(question));
		}
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		Map<String, Object> request = Map.of("title", "Hội thi Bình dân học vụ số", "questionIds", ids, "settings",
				settings);
		ApiClient.Response response = organiser.post("/api/games", request);
		assertThat(response.status()).isEqualTo(201);
		sent.add("POST /api/games " + JSON.writeValueAsString(request));
		sent.add("201 " + response.raw().body());
		JsonNode body = response.body();
		Created game = new Created(body.path("id").asString(), body.path("pin").asString(),
				body.path("hostToken").asString());
		sent.add("GET /api/games/{id} " + organiser.get("/api/games/" + game.id()).raw().body());

		Client host = connect("/ws/host");
		clients.put("host", host);
		send("host", host, Map.of("type", "host", "v", 1, "game", game.id(), "token", game.hostToken(), "lang", "vi"));
		host.next("hosted");
		Player lan = join(game, "Lan");
		clients.put("Lan", lan.socket());
		Player minh = join(game, "Minh");
		clients.put("Minh", minh.socket());
		Player troll = join(game, "Khách lạ");
		clients.put("Khách lạ", troll.socket());
		sent.add("Lan -> {\"type\":\"join\",\"v\":1,\"pin\":\"" + game.pin() + "\",\"nickname\":\"Lan\"}");
		host.next(f -> "players".equals(f.path("type").asString()) && f.path("count").asInt() == 3, WAIT, "players=3");

		send("Lan", lan.socket(), Map.of("type", "ping", "t", System.currentTimeMillis()));
		lan.socket().next("pong");
		send("Lan", lan.socket(), Map.of("type", "dance", "id", "m7"));
		lan.socket().next("error");
		send("host", host, Map.of("type", "kick", "player", troll.number(), "id", "k1"));
		host.next("done");
		troll.socket().awaitClose(WAIT);

		send("host", host, Map.of("type", "start", "id", "c1"));
		lan.socket().next("question", 0);
		JsonNode open = lan.socket().next("open", 0);
		send("Lan", lan.socket(), Map.of("type", "answer", "q", 0, "choice", 0, "id", "a1"));
		lan.socket().next("ack", 0);
		send("Lan", lan.socket(), Map.of("type", "answer", "q", 0, "choice", 2));
		lan.socket().next("ack", 0);
		send("Minh", minh.socket(), Map.of("type", "answer", "q", 0, "choice", 9));
		minh.socket().next("ack", 0);
		host.next("answers");
		send("host", host, Map.of("type", "pause"));
		lan.socket().next("paused");
		send("Minh", minh.socket(), Map.of("type", "answer", "q", 0, "choice", 1));
		assertThat(minh.socket().next("ack", 0).path("error").asString()).isEqualTo("GAME_PAUSED");
		send("host", host, Map.of("type", "resume"));
		lan.socket().next("unpaused");
		JsonNode reopened = lan.socket().next("open", 0);
		assertThat(reopened.path("closesAt").asLong()).isGreaterThanOrEqualTo(open.path("closesAt").asLong());
		send("Minh", minh.socket(), Map.of("type", "answer", "q", 0, "choice", 1));
		lan.socket().next("closed", 0);
		lan.socket().next("outcome", 0);
		send("host", host, Map.of("type", "next"));
		lan.socket().next("leaderboard", 0);
		send("host", host, Map.of("type", "next"));
		lan.socket().next("question", 1);
		send("host", host, Map.of("type", "skip"));
		lan.socket().next("skipped", 1);
		lan.socket().next("open", 2);

		lan.socket().abort();
		Client back = connect("/ws/play");
		clients.put("Lan (resumed)", back);
		send("Lan (resumed)", back,
				Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", lan.token(), "lang", "vi"));
		back.next("resumed");
		back.next("open", 2);
		send("Lan (resumed)", back, Map.of("type", "answer", "q", 2, "choice", 0));
		back.next("ack", 2);
		send("host", host, Map.of("type", "next"));
		back.next("outcome", 2);
		send("host", host, Map.of("type", "next"));
		send("host", host, Map.of("type", "next"));
		back.next("podium");
		back.next("final");
		send("host", host, Map.of("type", "next"));
		back.next("ended");
		assertThat(back.awaitClose(WAIT)).isEqualTo(4000);
		sent.add("GET /api/games/{id}/leaderboard?top=3 "
				+ organiser.get("/api/games/" + game.id() + "/leaderboard?top=3").raw().body());
		send("host", host, Map.of("type", "next", "id", "n9"));
		host.next(f -> "error".equals(f.path("type").asString()) && "GAME_OVER".equals(f.path("code").asString()),
				WAIT, "GAME_OVER");

		Set<String> types = new LinkedHashSet<>();
		StringBuilder transcript = new StringBuilder("# Frames of one game, as sent (generated by ")
			.append(getClass().getSimpleName()).append(")\n\n## Client to server\n\n");
		sent.forEach(line -> transcript.append(line).append('\n'));
		clients.forEach((who, client) -> {
			transcript.append("\n## Received by ").append(who).append("\n\n");
			for (String frame : client.raw()) {
				transcript.append(frame).append('\n');
				types.add(JSON.readTree(frame).path("type").asString());
			}
		});
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "protocol-transcript.txt"), transcript, StandardCharsets.UTF_8);

		assertThat(types).containsExactlyInAnyOrder("hosted", "joined", "lobby", "players", "pong", "error", "done",
				"kicked", "question", "open", "ack", "answers", "paused", "unpaused", "resumed", "closed", "outcome", "leaderboard",
				"skipped", "podium", "final", "ended");
		assertThat(documentedServerFrames()).as("server frames described in %s", DOCUMENT)
			.containsExactlyInAnyOrderElementsOf(types);
	}

	@Test
	void everyQuestionTypeOnTheWire() throws IOException {
		long bankId = bank();
		List<Question> quiz = List.of(
				question(bankId, QuestionType.MULTIPLE_SELECT, "Những việc nào giúp bảo vệ tài khoản ngân hàng?",
						List.of("Bật xác thực sinh trắc học", "Cho người lạ mượn điện thoại", "Không chia sẻ mã OTP",
								"Dùng mật khẩu 123456"),
						AnswerKey.options(List.of(0, 2)), "Không ai được biết mã OTP của bạn.", 20),
				question(bankId, QuestionType.TRUE_FALSE, "Ngân hàng không bao giờ hỏi mã OTP qua điện thoại.",
						List.of("Đúng", "Sai"), AnswerKey.options(List.of(0)), null, 10),
				question(bankId, QuestionType.TYPE_ANSWER, "Ứng dụng định danh điện tử quốc gia tên là gì?", List.of(),
						new AnswerKey(List.of(), List.of("VNeID"), null, null), null, 20),
				question(bankId, QuestionType.ORDERING, "Sắp xếp các bước nộp hồ sơ trực tuyến:",
						List.of("Đăng nhập Cổng Dịch vụ công", "Chọn thủ tục", "Điền tờ khai", "Nộp và theo dõi"),
						AnswerKey.options(List.of(0, 1, 2, 3)), null, 30),
				question(bankId, QuestionType.NUMERIC, "Số định danh cá nhân có bao nhiêu chữ số?", List.of(),
						new AnswerKey(List.of(), List.of(), 12.0, 0.0), null, 15),
				question(bankId, QuestionType.POLL, "Bạn đã dùng VNeID chưa?", List.of("Rồi", "Chưa"),
						new AnswerKey(List.of(), List.of(), null, null), null, 10));
		Created game = createGame(quiz, quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		join(game, "Minh");
		List<Map<String, Object>> answers = List.of(Map.of("choices", List.of(0, 2)), Map.of("choice", 0),
				Map.of("text", "vneid"), Map.of("order", List.of(3, 2, 1, 0)), Map.of("value", 12),
				Map.of("choice", 1));
		command(host, "start");
		for (int q = 0; q < quiz.size(); q++) {
			lan.socket().next("open", q);
			Map<String, Object> frame = new LinkedHashMap<>();
			frame.put("type", "answer");
			frame.put("q", q);
			frame.putAll(answers.get(q));
			send("Lan", lan.socket(), frame);
			assertThat(lan.socket().next("ack", q).path("accepted").asBoolean()).isTrue();
			command(host, "next");
			lan.socket().next("outcome", q);
			command(host, "next");
			command(host, "next");
		}
		lan.socket().next("final");
		StringBuilder transcript = new StringBuilder("# Every question type (generated by ")
			.append(getClass().getSimpleName()).append(")\n\n## Client to server\n\n");
		sent.forEach(line -> transcript.append(line).append('\n'));
		transcript.append("\n## Received by Lan\n\n");
		lan.socket().raw().forEach(frame -> transcript.append(frame).append('\n'));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "protocol-transcript-types.txt"), transcript, StandardCharsets.UTF_8);
	}

	private void send(String who, Client client, Map<String, Object> frame) {
		String text = JSON.writeValueAsString(frame);
		sent.add(who + " -> " + text);
		client.sendText(text);
	}

	/** The headings "#### `type`" of the document's section on server frames. */
	private static Set<String> documentedServerFrames() throws IOException {
		String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		int start = document.indexOf("\n## Server to client");
		assertThat(start).as("a '## Server to client' section").isPositive();
		int end = document.indexOf("\n## ", start + 1);
		String section = document.substring(start, end < 0 ? document.length() : end);
		Set<String> types = new LinkedHashSet<>();
		Matcher heading = Pattern.compile("(?m)^#### `([a-z]+)`").matcher(section);
		while (heading.find()) {
			types.add(heading.group(1));
		}
		return types;
	}
}
