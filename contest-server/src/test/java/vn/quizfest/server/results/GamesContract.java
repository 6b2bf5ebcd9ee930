package vn.quizfest.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.quizfest.server.results.ResultFixtures.START;
import static vn.quizfest.server.results.ResultFixtures.createGame;
import static vn.quizfest.server.results.ResultFixtures.gameRow;
import static vn.quizfest.server.results.ResultFixtures.newGameId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.quizfest.questionbank.Language;
import vn.quizfest.server.results.GameResults.PlayerResult;
import vn.quizfest.server.results.GameResults.QuestionResult;
import vn.quizfest.server.results.ResultRecord.AnswerScored;
import vn.quizfest.server.results.ResultRecord.FinalStanding;
import vn.quizfest.server.results.ResultRecord.GameFinished;
import vn.quizfest.server.results.ResultRecord.PlayerJoined;
import vn.quizfest.server.results.ResultRecord.PlayerKicked;
import vn.quizfest.server.results.ResultRecord.StatusChanged;

/** The games repository and the organisers' read model on every database; each database's test extends this. */
abstract class GamesContract {

	static final List<String> NICKNAMES = List.of("Nguyễn Thị Ánh", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Minh Châu 🌾",
			"Đặng Quốc Việt", "Bùi Thị Thu Hường");

	@Autowired
	Games games;

