package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * Counts that change with every join or answer are coalesced: the host gets them a few times a
 * second, players get the lobby count at most once a second; never one frame per event. After the
 * game the Prometheus endpoint shows the live meters.
 */
// A context of its own, so that no other test's traffic mixes into the counted frames.
@TestPropertySource(properties = "quizfest.live.host-counts-interval=250ms")
class CountsIntegrationTest extends LiveIntegrationSupport {

	private static final int PLAYERS = 100;

	@Test
	void joinsAndAnswersReachTheHostAndPlayersAsCoalescedCountsAndTheMetricsShowTheGame() throws Exception {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Recorder host = new Recorder(host(game).socket);
		Player first = join(game, "Người chơi 000");
		Recorder lobby = new Recorder(first.socket().socket);
		List<Player> players = new CopyOnWriteArrayList<>();
		players.add(first);

		// 99 more join in waves of 11 every 250 ms: about two seconds of joining.
		ScheduledExecutorService waves = Executors.newScheduledThreadPool(4);
		List<Future<?>> joins = new ArrayList<>();
		try {
			for (int i = 1; i < PLAYERS; i++) {
				int index = i;
				joins.add(waves.schedule(() -> players.add(join(game, "Người chơi %03d".formatted(index))),
						(i / 11) * 250L, TimeUnit.MILLISECONDS));
			}
			for (Future<?> join : joins) {
				join.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			waves.shutdownNow();
		}
		JsonNode all = host.await(f -> "players".equals(type(f)) && f.path("count").asInt() == PLAYERS, "players=100");
		assertThat(all.path("kicked")).isEmpty();
		List<Recorder.Received> counts = host.received("players");
		assertThat(counts).as("players frames to the host").hasSizeLessThan(25);
		assertThat(counts.stream().mapToInt(r -> r.frame().path("joined").size()).sum())
			.as("every join is reported once").isEqualTo(PLAYERS);
		assertCoalesced(counts, 250);

		lobby.await(f -> "lobby".equals(type(f)) && f.path("players").asInt() == PLAYERS, "lobby=100");
		List<Recorder.Received> lobbies = lobby.received("lobby");
		// The first is the player's own on joining; the rest are the coalesced broadcasts.
		assertThat(lobbies.get(0).frame().path("players").asInt()).isEqualTo(1);
		List<Recorder.Received> broadcasts = lobbies.subList(1, lobbies.size());
		assertThat(broadcasts).hasSizeBetween(2, 6);
		assertCoalesced(broadcasts, 1_000);

		// (The first player's socket is read by its recorder from here on.)
		// A refused join shows in the metrics too.
		Client taken = connect("/ws/play");
		taken.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "NGƯỜI CHƠI 000"));
		assertThat(taken.next("error").path("code").asString()).isEqualTo("NICKNAME_TAKEN");

