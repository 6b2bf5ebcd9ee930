package vn.quizfest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import vn.quizfest.server.results.Games;
import vn.quizfest.server.results.ResultRecord;
import vn.quizfest.server.results.ResultsWriter;

/**
 * A whole game over real WebSockets with 200 players and every question type. Each player's
 * points, final score and rank are checked against a calculation made here, independently of the
 * engine, from what the player sent and the response time the server acknowledged.
 */
abstract class GameEndToEndTest {

	static final String ADMIN_PASSWORD = "end-to-end-admin-password";

	static final int PLAYERS = 200;

	@LocalServerPort
	int port;

	@Autowired
	Questions questions;

	@Autowired
	QuestionBanks banks;

	@Autowired
	ResultsWriter results;

	@Autowired
	Games games;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	final HttpClient http = TestSocket.httpClient();

	final List<TestSocket> sockets = new ArrayList<>();

	final ExecutorService pool = Executors.newFixedThreadPool(8);

	@AfterEach
	void closeSockets() {
		sockets.forEach(socket -> {
			try {
				socket.abort();
			}
			catch (RuntimeException ignored) {
				// already closed by the server
			}
		});
		pool.shutdownNow();
	}

	/** The quiz as authored: ordering options are written in the right order. */
	List<Question> quiz(long bankId) {
		return List.of(
				question(bankId, QuestionType.SINGLE_CHOICE, "Số điện thoại khẩn cấp của Công an là số nào?",
						List.of("113", "114", "115", "116"), AnswerKey.options(List.of(0)), Points.STANDARD),
				question(bankId, QuestionType.MULTIPLE_SELECT, "Những việc nào giúp bảo vệ tài khoản ngân hàng?",
						List.of("Bật xác thực sinh trắc học", "Cho người lạ mượn điện thoại",
								"Không chia sẻ mã OTP", "Dùng mật khẩu 123456"),
						AnswerKey.options(List.of(0, 2)), Points.STANDARD),
				question(bankId, QuestionType.TRUE_FALSE, "Ngân hàng không bao giờ hỏi mã OTP qua điện thoại.",
						List.of("Đúng", "Sai"), AnswerKey.options(List.of(0)), Points.DOUBLE),
				question(bankId, QuestionType.TYPE_ANSWER, "Ứng dụng định danh điện tử quốc gia tên là gì?", List.of(),
						new AnswerKey(List.of(), List.of("VNeID", "V N e I D"), null, null), Points.STANDARD),
				question(bankId, QuestionType.ORDERING, "Sắp xếp các bước nộp hồ sơ trực tuyến:",
						List.of("Đăng nhập Cổng Dịch vụ công", "Chọn thủ tục", "Điền tờ khai", "Nộp và theo dõi"),
						AnswerKey.options(List.of(0, 1, 2, 3)), Points.STANDARD),
				question(bankId, QuestionType.NUMERIC, "Số định danh cá nhân có bao nhiêu chữ số?", List.of(),
						new AnswerKey(List.of(), List.of(), 12.0, 0.0), Points.STANDARD),
				question(bankId, QuestionType.POLL, "Bạn đã dùng VNeID chưa?", List.of("Rồi", "Chưa"),
						new AnswerKey(List.of(), List.of(), null, null), Points.STANDARD));
	}

	private static Question question(long bankId, QuestionType type, String text, List<String> options,
			AnswerKey key, Points points) {
		return new Question(null, bankId, java.util.UUID.randomUUID().toString(), Language.VI, type, text, options, key,
				"Giải thích: " + text, 10, points, 1, Topic.BASIC_SKILLS, List.of(), null, null, QuestionStatus.PUBLISHED,
				"test", null, null, null, 0);
	}