	@Autowired
	ResultsWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGameAndItsResultsReadBackWithVietnameseNicknames() {
		String id = newGameId();
		GameRow row = new GameRow(id, "246810", "Hội thi “Bình dân học vụ số” – xã Tân Phú", 9L, 42L, 5L, "cd".repeat(32),
				"{\"scoring\":\"SPEED\",\"streaks\":true}", Language.VI, "LOBBY", 3);
		List<SnapshotRow> snapshot = List.of(
				new SnapshotRow(0, 11L, "SINGLE_CHOICE",
						"{\"text\":\"VNeID dùng để làm gì?\",\"options\":[\"Định danh điện tử\",\"Chơi game\",\"Nhắn tin\",\"Xem phim\"],"
								+ "\"answer\":{\"correct\":[0],\"accepted\":[]}}"),
				new SnapshotRow(1, 12L, "MULTIPLE_SELECT",
						"{\"text\":\"Dấu hiệu lừa đảo?\",\"options\":[\"Giục chuyển tiền\",\"Xin mã OTP\",\"Chúc mừng\",\"Hỏi thăm\",\"Mời họp\"],"
								+ "\"answer\":{\"correct\":[0,1,7]}}"),
				new SnapshotRow(2, null, "TYPE_ANSWER", "{\"text\":\"Ứng dụng định danh quốc gia tên là gì?\"}"));

		games.create(row, snapshot);

		StoredGame created = games.findById(id).orElseThrow();
		assertThat(created.game()).isEqualTo(row);
		assertThat(created.playerCount()).isZero();
		assertThat(created.createdAt()).isAfter(Instant.now().minus(Duration.ofHours(1)));
		assertThat(created.startedAt()).isNull();
		assertThat(created.endedAt()).isNull();
		assertThat(games.questions(id)).containsExactlyElementsOf(snapshot);

		List<ResultRecord> play = new ArrayList<>();
		play.add(new StatusChanged(id, StatusChanged.RUNNING, START));
		for (int player = 1; player <= 6; player++) {
			play.add(new PlayerJoined(id, player, NICKNAMES.get(player - 1), START + player));
		}
		play.add(answer(id, 0, 1, "{\"choice\":0}", true, 900, 1_200));
		play.add(answer(id, 0, 2, "{\"choice\":0}", true, 800, 2_500));
		play.add(answer(id, 0, 3, "{\"choice\":2}", false, 0, 4_000));
		play.add(answer(id, 0, 4, "{\"choice\":0}", true, 950, 900));
		play.add(answer(id, 1, 1, "{\"choices\":[0,1]}", true, 1_000, 3_000));
		play.add(answer(id, 1, 2, "{\"choices\":[0]}", false, 400, 5_000));
		play.add(answer(id, 1, 3, "{\"choices\":[0,1]}", true, 700, 6_000));
		play.add(answer(id, 1, 4, "{\"choices\":[2,3]}", false, 0, 7_001));
		play.add(answer(id, 2, 1, "{\"text\":\"VNeID\"}", true, 600, 8_000));
		play.add(answer(id, 2, 4, "{\"text\":\"vneid\"}", true, 500, 9_000));
		play.add(new PlayerKicked(id, 6));
		play.forEach(writer::submit);
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();

		// During the game: scores summed from the answers, no ranks yet.
		GameResults during = games.results(id).orElseThrow();
		assertThat(during.game().game().status()).isEqualTo(StatusChanged.RUNNING);
		assertThat(during.players()).extracting(PlayerResult::nickname)
			.containsExactly("Nguyễn Thị Ánh", "Phạm Minh Châu 🌾", "Trần Văn Đức", "Lê Hoàng Yến", "Đặng Quốc Việt",
					"Bùi Thị Thu Hường");
		assertThat(during.players()).extracting(PlayerResult::rank).containsOnlyNulls();
		assertThat(during.players().get(0)).isEqualTo(new PlayerResult(1, "Nguyễn Thị Ánh", false, 2_500, null, 3, 12_200, 3));
		assertThat(during.players().get(5).kicked()).isTrue();

		writer.submit(new GameFinished(id, START + 600_000,
				List.of(new FinalStanding(1, 2_500, 1, 3, 12_200), new FinalStanding(4, 1_450, 2, 2, 9_900),
						new FinalStanding(3, 700, 3, 1, 6_000), new FinalStanding(2, 1_200, 4, 1, 2_500),
						new FinalStanding(5, 0, 5, 0, 0))));
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();

		GameResults results = games.results(id).orElseThrow();
		assertThat(results.game().game().status()).isEqualTo(StatusChanged.ENDED);
		assertThat(results.game().playerCount()).isEqualTo(5);
		assertThat(results.game().startedAt()).isEqualTo(Instant.ofEpochMilli(START));
		assertThat(results.game().endedAt()).isEqualTo(Instant.ofEpochMilli(START + 600_000));
		assertThat(results.players()).containsExactly(
				new PlayerResult(1, "Nguyễn Thị Ánh", false, 2_500, 1, 3, 12_200, 3),
				new PlayerResult(4, "Phạm Minh Châu 🌾", false, 1_450, 2, 2, 9_900, 3),
				new PlayerResult(3, "Lê Hoàng Yến", false, 700, 3, 1, 6_000, 2),
				new PlayerResult(2, "Trần Văn Đức", false, 1_200, 4, 1, 2_500, 2),
				new PlayerResult(5, "Đặng Quốc Việt", false, 0, 5, 0, 0, 0),
				new PlayerResult(6, "Bùi Thị Thu Hường", true, 0, null, 0, 0, 0));
		assertThat(results.questions()).containsExactly(
				new QuestionResult(0, 11L, "SINGLE_CHOICE", false, 4, 3, 2_150L, List.of(3, 0, 1, 0), "VNeID dùng để làm gì?",
						List.of("Định danh điện tử", "Chơi game", "Nhắn tin", "Xem phim"), List.of(0)),
				// An index beyond the options (a corrupt snapshot) is left out.
				new QuestionResult(1, 12L, "MULTIPLE_SELECT", false, 4, 2, 5_250L, List.of(3, 2, 1, 1, 0), "Dấu hiệu lừa đảo?",
						List.of("Giục chuyển tiền", "Xin mã OTP", "Chúc mừng", "Hỏi thăm", "Mời họp"), List.of(0, 1)),
				new QuestionResult(2, null, "TYPE_ANSWER", false, 2, 2, 8_500L, List.of(),
						"Ứng dụng định danh quốc gia tên là gì?", List.of(), List.of()));
		// The nickname is stored as sent, not only read back the same way.
		assertThat(jdbc.sql("SELECT player_number FROM game_player WHERE game_id = ? AND nickname = ?")
			.params(id, "Phạm Minh Châu 🌾")
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void answersReturnsEveryStoredAnswerAsItWasSent() {
		String id = createGame(games, 2, null);
		List<AnswerScored> sent = List.of(answer(id, 0, 1, "{\"choice\":3}", true, 987, 1_234),
				new AnswerScored(id, 0, 2, "{\"choice\":1}", false, 0.25, 0, 0, 19_999, START + 5_678),
				answer(id, 1, 1, "{\"text\":\"Căn cước điện tử\"}", true, 512, 77));
		writer.submit(new PlayerJoined(id, 1, "Ánh", START));
		writer.submit(new PlayerJoined(id, 2, "Đức", START));
		sent.forEach(writer::submit);
		assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();

		assertThat(games.answers(id)).containsExactlyElementsOf(sent);
	}

	@Test
	void aHiddenGameLeavesTheListsUntilAskedForAndKeepsEverythingElse() {
		long organisation = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
		String kept = newGameId();
		games.create(gameRow(kept, "Trận giữ lại", organisation, 0), List.of());
		String hidden = newGameId();
		games.create(gameRow(hidden, "Trận diễn tập", organisation, 0), List.of());

		assertThat(games.setHidden(hidden, true)).isTrue();

		assertThat(games.listForOrganisation(organisation, 0, 10).games()).extracting(game -> game.game().id())
			.containsExactly(kept);
		assertThat(games.listForOrganisation(organisation, 0, 10).total()).isEqualTo(1);
		GamePage all = games.listForOrganisation(organisation, 0, 10, true);
		assertThat(all.total()).isEqualTo(2);
		assertThat(all.games()).extracting(game -> game.game().id() + "=" + game.hidden())
			.containsExactly(hidden + "=true", kept + "=false");
		assertThat(games.findById(hidden).orElseThrow().game().title()).isEqualTo("Trận diễn tập");
		assertThat(games.setHidden(hidden, false)).isTrue();
		assertThat(games.listForOrganisation(organisation, 0, 10).total()).isEqualTo(2);
		assertThat(games.setHidden("01nosuchgame00000000000000", true)).isFalse();
	}

	@Test
	void listForOrganisationPagesNewestFirst() {
		long organisation = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String id = newGameId();
			games.create(gameRow(id, "Trận " + i, organisation, 0), List.of());
			ids.add(id);
		}
		String other = createGame(games, 1, organisation + 1);

		GamePage first = games.listForOrganisation(organisation, 0, 2);
		GamePage last = games.listForOrganisation(organisation, 2, 2);

		assertThat(first.total()).isEqualTo(5);
		assertThat(first.games()).extracting(game -> game.game().title()).containsExactly("Trận 5", "Trận 4");
		assertThat(last.games()).extracting(game -> game.game().id()).containsExactly(ids.get(0));
		assertThat(games.listForOrganisation(organisation, 3, 2).games()).isEmpty();
		GamePage everyone = games.listForOrganisation(null, 0, Games.MAX_PAGE_SIZE);
		assertThat(everyone.total()).isGreaterThanOrEqualTo(6);
		assertThat(everyone.games().get(0).game().id()).isEqualTo(other);
		assertThatIllegalArgumentException().isThrownBy(() -> games.listForOrganisation(null, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> games.listForOrganisation(null, -1, 10));
	}

	@Test
	void aStatusSetsItsTimeOnceAndAnEndedGameStaysEnded() {
		String id = createGame(games, 1, null);

		assertThat(games.updateStatus(id, StatusChanged.RUNNING, Instant.ofEpochMilli(START))).isTrue();
		assertThat(games.updateStatus(id, StatusChanged.RUNNING, Instant.ofEpochMilli(START + 5_000))).isTrue();
		StoredGame running = games.findById(id).orElseThrow();
		assertThat(running.game().status()).isEqualTo(StatusChanged.RUNNING);
		assertThat(running.startedAt()).isEqualTo(Instant.ofEpochMilli(START));
		assertThat(running.endedAt()).isNull();

		games.updateStatus(id, StatusChanged.ENDED, Instant.ofEpochMilli(START + 60_001));
		games.updateStatus(id, StatusChanged.RUNNING, Instant.ofEpochMilli(START + 70_000));
		StoredGame ended = games.findById(id).orElseThrow();
		assertThat(ended.game().status()).isEqualTo(StatusChanged.ENDED);
		assertThat(ended.startedAt()).isEqualTo(Instant.ofEpochMilli(START));
		assertThat(ended.endedAt()).isEqualTo(Instant.ofEpochMilli(START + 60_001));

		assertThat(games.updateStatus("G-no-such-game", StatusChanged.RUNNING, Instant.now())).isFalse();
	}

	@Test
	void anUnknownGameHasNoResults() {
		assertThat(games.findById("G-no-such-game")).isEmpty();
		assertThat(games.results("G-no-such-game")).isEmpty();
		assertThat(games.answers("G-no-such-game")).isEmpty();
	}

	private static AnswerScored answer(String game, int position, int player, String json, boolean correct, int points,
			long responseMillis) {
		return new AnswerScored(game, position, player, json, correct, correct ? 1.0 : 0.0, points, correct ? 1 : 0,
				responseMillis, START + 1_000L * position + responseMillis);
	}
}
