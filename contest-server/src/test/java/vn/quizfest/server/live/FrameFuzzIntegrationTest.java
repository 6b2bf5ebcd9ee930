package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A bounded frame fuzzer: 20,000 mutated frames (numbers out of every range, wrong kinds, missing
 * and extra fields, unknown types, cut-off JSON) on player and host sockets, before and after they
 * join, while 20 honest players play a whole game. No frame may produce {@code SERVER_ERROR}, no
 * honest answer may be lost, and the server's log stays small (no stack traces). The per-socket
 * rate and abuse limits are raised here so that every frame reaches the parser and the handlers.
 */
@TestPropertySource(properties = { "quizfest.live.messages-per-second=1000000", "quizfest.live.burst=1000000",
		"quizfest.live.abuse-limit=100000000" })
class FrameFuzzIntegrationTest extends LiveIntegrationSupport {

	private static final int FRAMES = 20_000;

	private static final int HONEST = 20;

	private static final int QUESTIONS = 4;

	private static final long FUZZ_DEADLINE_MILLIS = 180_000;

	private static final List<String> VALUES = List.of("1e400", "-1e400", "2147483648", "-2147483649",
			"9223372036854775808", "-9223372036854775809", "1e19", "3e10", "1.5", "-0", "0", "1", "-1", "1e-400",
			"123456789012345678901234567890123456789012345678901234567890", "\"x\"", "\"\"", "null", "true", "[]",
			"{}", "[1e400]", "[2147483648,0]", "[0,1,2,3]", "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]", "[[[[[[[[]]]]]]]]",
			"[\"a\",1]", "{\"q\":1e400}", "\"\\u0000\"", "\"" + "ệ".repeat(60) + "\"", "\"OPEN\"", "\"LOBBY\"");

	private static final List<String> FIELDS = List.of("type", "t", "v", "q", "choice", "choices", "order", "value",
			"text", "nickname", "pin", "token", "id", "lang", "player", "phase", "game");

	private static final List<String> TYPES = List.of("\"ping\"", "\"join\"", "\"resume\"", "\"answer\"",
			"\"host\"", "\"start\"", "\"next\"", "\"skip\"", "\"pause\"", "\"resume\"", "\"end\"", "\"kick\"",
			"\"dance\"", "\"\"", "7", "null", "[\"ping\"]");

	enum Kind {
		PLAYER_FRESH, PLAYER_JOINED, HOST_FRESH, HOST_AUTHENTICATED
	}

	@Test
	void twentyThousandMutatedFramesBreakNothingWhileTwentyPlayersPlay() throws Exception {
		Created game = createGame(singleChoiceQuiz(QUESTIONS), quickSettings());
		List<Player> honest = new ArrayList<>();
		for (int i = 0; i < HONEST; i++) {
			honest.add(join(game, "Người chơi " + (i + 1)));
		}
		Client host = host(game);
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger nicknames = new AtomicInteger();
		long deadline = System.currentTimeMillis() + FUZZ_DEADLINE_MILLIS;
		ExecutorService fuzzers = Executors.newFixedThreadPool(Kind.values().length);
		List<Future<?>> running = new ArrayList<>();
		try (LogCapture log = new LogCapture()) {
			for (Kind kind : Kind.values()) {
				running.add(fuzzers.submit(() -> fuzz(kind, game, sent, nicknames, deadline)));
			}

			// The honest game, frame by frame, while the fuzzers run.
			command(host, "start");
			for (int q = 0; q < QUESTIONS; q++) {
				for (int i = 0; i < HONEST; i++) {
					Client socket = honest.get(i).socket();
					socket.next("open", q);
					socket.send(answer(q, (i + q) % 2 == 0 ? 0 : 1));
				}
				for (Player player : honest) {
					JsonNode ack = player.socket().next("ack", q);
					assertThat(ack.path("accepted").asBoolean()).as("honest answer %s", ack).isTrue();
				}
				// Fuzzing players come and go, so the question may close by itself once every connected
				// player has answered: a "next" that names the open question cannot skip the next one.
				host.send(Map.of("type", "next", "phase", "OPEN", "q", q));
				JsonNode reply = host.next(f -> "done".equals(f.path("type").asString())
						|| "error".equals(f.path("type").asString()), WAIT, "done or error of next");
				assertThat(reply.path("code").asString("STALE_COMMAND")).as(reply.toString()).isEqualTo("STALE_COMMAND");
				JsonNode closed = host.next("closed", q);
				assertThat(closed.path("answered").asInt()).as("answers to question %d", q).isGreaterThanOrEqualTo(HONEST);
				command(host, "next");
				host.next("leaderboard", q);
				if (q < QUESTIONS - 1) {
					command(host, "next");
				}
			}
			for (Future<?> fuzzer : running) {
				fuzzer.get(FUZZ_DEADLINE_MILLIS + 30_000, TimeUnit.MILLISECONDS);
			}
			command(host, "next");
			host.next("podium");
			for (int i = 0; i < HONEST; i++) {
				int right = 0;
				for (int q = 0; q < QUESTIONS; q++) {
					right += (i + q) % 2 == 0 ? 1 : 0;
				}
				JsonNode last = honest.get(i).socket().next("final");
				assertThat(last.path("correctCount").asInt()).as("right answers of player %d", i + 1).isEqualTo(right);
			}

			assertThat(sent.get()).as("mutated frames sent").isGreaterThanOrEqualTo(FRAMES);
			for (Client socket : sockets) {
				assertThat(socket.socket.raw).as("frames to a socket").noneMatch(f -> f.contains("\"SERVER_ERROR\""));
			}
			assertThat(log.withStackTraces()).as("stack traces logged").isZero();
			assertThat(log.characters()).as("log written during %d frames", sent.get()).isLessThan(50_000);
		}
		finally {
			fuzzers.shutdownNow();
		}
	}

