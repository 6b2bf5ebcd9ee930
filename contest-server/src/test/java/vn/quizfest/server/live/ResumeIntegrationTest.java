package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A player who drops comes back with the resume token: same identity, score, streak and question. */
class ResumeIntegrationTest extends LiveIntegrationSupport {

	@Test
	void aPlayerWhoDropsMidQuestionResumesWithItsStateTheTimeLeftAndItsAck() {
		Created game = createGame(singleChoiceQuiz(3), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player minh = join(game, "Minh");

		// Question 1: Lan answers right and builds a streak.
		command(host, "start");
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 0));
		assertThat(lan.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		command(host, "next");
		JsonNode first = lan.socket().next("outcome", WAIT);
		assertThat(first.path("correct").asBoolean()).isTrue();
		long scoreBefore = first.path("score").asLong();
		assertThat(scoreBefore).isPositive();
		command(host, "next");
		command(host, "next");

		// Question 2 is open: Lan answers, then her phone loses the connection.
		JsonNode open = lan.socket().next("open", WAIT);
		assertThat(open.path("q").asInt()).isEqualTo(1);
		lan.socket().send(answer(1, 0));
		JsonNode ack = lan.socket().next("ack", WAIT);
		assertThat(ack.path("accepted").asBoolean()).isTrue();
		lan.socket().abort();

		Client back = resume(game, lan.token());
		JsonNode resumed = back.next("resumed", WAIT);
		assertThat(resumed.path("v").asInt()).isEqualTo(1);
		assertThat(resumed.path("player").path("number").asInt()).isEqualTo(lan.number());
		assertThat(resumed.path("player").path("nickname").asString()).isEqualTo("Lan");
		assertThat(resumed.path("player").path("score").asLong()).isEqualTo(scoreBefore);
		assertThat(resumed.path("player").path("streak").asInt()).isEqualTo(1);
		assertThat(resumed.path("player").path("rank").asInt()).isEqualTo(1);
		assertThat(resumed.path("token").asString()).isEqualTo(lan.token());
		assertThat(resumed.path("phase").asString()).isEqualTo("OPEN");

		// The open question again, with the real deadline: only the time that is left.
		JsonNode again = back.next("open", WAIT);
		assertThat(again.path("q").asInt()).isEqualTo(1);
		assertThat(again.path("options")).hasSize(4);
		assertThat(again.path("closesAt").asLong()).isEqualTo(open.path("closesAt").asLong());
		long left = again.path("closesAt").asLong() - resumed.path("serverTime").asLong();
		long full = open.path("closesAt").asLong() - open.path("serverTime").asLong();
		assertThat(left).isPositive().isLessThan(full);
		// The answer given before the drop is acknowledged again, exactly as the first time.
		JsonNode ackAgain = back.next("ack", WAIT);
		assertThat(ackAgain.path("q").asInt()).isEqualTo(1);
		assertThat(ackAgain.path("ms").asLong()).isEqualTo(ack.path("ms").asLong());
		assertThat(ackAgain.path("receivedAt").asLong()).isEqualTo(ack.path("receivedAt").asLong());
		// Sending it once more changes nothing: the first answer stands.
		back.send(answer(1, 3));
		assertThat(back.next("ack", WAIT).path("ms").asLong()).isEqualTo(ack.path("ms").asLong());

		command(host, "next");
		JsonNode outcome = back.next("outcome", 1);
		assertThat(outcome.path("correct").asBoolean()).isTrue();
		assertThat(outcome.path("streak").asInt()).isEqualTo(2);
		assertThat(outcome.path("score").asLong()).isGreaterThan(scoreBefore);
		assertThat(minh.socket().next("outcome", WAIT).path("answered").asBoolean()).isFalse();
	}

