package vn.quizfest.server.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Quizzes;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;
import vn.quizfest.server.TestSocket;
import vn.quizfest.server.results.Games;
import vn.quizfest.server.results.SnapshotRow;

/**
 * A game snapshots its questions when it is created: editing or deleting them in the bank later
 * changes neither what the game plays nor what it stored. Against the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "quizfest.admin.initial-password=" + GameSnapshotIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("cluster")
@Import(RealServices.class)
class GameSnapshotIntegrationTest {

	static final String ADMIN_PASSWORD = "snapshot-admin-password";

	@LocalServerPort
	int port;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	@Autowired
	Quizzes quizzes;

	@Autowired
	Games games;

	@Test
	void editingTheBankAfterCreatingAGameChangesNeitherThePlayNorTheStoredSnapshot() {
		long bank = banks.create("Ngân hàng ảnh chụp " + UUID.randomUUID(), null, true);
		long id = questions.add(new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Ứng dụng nào dùng để định danh điện tử?", List.of("VNeID", "Zalo"),
				AnswerKey.options(List.of(0)), "VNeID do Bộ Công an phát triển.", 20, Points.STANDARD, 1, Topic.VNEID,
				List.of("dinh-danh"), null, null, QuestionStatus.PUBLISHED, "test", null, null, null, 0));
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode created = admin.post("/api/games", Map.of("title", "Ảnh chụp", "questionIds", List.of(id),
				"settings", Map.of("previewSeconds", 0, "openLeadMillis", 0))).body();
		String gameId = created.path("id").asString();

		Question original = questions.findById(id).orElseThrow();
		questions.update(new Question(original.id(), bank, original.translationGroup(), Language.VI,
				QuestionType.SINGLE_CHOICE, "Câu hỏi đã sửa sau khi tạo trò chơi", List.of("Zalo", "VNeID"),
				AnswerKey.options(List.of(1)), "Đã sửa", 30, Points.DOUBLE, 2, Topic.VNEID, List.of(), null, null,
				QuestionStatus.PUBLISHED, "test", null, null, null, original.version()));

		List<SnapshotRow> snapshot = games.questions(gameId);
		assertThat(snapshot).hasSize(1);
		JsonNode stored = JsonMapper.builder().build().readTree(snapshot.get(0).snapshotJson());
		assertThat(stored.path("text").asString()).isEqualTo("Ứng dụng nào dùng để định danh điện tử?");
		assertThat(stored.path("options").get(0).asString()).isEqualTo("VNeID");

		HttpClient http = TestSocket.httpClient();
		TestSocket host = TestSocket.connect(http, port, "/ws/host");
		host.send(Map.of("type", "host", "v", 1, "game", gameId, "token", created.path("hostToken").asString()));
		host.next("hosted");
		TestSocket player = TestSocket.connect(http, port, "/ws/play");
		player.send(Map.of("type", "join", "v", 1, "pin", created.path("pin").asString(), "nickname", "Bà Lan"));
		player.next("joined");
		host.send(Map.of("type", "start"));
		JsonNode open = player.next("open");
		assertThat(open.path("text").asString()).isEqualTo("Ứng dụng nào dùng để định danh điện tử?");
		assertThat(open.path("timeLimit").asInt()).isEqualTo(20);
		player.send(Map.of("type", "answer", "q", 0, "choice", 0));
		player.next("ack");
		host.send(Map.of("type", "next"));
		JsonNode outcome = player.next("outcome", Duration.ofSeconds(10));
		assertThat(outcome.path("correct").asBoolean()).as("graded against the snapshot's answer key").isTrue();
		player.abort();
		host.abort();
	}
}