	/** Sends mutated frames of one kind of socket until the shared count is reached; reconnects when closed. */
	private void fuzz(Kind kind, Created game, AtomicInteger sent, AtomicInteger nicknames, long deadline) {
		Random random = new Random(42 + kind.ordinal());
		Client socket = null;
		while (sent.get() < FRAMES && System.currentTimeMillis() < deadline) {
			if (socket == null || socket.socket.isClosed()) {
				socket = open(kind, game, nicknames);
			}
			String frame = mutate(kind, game, random);
			try {
				socket.sendText(frame);
			}
			catch (RuntimeException closedMeanwhile) {
				socket = null; // the server closed it (a refused host, a leave): open another
				continue;
			}
			sent.incrementAndGet();
		}
	}

	private Client open(Kind kind, Created game, AtomicInteger nicknames) {
		return switch (kind) {
			case PLAYER_FRESH -> connect("/ws/play");
			case PLAYER_JOINED -> join(game, "Fuzz " + nicknames.incrementAndGet()).socket();
			case HOST_FRESH -> connect("/ws/host");
			case HOST_AUTHENTICATED -> host(game);
		};
	}

	private static String mutate(Kind kind, Created game, Random random) {
		boolean host = kind == Kind.HOST_FRESH || kind == Kind.HOST_AUTHENTICATED;
		Map<String, String> fields = host ? hostTemplate(game, random) : playerTemplate(game, random);
		int mutations = 1 + random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			List<String> names = new ArrayList<>(fields.keySet());
			switch (random.nextInt(5)) {
				case 0, 1 -> {
					if (!names.isEmpty()) {
						fields.put(names.get(random.nextInt(names.size())), pick(VALUES, random));
					}
				}
				case 2 -> fields.put(pick(FIELDS, random), pick(VALUES, random));
				case 3 -> {
					if (!names.isEmpty()) {
						fields.remove(names.get(random.nextInt(names.size())));
					}
				}
				default -> fields.put("type", pick(TYPES, random));
			}
		}
		if (kind == Kind.HOST_AUTHENTICATED) {
			// A command that names a phase the game is never in is refused as stale: the fuzzing host
			// reaches every handler but cannot start, skip or end the honest game.
			fields.put("phase", "\"FUZZ\"");
		}
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
		String text = json.append('}').toString();
		if (random.nextInt(20) == 0) {
			text = text.substring(0, random.nextInt(text.length())); // cut off: BAD_JSON
		}
		return text;
	}

	private static Map<String, String> playerTemplate(Created game, Random random) {
		Map<String, String> frame = new LinkedHashMap<>();
		String pin = "\"" + game.pin() + "\"";
		switch (random.nextInt(6)) {
			case 0 -> {
				frame.put("type", "\"ping\"");
				frame.put("t", "1795464197195");
			}
			case 1 -> {
				frame.put("type", "\"join\"");
				frame.put("v", "1");
				frame.put("pin", pin);
				frame.put("nickname", "\"Fuzz " + random.nextInt(1_000_000) + "\"");
			}
			case 2 -> {
				frame.put("type", "\"resume\"");
				frame.put("v", "1");
				frame.put("pin", pin);
				frame.put("token", "\"abc\"");
			}
			default -> {
				frame.put("type", "\"answer\"");
				frame.put("q", String.valueOf(random.nextInt(QUESTIONS)));
				String[] answers = { "\"choice\":0", "\"choices\":[0,1]", "\"order\":[0,1,2,3]", "\"value\":3.5",
						"\"text\":\"113\"" };
				String answer = answers[random.nextInt(answers.length)];
				int colon = answer.indexOf(':');
				frame.put(answer.substring(1, colon - 1), answer.substring(colon + 1));
			}
		}
		if (random.nextBoolean()) {
			frame.put("id", String.valueOf(random.nextInt(100)));
		}
		return frame;
	}

	private static Map<String, String> hostTemplate(Created game, Random random) {
		Map<String, String> frame = new LinkedHashMap<>();
		switch (random.nextInt(8)) {
			case 0 -> {
				frame.put("type", "\"host\"");
				frame.put("v", "1");
				frame.put("game", "\"" + game.id() + "\"");
				frame.put("token", "\"not-the-token\"");
			}
			case 1, 2 -> {
				frame.put("type", "\"ping\"");
				frame.put("t", "1795464197195");
			}
			case 3 -> {
				frame.put("type", "\"kick\"");
				frame.put("player", String.valueOf(random.nextInt(40)));
			}
			default -> {
				frame.put("type", pick(List.of("\"next\"", "\"skip\"", "\"pause\"", "\"resume\""), random));
				frame.put("q", String.valueOf(random.nextInt(QUESTIONS)));
			}
		}
		return frame;
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}
}
