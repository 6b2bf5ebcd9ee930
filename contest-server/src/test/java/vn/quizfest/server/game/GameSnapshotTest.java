package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.format.buzzer.BuzzerFormat;
import vn.quizfest.server.game.format.buzzer.BuzzerRound;
import vn.quizfest.server.game.format.buzzer.BuzzerRound.Kind;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.EliminationSettings;

/**
 * The snapshot a takeover starts from, property style: a seeded random game of each format is played
 * and snapshotted at every question close (through JSON, as it is stored); each snapshot restored and
 * given the rest of the commands is the same game as the original: the same events and replies for every
 * command, and at the end the same standings, phase, deadline, views of every player and the host, unit
 * ranking, elimination grid and buzzer board, and the same snapshot.
 */
class GameSnapshotTest {

	private static final long START = 5_000_000L;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum Shape {
		CLASSIC, TEAMS, ELIMINATION_UNITS, BUZZER
	}

	static Stream<Arguments> shapesAndSeeds() {
		List<Arguments> all = new ArrayList<>();
		for (Shape shape : Shape.values()) {
			for (long seed : new long[] { 1, 7, 42, 2026, 31_337 }) {
				all.add(Arguments.of(shape, seed));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("shapesAndSeeds")
	void everySnapshotRestoredAndGivenTheRestIsTheSameGame(Shape shape, long seed) {
		Game original = newGame(shape);
		// Each close's snapshot, restored at once and given every later command beside the original.
		List<Game> restored = new ArrayList<>();
		List<GameSnapshot> taken = new ArrayList<>();
		int[] steps = { 0 };
		Driver driver = new Driver(shape, new Random(seed));
		driver.play(original, command -> {
			Decision decision = original.handle(command, driver.now);
			steps[0]++;
			for (int i = 0; i < restored.size(); i++) {
				assertThat(told(restored.get(i).handle(command, driver.now)))
					.as("command %d (%s), on the game restored from snapshot %d", steps[0], command, i)
					.isEqualTo(told(decision));
			}
			if (decision.events().stream().anyMatch(GameEvent.QuestionClosed.class::isInstance)) {
				GameSnapshot snapshot = original.snapshot();
				GameSnapshot read = JSON.readValue(JSON.writeValueAsString(snapshot), GameSnapshot.class);
				assertThat(read).as("the snapshot through JSON").isEqualTo(snapshot);
				Game copy = Game.restore("g", questions(shape), settings(shape), Nicknames.standard(), read);
				assertThat(copy.snapshot()).as("restored and taken again").isEqualTo(snapshot);
				assertSameGame(copy, original);
				restored.add(copy);
				taken.add(snapshot);
			}
			return decision;
		}, () -> false);
		assertThat(original.phase()).isEqualTo(Phase.ENDED);
		assertThat(restored).as("questions closed").hasSizeGreaterThanOrEqualTo(3);
		for (Game copy : restored) {
			assertSameGame(copy, original);
		}
		// Not vacuous: a snapshot is a game part-way, not the end of it.
		assertThat(taken.get(0)).isNotEqualTo(original.snapshot());
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("shapesAndSeeds")
	void aSnapshotMidQuestionRestoresTheOpenQuestionToo(Shape shape, long seed) {
		// Whatever the moment (an open question, a pause, the buzzers armed), a snapshot is the whole state.
		Game original = newGame(shape);
		Driver driver = new Driver(shape, new Random(seed));
		List<Game> restored = new ArrayList<>();
		int[] count = { 0 };
		driver.play(original, command -> {
			Decision decision = original.handle(command, driver.now);
			for (Game copy : restored) {
				assertThat(told(copy.handle(command, driver.now))).isEqualTo(told(decision));
			}
			if (++count[0] % 97 == 0 && restored.size() < 6) {
				restored.add(Game.restore("g", questions(shape), settings(shape), Nicknames.standard(),
						JSON.readValue(JSON.writeValueAsString(original.snapshot()), GameSnapshot.class)));
			}
			return decision;
		}, () -> false);
		assertThat(restored).isNotEmpty();
		for (Game copy : restored) {
			assertSameGame(copy, original);
		}
	}

	@Test
	void aSnapshotOfAnotherVersionOrFormatOrThatNamesNoQuestionIsNotRestored() {
		Game game = newGame(Shape.CLASSIC);
		Driver driver = new Driver(Shape.CLASSIC, new Random(5));
		driver.play(game, command -> game.handle(command, driver.now),
				() -> game.currentQuestion().map(GameQuestion::index).orElse(-1) >= 2);
		GameSnapshot snapshot = game.snapshot();
		GameSnapshot newer = new GameSnapshot(GameSnapshot.VERSION + 1, snapshot.format(), snapshot.roster(),
				snapshot.hosted(), null, null);
		assertThatThrownBy(() -> Game.restore("g", questions(Shape.CLASSIC), settings(Shape.CLASSIC),
				Nicknames.standard(), newer)).isInstanceOf(GameSnapshot.Unrestorable.class).hasMessageContaining("version");
		assertThatThrownBy(() -> Game.restore("g", questions(Shape.BUZZER), settings(Shape.BUZZER),
				Nicknames.standard(), snapshot)).isInstanceOf(GameSnapshot.Unrestorable.class)
			.hasMessageContaining("HOSTED");
		// Fewer questions than the snapshot names (another game's questions).
		assertThatThrownBy(() -> Game.restore("g", questions(Shape.CLASSIC).subList(0, 1), settings(Shape.CLASSIC),
				Nicknames.standard(), snapshot)).isInstanceOf(GameSnapshot.Unrestorable.class);
		// The units of a team game are not those of a classic one.
		Game teams = newGame(Shape.TEAMS);
		Driver teamDriver = new Driver(Shape.TEAMS, new Random(5));
		teamDriver.play(teams, command -> teams.handle(command, teamDriver.now), () -> teams.standings().size() > 0);
		assertThatThrownBy(() -> Game.restore("g", questions(Shape.CLASSIC), settings(Shape.CLASSIC),
				Nicknames.standard(), teams.snapshot())).isInstanceOf(GameSnapshot.Unrestorable.class);
		assertThatThrownBy(() -> new GameSnapshot(GameSnapshot.VERSION, GameFormatKind.HOSTED, snapshot.roster(), null,
				null, null)).isInstanceOf(IllegalArgumentException.class);
	}

	// ---- what "the same game" means ----

	/**
	 * A decision as values that compare by equality: a player as it stands at that moment (the engine's
	 * player objects go on changing), a close as its snapshot part (its distribution is an array).
	 */
	private static List<Object> told(Decision decision) {
		List<Object> told = new ArrayList<>();
		Decision.Reply reply = decision.reply();
		if (reply instanceof Decision.Reply.Joined joined) {
			told.add(List.of("joined", joined.player().state()));
		}
		else if (reply instanceof Decision.Reply.Resumed resumed) {
			told.add(List.of("resumed", resumed.player().state()));
		}
		else {
			told.add(reply);
		}
		for (GameEvent event : decision.events()) {
			if (event instanceof GameEvent.PlayerJoined e) {
				told.add(List.of("joined", e.player().state()));
			}
			else if (event instanceof GameEvent.PlayerKicked e) {
				told.add(List.of("kicked", e.player().state()));
			}
			else if (event instanceof GameEvent.PlayerDisconnected e) {
				told.add(List.of("disconnected", e.player().state()));
			}
			else if (event instanceof GameEvent.PlayerReconnected e) {
				told.add(List.of("reconnected", e.player().state()));
			}
			else if (event instanceof GameEvent.QuestionClosed e) {
				told.add(GameSnapshot.ClosedState.of(e));
			}
			else {
				told.add(event);
			}
		}
		return told;
	}

	/** A player's view as values (its last close holds an array). */
	private static List<Object> seen(PlayerView view) {
		PlayerView rest = new PlayerView(view.phase(), view.paused(), view.pausedRemaining(), view.question(),
				view.questionCount(), view.previewEndsAt(), view.opensAt(), view.closesAt(), view.activePlayers(),
				view.receipt(), null, view.standings());
		GameSnapshot.ClosedState closed = GameSnapshot.ClosedState.of(view.lastClosed());
		return closed == null ? List.of(rest) : List.of(rest, closed);
	}

	private static void assertSameGame(Game actual, Game expected) {
		assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
		assertThat(actual.standings()).isEqualTo(expected.standings());
		assertThat(actual.phase()).isEqualTo(expected.phase());
		assertThat(actual.paused()).isEqualTo(expected.paused());
		assertThat(actual.nextDeadline()).isEqualTo(expected.nextDeadline());
		assertThat(actual.activePlayerCount()).isEqualTo(expected.activePlayerCount());
		assertThat(actual.lobbyLocked()).isEqualTo(expected.lobbyLocked());
		assertThat(actual.hostView()).isEqualTo(expected.hostView());
		assertThat(actual.players()).hasSameSizeAs(expected.players());
		for (Player player : expected.players()) {
			assertThat(seen(actual.playerView(player.number()))).as("the view of player %d", player.number())
				.isEqualTo(seen(expected.playerView(player.number())));
			assertThat(actual.playerByToken(player.resumeToken()).map(Player::number)).contains(player.number());
		}
		assertThat(actual.unitRanking().map(ranking -> ranking.standings()))
			.isEqualTo(expected.unitRanking().map(ranking -> ranking.standings()));
		assertThat(actual.unitRanking().map(ranking -> ranking.places()))
			.isEqualTo(expected.unitRanking().map(ranking -> ranking.places()));
		if (expected.format() instanceof EliminationFormat floor) {
			EliminationFormat other = (EliminationFormat) actual.format();
			assertThat(other.grid()).isEqualTo(floor.grid());
			assertThat(other.winningUnit()).isEqualTo(floor.winningUnit());
		}
		if (expected.format() instanceof BuzzerFormat buzzer) {
			assertThat(((BuzzerFormat) actual.format()).board()).isEqualTo(buzzer.board());
		}
	}

	// ---- the games ----

	private static final List<Unit> UNITS = List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10A2", "Lớp 10A2"),
			new Unit("10A3", "Lớp 10A3"));

	private static List<GameQuestion> questions(Shape shape) {
		List<GameQuestion> questions = new ArrayList<>();
		int count = shape == Shape.BUZZER ? 14 : 8;
		for (int q = 0; q < count; q++) {
			questions.add(Fixtures.single(q, 10, Points.STANDARD, q % 4));
		}
		return questions;
	}

	private static GameSettings settings(Shape shape) {
		GameSettings settings = GameSettings.defaults().withAutoAdvance(3, 3);
		TeamSettings teams = TeamSettings.of(UNITS).withScore(TeamScore.BEST_K, 2, 2)
			.withAssignments(Map.of("Bạn 3", "10A3"));
		return switch (shape) {
			case CLASSIC -> settings;
			case TEAMS -> settings.withTeams(teams);
			case ELIMINATION_UNITS -> settings
				.withElimination(new EliminationSettings(10, List.of(3, 6), 6, 4, null, null, List.of("7", "8"), 3))
				.withTeams(TeamSettings.of(UNITS));
			case BUZZER -> GameSettings.defaults().withFormat(GameFormatKind.BUZZER).withBuzzer(BuzzerSettings.defaults()
				.withRounds(List.of(new BuzzerRound(Kind.WARMUP_INDIVIDUAL, 2), new BuzzerRound(Kind.WARMUP_COMMON, 5),
						new BuzzerRound(Kind.ACCELERATION, 3), new BuzzerRound(Kind.FINISH, 4))));
		};
	}

	private static Game newGame(Shape shape) {
		return Game.create("g", questions(shape), settings(shape), Nicknames.standard(), START);
	}

	/**
	 * Seeded random commands of every kind a format may take (joins, answers right and wrong, presses, the
	 * host's taps and judgements, drops and resumes, pauses, kicks), a tick at each deadline and after each
	 * answer, as the gateway sends them. Most make sense for the format at hand; the rest are refused.
	 */
	private static final class Driver {

		final Shape shape;

		final Random random;

		long now = START;

		final List<Integer> players = new ArrayList<>();

		final List<Integer> away = new ArrayList<>();

		int joined;

		Driver(Shape shape, Random random) {
			this.shape = shape;
			this.random = random;
		}

		void play(Game game, Function<GameCommand, Decision> send, BooleanSupplier stop) {
			for (int i = 0; i < 10; i++) {
				join(send);
			}
			if (shape == Shape.BUZZER) {
				for (int i = 0; i < 4; i++) {
					send.apply(new GameCommand.Host(HostAction.SEAT, players.get(i), null, null));
				}
			}
			for (int steps = 0; steps < 3_000 && game.phase() != Phase.ENDED && !stop.getAsBoolean(); steps++) {
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
			String unit = shape == Shape.TEAMS || shape == Shape.ELIMINATION_UNITS
					? List.of("10A1", "10A2", "10A3").get(joined % 3) : null;
			Decision decision = send.apply(new GameCommand.Join("Bạn " + joined, "token-" + joined, unit));
			if (decision.reply() instanceof Decision.Reply.Joined ok) {
				players.add(ok.player().number());
			}
		}

		private void step(Game game, Function<GameCommand, Decision> send) {
			now += shape == Shape.BUZZER && random.nextBoolean() ? random.nextInt(40) : random.nextInt(2_000);
			long deadline = game.nextDeadline();
			if (deadline >= 0 && deadline <= now) {
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
			else if (roll < 90 && !away.isEmpty()) {
				int back = away.remove(random.nextInt(away.size()));
				send.apply(new GameCommand.Resume(game.player(back).map(Player::resumeToken).orElse("no-such-token")));
			}
			else if (roll < 93) {
				send.apply(GameCommand.Host.of(game.paused() ? HostAction.RESUME : HostAction.PAUSE));
			}
			else if (roll < 95) {
				join(send);
			}
			else if (roll < 96) {
				send.apply(GameCommand.Host.of(HostAction.SKIP));
			}
			else if (roll < 97 && random.nextInt(3) == 0) {
				send.apply(new GameCommand.Host(HostAction.KICK, player, null, null));
			}
			else if (roll < 98 && shape == Shape.BUZZER) {
				send.apply(new GameCommand.Host(random.nextBoolean() ? HostAction.UNSEAT : HostAction.SEAT, player, null,
						null));
			}
			else if (roll < 99) {
				send.apply(GameCommand.Host.of(random.nextBoolean() ? HostAction.LOCK : HostAction.UNLOCK));
			}
		}
	}
}
