package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Numbers no field can hold ({@code 1e400}, 2^31 for an int, 2^63 for a clock) are malformed frames:
 * {@code BAD_FRAME}, the socket stays usable and nothing reaches the log as a stack trace. Before,
 * Jackson's {@code asInt()} threw on them and every one cost a {@code SERVER_ERROR} and 4.7 KB of log.
 */
class OutOfRangeNumbersIntegrationTest extends LiveIntegrationSupport {

	private static final String INT_OVER = "2147483648";

	private static final String INT_UNDER = "-2147483649";

	private static final String LONG_OVER = "9223372036854775808";

	@Test
	void outOfRangeNumbersOnThePlayerSocketGetBadFrameBeforeAndAfterJoining() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		try (LogCapture log = new LogCapture()) {
			Client fresh = connect("/ws/play");
			assertBadFrames(fresh, List.of("{\"type\":\"ping\",\"t\":1e400}", "{\"type\":\"ping\",\"t\":-1e400}",
					"{\"type\":\"ping\",\"t\":" + LONG_OVER + "}", "{\"type\":\"ping\",\"t\":3e19}",
					"{\"type\":\"join\",\"v\":" + INT_OVER + ",\"pin\":\"" + game.pin() + "\",\"nickname\":\"Lan\"}",
					"{\"type\":\"resume\",\"v\":1e400,\"pin\":\"" + game.pin() + "\",\"token\":\"x\"}"));

			Player lan = join(game, "Lan");
			Client host = host(game);
			command(host, "start");
			lan.socket().next("open", 0);
			assertBadFrames(lan.socket(), List.of("{\"type\":\"answer\",\"q\":" + INT_OVER + ",\"choice\":0}",
					"{\"type\":\"answer\",\"q\":" + INT_UNDER + ",\"choice\":0}",
					"{\"type\":\"answer\",\"q\":1e400,\"choice\":0}",
					"{\"type\":\"answer\",\"q\":0,\"choice\":" + INT_OVER + "}",
					"{\"type\":\"answer\",\"q\":0,\"choice\":" + LONG_OVER + "0}",
					"{\"type\":\"answer\",\"q\":0,\"choices\":[0," + INT_OVER + "]}",
					"{\"type\":\"answer\",\"q\":0,\"order\":[1,0,-1e400]}",
					"{\"type\":\"answer\",\"q\":0,\"value\":1e400}", "{\"type\":\"ping\",\"t\":1e400}"));

			// Nothing was lost: the same player still answers, and the answer counts.
			lan.socket().send(answer(0, 0));
			assertThat(lan.socket().next("ack", 0).path("accepted").asBoolean()).isTrue();
			assertThat(log.withStackTraces()).as("stack traces logged").isZero();
		}
	}

	@Test
	void outOfRangeNumbersOnTheHostSocketGetBadFrameBeforeAndAfterAuthenticating() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Player lan = join(game, "Lan");
		try (LogCapture log = new LogCapture()) {
			Client fresh = connect("/ws/host");
			assertBadFrames(fresh, List.of("{\"type\":\"ping\",\"t\":1e400}",
					"{\"type\":\"host\",\"v\":" + INT_OVER + ",\"game\":\"" + game.id() + "\",\"token\":\"x\"}"));

			Client host = host(game);
			assertBadFrames(host, List.of("{\"type\":\"kick\",\"player\":" + INT_OVER + "}",
					"{\"type\":\"next\",\"q\":" + LONG_OVER + "}", "{\"type\":\"pause\",\"q\":-1e400}",
					"{\"type\":\"ping\",\"t\":" + LONG_OVER + "}"));
			// The game did not move and the player is still in it.
			command(host, "start");
			assertThat(lan.socket().next("open", 0).path("q").asInt()).isZero();
			assertThat(log.withStackTraces()).as("stack traces logged").isZero();
		}
	}

	@Test
	void numbersInRangeKeepTheirMeaning() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client fresh = connect("/ws/play");
		fresh.sendText("{\"type\":\"ping\",\"t\":1.5e12}");
		assertThat(fresh.next("pong", WAIT).path("t").asLong()).isEqualTo(1_500_000_000_000L);
		fresh.sendText("{\"type\":\"ping\",\"t\":-9223372036854775808}");
		assertThat(fresh.next("pong", WAIT).path("t").asLong()).isEqualTo(Long.MIN_VALUE);
		Player lan = join(game, "Lan");
		Client host = host(game);
		command(host, "start");
		lan.socket().next("open", 0);
		// A choice that is a number of the wrong kind is still an answer without a choice.
		lan.socket().sendText("{\"type\":\"answer\",\"q\":0,\"choice\":1.5}");
		JsonNode ack = lan.socket().next("ack", 0);
		assertThat(ack.path("accepted").asBoolean()).isFalse();
		lan.socket().sendText("{\"type\":\"answer\",\"q\":0,\"choice\":2147483647}");
		assertThat(lan.socket().next("ack", 0).path("accepted").asBoolean()).isFalse();
		lan.socket().send(answer(0, 0));
		assertThat(lan.socket().next("ack", 0).path("accepted").asBoolean()).isTrue();
	}

	/** Each frame gets BAD_FRAME (never SERVER_ERROR) and the socket answers a ping after it. */
	private static void assertBadFrames(Client socket, List<String> frames) {
		for (String frame : frames) {
			socket.sendText(frame);
			JsonNode error = error(socket);
			assertThat(error.path("code").asString()).as(frame).isEqualTo("BAD_FRAME");
			assertThat(error.path("message").asString()).as(frame).isNotBlank();
		}
		socket.send(Map.of("type", "ping", "t", 7));
		assertThat(socket.next("pong", WAIT).path("t").asLong()).isEqualTo(7);
	}
}
