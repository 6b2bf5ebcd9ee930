package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The host's laptop may drop, reconnect, or be joined by a second screen; the game never depends on it. */
class HostReconnectIntegrationTest extends LiveIntegrationSupport {

	@Test
	void theGameGoesOnWithoutAHostAndAReconnectedHostGetsTheCurrentFrameAndContinues() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		Player minh = join(game, "Minh");
		command(host, "start");
		lan.socket().next("open", WAIT);
		minh.socket().next("open", WAIT);
		host.abort();

		// Nobody hosts: the players answer and the question closes because everyone has answered.
		lan.socket().send(answer(0, 0));
		minh.socket().send(answer(0, 1));
		assertThat(lan.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		assertThat(minh.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		JsonNode lanOutcome = lan.socket().next("outcome", WAIT);
		assertThat(lanOutcome.path("correct").asBoolean()).isTrue();
		assertThat(minh.socket().next("outcome", WAIT).path("correct").asBoolean()).isFalse();
		// A player who drops and resumes meanwhile keeps the score.
		lan.socket().abort();
		Client lanBack = resume(game, lan.token());
		assertThat(lanBack.next("resumed", WAIT).path("player").path("score").asLong())
			.isEqualTo(lanOutcome.path("score").asLong());

		Client again = connect("/ws/host");
		again.send(Map.of("type", "host", "v", 1, "game", game.id(), "token", game.hostToken()));
		JsonNode hosted = again.next("hosted", WAIT);
		assertThat(hosted.path("phase").asString()).isEqualTo("CLOSED");
		assertThat(hosted.path("game").path("pin").asString()).isEqualTo(game.pin());
		assertThat(hosted.path("game").path("questions").asInt()).isEqualTo(2);
		assertThat(hosted.path("players")).hasSize(2);
		assertThat(hosted.path("serverTime").asLong()).isPositive();
		JsonNode current = again.next("closed", WAIT);
		assertThat(current.path("q").asInt()).isZero();
		assertThat(current.path("correctCount").asInt()).isEqualTo(1);

		command(again, "next");
		assertThat(again.next("leaderboard", WAIT).path("top").get(0).path("nickname").asString()).isEqualTo("Lan");
		command(again, "next");
		assertThat(again.next("open", WAIT).path("q").asInt()).isEqualTo(1);
		lanBack.next("open", 1);
		lanBack.send(answer(1, 0));
		lanBack.next("ack", 1);
		command(again, "next");
		assertThat(lanBack.next("outcome", 1).path("streak").asInt()).isEqualTo(2);
		command(again, "next");
		command(again, "next");
		assertThat(again.next("podium", WAIT).path("top").get(0).path("nickname").asString()).isEqualTo("Lan");
		assertThat(lanBack.next("final", WAIT).path("rank").asInt()).isEqualTo(1);
		command(again, "end");
		assertThat(again.next("ended", WAIT).path("reason").asString()).isEqualTo("HOST_ENDED");
		assertThat(lanBack.awaitClose(WAIT)).isEqualTo(4000);
	}

	@Test
	void aHostWhoReconnectsMidQuestionGetsTheOpenQuestionAndTheAnswerCount() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		join(game, "Minh");
		command(host, "start");
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 2));
		lan.socket().next("ack", WAIT);
		host.abort();

		Client again = host(game);
		JsonNode open = again.next("open", WAIT);
		assertThat(open.path("q").asInt()).isZero();
		JsonNode answers = again.next("answers", WAIT);
		assertThat(answers.path("count").asInt()).isEqualTo(1);
		assertThat(answers.path("of").asInt()).isEqualTo(2);
		command(again, "next");
		assertThat(again.next("closed", 0).path("distribution").get(2).asInt()).isEqualTo(1);
	}

	@Test
	void aWrongHostTokenIsRefusedWithClose4005() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client impostor = connect("/ws/host");
		impostor.send(Map.of("type", "host", "v", 1, "game", game.id(), "token", "guessed", "id", "h1"));
		JsonNode error = error(impostor);
		assertThat(error.path("code").asString()).isEqualTo("HOST_REFUSED");
		assertThat(error.path("ref").asString()).isEqualTo("h1");
		assertThat(impostor.awaitClose(WAIT)).isEqualTo(4005);

		Client lost = connect("/ws/host");
		lost.send(Map.of("type", "host", "v", 1, "game", "no-such-game", "token", game.hostToken(), "lang", "en"));
		assertThat(error(lost).path("message").asString()).isEqualTo("The host token of this game is not right.");
		assertThat(lost.awaitClose(WAIT)).isEqualTo(4005);

		// Commands before authenticating are refused, and the socket stays open.
		Client early = connect("/ws/host");
		early.send(Map.of("type", "start", "id", 5));
		JsonNode notHost = error(early);
		assertThat(notHost.path("code").asString()).isEqualTo("NOT_HOST");
		assertThat(notHost.path("ref").asString()).isEqualTo("5");
		early.send(Map.of("type", "ping", "t", 42));
		assertThat(early.next("pong", WAIT).path("t").asLong()).isEqualTo(42);
	}

	@Test
	void twoHostSocketsBothReceiveEveryFrameAndEitherCanDrive() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client laptop = host(game);
		Client phone = host(game);
		Player lan = join(game, "Lan");
		for (Client host : new Client[] { laptop, phone }) {
			JsonNode players = host.next(f -> "players".equals(f.path("type").asString())
					&& f.path("count").asInt() == 1, WAIT, "players=1");
			assertThat(players.path("joined").get(0).path("nickname").asString()).isEqualTo("Lan");
			assertThat(players.path("joined").get(0).path("player").asInt()).isEqualTo(lan.number());
		}

		// The engine refuses what makes no sense, whoever asks.
		phone.send(Map.of("type", "resume", "id", "p1"));
		JsonNode refused = error(phone);
		assertThat(refused.path("code").asString()).isEqualTo("NOT_PAUSED");
		assertThat(refused.path("ref").asString()).isEqualTo("p1");

		command(phone, "start");
		for (Client host : new Client[] { laptop, phone }) {
			assertThat(host.next("question", WAIT).has("options")).isFalse();
			assertThat(host.next("open", WAIT).path("options")).hasSize(4);
		}
		lan.socket().send(answer(0, 0));
		// Everyone answered: the question closes by itself and both screens see it.
		for (Client host : new Client[] { laptop, phone }) {
			assertThat(host.next("closed", WAIT).path("answered").asInt()).isEqualTo(1);
		}
		command(laptop, "pause");
		for (Client host : new Client[] { laptop, phone }) {
			assertThat(host.next("paused", WAIT).path("remaining").asLong()).isEqualTo(-1);
		}
		command(phone, "resume");
		command(laptop, "next");
		for (Client host : new Client[] { laptop, phone }) {
			assertThat(host.next("leaderboard", WAIT).path("players").asInt()).isEqualTo(1);
		}
		laptop.abort();
		command(phone, "next");
		assertThat(phone.next("podium", WAIT).path("top")).hasSize(1);
		assertThat(lan.socket().next("final", WAIT).path("rank").asInt()).isEqualTo(1);
	}

	/**
	 * A "next" meant for the open question that arrives after the server closed it by itself (everyone
	 * answered) used to skip straight past the results to the leaderboard. Guarded with the step the
	 * host saw, it is refused and the game stays where it is.
	 */
	@Test
	void aNextGuardedWithAStepTheGameHasLeftIsRefusedAndChangesNothing() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Client host = host(game);
		Player lan = join(game, "Lan");
		command(host, "start");
		assertThat(host.next("open", WAIT).path("q").asInt()).isZero();
		lan.socket().next("open", WAIT);
		lan.socket().send(answer(0, 0));
		host.next("closed", WAIT);

		host.send(Map.of("type", "next", "id", "late-tap", "phase", "OPEN", "q", 0));
		JsonNode refused = error(host);
		assertThat(refused.path("code").asString()).isEqualTo("STALE_COMMAND");
		assertThat(refused.path("ref").asString()).isEqualTo("late-tap");
		assertThat(refused.path("message").asString()).isNotBlank();
		host.send(Map.of("type", "next", "id", "wrong-q", "phase", "CLOSED", "q", 1));
		assertThat(error(host).path("code").asString()).isEqualTo("STALE_COMMAND");

		// The step the host really sees is accepted: from the results to the leaderboard, not beyond.
		host.send(Map.of("type", "next", "id", "ok", "phase", "CLOSED", "q", 0));
		JsonNode done = host.next("done", WAIT);
		assertThat(done.path("ref").asString()).isEqualTo("ok");
		assertThat(host.next("leaderboard", WAIT).path("q").asInt(0)).isZero();
		host.send(Map.of("type", "next", "phase", "LEADERBOARD"));
		assertThat(host.next("question", 1).path("count").asInt()).isEqualTo(2);
	}
}