		host.socket.send(Map.of("type", "start"));
		for (Player player : players) {
			if (player != first) {
				player.socket().next("open", 0);
			}
		}
		lobby.await(f -> "open".equals(type(f)), "open");
		// 99 answer over about a second and a half; the last player does not answer.
		ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);
		List<Future<?>> sent = new ArrayList<>();
		try {
			for (int i = 0; i < PLAYERS - 1; i++) {
				Player player = players.get(i);
				sent.add(answers.schedule(() -> player.socket().send(answer(0, 0)), (i / 10) * 150L,
						TimeUnit.MILLISECONDS));
			}
			for (Future<?> answer : sent) {
				answer.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			answers.shutdownNow();
		}
		host.await(f -> "answers".equals(type(f)) && f.path("count").asInt() == PLAYERS - 1, "answers=99");
		List<Recorder.Received> answerCounts = host.received("answers");
		assertThat(answerCounts).as("answers frames to the host").hasSizeBetween(2, 20);
		assertThat(answerCounts).allMatch(r -> r.frame().path("q").asInt() == 0 && r.frame().path("of").asInt() == PLAYERS);
		assertThat(answerCounts.stream().map(r -> r.frame().path("count").asInt()).toList()).isSorted();
		assertCoalesced(answerCounts, 250);
		assertThat(new ApiClient(port).get("/actuator/prometheus").raw().body()).as("players connected during the game")
			.containsPattern("quiz_players_connected\\{[^}]*\\} [1-9][0-9]{2,}");

		host.socket.send(Map.of("type", "next"));
		JsonNode closed = host.await(f -> "closed".equals(type(f)), "closed");
		assertThat(closed.path("answered").asInt()).isEqualTo(PLAYERS - 1);
		assertThat(closed.path("players").asInt()).isEqualTo(PLAYERS);
		assertThat(closed.path("distribution").get(0).asInt()).isEqualTo(PLAYERS - 1);
		Player late = players.get(PLAYERS - 1);
		late.socket().send(answer(0, 1));
		assertThat(late.socket().next("ack", 0).path("error").asString()).isEqualTo("QUESTION_CLOSED");

		// The second question: everyone answers, so it closes by itself; then the podium and the end.
		host.socket.send(Map.of("type", "next"));
		host.await(f -> "leaderboard".equals(type(f)), "leaderboard");
		host.socket.send(Map.of("type", "next"));
		for (Player player : players) {
			if (player != first) {
				player.socket().next("open", 1);
			}
			else {
				// This socket is read by its recorder: wait there, or the answer may beat the question.
				lobby.await(f -> "open".equals(type(f)) && f.path("q").asInt() == 1, "open 1");
			}
			player.socket().send(answer(1, 0));
		}
		host.await(f -> "closed".equals(type(f)) && f.path("q").asInt() == 1, "closed 1");
		host.socket.send(Map.of("type", "next"));
		host.await(f -> "leaderboard".equals(type(f)) && f.path("q").asInt() == 1, "leaderboard 1");
		host.socket.send(Map.of("type", "next"));
		JsonNode podium = host.await(f -> "podium".equals(type(f)), "podium");
		assertThat(podium.path("players").asInt()).isEqualTo(PLAYERS);
		for (Player player : players) {
			if (player != first) {
				assertThat(player.socket().next("final").path("of").asInt()).isEqualTo(PLAYERS);
			}
		}
		assertThat(lobby.await(f -> "final".equals(type(f)), "final").path("of").asInt()).isEqualTo(PLAYERS);
		host.socket.send(Map.of("type", "next"));
		host.await(f -> "ended".equals(type(f)), "ended");

		String metrics = new ApiClient(port).get("/actuator/prometheus").raw().body();
		assertThat(meterIn(metrics, "quiz_joins_total")).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(meterIn(metrics, "quiz_joins_refused_total", "reason=\"NICKNAME_TAKEN\"")).isPositive();
		assertThat(meterIn(metrics, "quiz_answers_total", "outcome=\"accepted\"")).isGreaterThanOrEqualTo(2 * PLAYERS - 1);
		assertThat(meterIn(metrics, "quiz_answers_total", "outcome=\"QUESTION_CLOSED\"")).isPositive();
		assertThat(metrics).containsPattern("(?m)^quiz_players_connected\\{");
		assertThat(metrics).containsPattern("(?m)^quiz_games_live\\{");
		assertThat(meterIn(metrics, "quiz_fanout_latency_seconds_count")).isPositive();
		assertThat(metrics).containsPattern("(?m)^quiz_fanout_latency_seconds\\{[^}]*quantile=\"0.99\"");
		assertThat(meterIn(metrics, "quiz_leaderboard_latency_seconds_count")).isPositive();
	}

	private static String type(JsonNode frame) {
		return frame.path("type").asString();
	}

	/**
	 * At most one frame per interval over the time they span (one more for scheduling jitter on the
	 * way), and never two back to back. Arrival times jitter by tens of milliseconds, so single gaps
	 * may be shorter than the interval.
	 */
	private static void assertCoalesced(List<Recorder.Received> frames, long intervalMillis) {
		List<Long> gaps = Recorder.gaps(frames);
		long span = gaps.stream().mapToLong(Long::longValue).sum();
		assertThat(gaps.size()).as("frames after the first over %d ms, gaps %s", span, gaps)
			.isLessThanOrEqualTo((int) (span / intervalMillis) + 1);
		assertThat(gaps).as("ms between frames").allMatch(gap -> gap >= intervalMillis / 4);
	}
}