	@Test
	void aPlayerWhoAnsweredAndDroppedKeepsThePointsAndSeesTheResultOnResume() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player minh = join(game, "Minh");
		command(host, "start");
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 0));
		assertThat(lan.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		lan.socket().abort();
		LiveGame live = live(game);
		await().atMost(WAIT).until(() -> live.connectedPlayers() == 1);

		// The question closes while Lan is away.
		command(host, "next");
		JsonNode closed = host.next("closed", WAIT);
		assertThat(closed.path("answered").asInt()).isEqualTo(1);
		assertThat(minh.socket().next("outcome", WAIT).path("answered").asBoolean()).isFalse();

		Client back = resume(game, lan.token());
		JsonNode resumed = back.next("resumed", WAIT);
		assertThat(resumed.path("phase").asString()).isEqualTo("CLOSED");
		long score = resumed.path("player").path("score").asLong();
		assertThat(score).isPositive();
		assertThat(back.next("closed", WAIT).path("q").asInt()).isEqualTo(0);
		JsonNode outcome = back.next("outcome", WAIT);
		assertThat(outcome.path("answered").asBoolean()).isTrue();
		assertThat(outcome.path("points").asLong()).isEqualTo(score);
		assertThat(outcome.path("score").asLong()).isEqualTo(score);
		assertThat(outcome.path("rank").asInt()).isEqualTo(1);

		// Lan plays on from the resumed socket.
		command(host, "next");
		command(host, "next");
		assertThat(back.next("open", WAIT).path("q").asInt()).isEqualTo(1);
		back.send(answer(1, 0));
		assertThat(back.next("ack", WAIT).path("accepted").asBoolean()).isTrue();
	}

	@Test
	void aSecondConnectionWithTheTokenReplacesTheFirstWhichIsClosedWith4002() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");

		Client second = resume(game, lan.token());
		JsonNode resumed = second.next("resumed", WAIT);
		assertThat(resumed.path("player").path("number").asInt()).isEqualTo(lan.number());
		assertThat(resumed.path("phase").asString()).isEqualTo("LOBBY");
		assertThat(second.next("lobby", WAIT).path("players").asInt()).isEqualTo(1);
		assertThat(lan.socket().awaitClose(WAIT)).isEqualTo(4002);

		command(host, "start");
		assertThat(second.next("open", WAIT).path("q").asInt()).isZero();
		assertThat(live(game).connectedPlayers()).isEqualTo(1);
		assertThat(lan.socket().raw()).noneMatch(frame -> frame.contains("\"type\":\"open\""));
	}

	@Test
	void aKickedPlayerCannotResume() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player troll = join(game, "Khách lạ");

		host.send(Map.of("type", "kick", "player", troll.number()));
		host.next("done", WAIT);
		assertThat(troll.socket().awaitClose(WAIT)).isEqualTo(4001);
		JsonNode players = host.next(f -> "players".equals(f.path("type").asString())
				&& f.path("kicked").size() > 0, WAIT, "players with the kick");
		assertThat(players.path("kicked").get(0).asInt()).isEqualTo(troll.number());
		assertThat(players.path("count").asInt()).isEqualTo(1);

		Client back = resume(game, troll.token());
		JsonNode error = error(back);
		assertThat(error.path("code").asString()).isEqualTo("KICKED");
		assertThat(error.path("message").asString()).isEqualTo("Bạn đã được mời rời trò chơi này.");
		assertThat(live(game).connectedPlayers()).isEqualTo(1);
		// Lan is unaffected.
		command(host, "start");
		assertThat(lan.socket().next("open", WAIT).path("q").asInt()).isZero();
	}

	@Test
	void aWrongTokenOrPinCannotResume() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Player lan = join(game, "Lan");

		Client stranger = connect("/ws/play");
		stranger.send(Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", "not-a-token", "id", "r1"));
		JsonNode error = error(stranger);
		assertThat(error.path("code").asString()).isEqualTo("RESUME_UNKNOWN");
		assertThat(error.path("ref").asString()).isEqualTo("r1");
		assertThat(error.path("message").asString())
			.isEqualTo("Không thể nối lại phiên chơi. Hãy vào lại bằng mã PIN.");

		stranger.send(Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", "x".repeat(65), "lang", "en"));
		assertThat(error(stranger).path("message").asString())
			.isEqualTo("Your game session cannot be resumed. Please join again with the PIN.");
		// PINs run from 100000 to 999999: this one never belongs to a game.
		stranger.send(Map.of("type", "resume", "v", 1, "pin", "000000", "token", lan.token()));
		assertThat(error(stranger).path("code").asString()).isEqualTo("BAD_PIN");
		stranger.send(Map.of("type", "resume", "v", 1, "pin", game.pin()));
		assertThat(error(stranger).path("code").asString()).isEqualTo("RESUME_UNKNOWN");

		// The socket is still usable: the right token works on it.
		stranger.send(Map.of("type", "resume", "v", 1, "pin", game.pin(), "token", lan.token()));
		assertThat(stranger.next("resumed", WAIT).path("player").path("number").asInt()).isEqualTo(lan.number());
		assertThat(lan.socket().awaitClose(Duration.ofSeconds(5))).isEqualTo(4002);
	}

	@Test
	void aPlayerWhoComesBackAfterTheEndGetsTheResultTheEndAndClose4000() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		command(host, "start");
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 0));
		lan.socket().next("ack", WAIT);
		lan.socket().abort();
		command(host, "end");

		Client back = resume(game, lan.token());
		assertThat(back.next("resumed", WAIT).path("phase").asString()).isEqualTo("ENDED");
		assertThat(back.next("final", WAIT).path("rank").asInt()).isEqualTo(1);
		back.next("ended", WAIT);
		assertThat(back.awaitClose(WAIT)).isEqualTo(4000);
	}

	@Test
	void aPlayerWhoResumesDuringAPauseLearnsTheTimeLeftAndAcksEchoTheAnswersId() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player minh = join(game, "Minh");
		command(host, "start");
		lan.socket().next("open", WAIT);
		lan.socket().send(Map.of("type", "answer", "q", 0, "choice", 0, "id", "a-1"));
		assertThat(lan.socket().next("ack", WAIT).path("ref").asString()).isEqualTo("a-1");
		command(host, "pause");
		long remaining = minh.socket().next("paused", WAIT).path("remaining").asLong();
		assertThat(remaining).isPositive();
		minh.socket().abort();

		Client back = resume(game, minh.token());
		back.next("resumed", WAIT);
		assertThat(back.next("paused", WAIT).path("remaining").asLong()).isEqualTo(remaining);
	}
}
