package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.RealServices;

/**
 * Failover on a Redis of the test's own. First, Redis restarted in the middle of a question, with the persistence docs/operations.md asks for (AOF,
 * fsync every second). The test runs a Redis of its own (the Debian package's redis-server, a free
 * 127.0.0.1 port, a temporary folder), a cluster-shape server on it, and stops Redis with SIGTERM while
 * a question is open, then starts it again on the same port and folder. Answers sent while Redis is
 * down are acknowledged (the journal keeps them in memory and writes them when Redis is back); the game
 * goes on, every acknowledged answer is stored, the PIN and the organiser's session are still there
 * (loaded from the AOF), and no socket is closed with 4012: no other node took the game, so its lease,
 * lapsed while Redis was down, is taken again by its own node. Second, a takeover after a closed
 * question, rebuilt from the journal's checkpoint and tail through the real gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=" + LiveIntegrationSupport.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false",
		// The default of a real deployment (the suite's 5 s would make each command during the outage wait 5 s).
		"quizfest.redis.command-timeout=500ms" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OwnRedisFailoverIntegrationTest extends LiveIntegrationSupport {

	static final int PLAYERS = 6;

	/** Longer than the lease, shorter than the 5 s restart. */
	static final long OUTAGE_MILLIS = 4_000;

	/** Redis's own start, stop and restart; the brief outage of a restart is what the test is about. */
	static final Duration REDIS_START = Duration.ofSeconds(15);

	static final OwnRedis REDIS = new OwnRedis();

	@DynamicPropertySource
	static void ownRedis(DynamicPropertyRegistry registry) {
		registry.add("quizfest.redis.url", REDIS::url);
	}

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	/** The server's context is closed after this (it is not reused by other classes: it names this Redis). */
	@AfterAll
	static void stopRedis() {
		REDIS.stop();
		REDIS.deleteFolder();
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void aRedisRestartMidQuestionLosesNoAcknowledgedAnswerAndTheGameGoesOn() throws Exception {
		assertThat(REDIS.info("aof_enabled")).as("AOF on").isEqualTo("1");
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		command(host, "start");
		for (Player player : players) {
			player.socket().next("open", 0);
		}
		// Two answers before the restart, two while Redis is down, two after it is back.
		for (int i = 0; i < 2; i++) {
			acknowledged(players.get(i), 0, i % 2);
		}
		String holder = redis.opsForValue().get(RedisFailover.leaseKey(game.id()));
		assertThat(holder).as("the game's node holds its lease").isNotNull();
		long stoppedAt = System.nanoTime();
		REDIS.stop();
		for (int i = 2; i < 4; i++) {
			acknowledged(players.get(i), 0, i % 2);
		}
		// Down longer than the lease (3 s): the lease the AOF brings back has lapsed.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> System.nanoTime() - stoppedAt > Duration.ofMillis(OUTAGE_MILLIS).toNanos());
		REDIS.start();
		long startedAt = System.nanoTime();
		long outageMillis = TimeUnit.NANOSECONDS.toMillis(startedAt - stoppedAt);
		// The node's client reconnects by itself (its retries are at most a second apart).
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
			.until(() -> game.id().equals(redis.opsForValue().get("quiz:pin:" + game.pin())));
		long reconnectMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
		System.out.println("Redis was down for " + outageMillis + " ms; the node's client was back " + reconnectMillis
				+ " ms after Redis");
		assertThat(outageMillis).as("a restart of about 5 s").isBetween(OUTAGE_MILLIS, 8_000L);

		// What Redis kept over the restart: the PIN, the organiser's session, the game's journal.
		assertThat(redis.opsForValue().get("quiz:pin:" + game.pin())).isEqualTo(game.id());
		assertThat(new ApiClient(port).get("/api/pins/" + game.pin()).status()).isEqualTo(200);
		ApiClient.Response me = organiser.get("/api/auth/me");
		assertThat(me.status()).as("the organiser's session survived: %s", me.body()).isEqualTo(200);
		assertThat(me.body().path("username").asString()).isEqualTo("admin");

		// The game goes on: the rest answer, the question closes early, every phone hears its result.
		for (int i = 4; i < PLAYERS; i++) {
			acknowledged(players.get(i), 0, i % 2);
		}
		JsonNode closed = host.next("closed", 0);
		assertThat(closed.path("answered").asInt()).isEqualTo(PLAYERS);
		for (Player player : players) {
			player.socket().next("outcome", 0);
		}
		// The node still drives the game: it took its lapsed lease again, and nobody was moved.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> liveGames.byId(game.id()).map(live -> !live.abandoned()).orElse(false)
					&& holder.equals(redis.opsForValue().get(RedisFailover.leaseKey(game.id()))));
		for (Player player : players) {
			assertThat(player.socket().isClosed()).as("no socket closed (no 4012): nobody else took the game").isFalse();
		}
		assertThat(host.isClosed()).isFalse();
		// The close folded the journal into the checkpoint: the answers sent while Redis was down are in it.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> redis.opsForStream().size(RedisFailover.journalKey(game.id())) == 0);
		String checkpoint = redis.opsForValue().get(RedisFailover.checkpointKey(game.id()));
		assertThat(checkpoint).isNotNull();
		// In the order they were acknowledged, the ones queued in memory during the outage included.
		assertThat(checkpoint.lines()
			.filter(line -> line.contains("\"k\":\"answer\""))
			.map(line -> line.replaceAll(".*\"p\":(\\d+).*", "$1"))
			.toList()).containsExactly("1", "2", "3", "4", "5", "6");

		command(host, "next");
		host.next("leaderboard", 0);
		command(host, "next");
		for (int i = 0; i < PLAYERS; i++) {
			players.get(i).socket().next("open", 1);
		}
		for (int i = 0; i < PLAYERS; i++) {
			acknowledged(players.get(i), 1, 0);
		}
		host.next("closed", 1);
		command(host, "next");
		host.next("leaderboard", 1);
		command(host, "next");
		host.next("podium", WAIT);

		// Every acknowledged answer is stored: question 0's (the outage's included) and question 1's.
		await().atMost(WAIT).until(() -> stored(game.id()) >= 2L * PLAYERS);
		assertThat(stored(game.id())).isEqualTo(2L * PLAYERS);
		// Right answers (option 0): question 0 for the even players, question 1 for everybody.
		List<Integer> right = jdbc
			.sql("SELECT player_number FROM game_answer WHERE game_id = ? AND position = 0 AND points > 0 "
					+ "ORDER BY player_number")
			.param(game.id())
			.query(Integer.class)
			.list();
		assertThat(right).containsExactly(1, 3, 5);
		command(host, "next");
		for (Player player : players) {
			assertThat(player.socket().awaitClose(Duration.ofSeconds(10))).as("the end of the game").isEqualTo(4000);
		}
	}

	/**
	 * A takeover after a closed question, through the real gateway: the game is rebuilt from its checkpoint
	 * (question 0, folded at its close) and the stream's tail (the host's steps and the answers of question
	 * 1 so far). Another node takes the game's lease for a moment (as a node that took it over and then died
	 * would): the node closes its sockets with 4012, the lease lapses, the node takes the game again from
	 * Redis, and the players and host resume with their tokens. Nothing acknowledged is lost.
	 */
	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void aGameTakenOverAfterAClosedQuestionIsRebuiltFromItsCheckpointAndTail() {
		Created game = createGame(singleChoiceQuiz(2), quickSettings());
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Người chơi " + (i + 1)));
		}
		command(host, "start");
		for (Player player : players) {
			player.socket().next("open", 0);
		}
		// Question 0: the even players right (option 0), the others wrong.
		for (int i = 0; i < PLAYERS; i++) {
			acknowledged(players.get(i), 0, i % 2 == 0 ? 0 : 1);
		}
		host.next("closed", 0);
		command(host, "next");
		host.next("leaderboard", 0);
		command(host, "next");
		for (Player player : players) {
			player.socket().next("open", 1);
		}
		// Question 1: half have answered when the game moves.
		for (int i = 0; i < PLAYERS / 2; i++) {
			acknowledged(players.get(i), 1, 0);
		}
		// The fold runs off the game's lock, right after the close.
		await().atMost(WAIT).until(() -> redis.hasKey(RedisFailover.checkpointKey(game.id())));
		String checkpoint = redis.opsForValue().get(RedisFailover.checkpointKey(game.id()));
		assertThat(checkpoint.lines().filter(line -> line.contains("\"k\":\"answer\"")).count()).isEqualTo(PLAYERS);
		Long tail = redis.opsForStream().size(RedisFailover.journalKey(game.id()));
		assertThat(tail).as("the tail: the host's steps, timer steps and question 1's answers").isBetween(3L, 20L);
		// Beside the checkpoint, the state snapshot of question 0's close: the takeover replays only the tail.
		assertThat(redis.hasKey(RedisFailover.snapshotKey(game.id()))).isTrue();

		// Another node holds the lease for two seconds, then is gone.
		LiveGame before = live(game);
		try (LogCapture log = new LogCapture()) {
			redis.opsForValue().set(RedisFailover.leaseKey(game.id()), "another-node", Duration.ofSeconds(2));
			for (Player player : players) {
				assertThat(player.socket().awaitClose(WAIT)).as("resume elsewhere").isEqualTo(4012);
			}
			assertThat(host.awaitClose(WAIT)).isEqualTo(4012);
			await().atMost(Duration.ofSeconds(15))
				.until(() -> liveGames.byId(game.id()).filter(live -> live != before && !live.abandoned()).isPresent());
			assertThat(log.events.stream().map(event -> event.getFormattedMessage()))
				.as("the takeover restored the snapshot and replayed the tail alone")
				.anyMatch(line -> line.startsWith("Took over game " + game.id()) && line.contains(" " + tail
						+ " journal entries replayed (the snapshot of the last close and the entries after it)"));
		}

		// Everybody resumes with the token; the answers of question 1 came back from the tail.
		List<Client> again = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			Client socket = resume(game, players.get(i).token());
			assertThat(socket.next("resumed", WAIT).path("player").path("number").asInt())
				.isEqualTo(players.get(i).number());
			socket.next("open", 1);
			if (i < PLAYERS / 2) {
				assertThat(socket.next("ack", 1).path("accepted").asBoolean()).as("ack from the tail").isTrue();
			}
			again.add(socket);
		}
		Client hostAgain = host(game);
		for (int i = PLAYERS / 2; i < PLAYERS; i++) {
			acknowledged(again.get(i), 1, 0);
		}
		JsonNode closed = hostAgain.next("closed", 1);
		assertThat(closed.path("answered").asInt()).isEqualTo(PLAYERS);
		// The taking node's own first close: its snapshot folds exactly the stream it found and its own
		// entries up to the close, and the stream is empty again.
		await().atMost(WAIT).until(() -> redis.opsForStream().size(RedisFailover.journalKey(game.id())) == 0);
		assertThat(redis.opsForValue().get(RedisFailover.snapshotKey(game.id()))).contains("\"current\":1");
		command(hostAgain, "next");
		hostAgain.next("leaderboard", 1);
		command(hostAgain, "next");
		hostAgain.next("podium", WAIT);
		// Scores from the checkpoint's question and the tail's: 2 right answers for the even players, 1 for the rest.
		for (int i = 0; i < PLAYERS; i++) {
			JsonNode last = again.get(i).next("final", WAIT);
			assertThat(last.path("correctCount").asInt()).as("player %d", i + 1).isEqualTo(i % 2 == 0 ? 2 : 1);
		}
		await().atMost(WAIT).until(() -> stored(game.id()) >= 2L * PLAYERS);
		assertThat(stored(game.id())).isEqualTo(2L * PLAYERS);
		command(hostAgain, "next");
	}

	private static void acknowledged(Player player, int q, int choice) {
		acknowledged(player.socket(), q, choice);
	}

	private static void acknowledged(Client socket, int q, int choice) {
		socket.send(answer(q, choice));
		JsonNode ack = socket.next("ack", q);
		assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isTrue();
	}

	private long stored(String gameId) {
		return jdbc.sql("SELECT COUNT(*) FROM game_answer WHERE game_id = ?").param(gameId).query(Long.class).single();
	}

	/**
	 * A redis-server of the test's own, with AOF every second, a random password, on a free port of
	 * 127.0.0.1 and in a temporary folder; started on first use, restarted on the same port and folder.
	 */
	static final class OwnRedis {

		private final String password = HexFormat.of().formatHex(randomBytes());

		private int port;

		private Path folder;

		private Process process;

		synchronized String url() {
			if (process == null) {
				try {
					folder = Files.createTempDirectory("quizfest-redis-restart");
					port = freePort();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				start();
			}
			return "redis://:" + password + "@127.0.0.1:" + port;
		}

		synchronized void start() {
			List<String> command = List.of(redisServer(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--dir", folder.toString(), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
					"--requirepass", password, "--daemonize", "no", "--logfile", folder.resolve("redis.log").toString());
			try {
				process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(folder.resolve("redis.out").toFile())
					.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("redis-server (the Debian package) is needed for this test", ex);
			}
			await().atMost(REDIS_START).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("redis-server exited: " + Files.readString(folder.resolve("redis.log")));
				}
				return "PONG".equals(ping()) && !"1".equals(info("loading"));
			});
		}

		/** SIGTERM: Redis writes what its AOF buffer holds and exits, as a service restart does. */
		synchronized void stop() {
			if (process == null || !process.isAlive()) {
				return;
			}
			process.destroy();
			try {
				if (!process.waitFor(REDIS_START.toSeconds(), TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void deleteFolder() {
			if (folder == null) {
				return;
			}
			try (Stream<Path> files = Files.walk(folder)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException ignored) {
				// A temporary folder: the system cleans it up.
			}
		}

		private String ping() {
			RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
				.withPassword(password.toCharArray()).withTimeout(Duration.ofSeconds(2)).build());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				return connection.sync().ping();
			}
			finally {
				client.shutdown(0, 2, TimeUnit.SECONDS);
			}
		}

		String info(String field) {
			RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
				.withPassword(password.toCharArray()).withTimeout(Duration.ofSeconds(2)).build());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				return connection.sync().info().lines()
					.filter(line -> line.startsWith(field + ":"))
					.map(line -> line.substring(field.length() + 1).trim())
					.findFirst()
					.orElse(null);
			}
			finally {
				client.shutdown(0, 2, TimeUnit.SECONDS);
			}
		}

		private static byte[] randomBytes() {
			byte[] bytes = new byte[16];
			new java.security.SecureRandom().nextBytes(bytes);
			return bytes;
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

		private static String redisServer() {
			for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
				if (Files.isExecutable(Path.of(candidate))) {
					return candidate;
				}
			}
			return "redis-server";
		}
	}
}
