package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.ApiClient;

/**
 * One whole buzzer game over real sockets on a real server: 8 contestants seated by the host, an
 * audience of 12 playing along; a common warm-up question won by a press (three presses at once,
 * ordered by the server's receive time), an acceleration question scored 40/30/20/10 by order of
 * arrival (checked against a calculation from the acknowledgements), a finish question with 30
 * points and the star of hope, whose owner drops mid-question and comes back with the floor and the
 * score, a steal, the podium and the stored results.
 */
class BuzzerGameIntegrationTest extends LiveIntegrationSupport {

	private static final int CONTESTANTS = 8;

	private static final int AUDIENCE = 12;

	@Test
	void eightContestantsAndAnAudiencePlayAWholeBuzzerGame() throws Exception {
		long bankId = bank();
		List<Question> quiz = List.of(
				question(bankId, QuestionType.SINGLE_CHOICE, "Khởi động: số điện thoại khẩn cấp của Công an?",
						List.of("113", "114", "115", "116"), AnswerKey.options(List.of(0)), null, 20),
				question(bankId, QuestionType.SINGLE_CHOICE, "Tăng tốc: mã OTP có được đưa cho người khác không?",
						List.of("Có", "Không"), AnswerKey.options(List.of(1)), null, 20),
				question(bankId, QuestionType.SINGLE_CHOICE, "Về đích: ứng dụng định danh điện tử quốc gia?",
						List.of("VNeID", "Zalo", "Facebook", "Email"), AnswerKey.options(List.of(0)), null, 20));
		Map<String, Object> rules = new LinkedHashMap<>();
		rules.put("rounds", List.of(Map.of("kind", "WARMUP_COMMON", "questions", 1),
				Map.of("kind", "ACCELERATION", "questions", 1), Map.of("kind", "FINISH", "questions", 1)));
		rules.put("pressWindowMillis", 2_000);
		rules.put("starWrongLoses", true);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("format", "BUZZER");
		settings.put("buzzer", rules);
		Created game = createGame(quiz, settings);

		Client host = host(game);
		List<Player> contestants = new ArrayList<>();
		for (int i = 1; i <= CONTESTANTS; i++) {
			contestants.add(join(game, "Thí sinh " + i));
		}
		List<Player> audience = new ArrayList<>();
		for (int i = 1; i <= AUDIENCE; i++) {
			audience.add(join(game, "Khán giả " + i));
		}
		for (Player contestant : contestants) {
			host.send(Map.of("type", "seat", "player", contestant.number()));
			done(host, "seat");
		}
		JsonNode seated = board(host, b -> b.path("contestants").size() == CONTESTANTS);
		assertThat(seated.path("stage").asString()).isEqualTo("LOBBY");
		assertThat(board(contestants.get(7).socket(), b -> b.path("contestants").size() == CONTESTANTS)
			.path("contestants").get(7).path("nickname").asString()).isEqualTo("Thí sinh 8");

		// ---- Q1, common warm-up: three contestants press at once --------------------------------
		command(host, "start");
		for (Player p : audience) {
			p.socket().next("question", 0);
		}
		command(host, "next");
		board(host, b -> "ARMED".equals(b.path("stage").asString()));
		audience.get(0).socket().send(Map.of("type", "buzz"));
		assertThat(error(audience.get(0).socket()).path("code").asString()).isEqualTo("NOT_CONTESTANT");
		List<Player> pressing = List.of(contestants.get(2), contestants.get(4), contestants.get(6));
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(pressing.size());
		try {
			for (Player p : pressing) {
				pool.execute(() -> {
					try {
						go.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					p.socket().send(Map.of("type", "buzz", "id", "b" + p.number()));
				});
			}
			go.countDown();
		}
		finally {
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		Map<Integer, Long> receivedAt = new HashMap<>();
		for (Player p : pressing) {
			JsonNode buzzed = p.socket().next("buzzed", WAIT);
			assertThat(buzzed.path("ref").asString()).isEqualTo("b" + p.number());
			receivedAt.put(p.number(), buzzed.path("receivedAt").asLong());
		}
		JsonNode pressed = board(host, b -> b.path("presses").size() == 3);
		List<Integer> order = new ArrayList<>();
		long first = pressed.path("presses").get(0).path("at").asLong();
		for (JsonNode press : pressed.path("presses")) {
			order.add(press.path("player").asInt());
			assertThat(press.path("at").asLong()).isEqualTo(receivedAt.get(press.path("player").asInt()));
			assertThat(press.path("behind").asLong()).isEqualTo(press.path("at").asLong() - first);
			assertThat(press.path("nickname").asString()).startsWith("Thí sinh");
		}
		// The order is the server's receive order: never a later receive time before an earlier one.
		assertThat(order).containsExactlyInAnyOrder(3, 5, 7);
		assertThat(pressed.path("presses")).extracting(p -> p.path("at").asLong()).isSorted();
		int winner = order.get(0);
		// The frames on the wire, for the examples of docs/protocol.md ("Buzzer rounds").
		List<String> transcript = new ArrayList<>();
		host.raw().stream().filter(text -> text.startsWith("{\"type\":\"buzzer\"") && text.split("\"behind\"").length == 4).findFirst().ifPresent(transcript::add);
		pressing.get(0).socket().raw().stream().filter(text -> text.startsWith("{\"type\":\"buzzed\"")).forEach(transcript::add);
		java.nio.file.Files.write(java.nio.file.Path.of("target", "buzzer-transcript.txt"), transcript);
		assertThat(pressed.path("floor").asInt()).isEqualTo(winner);
		for (int i = 0; i < AUDIENCE; i++) {
			audience.get(i).socket().send(answer(0, i % 3 == 0 ? 1 : 0));
			assertThat(audience.get(i).socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		}
		Player floor = contestant(contestants, winner);
		floor.socket().send(answer(0, 0));
		assertThat(floor.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		JsonNode judged = board(host, b -> "JUDGED".equals(b.path("stage").asString()) && b.path("q").asInt() == 0);
		assertThat(judged.path("last").path("player").asInt()).isEqualTo(winner);
		assertThat(judged.path("last").path("points").asInt()).isEqualTo(10);
		assertThat(score(judged, winner)).isEqualTo(10);
		// The audience gets the classic result frames, scored separately.
		JsonNode outcome = audience.get(1).socket().next("outcome", 0);
		assertThat(outcome.path("correct").asBoolean()).isTrue();
		assertThat(outcome.path("of").asInt()).isEqualTo(AUDIENCE);

		// ---- Q2, acceleration: every contestant answers; 40/30/20/10 by order of arrival ---------
		command(host, "next");
		command(host, "next");
		board(host, b -> "OPEN".equals(b.path("stage").asString()));
		Map<Integer, Long> rightAt = new HashMap<>();
		for (int i = 0; i < CONTESTANTS; i++) {
			Player p = contestants.get(i);
			boolean right = i % 2 == 1;
			p.socket().send(answer(1, right ? 1 : 0));
			JsonNode ack = p.socket().next("ack", WAIT);
			assertThat(ack.path("accepted").asBoolean()).as("ack %s", ack).isTrue();
			if (right) {
				rightAt.put(p.number(), ack.path("receivedAt").asLong());
			}
		}
		JsonNode accelerated = board(host, b -> "JUDGED".equals(b.path("stage").asString()) && b.path("q").asInt() == 1);
		List<Integer> byArrival = new ArrayList<>(rightAt.keySet());
		byArrival.sort(Comparator.comparingLong((Integer n) -> rightAt.get(n)).thenComparingInt(n -> n));
		int[] table = { 40, 30, 20, 10 };
		for (int n = 1; n <= CONTESTANTS; n++) {
			int place = byArrival.indexOf(n);
			long expected = (place >= 0 ? table[place] : 0) + (n == winner ? 10 : 0);
			assertThat(score(accelerated, n)).as("contestant %d", n).isEqualTo(expected);
		}

		// ---- Q3, finish: contestant 1 picks 30 with the star, drops, comes back, answers wrong ----
		command(host, "next");
		JsonNode shown = board(host, b -> "SHOWN".equals(b.path("stage").asString()) && b.path("q").asInt() == 2);
		Player owner = contestants.get(0);
		assertThat(shown.path("owner").asInt()).isEqualTo(owner.number());
		command(host, "pick30");
		command(host, "star");
		command(host, "next");
		board(host, b -> b.path("floor").asInt() == owner.number() && b.path("star").asBoolean());
		long ownerScore = score(accelerated, owner.number());
		owner.socket().abort();
		board(host, b -> b.path("floor").asInt() == owner.number()
				&& !b.path("contestants").get(0).path("connected").asBoolean());
		Client back = resume(game, owner.token());
		JsonNode resumed = back.next("resumed", WAIT);
		assertThat(resumed.path("player").path("number").asInt()).isEqualTo(owner.number());
		JsonNode caughtUp = board(back, b -> b.path("q").asInt() == 2);
		assertThat(caughtUp.path("floor").asInt()).as("the floor is kept").isEqualTo(owner.number());
		assertThat(score(caughtUp, owner.number())).as("the score is kept").isEqualTo(ownerScore);
		command(host, "wrong");
		JsonNode steal = board(host, b -> "ARMED".equals(b.path("stage").asString()) && b.path("stealing").asBoolean());
		assertThat(steal.path("eligible")).extracting(JsonNode::asInt).doesNotContain(owner.number()).hasSize(7);
		assertThat(score(steal, owner.number())).isEqualTo(Math.max(0, ownerScore - 30));
		back.send(Map.of("type", "buzz"));
		assertThat(error(back).path("code").asString()).isEqualTo("BUZZER_LOCKED");
		Player stealer = contestants.get(1);
		long stealerBefore = score(steal, stealer.number());
		stealer.socket().send(Map.of("type", "buzz"));
		stealer.socket().next("buzzed", WAIT);
		board(host, b -> b.path("floor").asInt() == stealer.number());
		command(host, "right");
		JsonNode stolen = board(host, b -> "JUDGED".equals(b.path("stage").asString()) && b.path("q").asInt() == 2);
		assertThat(score(stolen, stealer.number())).isEqualTo(stealerBefore + 30);

		// ---- podium, end, stored results -------------------------------------------------------
		command(host, "next");
		JsonNode podium = host.next("podium", WAIT);
		List<Map.Entry<Integer, Long>> ranked = new ArrayList<>();
		for (JsonNode c : stolen.path("contestants")) {
			ranked.add(Map.entry(c.path("player").asInt(), c.path("score").asLong()));
		}
		ranked.sort(Map.Entry.<Integer, Long>comparingByValue().reversed());
		assertThat(podium.path("top").get(0).path("player").asInt()).isEqualTo(ranked.get(0).getKey());
		assertThat(podium.path("top").get(0).path("score").asLong()).isEqualTo(ranked.get(0).getValue());
		assertThat(podium.path("players").asInt()).isEqualTo(CONTESTANTS + AUDIENCE);
		command(host, "next");
		host.next("ended", WAIT);

		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		JsonNode results = awaitResults(organiser, game.id());
		JsonNode top = results.path("players").get(0);
		assertThat(top.path("player").asInt()).isEqualTo(ranked.get(0).getKey());
		assertThat(top.path("rank").asInt()).isEqualTo(1);
		assertThat(top.path("score").asLong()).isEqualTo(ranked.get(0).getValue());

		// The leaderboard store (GET .../leaderboard) ranks the audience alone: contestants score apart.
		java.util.Set<Integer> onStage = new java.util.HashSet<>();
		contestants.forEach(c -> onStage.add(c.number()));
		org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> {
			JsonNode stored = organiser.get("/api/games/" + game.id() + "/leaderboard?top=100").body();
			assertThat(stored.path("players").asInt()).isEqualTo(AUDIENCE);
			assertThat(stored.path("top")).hasSize(AUDIENCE);
			for (JsonNode row : stored.path("top")) {
				assertThat(onStage).doesNotContain(row.path("player").asInt());
			}
		});
	}

	private static Player contestant(List<Player> contestants, int number) {
		return contestants.stream().filter(p -> p.number() == number).findFirst().orElseThrow();
	}

	private static void done(Client host, String command) {
		JsonNode done = host.next(f -> "done".equals(f.path("type").asString()) || "error".equals(f.path("type").asString()),
				WAIT, "done of " + command);
		assertThat(done.path("type").asString()).as("%s: %s", command, done).isEqualTo("done");
	}

	/** The first buzzer board that matches, whatever boards come before it. */
	private static JsonNode board(Client socket, Predicate<JsonNode> match) {
		return socket.next(f -> "buzzer".equals(f.path("type").asString()) && match.test(f), WAIT, "buzzer board");
	}

	private static long score(JsonNode board, int player) {
		for (JsonNode c : board.path("contestants")) {
			if (c.path("player").asInt() == player) {
				return c.path("score").asLong();
			}
		}
		throw new AssertionError("no contestant " + player + " on " + board);
	}

	/** The results once the final standings are stored (written behind the game). */
	private static JsonNode awaitResults(ApiClient organiser, String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		JsonNode body = null;
		while (System.nanoTime() < deadline) {
			ApiClient.Response response = organiser.get("/api/games/" + id + "/results");
			body = response.body();
			if (response.status() == 200 && body.path("players").size() > 0
					&& !body.path("players").get(0).path("rank").isNull()
					&& body.path("players").get(0).has("rank")) {
				return body;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no final standings stored within 15 s: " + body);
	}
}
