package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

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
 * The embedded shape on a random port, shared by the live integration tests (one application
 * context for all of them): H2 in memory, an administrator with a known password, a 2 s send
 * timeout and a 4 s join timeout (a slow client is dropped, an idle socket closed, within seconds),
 * and small socket send buffers ({@link SmallSendBuffers}); the frame queue keeps its default (64).
 * Helpers create games over REST and open real WebSocket clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:live;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"quizfest.admin.initial-password=" + LiveIntegrationSupport.ADMIN_PASSWORD,
		"quizfest.questions.load-starter-set=false", "quizfest.questions.load-seed-bank=false",
		"quizfest.live.send-timeout=" + LiveIntegrationSupport.SEND_TIMEOUT_MILLIS + "ms",
		"quizfest.live.join-timeout=" + LiveIntegrationSupport.JOIN_TIMEOUT_MILLIS + "ms" })
@Import(SmallSendBuffers.class)
abstract class LiveIntegrationSupport {

	static final String ADMIN_PASSWORD = "live-integration-admin-password";

	static final long SEND_TIMEOUT_MILLIS = 2_000;

	static final long JOIN_TIMEOUT_MILLIS = 4_000;

	static final Duration WAIT = Client.WAIT;

	@LocalServerPort
	int port;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	@Autowired
	LiveGames liveGames;

	final HttpClient http = TestSocket.httpClient();

	final List<Client> sockets = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeSockets() {
		for (Client socket : sockets) {
			try {
				socket.abort();
			}
			catch (RuntimeException ignored) {
				// already closed by the server
			}
		}
	}

	// ---- games -------------------------------------------------------------------------------

	record Created(String id, String pin, String hostToken) {
	}

	/** Creates a game over REST (login with CSRF) from the given authored questions. */
	Created createGame(List<Question> quiz, Map<String, Object> settings) {
		List<Long> ids = new ArrayList<>();
		for (Question question : quiz) {
			ids.add(questions.add(question));
		}
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response created = organiser.post("/api/games",
				Map.of("title", "Hội thi Bình dân học vụ số", "questionIds", ids, "settings", settings));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		JsonNode body = created.body();
		return new Created(body.path("id").asString(), body.path("pin").asString(), body.path("hostToken").asString());
	}

	/** Host-paced settings with no preview wait and a short open lead. */
	static Map<String, Object> quickSettings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("previewSeconds", 0);
		settings.put("openLeadMillis", 50);
		return settings;
	}

	long bank() {
		return banks.create("Bộ câu hỏi trực tiếp " + UUID.randomUUID(), null, false);
	}

	/** Single-choice questions with option 0 right, 20 seconds each. */
	List<Question> singleChoiceQuiz(int count) {
		long bankId = bank();
		List<Question> quiz = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			quiz.add(question(bankId, QuestionType.SINGLE_CHOICE, "Câu hỏi số " + (i + 1) + ": số khẩn cấp của Công an?",
					List.of("113", "114", "115", "116"), AnswerKey.options(List.of(0)), null, 20));
		}
		return quiz;
	}

	/** Long Vietnamese texts (about 2, 4 and 5 KB for question, open and closed frames): a few fill a phone's buffers. */
	List<Question> longQuiz(int count) {
		long bankId = bank();
		String sentence = "Không chia sẻ mã OTP, mật khẩu hay số định danh cá nhân với bất kỳ ai qua điện thoại. ";
		String text = sentence.repeat(12).substring(0, 900);
		String explanation = sentence.repeat(24).substring(0, 1_900);
		List<String> options = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			options.add((i + 1) + ". " + sentence.repeat(3).substring(0, 190));
		}
		List<Question> quiz = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			quiz.add(question(bankId, QuestionType.SINGLE_CHOICE, (i + 1) + ". " + text, options,
					AnswerKey.options(List.of(0)), explanation, 30));
		}
		return quiz;
	}

	static Question question(long bankId, QuestionType type, String text, List<String> options, AnswerKey key,
			String explanation, int timeLimitSeconds) {
		return new Question(null, bankId, UUID.randomUUID().toString(), Language.VI, type, text, options, key,
				explanation, timeLimitSeconds, Points.STANDARD, 1, Topic.BASIC_SKILLS, List.of(), null, null,
				QuestionStatus.PUBLISHED, "test", null, null, null, 0);
	}

	// ---- sockets -----------------------------------------------------------------------------

	Client connect(String path) {
		Client socket = new Client(TestSocket.connect(http, port, path));
		sockets.add(socket);
		return socket;
	}

	/** A host socket authenticated with the game's token; the {@code hosted} frame has been read. */
	Client host(Created game) {
		Client host = connect("/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", game.id(), "token", game.hostToken()));
		assertThat(host.next("hosted", WAIT).path("game").path("id").asString()).isEqualTo(game.id());
		return host;
	}

	/** Sends a host command and waits for its {@code done}. */
	static JsonNode command(Client host, String type) {
		host.send(Map.of("type", type));
		JsonNode done = host.next(f -> "done".equals(f.path("type").asString())
				|| "error".equals(f.path("type").asString()), WAIT, "done of " + type);
		assertThat(done.path("type").asString()).as("%s: %s", type, done).isEqualTo("done");
		assertThat(done.path("command").asString()).isEqualTo(type);
		return done;
	}

	/** A joined player; the {@code joined} frame is returned through {@link Player#joined}. */
	Player join(Created game, String nickname) {
		Client socket = connect("/ws/play");
		socket.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", nickname));
		JsonNode joined = socket.next("joined", WAIT);
		assertThat(joined.path("player").path("nickname").asString()).isEqualTo(nickname);
		return new Player(socket, joined);
	}

	record Player(Client socket, JsonNode joined) {

		int number() {
			return joined.path("player").path("number").asInt();
		}

		String token() {
			return joined.path("token").asString();
		}
	}

	/** Resumes on a new socket; returns the socket (its {@code resumed} frame is not read yet). */
	Client resume(Created game, String token) {
		Client socket = connect("/ws/play");
		socket.send(Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", token));
		return socket;
	}

	/** The next error frame, whatever comes before it. */
	static JsonNode error(Client socket) {
		return socket.next("error", WAIT);
	}

	static Map<String, Object> answer(int q, int choice) {
		return Map.of("type", "answer", "q", q, "choice", choice);
	}

	/** The sum of a Prometheus meter's samples (from /actuator/prometheus) whose labels contain every given label. */
	double meter(String name, String... labels) {
		return meterIn(new ApiClient(port).get("/actuator/prometheus").raw().body(), name, labels);
	}

	static double meterIn(String prometheus, String name, String... labels) {
		return prometheus.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	LiveGame live(Created game) {
		return liveGames.byId(game.id()).orElseThrow();
	}
}