	@Test
	void twoHundredPlayersPlayAWholeGameAndEveryScoreAndRankIsRight() throws Exception {
		long bankId = banks.create("Bộ câu hỏi kiểm thử " + System.nanoTime(), null, false);
		List<Question> authored = quiz(bankId);
		List<Long> ids = new ArrayList<>();
		for (Question question : authored) {
			ids.add(questions.add(question));
		}
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response created = organiser.post("/api/games", Map.of("title", "Hội thi Bình dân học vụ số",
				"questionIds", ids, "settings", Map.of("previewSeconds", 1, "openLeadMillis", 100)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String gameId = created.body().path("id").asString();
		String pin = created.body().path("pin").asString();
		assertThat(pin).matches("\\d{6}");

		TestSocket host = TestSocket.connect(http, port, "/ws/host");
		sockets.add(host);
		host.send(Map.of("type", "host", "v", 1, "game", gameId, "token", created.body().path("hostToken").asString()));
		assertThat(host.next("hosted").path("game").path("pin").asString()).isEqualTo(pin);

		List<TestSocket> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			TestSocket player = TestSocket.connect(http, port, "/ws/play");
			sockets.add(player);
			players.add(player);
			player.send(Map.of("type", "join", "v", 1, "pin", pin, "nickname", "Người chơi %03d".formatted(i)));
		}
		Map<Integer, Integer> numberOf = new HashMap<>();
		for (int i = 0; i < PLAYERS; i++) {
			JsonNode joined = players.get(i).next("joined");
			assertThat(joined.path("player").path("nickname").asString()).isEqualTo("Người chơi %03d".formatted(i));
			assertThat(joined.path("token").asString()).hasSizeGreaterThan(20);
			numberOf.put(i, joined.path("player").path("number").asInt());
		}
		assertThat(host.nextMatching(f -> "players".equals(f.path("type").asString())
				&& f.path("count").asInt() == PLAYERS, Duration.ofSeconds(10), "players=200")).isNotNull();

		Expected expected = new Expected(PLAYERS);
		host.send(Map.of("type", "start"));
		for (int q = 0; q < authored.size(); q++) {
			Question original = authored.get(q);
			for (TestSocket player : players) {
				JsonNode preview = player.next("question");
				assertThat(preview.path("q").asInt()).isEqualTo(q);
				assertThat(preview.has("options")).isFalse();
			}
			List<JsonNode> opens = new ArrayList<>();
			for (TestSocket player : players) {
				opens.add(player.next("open"));
			}
			List<String> shown = new ArrayList<>();
			opens.get(0).path("options").forEach(option -> shown.add(option.asString()));
			if (original.type() == QuestionType.ORDERING) {
				assertThat(shown).as("ordering options are never shown in the right order")
					.containsExactlyInAnyOrderElementsOf(original.options())
					.isNotEqualTo(original.options());
			}
			int question = q;
			List<Future<?>> answers = new ArrayList<>();
			for (int i = 0; i < PLAYERS; i++) {
				int index = i;
				answers.add(pool.submit(() -> answer(players.get(index), index, question, original, shown, expected)));
			}
			for (Future<?> answer : answers) {
				answer.get();
			}
			host.send(Map.of("type", "next"));
			JsonNode closed = host.next("closed");
			assertThat(closed.path("q").asInt()).isEqualTo(q);
			expected.close(q, original, shown);
			for (int i = 0; i < PLAYERS; i++) {
				JsonNode outcome = players.get(i).next("outcome");
				assertThat(outcome.path("points").asInt()).as("player %d question %d", i, q)
					.isEqualTo(expected.pointsOf(i, q));
				assertThat(outcome.path("score").asLong()).isEqualTo(expected.score[i]);
				assertThat(outcome.path("streak").asInt()).isEqualTo(expected.streak[i]);
			}
			host.send(Map.of("type", "next"));
			host.next("leaderboard");
			host.send(Map.of("type", "next"));
		}
		JsonNode podium = host.next("podium");
		List<Integer> ranking = expected.ranking(numberOf);
		for (int i = 0; i < PLAYERS; i++) {
			JsonNode last = players.get(i).next("final");
			assertThat(last.path("score").asLong()).as("final score of player %d", i).isEqualTo(expected.score[i]);
			assertThat(last.path("rank").asInt()).as("final rank of player %d", i).isEqualTo(ranking.indexOf(i) + 1);
		}
		for (int place = 0; place < 3; place++) {
			assertThat(podium.path("top").get(place).path("nickname").asString())
				.isEqualTo("Người chơi %03d".formatted(ranking.get(place)));
		}
		host.send(Map.of("type", "next"));
		for (TestSocket player : players) {
			player.next("ended");
			assertThat(player.awaitClose(Duration.ofSeconds(10))).isEqualTo(4000);
		}
		for (TestSocket player : players) {
			assertNoAnswerBeforeClose(player.raw);
		}
		assertStoredResults(organiser, gameId, expected, ranking, numberOf);
		var fanOut = meters.get("quiz.fanout.latency").timer().takeSnapshot();
		assertThat(fanOut.count()).isPositive();
		System.out.printf("[e2e] %d players: fan-out max %.1f ms, mean %.1f ms over %d broadcasts%n", PLAYERS,
				fanOut.max(java.util.concurrent.TimeUnit.MILLISECONDS), fanOut.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
				fanOut.count());
		afterGame(gameId, expected);
	}

	/** Every answer and every final standing reached the database through the write-behind writer. */
	private void assertStoredResults(ApiClient organiser, String gameId, Expected expected, List<Integer> ranking,
			Map<Integer, Integer> numberOf) {
		Map<Integer, Integer> indexOf = new HashMap<>();
		numberOf.forEach((index, number) -> indexOf.put(number, index));
		assertThat(results.flush(Duration.ofSeconds(30))).isTrue();
		List<ResultRecord.AnswerScored> stored = games.answers(gameId);
		assertThat(stored).hasSize(expected.answerCount());
		for (ResultRecord.AnswerScored answer : stored) {
			int player = indexOf.get(answer.player());
			assertThat(answer.points()).as("stored points of player %d question %d", player, answer.position())
				.isEqualTo(expected.pointsOf(player, answer.position()));
			assertThat(answer.responseMillis()).isEqualTo(expected.millis.get(answer.position()).get(player));
		}
		ApiClient.Response response = organiser.get("/api/games/" + gameId + "/results");
		assertThat(response.status()).isEqualTo(200);
		JsonNode players = response.body().path("players");
		assertThat(players.size()).isEqualTo(PLAYERS);
		for (JsonNode row : players) {
			int player = indexOf.get(row.path("player").asInt());
			assertThat(row.path("score").asLong()).isEqualTo(expected.score[player]);
			assertThat(row.path("rank").asInt()).isEqualTo(ranking.indexOf(player) + 1);
			assertThat(row.path("nickname").asString()).isEqualTo("Người chơi %03d".formatted(player));
		}
		assertThat(response.body().path("game").path("game").path("status").asString()).isEqualTo("ENDED");
	}

	/** Extra checks of a subclass once the game is over. */
	void afterGame(String gameId, Expected expected) throws Exception {
	}

	/** The correct answer never reaches a player before the question closes. */
	private static void assertNoAnswerBeforeClose(List<String> frames) {
		for (String frame : frames) {
			if (frame.contains("\"type\":\"question\"") || frame.contains("\"type\":\"open\"")
					|| frame.contains("\"type\":\"ack\"") || frame.contains("\"type\":\"joined\"")
					|| frame.contains("\"type\":\"lobby\"")) {
				assertThat(frame).doesNotContain("\"correct\"", "\"accepted\":[", "\"explanation\"", "VNeID\"]",
						"\"value\"");
			}
		}
	}

	/**
	 * Player i's behaviour for question q: (i + q) % 10 == 0 does not answer; 1 or 2 answers wrong;
	 * 3 answers partly right on multiple select (wrong elsewhere); the rest answer right.
	 */
	private void answer(TestSocket player, int i, int q, Question original, List<String> shown, Expected expected) {
		int behaviour = (i + q) % 10;
		if (behaviour == 0) {
			return;
		}
		try {
			Thread.sleep(new Random(i * 31L + q).nextInt(150));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		boolean right = behaviour > 3;
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", "answer");
		frame.put("q", q);
		switch (original.type()) {
			case SINGLE_CHOICE, TRUE_FALSE -> frame.put("choice", right ? 0 : 1);
			case POLL -> frame.put("choice", i % 2);
			case MULTIPLE_SELECT -> frame.put("choices", right ? List.of(0, 2) : behaviour == 3 ? List.of(0) : List.of(1, 3));
			case TYPE_ANSWER -> frame.put("text", right ? (i % 2 == 0 ? "  vneid " : "VNeID") : "Zalo");
			case ORDERING -> {
				// Right: the shown options sorted back into the authored order.
				List<Integer> order = IntStream.range(0, shown.size()).boxed()
					.sorted(Comparator.comparingInt(k -> original.options().indexOf(shown.get(k))))
					.toList();
				frame.put("order", right ? order : reversed(order));
			}
			case NUMERIC -> frame.put("value", right ? 12 : 9);
		}
		player.send(frame);
		JsonNode ack = player.next("ack");
		assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isTrue();
		// A repeat gets the first answer's acknowledgement.
		player.send(frame);
		JsonNode repeat = player.next("ack");
		assertThat(repeat.path("ms").asLong()).isEqualTo(ack.path("ms").asLong());
		expected.answered(i, q, frame, ack.path("ms").asLong());
	}

	private static List<Integer> reversed(List<Integer> order) {
		List<Integer> copy = new ArrayList<>(order);
		java.util.Collections.reverse(copy);
		return copy;
	}

	/** The independent calculation of docs/scoring.md. */
	static final class Expected {

		final long[] score;

		final int[] streak;

		final long[] correctMillis;

		final Map<Integer, Map<Integer, Map<String, Object>>> sent = new java.util.concurrent.ConcurrentHashMap<>();

		final Map<Integer, Map<Integer, Long>> millis = new java.util.concurrent.ConcurrentHashMap<>();

		final Map<Integer, Map<Integer, Integer>> points = new HashMap<>();

		Expected(int players) {
			score = new long[players];
			streak = new int[players];
			correctMillis = new long[players];
		}

		void answered(int player, int q, Map<String, Object> frame, long ms) {
			sent.computeIfAbsent(q, k -> new java.util.concurrent.ConcurrentHashMap<>()).put(player, frame);
			millis.computeIfAbsent(q, k -> new java.util.concurrent.ConcurrentHashMap<>()).put(player, ms);
		}

		int pointsOf(int player, int q) {
			return points.get(q).get(player);
		}

		int answerCount() {
			return sent.values().stream().mapToInt(Map::size).sum();
		}

		@SuppressWarnings("unchecked")
		void close(int q, Question question, List<String> shown) {
			Map<Integer, Integer> thisQuestion = new HashMap<>();
			points.put(q, thisQuestion);
			boolean scored = question.type() != QuestionType.POLL && question.points() != Points.NONE;
			int base = question.points() == Points.DOUBLE ? 2000 : 1000;
			for (int i = 0; i < score.length; i++) {
				Map<String, Object> frame = sent.getOrDefault(q, Map.of()).get(i);
				if (!scored) {
					thisQuestion.put(i, 0);
					continue;
				}
				if (frame == null) {
					streak[i] = 0;
					thisQuestion.put(i, 0);
					continue;
				}
				// Credit as a fraction num/den, and whole-number arithmetic, so halves round up exactly.
				long den = question.type() == QuestionType.MULTIPLE_SELECT ? question.answer().correct().size() : 1;
				long num = switch (question.type()) {
					case SINGLE_CHOICE, TRUE_FALSE -> question.answer().correct().contains(frame.get("choice")) ? 1 : 0;
					case MULTIPLE_SELECT -> {
						List<Integer> picked = (List<Integer>) frame.get("choices");
						long hits = picked.stream().filter(question.answer().correct()::contains).count();
						yield Math.max(0, hits - (picked.size() - hits));
					}
					case TYPE_ANSWER -> question.answer().accepted().stream()
						.anyMatch(a -> fold(a).equals(fold((String) frame.get("text")))) ? 1 : 0;
					case ORDERING -> isAuthoredOrder((List<Integer>) frame.get("order"), shown, question.options()) ? 1 : 0;
					case NUMERIC -> Math.abs(((Number) frame.get("value")).doubleValue() - question.answer().value()) <= 0
							? 1 : 0;
					case POLL -> 0;
				};
				long t = Math.min(millis.get(q).get(i), 10_000);
				// round(P x (1 - (t/T)/2) x num/den) with T = 10,000 ms
				int earned = (int) Math.floorDiv(2L * base * (20_000 - t) * num + 20_000 * den, 2L * 20_000 * den);
				double credit = num / (double) den;
				boolean correct = credit == 1;
				if (correct) {
					earned += Math.min(100 * streak[i], 500);
					streak[i]++;
					correctMillis[i] += millis.get(q).get(i);
				}
				else {
					streak[i] = 0;
				}
				score[i] += earned;
				thisQuestion.put(i, earned);
			}
		}

		/** Right when the shown options, taken in the player's order, are the authored (right) order. */
		private static boolean isAuthoredOrder(List<Integer> order, List<String> shown, List<String> authored) {
			for (int k = 0; k < order.size(); k++) {
				if (authored.indexOf(shown.get(order.get(k))) != k) {
					return false;
				}
			}
			return true;
		}

		List<Integer> ranking(Map<Integer, Integer> numberOf) {
			List<Integer> players = new ArrayList<>(IntStream.range(0, score.length).boxed().toList());
			players.sort(Comparator.<Integer>comparingLong(i -> -score[i])
				.thenComparingLong(i -> correctMillis[i])
				.thenComparingInt(numberOf::get));
			return players;
		}

		private static String fold(String text) {
			String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
				.replace('đ', 'd').replace('Đ', 'D');
			return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
		}
	}
}
