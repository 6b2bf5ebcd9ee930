package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
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
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.Nicknames;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.live.cluster.CommandCodec;

/**
 * What a takeover costs in the game docs/operations.md ("Failover") quotes: 2,000 players, 15 questions,
 * the owner gone after question 14 with half of question 15's answers in. The owner journals and
 * snapshots against the suite's real Redis as {@link LiveGame} does; the taker rebuilds the game twice,
 * from the whole journal (as before snapshots) and from the snapshot and the entries after it, and both
 * are the original. The times are printed, not asserted (the benchmark's job); the counts are asserted.
 */
class TakeoverTimeIntegrationTest {

	private static final FailoverSettings SETTINGS = new FailoverSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
			Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMinutes(5));

	private static final CommandCodec CODEC = new CommandCodec(JsonMapper.builder().build());

	private static final int PLAYERS = 2_000;

	private static final int QUESTIONS = 15;

	private static final long START = 1_000_000L;

	@Test
	void aTakeoverAfterQuestion14ReplaysOneQuestionNotTheGame() {
		LettuceConnectionFactory factory = SuiteRedis.connect();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(factory);
			String id = "takeover-time-" + UUID.randomUUID();
			RedisFailover owner = new RedisFailover(redis, CODEC, SETTINGS, "owner-" + UUID.randomUUID());
			List<GameQuestion> questions = questions();
			GameSettings settings = GameSettings.defaults().withPreview(0, 0);
			Game game = Game.create(id, questions, settings, Nicknames.standard(), START);
			assertThat(owner.acquire(id)).isTrue();
			owner.created(id, START);
			long[] now = { START };
			int[] sinceSnapshot = { 1 };
			int[] total = { 1 };
			long[] snapshotNanos = { 0 };
			int[] snapshots = { 0 };
			Consumer<GameCommand> send = command -> {
				Decision decision = game.handle(command, now[0]);
				if (decision.events().isEmpty() && (decision.isRefused() || command instanceof GameCommand.Tick)) {
					return;
				}
				assertThat(owner.append(id, command, now[0])).isEqualTo(Failover.Append.STORED);
				sinceSnapshot[0]++;
				total[0]++;
				if (decision.events().stream().anyMatch(GameEvent.QuestionClosed.class::isInstance)) {
					long started = System.nanoTime();
					GameSnapshot snapshot = game.snapshot();
					snapshotNanos[0] += System.nanoTime() - started;
					snapshots[0]++;
					assertThat(owner.snapshot(id, sinceSnapshot[0], now[0], snapshot)).isEqualTo(sinceSnapshot[0]);
					sinceSnapshot[0] = 0;
				}
			};
			for (int p = 1; p <= PLAYERS; p++) {
				now[0] += 2;
				send.accept(new GameCommand.Join("Người " + p, "token-" + p));
			}
			for (int q = 0; q < QUESTIONS; q++) {
				send.accept(GameCommand.Host.of(q == 0 ? HostAction.START : HostAction.NEXT));
				int answering = q == QUESTIONS - 1 ? PLAYERS / 2 : PLAYERS;
				for (int p = 1; p <= answering; p++) {
					now[0] += 3;
					send.accept(new GameCommand.Answer(p, q, Submission.choice((p + q) % 4)));
					send.accept(new GameCommand.Tick());
				}
				if (q < QUESTIONS - 1) {
					assertThat(game.phase()).isEqualTo(Phase.CLOSED);
					send.accept(GameCommand.Host.of(HostAction.NEXT));
				}
			}
			assertThat(snapshots[0]).isEqualTo(QUESTIONS - 1);
			owner.release(id);

			RedisFailover taker = new RedisFailover(redis, CODEC, SETTINGS, "taker-" + UUID.randomUUID());
			assertThat(taker.acquire(id)).isTrue();
			// Three times: the first is a node's first takeover (cold code), the others warm.
			for (int round = 1; round <= 3; round++) {
				long started = System.nanoTime();
				List<Failover.Entry> journal = taker.journal(id);
				long read = System.nanoTime();
				Game whole = Game.create(id, questions, settings, Nicknames.standard(), journal.get(0).now());
				for (Failover.Entry entry : journal.subList(1, journal.size())) {
					whole.handle(entry.command(), entry.now());
				}
				long wholeDone = System.nanoTime();
				Failover.Saved saved = taker.saved(id);
				long savedRead = System.nanoTime();
				Game restored = Game.restore(id, questions, settings, Nicknames.standard(), saved.snapshot());
				for (Failover.Entry entry : saved.stream()) {
					restored.handle(entry.command(), entry.now());
				}
				long restoredDone = System.nanoTime();

				assertThat(journal).hasSize(total[0]);
				assertThat(saved.stream()).as("entries after the close of question 14").hasSize(sinceSnapshot[0]);
				assertThat(restored.snapshot()).isEqualTo(game.snapshot());
				assertThat(whole.snapshot()).isEqualTo(game.snapshot());
				Long snapshotBytes = redis.opsForValue().size(RedisFailover.snapshotKey(id));
				Long checkpointBytes = redis.opsForValue().size(RedisFailover.checkpointKey(id));
				System.out.printf("TAKEOVER round %d whole journal: %d entries (checkpoint %d bytes), read %d ms + replay %d ms = %d ms%n",
						round, journal.size(), checkpointBytes, ms(read - started), ms(wholeDone - read), ms(wholeDone - started));
				System.out.printf("TAKEOVER round %d snapshot: %d bytes + %d entries, read and decoded %d ms + restore and replay %d ms = %d ms%n",
						round, snapshotBytes, saved.stream().size(), ms(savedRead - wholeDone), ms(restoredDone - savedRead),
						ms(restoredDone - wholeDone));
			}
			System.out.printf("TAKEOVER owner: a snapshot of %d players taken in %.2f ms on average (under the game's lock)%n",
					PLAYERS, snapshotNanos[0] / 1e6 / snapshots[0]);

			// What the takeover itself then journals: one disconnect per player, one Redis call each.
			long disconnects = System.nanoTime();
			for (int p = 1; p <= PLAYERS; p++) {
				taker.append(id, new GameCommand.Disconnect(p), now[0]);
			}
			System.out.printf("TAKEOVER %d disconnects journaled one by one: %d ms%n", PLAYERS,
					ms(System.nanoTime() - disconnects));
			taker.forget(id);
		}
		finally {
			factory.destroy();
		}
	}

	private static long ms(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	private static List<GameQuestion> questions() {
		List<GameQuestion> list = new ArrayList<>();
		for (int q = 0; q < QUESTIONS; q++) {
			Question question = new Question(null, 1, "group-" + q, Language.VI, QuestionType.SINGLE_CHOICE,
					"Câu hỏi " + (q + 1), List.of("A", "B", "C", "D"), AnswerKey.options(List.of(q % 4)), null, 600,
					Points.STANDARD, 1, Topic.BASIC_SKILLS, List.of(), null, null, QuestionStatus.PUBLISHED, null, null,
					null, null, 1);
			list.add(new GameQuestion(q, question));
		}
		return list;
	}
}
