package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.spi.ILoggingEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.RealServices;
import vn.quizfest.server.live.cluster.CommandCodec;

/**
 * One rebuild at a time, on the real Redis of the suite, through the real gateway. A game is moved off
 * its node (another node holds its lease for a moment, as a node that took it over and then died would);
 * the node takes it back from Redis, and a test listener slows its replay down past the lease. Meanwhile
 * a rival node tries to take the game exactly as every node's failover round does (free lease: take it):
 * it never gets it, since the rebuilding node renews the takeover lease while it replays. A rebuild whose
 * lease is taken from it stops and leaves the game alone. And while the game is moving, nobody gets
 * {@code SERVER_ERROR} or a final close: messages to the node that gave the game up, a host reconnecting
 * and a player resuming during the rebuild are closed with 4012 (resume elsewhere), and then resume.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=" + LiveIntegrationSupport.ADMIN_PASSWORD,
		"quizfest.questions.load-seed-bank=false", "quizfest.redis.command-timeout=500ms",
		// Shorter than the slowed replay: a resume or host frame nobody answers meets its deadline meanwhile.
		"quizfest.live.join-timeout=" + LiveIntegrationSupport.JOIN_TIMEOUT_MILLIS + "ms",
		// Shorter than the slowed replay below, so only renewals keep the rebuild's lease.
		"quizfest.failover.takeover-lease=" + TakeoverLeaseIntegrationTest.TAKEOVER_LEASE_MILLIS + "ms" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TakeoverLeaseIntegrationTest extends LiveIntegrationSupport {

	static final long TAKEOVER_LEASE_MILLIS = 4_000;

	/** The replay is held up this long: past the lease (3 s) and past the takeover lease. */
	static final Duration SLOW_REPLAY = Duration.ofMillis(3 * TAKEOVER_LEASE_MILLIS);

	static final int PLAYERS = 4;

	@Autowired
	StringRedisTemplate redis;

	@AfterEach
	void noListener() {
		liveGames.onRebuild(gameId -> {
		});
	}

	private record Started(Created game, Client host, List<Player> players, String node) {
	}

	/** A game in its first question, with the first half of the players' answers acknowledged. */
	private Started started() {
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
		for (int i = 0; i < PLAYERS / 2; i++) {
			acknowledged(players.get(i).socket(), 0);
		}
		String node = redis.opsForValue().get(RedisFailover.leaseKey(game.id()));
		assertThat(node).as("the game's node holds its lease").isNotNull();
		return new Started(game, host, players, node);
	}

	private static void acknowledged(Client socket, int q) {
		socket.send(answer(q, 0));
		JsonNode ack = socket.next("ack", q);
		assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isTrue();
	}

	/** Another node holds the game's lease for a moment: this node lets the game go (4012 to its sockets). */
	private void moveAway(Started started, Duration held) {
		redis.opsForValue().set(RedisFailover.leaseKey(started.game().id()), "another-node", held);
		for (Player player : started.players()) {
			assertThat(player.socket().awaitClose(WAIT)).as("resume elsewhere").isEqualTo(4012);
		}
		assertThat(started.host().awaitClose(WAIT)).isEqualTo(4012);
	}

	/** Everybody resumes; the acknowledged answers came back with the rebuild; the rest answer; the question closes. */
	private void everybodyResumesAndTheQuestionCloses(Started started) {
		List<Client> again = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			Client socket = resume(started.game(), started.players().get(i).token());
			assertThat(socket.next("resumed", WAIT).path("player").path("number").asInt())
				.isEqualTo(started.players().get(i).number());
			socket.next("open", 0);
			if (i < PLAYERS / 2) {
				assertThat(socket.next("ack", 0).path("accepted").asBoolean()).as("ack kept").isTrue();
			}
			again.add(socket);
		}
		Client host = host(started.game());
		for (int i = PLAYERS / 2; i < PLAYERS; i++) {
			acknowledged(again.get(i), 0);
		}
		assertThat(host.next("closed", 0).path("answered").asInt()).isEqualTo(PLAYERS);
	}

	/** Waits this long (a rival's rounds, a slow replay): test code only, bounded. */
	private static void pause(Duration time) {
		try {
			new CountDownLatch(1).await(time.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long count(LogCapture log, String text) {
		return log.events.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(text)).count();
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void aReplaySlowedPastTheLeaseIsStillOneTakeoverByOneNode() throws Exception {
		Started started = started();
		String id = started.game().id();
		CountDownLatch replaying = new CountDownLatch(1);
		AtomicInteger rebuilds = new AtomicInteger();
		liveGames.onRebuild(gameId -> {
			if (!gameId.equals(id)) {
				return;
			}
			rebuilds.incrementAndGet();
			replaying.countDown();
			pause(SLOW_REPLAY); // the slow replay: bounded, and only in this test's listener
		});
		RedisFailover rival = new RedisFailover(redis, new CommandCodec(JsonMapper.builder().build()),
				new FailoverSettings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(3),
						Duration.ofSeconds(1), Duration.ofMinutes(5)),
				"rival-node");
		try (LogCapture log = new LogCapture()) {
			moveAway(started, Duration.ofMillis(1_500));
			assertThat(replaying.await(15, TimeUnit.SECONDS)).as("the node begins to rebuild the game").isTrue();
			assertThat(redis.opsForValue().get(RedisFailover.leaseKey(id))).isEqualTo(started.node());

			// While the replay is held up: a rival node's failover rounds (free lease: take it), a host
			// reconnecting and a player resuming through this node.
			Client host = connect("/ws/host");
			host.send(Map.of("type", "host", "v", 1, "game", id, "token", started.game().hostToken()));
			Client early = resume(started.game(), started.players().get(0).token());
			AtomicBoolean rivalTook = new AtomicBoolean();
			long until = System.nanoTime() + SLOW_REPLAY.toNanos();
			for (int round = 0; round < 200 && System.nanoTime() < until && rebuilds.get() == 1
					&& liveGames.byId(id).isEmpty(); round++) {
				if (!rival.leased(id) && rival.acquireForTakeover(id)) {
					rivalTook.set(true);
					break;
				}
				pause(Duration.ofMillis(100)); // a failover round is once a second; this rival tries ten times as often
			}
			assertThat(rivalTook).as("no other node took the lease during the slow rebuild").isFalse();
			// Neither was answered while the game was being rebuilt; at the join timeout both are told to
			// resume elsewhere (4012), never refused (a console told 4005 or 4003 gives up).
			assertThat(host.awaitClose(WAIT)).as("host during the takeover").isEqualTo(4012);
			assertThat(early.awaitClose(WAIT)).as("player during the takeover").isEqualTo(4012);
			assertThat(host.drain()).noneMatch(frame -> "error".equals(frame.path("type").asString()));
			assertThat(early.drain()).noneMatch(frame -> "error".equals(frame.path("type").asString()));

			await().atMost(WAIT).until(() -> liveGames.byId(id).filter(live -> !live.abandoned()).isPresent());
			assertThat(redis.opsForValue().get(RedisFailover.leaseKey(id))).isEqualTo(started.node());
			assertThat(rebuilds).hasValue(1);
			everybodyResumesAndTheQuestionCloses(started);
			assertThat(count(log, "Took over game " + id)).as("one takeover").isEqualTo(1);
			assertThat(count(log, "Gave up rebuilding game " + id)).isZero();
		}
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void aRebuildThatLosesItsLeaseStopsAndLeavesTheGameToTheNodeThatHoldsIt() throws Exception {
		Started started = started();
		String id = started.game().id();
		String lease = RedisFailover.leaseKey(id);
		AtomicInteger rebuilds = new AtomicInteger();
		AtomicBoolean rivalHeld = new AtomicBoolean();
		liveGames.onRebuild(gameId -> {
			if (!gameId.equals(id) || rebuilds.incrementAndGet() > 1) {
				return;
			}
			// Mid-replay, a rival takes the lease (and dies 6 s later). The rebuild must notice and stop; two
			// failover rounds (renew interval 1 s) and more pass before the replay goes on.
			redis.opsForValue().set(lease, "rival-node", Duration.ofSeconds(6));
			pause(Duration.ofMillis(2_500));
			rivalHeld.set("rival-node".equals(redis.opsForValue().get(lease)));
		});
		try (LogCapture log = new LogCapture()) {
			moveAway(started, Duration.ofMillis(1_500));
			await().atMost(Duration.ofSeconds(20)).until(() -> count(log, "Gave up rebuilding game " + id) == 1);
			assertThat(rivalHeld).as("the rebuilding node neither renewed nor released the rival's lease").isTrue();
			assertThat(redis.opsForValue().get(lease)).isEqualTo("rival-node");
			assertThat(liveGames.byId(id)).as("the given-up rebuild is not found here").isEmpty();
			assertThat(count(log, "Took over game " + id)).isZero();

			// The rival is gone when its lease lapses: the node takes the game over, once, and it goes on.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> liveGames.byId(id).filter(live -> !live.abandoned()).isPresent());
			assertThat(rebuilds).hasValue(2);
			everybodyResumesAndTheQuestionCloses(started);
			assertThat(count(log, "Took over game " + id)).isEqualTo(1);
		}
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void answersAndHostCommandsToTheNodeThatGaveTheGameUpAreClosedWith4012NeverServerError() {
		Started started = started();
		String id = started.game().id();
		try (LogCapture log = new LogCapture()) {
			// Another node holds the lease from now on (and dies 6 s later); the next answers reach this node
			// before or after its failover round notices: either way they are told to resume elsewhere.
			redis.opsForValue().set(RedisFailover.leaseKey(id), "another-node", Duration.ofSeconds(6));
			for (int i = PLAYERS / 2; i < PLAYERS; i++) {
				started.players().get(i).socket().send(answer(0, 0));
			}
			started.host().send(Map.of("type", "pause"));
			for (Player player : started.players()) {
				assertThat(player.socket().awaitClose(WAIT)).isEqualTo(4012);
				assertThat(player.socket().drain()).as("no SERVER_ERROR, no ack from a node that lost the game")
					.noneMatch(frame -> "error".equals(frame.path("type").asString())
							|| "ack".equals(frame.path("type").asString()));
			}
			assertThat(started.host().awaitClose(WAIT)).isEqualTo(4012);
			assertThat(started.host().drain()).noneMatch(frame -> "error".equals(frame.path("type").asString()));
			assertThat(log.events).noneMatch(event -> event.getFormattedMessage().contains("SERVER_ERROR"));

			// Once the other node is gone, this one takes the game over and everybody resumes.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> liveGames.byId(id).filter(live -> !live.abandoned()).isPresent());
			everybodyResumesAndTheQuestionCloses(started);
		}
	}
}
