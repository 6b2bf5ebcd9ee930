package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.game.Decision;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameFormatKind;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.Nicknames;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.game.TeamScore;
import vn.quizfest.server.game.TeamSettings;
import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.format.buzzer.BuzzerFormat;
import vn.quizfest.server.game.format.buzzer.BuzzerRound;
import vn.quizfest.server.game.format.buzzer.BuzzerRound.Kind;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.EliminationSettings;
import vn.quizfest.server.live.cluster.CommandCodec;

/**
 * The journal's checkpoint at each question close, against the suite's real Redis. The owner journals
 * the commands of a seeded random game (the rule {@link LiveGame} applies: refusals and idle ticks are
 * left out) and checkpoints at every close; another node then takes the game over from checkpoint +
 * tail. In every format (classic, elimination, buzzer, team play) the rebuilt engine has the same
 * standings, players, phase and format state as the original and as a replay of the whole journal, and
 * it goes on to the same end. A long game (30 questions, 50 players) keeps its stream bounded: after
 * each close it is empty, in between it holds exactly the entries since the checkpoint.
 */
class JournalCheckpointIntegrationTest {

	private static final FailoverSettings SETTINGS = new FailoverSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
			Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMinutes(5));

	private static final long START = 5_000_000L;

	private static final CommandCodec CODEC = new CommandCodec(JsonMapper.builder().build());

	private static LettuceConnectionFactory factory;

	private static StringRedisTemplate redis;

	enum Shape {
		CLASSIC, ELIMINATION, BUZZER, TEAMS
	}

	@BeforeAll
	static void connect() {
		factory = SuiteRedis.connect();
		redis = new StringRedisTemplate(factory);
	}

	@AfterAll
	static void disconnect() {
		factory.destroy();
	}

	private static RedisFailover node(String name) {
		return new RedisFailover(redis, CODEC, SETTINGS, name + "-" + UUID.randomUUID());
	}

	private static long streamLength(String game) {
		Long size = redis.opsForStream().size(RedisFailover.journalKey(game));
		return size == null ? 0 : size;
	}

	static Stream<Arguments> shapesAndSeeds() {
		List<Arguments> all = new ArrayList<>();
		for (Shape shape : Shape.values()) {
			for (long seed : new long[] { 1, 7, 42 }) {
				all.add(Arguments.of(shape, seed));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("shapesAndSeeds")
	void aTakeoverAfterSeveralClosesRebuildsTheSameGameFromCheckpointAndTail(Shape shape, long seed) {
		String id = "checkpoint-" + UUID.randomUUID();
		RedisFailover owner = node("owner");
		RedisFailover taker = node("taker");
		Game original = newGame(shape, id);
		assertThat(owner.acquire(id)).isTrue();
		owner.created(id, START);
		Journal journal = new Journal(owner, id);
		Driver driver = new Driver(shape, new Random(seed), START);

		// Until a few questions have closed, and the game is somewhere in the next one.
		driver.play(original, command -> journal.send(original, command, driver.now), () -> journal.closes >= 3
				&& (journal.sinceCheckpoint > 0 || original.phase() == Phase.ENDED));
		assertThat(journal.closes).as("questions closed before the takeover").isGreaterThanOrEqualTo(3);
		assertThat(streamLength(id)).as("the stream holds what came after the last checkpoint")
			.isEqualTo(journal.sinceCheckpoint);
		assertThat(journal.all.size()).as("the checkpoint holds the rest").isGreaterThan(journal.sinceCheckpoint + 10);

		// The owner is gone: its lease lapses and another node takes the game.
		redis.delete(RedisFailover.leaseKey(id));
		assertThat(taker.acquire(id)).isTrue();
		List<Failover.Entry> read = taker.journal(id);
		assertThat(encoded(read)).as("checkpoint + tail, entry by entry").isEqualTo(encoded(journal.all));
		Game rebuilt = replay(newGame(shape, id), read);
		Game fromWholeJournal = replay(newGame(shape, id), journal.all);
		assertSameGame(rebuilt, original);
		assertSameGame(fromWholeJournal, original);
		assertThat(original.standings()).isNotEmpty();
		// Not vacuous: the tail alone (the stream without its checkpoint) is a different game.
		List<Failover.Entry> tailOnly = new ArrayList<>(List.of(new Failover.Entry(null, START)));
		tailOnly.addAll(journal.all.subList(journal.all.size() - journal.sinceCheckpoint, journal.all.size()));
		assertThat(players(replay(newGame(shape, id), tailOnly))).isNotEqualTo(players(original));
		// The node that lost the lease can neither append nor fold any more.
		assertThat(owner.checkpoint(id)).isEqualTo(-1);
		assertThat(owner.append(id, new GameCommand.Tick(), driver.now)).isEqualTo(Failover.Append.LOST);

		// The taker drives the rebuilt game to its end; the original, given the same commands, ends alike.
		Journal next = new Journal(taker, id);
		next.all.clear();
		next.all.addAll(read);
		next.sinceCheckpoint = journal.sinceCheckpoint;
		driver.play(rebuilt, command -> {
			Decision decision = next.send(rebuilt, command, driver.now);
			original.handle(command, driver.now);
			return decision;
		}, () -> false);
		assertThat(rebuilt.phase()).isEqualTo(Phase.ENDED);
		assertSameGame(rebuilt, original);
		assertThat(encoded(node("late").journal(id))).isEqualTo(encoded(next.all));
		taker.forget(id);
		assertThat(redis.hasKey(RedisFailover.checkpointKey(id))).isFalse();
	}

	@Test
	void theStreamStaysBoundedOverALongGame() {
		int questions = 30;
		int players = 50;
		String id = "long-" + UUID.randomUUID();
		RedisFailover owner = node("owner");
		List<GameQuestion> list = new ArrayList<>();
		for (int q = 0; q < questions; q++) {
			list.add(single(q, q % 4));
		}
		GameSettings settings = GameSettings.defaults().withPreview(0, 0);
		Game game = Game.create(id, list, settings, Nicknames.standard(), START);
		assertThat(owner.acquire(id)).isTrue();
		owner.created(id, START);
		Journal journal = new Journal(owner, id);
		long[] now = { START };
		Function<GameCommand, Decision> send = command -> journal.send(game, command, now[0]);
		for (int i = 1; i <= players; i++) {
			send.apply(new GameCommand.Join("Người " + i, "token-" + i));
		}
		long longest = 0;
		for (int q = 0; q < questions; q++) {
			send.apply(GameCommand.Host.of(q == 0 ? HostAction.START : HostAction.NEXT));
			while (game.phase() != Phase.OPEN) {
				now[0] = Math.max(now[0] + 1, game.nextDeadline());
				send.apply(new GameCommand.Tick());
			}
			int closesBefore = journal.closes;
			for (int p = 1; p <= players; p++) {
				now[0] += 37;
				send.apply(new GameCommand.Answer(p, q, Submission.choice((p + q) % 4)));
				send.apply(new GameCommand.Tick());
				if (journal.closes == closesBefore) {
					assertThat(streamLength(id)).as("entries since the checkpoint, question %d", q)
						.isEqualTo(journal.sinceCheckpoint).isPositive();
					longest = Math.max(longest, streamLength(id));
				}
			}
			assertThat(journal.closes).as("everybody answered: question %d closed", q).isEqualTo(closesBefore + 1);
			assertThat(streamLength(id)).as("after the close of question %d", q).isZero();
			send.apply(GameCommand.Host.of(HostAction.NEXT));
		}
		int total = journal.all.size();
		System.out.println("Long game: " + total + " journal entries, stream at most " + longest
				+ " entries, checkpoint " + redis.opsForValue().size(RedisFailover.checkpointKey(id)) + " bytes");
		// An answer and the tick after it (the answer count the host screen shows) for each player.
		assertThat(longest).as("one question's commands at most").isLessThanOrEqualTo(2L * players + 2);
		assertThat(total).isGreaterThan(questions * players);

		long started = System.nanoTime();
		List<Failover.Entry> read = node("taker").journal(id);
		Game rebuilt = replay(Game.create(id, list, settings, Nicknames.standard(), START), read);
		System.out.println("Long game: checkpoint + tail read and replayed in "
				+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
		assertThat(encoded(read)).isEqualTo(encoded(journal.all));
		assertSameGame(rebuilt, game);
		assertThat(rebuilt.standings()).hasSize(players);
		owner.forget(id);
	}

	@Test
	void aCheckpointWithNothingNewFoldsNothingAndAJournalWithoutCheckpointIsTheStream() {
		String id = "empty-" + UUID.randomUUID();
		RedisFailover owner = node("owner");
		assertThat(owner.acquire(id)).isTrue();
		owner.created(id, START);
		assertThat(owner.journal(id)).containsExactly(new Failover.Entry(null, START));
		assertThat(owner.checkpoint(id)).isEqualTo(1);
		assertThat(owner.checkpoint(id)).as("nothing new since").isZero();
		assertThat(streamLength(id)).isZero();
		assertThat(owner.journal(id)).containsExactly(new Failover.Entry(null, START));
		assertThat(redis.getExpire(RedisFailover.checkpointKey(id))).as("kept as long as the journal").isPositive();
		owner.forget(id);
	}


	// ---- the snapshot at each close ----

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("shapesAndSeeds")
	void aTakeoverRestoresTheSnapshotOfTheLastCloseAndReplaysOnlyTheEntriesAfterIt(Shape shape, long seed) {
		String id = "snapshot-" + UUID.randomUUID();
		RedisFailover owner = node("owner");
		RedisFailover taker = node("taker");
		Game original = newGame(shape, id);
		assertThat(owner.acquire(id)).isTrue();
		owner.created(id, START);
		Journal journal = new Journal(owner, id).withSnapshots();
		Driver driver = new Driver(shape, new Random(seed), START);
		driver.play(original, command -> journal.send(original, command, driver.now), () -> journal.closes >= 3
				&& (journal.sinceCheckpoint > 0 || original.phase() == Phase.ENDED));
		assertThat(journal.closes).isGreaterThanOrEqualTo(3);

		redis.delete(RedisFailover.leaseKey(id));
		assertThat(taker.acquire(id)).isTrue();
		Failover.Saved saved = taker.saved(id);
		assertThat(saved.unreadable()).isNull();
		assertThat(saved.snapshot()).as("the snapshot of the last close").isNotNull();
		assertThat(saved.stream()).as("only the entries after the last close are replayed")
			.hasSize(journal.sinceCheckpoint);
		assertThat(encoded(saved.stream()))
			.isEqualTo(encoded(journal.all.subList(journal.all.size() - journal.sinceCheckpoint, journal.all.size())));
		Game rebuilt = Game.restore(id, newGame(shape, id).questions(), original.settings(), Nicknames.standard(),
				saved.snapshot());
		for (Failover.Entry entry : saved.stream()) {
			rebuilt.handle(entry.command(), entry.now());
		}
		assertSameGame(rebuilt, original);
		assertThat(rebuilt.snapshot()).isEqualTo(original.snapshot());
		// The checkpoint is still the whole journal before the stream: the fallback replays to the same game.
		assertThat(encoded(taker.journal(id))).isEqualTo(encoded(journal.all));
		assertSameGame(replay(newGame(shape, id), taker.journal(id)), original);

		// The node that lost the lease can store no snapshot (nor fold, nor append).
		String before = redis.opsForValue().get(RedisFailover.snapshotKey(id));
		long streamBefore = streamLength(id);
		assertThat(owner.snapshot(id, 1, driver.now, original.snapshot())).isEqualTo(-1);
		assertThat(redis.opsForValue().get(RedisFailover.snapshotKey(id))).isEqualTo(before);
		assertThat(streamLength(id)).isEqualTo(streamBefore);
		assertThat(owner.append(id, new GameCommand.Tick(), driver.now)).isEqualTo(Failover.Append.LOST);

		// The taker drives the rebuilt game to its end, with its own snapshots; the original alike.
		Journal next = new Journal(taker, id).withSnapshots();
		next.all.clear();
		next.all.addAll(journal.all);
		next.sinceCheckpoint = journal.sinceCheckpoint;
		driver.play(rebuilt, command -> {
			Decision decision = next.send(rebuilt, command, driver.now);
			original.handle(command, driver.now);
			return decision;
		}, () -> false);
		assertThat(rebuilt.phase()).isEqualTo(Phase.ENDED);
		assertSameGame(rebuilt, original);
		Failover.Saved last = node("late").saved(id);
		Game again = Game.restore(id, newGame(shape, id).questions(), original.settings(), Nicknames.standard(),
				last.snapshot());
		for (Failover.Entry entry : last.stream()) {
			again.handle(entry.command(), entry.now());
		}
		assertSameGame(again, original);
		taker.forget(id);
		assertThat(redis.hasKey(RedisFailover.snapshotKey(id))).isFalse();
	}

	@Test
	void aSnapshotThatCannotBeReadOrRestoredLeavesTheWholeJournalToReplay() {
		String id = "unreadable-" + UUID.randomUUID();
		RedisFailover owner = node("owner");
		Game original = newGame(Shape.TEAMS, id);
		assertThat(owner.acquire(id)).isTrue();
		owner.created(id, START);
		Journal journal = new Journal(owner, id).withSnapshots();
		Driver driver = new Driver(Shape.TEAMS, new Random(11), START);
		driver.play(original, command -> journal.send(original, command, driver.now),
				() -> journal.closes >= 2 && journal.sinceCheckpoint > 0);
		String good = redis.opsForValue().get(RedisFailover.snapshotKey(id));
		assertThat(good).isNotNull();
		RedisFailover taker = node("taker");

		// Damaged: not JSON, or no time in front.
		redis.opsForValue().set(RedisFailover.snapshotKey(id), good.substring(0, good.length() / 2));
		Failover.Saved damaged = taker.saved(id);
		assertThat(damaged.snapshot()).isNull();
		assertThat(damaged.unreadable()).isNotBlank();
		assertThat(damaged.stream()).hasSize(journal.sinceCheckpoint);
		redis.opsForValue().set(RedisFailover.snapshotKey(id), "{\"version\":1}");
		assertThat(taker.saved(id).unreadable()).isNotBlank();

		// Of another version: read, but not restored.
		GameSnapshot newer = CODEC.decodeSnapshot(good.substring(good.indexOf('\n') + 1));
		newer = new GameSnapshot(GameSnapshot.VERSION + 1, newer.format(), newer.roster(), newer.hosted(), null, null);
		redis.opsForValue().set(RedisFailover.snapshotKey(id), driver.now + "\n" + CODEC.encodeSnapshot(newer));
		GameSnapshot read = taker.saved(id).snapshot();
		assertThat(read).isNotNull();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> Game.restore(id, original.questions(), original.settings(), Nicknames.standard(),
					read))
			.isInstanceOf(GameSnapshot.Unrestorable.class);

		// Either way the whole journal (checkpoint + stream) is there and rebuilds the same game.
		assertThat(encoded(taker.journal(id))).isEqualTo(encoded(journal.all));
		assertSameGame(replay(newGame(Shape.TEAMS, id), taker.journal(id)), original);
		owner.forget(id);
	}

	@Test
	void aSnapshotPastTheStreamWaitsAndAFoldWithoutSnapshotDropsTheOldOne() {
		String id = "waits-" + UUID.randomUUID();
		RedisFailover owner = node("owner");
		Game game = newGame(Shape.CLASSIC, id);
		assertThat(owner.acquire(id)).isTrue();
		owner.created(id, START);
		assertThat(owner.append(id, new GameCommand.Join("An", "token-an"), START + 1)).isEqualTo(Failover.Append.STORED);
		game.handle(new GameCommand.Join("An", "token-an"), START + 1);
		// Two entries in the stream (the creation and the join): a snapshot after three is not stored.
		assertThat(owner.snapshot(id, 3, START + 1, game.snapshot())).isEqualTo(-2);
		assertThat(redis.hasKey(RedisFailover.snapshotKey(id))).isFalse();
		assertThat(streamLength(id)).isEqualTo(2);
		assertThat(owner.snapshot(id, 2, START + 1, game.snapshot())).isEqualTo(2);
		assertThat(streamLength(id)).isZero();
		assertThat(owner.saved(id).snapshot()).isEqualTo(game.snapshot());
		assertThat(owner.saved(id).snapshotAt()).isEqualTo(START + 1);
		// The compacted checkpoint alone moves the stream's start: the snapshot no longer fits and goes.
		owner.append(id, new GameCommand.Join("Bình", "token-binh"), START + 2);
		assertThat(owner.checkpoint(id)).isEqualTo(1);
		assertThat(owner.saved(id).snapshot()).isNull();
		assertThat(owner.journal(id)).hasSize(3);
		owner.forget(id);
	}

	@Test
	void onARedisClusterTheFoldAndTheRebuildWorkAlikeSinceTheGamesKeysShareOneSlot() {
		// The Redis Cluster of `scripts/services.sh start-cluster` (scripts/test.sh starts it).
		String url = vn.quizfest.server.RedisShapes.clusterUrl();
		String nodes = url.substring(url.indexOf('@') + 1);
		org.springframework.data.redis.connection.RedisClusterConfiguration cluster =
				new org.springframework.data.redis.connection.RedisClusterConfiguration(List.of(nodes.split(",")));
		cluster.setPassword(vn.quizfest.server.RedisShapes.password(url));
		LettuceConnectionFactory clusterFactory = new LettuceConnectionFactory(cluster);
		clusterFactory.afterPropertiesSet();
		clusterFactory.start();
		try {
			StringRedisTemplate clusterRedis = new StringRedisTemplate(clusterFactory);
			RedisFailover owner = new RedisFailover(clusterRedis, CODEC, SETTINGS, "owner-" + UUID.randomUUID());
			RedisFailover taker = new RedisFailover(clusterRedis, CODEC, SETTINGS, "taker-" + UUID.randomUUID());
			String id = "cluster-" + UUID.randomUUID();
			Game original = newGame(Shape.CLASSIC, id);
			assertThat(owner.acquire(id)).isTrue();
			owner.created(id, START);
			Journal journal = new Journal(owner, id);
			Driver driver = new Driver(Shape.CLASSIC, new Random(3), START);
			driver.play(original, command -> journal.send(original, command, driver.now),
					() -> journal.closes >= 2 && journal.sinceCheckpoint > 0);
			assertThat(journal.closes).isGreaterThanOrEqualTo(2);
			Long tail = clusterRedis.opsForStream().size(RedisFailover.journalKey(id));
			assertThat(tail).isEqualTo((long) journal.sinceCheckpoint);

			clusterRedis.delete(RedisFailover.leaseKey(id));
			assertThat(taker.acquire(id)).isTrue();
			List<Failover.Entry> read = taker.journal(id);
			assertThat(encoded(read)).isEqualTo(encoded(journal.all));
			assertSameGame(replay(newGame(Shape.CLASSIC, id), read), original);
			assertThat(owner.checkpoint(id)).as("fenced on the cluster too").isEqualTo(-1);
			taker.forget(id);

			// The snapshot's script (four keys of one slot) on the cluster: stored, fenced, restored.
			String second = "cluster-snapshot-" + UUID.randomUUID();
			Game played = newGame(Shape.ELIMINATION, second);
			assertThat(owner.acquire(second)).isTrue();
			owner.created(second, START);
			Journal snapshots = new Journal(owner, second).withSnapshots();
			Driver other = new Driver(Shape.ELIMINATION, new Random(5), START);
			other.play(played, command -> snapshots.send(played, command, other.now),
					() -> snapshots.closes >= 2 && snapshots.sinceCheckpoint > 0);
			clusterRedis.delete(RedisFailover.leaseKey(second));
			assertThat(taker.acquire(second)).isTrue();
			Failover.Saved saved = taker.saved(second);
			assertThat(saved.stream()).hasSize(snapshots.sinceCheckpoint);
			Game rebuilt = Game.restore(second, played.questions(), played.settings(), Nicknames.standard(),
					saved.snapshot());
			saved.stream().forEach(entry -> rebuilt.handle(entry.command(), entry.now()));
			assertSameGame(rebuilt, played);
			assertThat(owner.snapshot(second, 1, other.now, played.snapshot())).isEqualTo(-1);
			taker.forget(second);
		}
		finally {
			clusterFactory.destroy();
		}
	}

	// ---- the owner's side: the journaling rule of LiveGame, and a checkpoint at every close ----

	private static final class Journal {

		final RedisFailover failover;

		final String id;

		final List<Failover.Entry> all = new ArrayList<>();

		int closes;

		int sinceCheckpoint;

		/** At each close, a snapshot of the game with the fold (as {@link LiveGame} does), not the fold alone. */
		boolean snapshots;

		Journal(RedisFailover failover, String id) {
			this.failover = failover;
			this.id = id;
			all.add(new Failover.Entry(null, START));
			sinceCheckpoint = 1;
		}

		Journal withSnapshots() {
			snapshots = true;
			return this;
		}

		Decision send(Game game, GameCommand command, long now) {
			Decision decision = game.handle(command, now);
			if (decision.events().isEmpty() && (decision.isRefused() || command instanceof GameCommand.Tick)) {
				return decision;
			}
			assertThat(failover.append(id, command, now)).isEqualTo(Failover.Append.STORED);
			all.add(new Failover.Entry(command, now));
			sinceCheckpoint++;
			if (decision.events().stream().anyMatch(GameEvent.QuestionClosed.class::isInstance)) {
				assertThat(snapshots ? failover.snapshot(id, sinceCheckpoint, now, game.snapshot())
						: failover.checkpoint(id)).as("entries folded").isEqualTo(sinceCheckpoint);
				sinceCheckpoint = 0;
				closes++;
			}
			return decision;
		}
	}

	private static Game replay(Game game, List<Failover.Entry> entries) {
		assertThat(entries.get(0).command()).as("the journal starts with the creation").isNull();
		for (Failover.Entry entry : entries.subList(1, entries.size())) {
			game.handle(entry.command(), entry.now());
		}
		return game;
	}

	private static List<String> encoded(List<Failover.Entry> entries) {
		return entries.stream()
			.map(entry -> entry.now() + " " + (entry.command() == null ? "created" : CODEC.encode(entry.command())))
			.toList();
	}

	private static void assertSameGame(Game actual, Game expected) {
		assertThat(actual.standings()).isEqualTo(expected.standings());
		assertThat(actual.phase()).isEqualTo(expected.phase());
		assertThat(actual.paused()).isEqualTo(expected.paused());
		assertThat(actual.nextDeadline()).isEqualTo(expected.nextDeadline());
		assertThat(actual.currentQuestion().map(GameQuestion::index))
			.isEqualTo(expected.currentQuestion().map(GameQuestion::index));
		assertThat(players(actual)).isEqualTo(players(expected));
		assertThat(actual.unitRanking().map(ranking -> ranking.standings()))
			.isEqualTo(expected.unitRanking().map(ranking -> ranking.standings()));
		if (expected.format() instanceof EliminationFormat floor) {
			assertThat(((EliminationFormat) actual.format()).grid()).isEqualTo(floor.grid());
		}
		if (expected.format() instanceof BuzzerFormat buzzer) {
			assertThat(((BuzzerFormat) actual.format()).board()).isEqualTo(buzzer.board());
		}
	}

	private static List<String> players(Game game) {
		return game.players().stream()
			.map(p -> "%d %s score=%d streak=%d correct=%d millis=%d connected=%s kicked=%s unit=%s".formatted(
					p.number(), p.nickname(), p.score(), p.streak(), p.correctCount(), p.correctMillis(), p.connected(),
					p.kicked(), p.unit()))
			.toList();
	}

	// ---- the games ----

	private static GameQuestion single(int index, int correct) {
		Question question = new Question(null, 1, "group-" + index, Language.VI, QuestionType.SINGLE_CHOICE,
				"Câu hỏi " + (index + 1), List.of("A", "B", "C", "D"), AnswerKey.options(List.of(correct)), null, 10,
				Points.STANDARD, 1, Topic.BASIC_SKILLS, List.of(), null, null, QuestionStatus.PUBLISHED, null, null, null,
				null, 1);
		return new GameQuestion(index, question);
	}

	private static Game newGame(Shape shape, String id) {
		List<GameQuestion> questions = new ArrayList<>();
		int count = shape == Shape.BUZZER ? 14 : 8;
		for (int q = 0; q < count; q++) {
			questions.add(single(q, q % 4));
		}
		GameSettings settings = GameSettings.defaults().withAutoAdvance(3, 3);
		settings = switch (shape) {
			case CLASSIC -> settings;
			case ELIMINATION -> settings
				.withElimination(new EliminationSettings(10, List.of(3, 6), 6, 4, null, null, null, null));
			case BUZZER -> GameSettings.defaults().withFormat(GameFormatKind.BUZZER).withBuzzer(BuzzerSettings.defaults()
				.withRounds(List.of(new BuzzerRound(Kind.WARMUP_INDIVIDUAL, 2), new BuzzerRound(Kind.WARMUP_COMMON, 5),
						new BuzzerRound(Kind.ACCELERATION, 3), new BuzzerRound(Kind.FINISH, 4))));
			case TEAMS -> settings.withTeams(TeamSettings
				.of(List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10A2", "Lớp 10A2"), new Unit("10A3", "Lớp 10A3")))
				.withScore(TeamScore.BEST_K, 2, 2)
				.withAssignments(Map.of("Bạn 3", "10A3")));
		};
		return Game.create(id, questions, settings, Nicknames.standard(), START);
	}

	/**
	 * Seeded random commands of every kind a format may take (joins, answers right and wrong, presses,
	 * the host's taps and judgements, drops and resumes, pauses), a tick at each deadline and after each
	 * answer as the gateway sends them. Most make sense for the format at hand; the rest are refused.
	 */
	private static final class Driver {

		final Shape shape;

		final Random random;

		long now;

		final List<Integer> players = new ArrayList<>();

		final List<Integer> away = new ArrayList<>();

		int joined;

		int steps;

		boolean seated;

		Driver(Shape shape, Random random, long start) {
			this.shape = shape;
			this.random = random;
			this.now = start;
		}

		void play(Game game, Function<GameCommand, Decision> send, java.util.function.BooleanSupplier stop) {
			if (joined == 0) {
				for (int i = 0; i < 8; i++) {
					join(send);
				}
			}
			if (shape == Shape.BUZZER && !seated) {
				for (int i = 0; i < 4; i++) {
					send.apply(new GameCommand.Host(HostAction.SEAT, players.get(i), null, null));
				}
				seated = true;
			}
			while (steps++ < 3_000 && game.phase() != Phase.ENDED && !stop.getAsBoolean()) {
				step(game, send);
			}
			if (game.phase() != Phase.ENDED && !stop.getAsBoolean()) {
				if (game.paused()) {
					send.apply(GameCommand.Host.of(HostAction.RESUME));
				}
				send.apply(GameCommand.Host.of(HostAction.END));
			}
		}

		private void join(Function<GameCommand, Decision> send) {
			joined++;
			String unit = shape == Shape.TEAMS ? List.of("10A1", "10A2", "10A3").get(joined % 3) : null;
			Decision decision = send.apply(new GameCommand.Join("Bạn " + joined, "token-" + joined, unit));
			if (decision.reply() instanceof Decision.Reply.Joined ok) {
				players.add(ok.player().number());
			}
		}

		private void step(Game game, Function<GameCommand, Decision> send) {
			now += shape == Shape.BUZZER && random.nextBoolean() ? random.nextInt(40) : random.nextInt(2_000);
			long deadline = game.nextDeadline();
			if (deadline >= 0 && deadline <= now) {
				// The game's own timer, at its deadline, as the gateway's.
				long later = now;
				now = deadline;
				send.apply(new GameCommand.Tick());
				now = later;
			}
			int roll = random.nextInt(100);
			int player = players.get(random.nextInt(players.size()));
			int question = game.currentQuestion().map(GameQuestion::index).orElse(-1);
			if (roll < 35) {
				send.apply(new GameCommand.Answer(player, question, Submission.choice(random.nextInt(4))));
				send.apply(new GameCommand.Tick());
			}
			else if (roll < 47) {
				send.apply(new GameCommand.Buzz(players.get(random.nextInt(Math.min(5, players.size())))));
			}
			else if (roll < 66) {
				send.apply(GameCommand.Host.of(game.phase() == Phase.LOBBY ? HostAction.START : HostAction.NEXT));
			}
			else if (roll < 74) {
				send.apply(GameCommand.Host.of(random.nextBoolean() ? HostAction.RIGHT : HostAction.WRONG));
			}
			else if (roll < 77) {
				HostAction[] picks = { HostAction.PICK20, HostAction.PICK30, HostAction.STAR };
				send.apply(GameCommand.Host.of(picks[random.nextInt(picks.length)]));
			}
			else if (roll < 80) {
				send.apply(new GameCommand.Host(HostAction.REVIVE, random.nextBoolean() ? null : player, null, null));
			}
			else if (roll < 85) {
				send.apply(new GameCommand.Disconnect(player));
				away.add(player);
			}
			else if (roll < 91 && !away.isEmpty()) {
				int back = away.remove(random.nextInt(away.size()));
				send.apply(new GameCommand.Resume(game.player(back).map(Player::resumeToken).orElse("no-such-token")));
			}
			else if (roll < 94) {
				send.apply(GameCommand.Host.of(game.paused() ? HostAction.RESUME : HostAction.PAUSE));
			}
			else if (roll < 97) {
				join(send);
			}
			else if (roll < 98) {
				send.apply(GameCommand.Host.of(HostAction.SKIP));
			}
		}
	}
}
