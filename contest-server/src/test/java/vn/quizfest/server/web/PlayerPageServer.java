package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
import vn.quizfest.server.TestSocket;

/**
 * The embedded server on a random port for the player page tests (one application context for all
 * of them): H2 in memory, an administrator with a known password. Helpers create games over REST,
 * host them over a real /ws/host socket and add players over real /ws/play sockets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:player-page;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + PlayerPageServer.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false" })
abstract class PlayerPageServer {

	static final String ADMIN_PASSWORD = "player-page-admin-password";

	static final String GAME_TITLE = "Hội thi Bình dân học vụ số xã Tân Hòa";

	@LocalServerPort
	int port;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	final HttpClient http = TestSocket.httpClient();

	final List<TestSocket> sockets = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeSockets() {
		for (TestSocket socket : sockets) {
			try {
				socket.abort();
			}
			catch (RuntimeException ignored) {
				// already closed by the server
			}
		}
		sockets.clear();
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	record Game(String id, String pin, TestSocket host, ApiClient organiser) {

		void command(String type) {
			host.send(Map.of("type", type));
		}

		/** The live leaderboard entry of a nickname, as organisers see it over REST. */
		JsonNode standing(String nickname) {
			JsonNode board = organiser.get("/api/games/" + id + "/leaderboard?top=100").body();
			for (JsonNode entry : board.path("top")) {
				if (nickname.equals(entry.path("nickname").asString())) {
					return entry;
				}
			}
			throw new AssertionError(nickname + " is not on the leaderboard " + board);
		}
	}

	/** An API client logged in as the administrator. */
	ApiClient admin() {
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

	/** Creates a game over REST from the given questions and connects its host screen. */
	Game hostGame(List<Question> quiz, Map<String, Object> settings) {
		List<Long> ids = new ArrayList<>();
		for (Question question : quiz) {
			ids.add(questions.add(question));
		}
		ApiClient organiser = admin();
		ApiClient.Response created = organiser.post("/api/games",
				Map.of("title", GAME_TITLE, "questionIds", ids, "settings", settings));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		JsonNode body = created.body();
		TestSocket host = TestSocket.connect(http, port, "/ws/host");
		sockets.add(host);
		host.send(Map.of("type", "host", "v", 1, "game", body.path("id").asString(), "token",
				body.path("hostToken").asString()));
		host.next("hosted");
		return new Game(body.path("id").asString(), body.path("pin").asString(), host, organiser);
	}

	/** A player on a plain WebSocket (a second phone), already joined. */
	TestSocket socketPlayer(String pin, String nickname) {
		TestSocket player = TestSocket.connect(http, port, "/ws/play");
		sockets.add(player);
		player.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", nickname));
		player.next("joined");
		return player;
	}

	long bank() {
		return banks.create("Bộ câu hỏi trang người chơi " + UUID.randomUUID(), null, false);
	}

	static Question question(long bankId, QuestionType type, String text, List<String> options, AnswerKey key,
			int timeLimitSeconds) {
		return new Question(null, bankId, UUID.randomUUID().toString(), Language.VI, type, text, options, key,
				"Giải thích: " + text, timeLimitSeconds, Points.STANDARD, 1, Topic.BASIC_SKILLS, List.of(), null, null,
				QuestionStatus.PUBLISHED, "test", null, null, null, 0);
	}

	/** Single-choice questions with option 0 right. */
	List<Question> singleChoiceQuiz(int count, int timeLimitSeconds) {
		long bankId = bank();
		List<Question> quiz = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			quiz.add(question(bankId, QuestionType.SINGLE_CHOICE,
					"Câu " + (i + 1) + ": Số điện thoại khẩn cấp của Công an là số nào?", List.of("113", "114", "115", "116"),
					AnswerKey.options(List.of(0)), timeLimitSeconds));
		}
		return quiz;
	}
}
