package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent.BuzzerBoardChanged;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.LobbyLocked;
import vn.quizfest.server.game.GameEvent.PlayerDisconnected;
import vn.quizfest.server.game.GameEvent.PlayerJoined;
import vn.quizfest.server.game.GameEvent.PlayerKicked;
import vn.quizfest.server.game.GameEvent.PlayerReconnected;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.QuestionOpened;
import vn.quizfest.server.game.GameEvent.QuestionPreviewed;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.EliminationSettings;
import vn.quizfest.server.game.format.hosted.HostPacedFormat;

/**
 * Determinism, which failover is built on: the commands of a random game, recorded with their
 * {@code now}, replayed into a fresh engine give the same events, replies and standings. The games
 * are random but seeded (joins, duplicate nicknames, right, wrong, late, repeated and stale answers,
 * disconnects and resumes, host actions including stale ones, pauses, kicks, buzzes), so a failure
 * names the seed that reproduces it.
 */
class GameReplayTest {

	private record Step(GameCommand command, long now) {
	}

	private static final long START = 1_000_000L;

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 14, 42, 2026, 7_777, 123_456 })
	void aReplayedGameGivesTheSameEventsAndStandings(long seed) {
		Game original = newGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		Tally tally = play(original, new Random(seed), journal, told);

		Game replayed = newGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal) {
			retold.addAll(describe(replayed.handle(step.command(), step.now())));
		}

		assertThat(retold).as("events and replies of the replay").containsExactlyElementsOf(told);
		assertThat(standings(replayed)).isEqualTo(standings(original)).isNotEmpty();
		assertThat(replayed.phase()).isEqualTo(original.phase()).isEqualTo(Phase.ENDED);
		// The random game really went through what it is meant to cover.
		assertThat(tally.covered()).as("kinds of command covered: %s", tally).isTrue();
		assertThat(told).anyMatch(line -> line.startsWith("QuestionClosed"));
	}

	@ParameterizedTest(name = "seed {0}")
	@org.junit.jupiter.params.provider.MethodSource("teamSeeds")
	void aReplayedTeamGameGivesTheSameEventsUnitStandingsAndPlaces(long seed) {
		// Team play by unit: joins name units (some missing or unknown, refused), the organiser assigned one.
		Game original = newTeamGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		Tally tally = play(original, new Random(seed), journal, told, TEAM_UNITS);
		Game replayed = newTeamGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal) {
			retold.addAll(describe(replayed.handle(step.command(), step.now())));
		}
		assertThat(retold).as("events and replies of the replay").containsExactlyElementsOf(told);
		assertThat(standings(replayed)).isEqualTo(standings(original)).isNotEmpty();
		assertThat(replayed.unitRanking().orElseThrow().standings())
			.isEqualTo(original.unitRanking().orElseThrow().standings());
		assertThat(tally.joins).as("joins: %s", tally).isGreaterThan(3);
		assertThat(told).anyMatch(line -> line.startsWith("UnitsRanked -1 last=true"));
	}

	@org.junit.jupiter.api.Test
	void theTeamGamesTogetherCoverEveryKindOfCommandAndBothUnitRefusals() {
		// The seeds of the team replays are short games; together they go through everything a replay must.
		Tally all = new Tally();
		List<String> told = new ArrayList<>();
		for (long seed : TEAM_SEEDS) {
			Tally one = play(newTeamGame(), new Random(seed), new ArrayList<>(), told, TEAM_UNITS);
			all.joins += one.joins;
			all.right += one.right;
			all.wrong += one.wrong;
			all.late += one.late;
			all.repeated += one.repeated;
			all.disconnects += one.disconnects;
			all.resumes += one.resumes;
			all.staleHost += one.staleHost;
			all.pauses += one.pauses;
			all.buzzes += one.buzzes;
		}
		assertThat(all.covered()).as("kinds of command covered: %s", all).isTrue();
		assertThat(told).anyMatch(line -> line.contains("Refused[code=UNIT_REQUIRED]"));
		assertThat(told).anyMatch(line -> line.contains("Refused[code=UNIT_UNKNOWN]"));
		assertThat(told).anyMatch(line -> line.startsWith("PlayerJoined") && line.contains(" Bạn 3 ")
				&& line.contains("unit=Unit[id=10A3"));
	}

	private static final long[] TEAM_SEEDS = { 4, 77, 2027, 5, 11, 31 };

	static java.util.stream.LongStream teamSeeds() {
		return java.util.stream.LongStream.of(TEAM_SEEDS);
	}

	private static final List<String> TEAM_UNITS = List.of("10A1", "10a2", "10A3", "", "9Z9");

	private static Game newTeamGame() {
		List<Unit> units = List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10A2", "Lớp 10A2"), new Unit("10A3", "Lớp 10A3"));
		GameSettings settings = GameSettings.defaults().withAutoAdvance(3, 3).withTeams(TeamSettings.of(units)
			.withScore(TeamScore.BEST_K, 2, 2).withAssignments(Map.of("Bạn 3", "10A3")));
		return Game.create("replay-teams", questions(), settings, Nicknames.standard(), START);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 5, 99 })
	void aReplayFromTheMiddleOfTheJournalDiffersFromTheWhole(long seed) {
		// The replay check is not vacuous: dropping the first half of the commands changes the events.
		Game original = newGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		play(original, new Random(seed), journal, told);
		Game partial = newGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal.subList(journal.size() / 2, journal.size())) {
			retold.addAll(describe(partial.handle(step.command(), step.now())));
		}
		assertThat(retold).isNotEqualTo(told);
	}

	// ---- Rung chuông vàng: the same random games in the elimination format ----

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 14, 42, 2026, 123_456 })
	void aReplayedEliminationGameGivesTheSameEventsAndStandings(long seed) {
		Game original = newEliminationGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		Tally tally = play(original, new Random(seed), journal, told);

		Game replayed = newEliminationGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal) {
			retold.addAll(describe(replayed.handle(step.command(), step.now())));
		}

		assertThat(retold).as("events and replies of the replay").containsExactlyElementsOf(told);
		assertThat(standings(replayed)).isEqualTo(standings(original)).isNotEmpty();
		assertThat(replayed.phase()).isEqualTo(original.phase()).isEqualTo(Phase.ENDED);
		EliminationFormat replayedFloor = (EliminationFormat) replayed.format();
		EliminationFormat originalFloor = (EliminationFormat) original.format();
		assertThat(replayedFloor.grid()).isEqualTo(originalFloor.grid());
		assertThat(tally.revives).as("host revives sent: %s", tally).isPositive();
		assertThat(told).anyMatch(line -> line.startsWith("FloorChanged"));
		assertThat(told).anyMatch(line -> line.startsWith("GoldenBellAwarded"));
	}

	// ---- Rung chuông vàng by unit: units on the floor, substitutes per unit, the winning unit ----

	private static final List<String> RCV_UNITS = List.of("10A1", "10A2", "10A3");

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 3, 17, 99, 2026, 31_337 })
	void aReplayedEliminationTeamGameGivesTheSameEventsUnitsAndWinner(long seed) {
		Game original = newEliminationTeamGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		play(original, new Random(seed), journal, told, TEAM_UNITS);

		Game replayed = newEliminationTeamGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal) {
			retold.addAll(describe(replayed.handle(step.command(), step.now())));
		}

		assertThat(retold).as("events and replies of the replay").containsExactlyElementsOf(told);
		assertThat(standings(replayed)).isEqualTo(standings(original)).isNotEmpty();
		assertThat(replayed.phase()).isEqualTo(Phase.ENDED);
		EliminationFormat replayedFloor = (EliminationFormat) replayed.format();
		EliminationFormat originalFloor = (EliminationFormat) original.format();
		assertThat(replayedFloor.grid()).isEqualTo(originalFloor.grid());
		assertThat(replayedFloor.survivorsByUnit()).isEqualTo(originalFloor.survivorsByUnit()).hasSize(3);
		assertThat(replayedFloor.winningUnit()).isEqualTo(originalFloor.winningUnit());
		assertThat(replayed.unitRanking().orElseThrow().standings())
			.isEqualTo(original.unitRanking().orElseThrow().standings());
		assertThat(told).anyMatch(line -> line.startsWith("FloorChanged") && line.contains("units=[UnitSurvivors"));
		assertThat(told).anyMatch(line -> line.startsWith("UnitsRanked -1 last=true"));
		assertThat(told).anyMatch(line -> line.startsWith("GoldenBellAwarded"));
	}

	/** Players 7 and 8 of the floor are substitutes: they come on for their own unit below 2 players. */
	private static Game newEliminationTeamGame() {
		List<Unit> units = List.of(new Unit("10A1", "Lớp 10A1"), new Unit("10A2", "Lớp 10A2"), new Unit("10A3", "Lớp 10A3"));
		EliminationSettings rules = new EliminationSettings(10, List.of(4), null, null, null, null, List.of("7", "8"), 2);
		return Game.create("replay-elim-teams", questions(), GameSettings.defaults().withAutoAdvance(3, 3)
			.withElimination(rules)
			.withTeams(TeamSettings.of(units).withScore(TeamScore.MEAN, 5, 1)), Nicknames.standard(), START);
	}

	private static Game newEliminationGame() {
		List<GameQuestion> questions = List.of(Fixtures.single(0, 10, Points.STANDARD, 1),
				Fixtures.trueFalse(1, 10, Points.DOUBLE, 0), Fixtures.multiple(2, 15, Points.STANDARD, List.of(0, 2)),
				Fixtures.typeAnswer(3, 20, Points.STANDARD, "Hà Nội"), Fixtures.numeric(4, 20, Points.STANDARD, 42, 0.5),
				Fixtures.poll(5, 10), Fixtures.single(6, 10, Points.NONE, 3), Fixtures.single(7, 5, Points.STANDARD, 2));
		EliminationSettings rules = new EliminationSettings(10, List.of(3, 7), 6, 4, null, null, null, null);
		return Game.create("replay-elim", questions, GameSettings.defaults().withAutoAdvance(3, 3).withElimination(rules),
				Nicknames.standard(), START);
	}

	private static Game newGame() {
		return Game.hostPaced("replay", questions(), GameSettings.defaults().withAutoAdvance(3, 3), Nicknames.standard(),
				START);
	}

	private static List<GameQuestion> questions() {
		return List.of(Fixtures.single(0, 10, Points.STANDARD, 1),
				Fixtures.trueFalse(1, 10, Points.DOUBLE, 0), Fixtures.multiple(2, 15, Points.STANDARD, List.of(0, 2)),
				Fixtures.typeAnswer(3, 20, Points.STANDARD, "Hà Nội"), Fixtures.numeric(4, 20, Points.STANDARD, 42, 0.5),
				Fixtures.poll(5, 10), Fixtures.single(6, 10, Points.NONE, 3), Fixtures.single(7, 5, Points.STANDARD, 2));
	}

	/** How many of each interesting kind of command the random game sent. */
	private static final class Tally {

		int joins, refusedJoins, right, wrong, late, repeated, disconnects, resumes, staleHost, pauses, kicks, buzzes,
				lobby, revives;

		boolean covered() {
			return joins > 3 && right > 0 && wrong > 0 && late > 0 && repeated > 0 && disconnects > 0 && resumes > 0
					&& staleHost > 0 && pauses > 0 && buzzes > 0;
		}

		@Override
		public String toString() {
			return "joins=%d refusedJoins=%d right=%d wrong=%d late=%d repeated=%d disconnects=%d resumes=%d stale=%d pauses=%d kicks=%d buzzes=%d lobby=%d"
				.formatted(joins, refusedJoins, right, wrong, late, repeated, disconnects, resumes, staleHost, pauses,
						kicks, buzzes, lobby);
		}
	}

	/**
	 * Plays a random game the way the gateway drives it (a timer tick at each deadline, a tick after each
	 * accepted answer), recording every command with its time and what each decision told.
	 */
	private static Tally play(Game game, Random random, List<Step> journal, List<String> told) {
		return play(game, random, journal, told, List.of());
	}

	/** With units, each join names one of them at random (an empty one for none). */
	private static Tally play(Game game, Random random, List<Step> journal, List<String> told, List<String> units) {
		Tally tally = new Tally();
		long[] now = { START };
		List<Integer> players = new ArrayList<>();
		List<Integer> away = new ArrayList<>();
		Phase seenByHost = game.phase();
		Integer seenQuestion = -1;
		int lastAnswerer = 0;
		if (game.format() instanceof EliminationFormat) {
			// Joining closes at the first question: the floor fills before the random game begins.
			for (int i = 1; i <= 8; i++) {
				// Rung chuông vàng by unit: the floor is shared out over the units.
				GameCommand.Join join = units.isEmpty() ? new GameCommand.Join("Bạn " + i, "token-floor-" + i)
						: new GameCommand.Join("Bạn " + i, "token-floor-" + i, RCV_UNITS.get(i % RCV_UNITS.size()));
				Decision decision = game.handle(join, now[0]);
				journal.add(new Step(join, now[0]));
				told.addAll(describe(decision));
				players.add(((Reply.Joined) decision.reply()).player().number());
				tally.joins++;
			}
		}
		java.util.function.Function<GameCommand, Decision> send = command -> {
			Decision decision = game.handle(command, now[0]);
			journal.add(new Step(command, now[0]));
			told.addAll(describe(decision));
			return decision;
		};
		for (int step = 0; step < 600 && game.phase() != Phase.ENDED; step++) {
			now[0] += random.nextInt(2_500);
			long deadline = game.nextDeadline();
			if (deadline >= 0 && deadline <= now[0]) {
				long later = now[0];
				now[0] = deadline;
				send.apply(new GameCommand.Tick());
				now[0] = later;
			}
			if (game.format() instanceof EliminationFormat && !players.isEmpty()
					&& (game.phase() == Phase.CLOSED || game.phase() == Phase.LEADERBOARD) && random.nextInt(4) == 0) {
				// Rung chuông vàng: between questions the host now and then brings back one player or all.
				Integer who = random.nextBoolean() ? null : players.get(random.nextInt(players.size()));
				send.apply(new GameCommand.Host(HostAction.REVIVE, who, null, null));
				tally.revives++;
			}
			int roll = random.nextInt(100);
			int current = game.currentQuestion().map(GameQuestion::index).orElse(-1);
			if (roll < 3 && !players.isEmpty()) {
				send.apply(new GameCommand.Buzz(players.get(random.nextInt(players.size()))));
				tally.buzzes++;
			}
			else if (roll < 14 || players.size() < 4) {
				String nickname = random.nextInt(8) == 0 && !players.isEmpty() ? "Bạn " + players.get(0)
						: "Bạn " + (players.size() + 1);
				String unit = units.isEmpty() ? null : units.get(random.nextInt(units.size()));
				Decision decision = send.apply(new GameCommand.Join(nickname, "token-" + step, unit));
				if (decision.reply() instanceof Reply.Joined joined) {
					players.add(joined.player().number());
					tally.joins++;
				}
				else {
					tally.refusedJoins++;
				}
			}
			else if (roll < 55) {
				// A phone that sends its answer twice (a retry after a lost ack) now and then.
				int player = lastAnswerer > 0 && random.nextInt(4) == 0 ? lastAnswerer
						: players.get(random.nextInt(players.size()));
				int question = random.nextInt(10) == 0 ? current - 1 : current;
				boolean repeat = game.phase() == Phase.OPEN && receiptOf(game, player).isPresent();
				Submission submission = answer(question, random);
				Decision decision = send.apply(new GameCommand.Answer(player, question, submission));
				AnswerReceipt receipt = ((Reply.Answered) decision.reply()).receipt();
				if (repeat) {
					tally.repeated++;
				}
				else if (receipt.accepted()) {
					lastAnswerer = player;
					if (right(question, submission)) {
						tally.right++;
					}
					else {
						tally.wrong++;
					}
					send.apply(new GameCommand.Tick());
				}
				else if ("QUESTION_CLOSED".equals(receipt.error())) {
					tally.late++;
				}
			}
			else if (roll < 62) {
				int player = players.get(random.nextInt(players.size()));
				send.apply(new GameCommand.Disconnect(player));
				away.add(player);
				tally.disconnects++;
			}
			else if (roll < 68 && !away.isEmpty()) {
				int player = away.remove(random.nextInt(away.size()));
				String token = game.player(player).map(Player::resumeToken).orElse("no-such-token");
				send.apply(new GameCommand.Resume(random.nextInt(6) == 0 ? "no-such-token" : token));
				tally.resumes++;
			}
			else if (roll < 88) {
				// The host taps "next" on what the screen shows, which can be out of date (a double tap, or
				// the server's own timer moved the game on since the screen last changed).
				Decision decision = send.apply(new GameCommand.Host(HostAction.NEXT, null, seenByHost.name(),
						seenQuestion));
				if (decision.reply() instanceof Reply.Refused refused && "STALE_COMMAND".equals(refused.code())) {
					tally.staleHost++;
				}
			}
			else if (roll < 92) {
				if (game.format() instanceof EliminationFormat && random.nextBoolean()) {
					// Rung chuông vàng: the host brings back one player (perhaps not eliminated) or all.
					Integer who = random.nextBoolean() ? null : players.get(random.nextInt(players.size()));
					send.apply(new GameCommand.Host(HostAction.REVIVE, who, null, null));
					tally.revives++;
				}
				else {
					send.apply(GameCommand.Host.of(game.paused() ? HostAction.RESUME : HostAction.PAUSE));
					tally.pauses++;
				}
			}
			else if (roll < 93) {
				send.apply(GameCommand.Host.of(HostAction.SKIP));
			}
			else if (roll < 94) {
				// Lobby controls: lock or unlock joining, or remove the disconnected who never answered.
				HostAction[] lobby = { HostAction.LOCK, HostAction.UNLOCK, HostAction.UNLOCK, HostAction.PRUNE };
				send.apply(GameCommand.Host.of(lobby[random.nextInt(lobby.length)]));
				tally.lobby++;
			}
			else if (roll < 96 && players.size() > 4) {
				send.apply(new GameCommand.Host(HostAction.KICK, players.get(random.nextInt(players.size())), null, null));
				tally.kicks++;
			}
			if (random.nextInt(3) > 0) {
				seenByHost = game.phase();
				seenQuestion = game.currentQuestion().map(GameQuestion::index).orElse(-1);
			}
		}
		if (game.paused()) {
			send.apply(GameCommand.Host.of(HostAction.RESUME));
		}
		send.apply(GameCommand.Host.of(HostAction.END));
		return tally;
	}

	private static java.util.Optional<AnswerReceipt> receiptOf(Game game, int player) {
		if (game.format() instanceof EliminationFormat floor) {
			return floor.receiptOf(player);
		}
		return ((HostPacedFormat) game.format()).receiptOf(player);
	}

	private static Submission answer(int question, Random random) {
		return switch (question) {
			case 0, 6, 7 -> Submission.choice(random.nextInt(4));
			case 1 -> Submission.choice(random.nextInt(2));
			case 2 -> random.nextBoolean() ? Submission.choices(List.of(0, 2)) : Submission.choices(List.of(1));
			case 3 -> Submission.text(random.nextBoolean() ? "ha noi" : "Huế");
			case 4 -> Submission.value(random.nextBoolean() ? 42.2 : 40);
			default -> Submission.choice(random.nextInt(4));
		};
	}

	private static boolean right(int question, Submission s) {
		return switch (question) {
			case 0 -> s.choice() == 1;
			case 1 -> s.choice() == 0;
			case 2 -> s.choices().equals(List.of(0, 2));
			case 3 -> "ha noi".equals(s.text());
			case 4 -> s.value() == 42.2;
			case 6 -> s.choice() == 3;
			case 7 -> s.choice() == 2;
			default -> false;
		};
	}

	private static List<String> standings(Game game) {
		return game.standings().stream().map(Standing::toString).toList();
	}

	/** A decision as text, taken at once: the events hold live players whose scores move on. */
	static List<String> describe(Decision decision) {
		List<String> lines = new ArrayList<>();
		lines.add("reply " + reply(decision.reply()));
		Describer describer = new Describer(lines);
		for (GameEvent event : decision.events()) {
			event.dispatchTo(describer, 0);
		}
		return lines;
	}

	private static String reply(Reply reply) {
		if (reply instanceof Reply.Joined joined) {
			return "joined " + player(joined.player());
		}
		if (reply instanceof Reply.Resumed resumed) {
			return "resumed " + player(resumed.player());
		}
		return reply.toString();
	}

	private static String player(Player p) {
		return "%d %s score=%d streak=%d correct=%d connected=%s kicked=%s unit=%s".formatted(p.number(), p.nickname(),
				p.score(), p.streak(), p.correctCount(), p.connected(), p.kicked(), p.unit());
	}

	private record Describer(List<String> lines) implements GameEvent.Listener {

		@Override
		public void playerJoined(PlayerJoined event, long now) {
			lines.add("PlayerJoined " + player(event.player()));
		}

		@Override
		public void playerKicked(PlayerKicked event, long now) {
			lines.add("PlayerKicked " + player(event.player()));
		}

		@Override
		public void playerDisconnected(PlayerDisconnected event, long now) {
			lines.add("PlayerDisconnected " + player(event.player()));
		}

		@Override
		public void playerReconnected(PlayerReconnected event, long now) {
			lines.add("PlayerReconnected " + player(event.player()));
		}

		@Override
		public void lobbyLocked(LobbyLocked event, long now) {
			lines.add("LobbyLocked " + event.locked());
		}

		@Override
		public void questionPreviewed(QuestionPreviewed event, long now) {
			lines.add("QuestionPreviewed " + event.question().index() + " until " + event.previewEndsAt());
		}

		@Override
		public void questionOpened(QuestionOpened event, long now) {
			lines.add("QuestionOpened " + event.question().index() + " " + event.opensAt() + ".." + event.closesAt());
		}

		@Override
		public void questionClosed(QuestionClosed event, long now) {
			Map<Integer, Outcome> outcomes = new TreeMap<>(event.outcomes());
			lines.add("QuestionClosed " + event.question().index() + " answered=" + event.answered() + " correct="
					+ event.correct() + " distribution=" + Arrays.toString(event.distribution()) + " at "
					+ event.closedAt() + " outcomes=" + outcomes + " standings=" + event.standings());
		}

		@Override
		public void questionSkipped(QuestionSkipped event, long now) {
			lines.add("QuestionSkipped " + event.question().index());
		}

		@Override
		public void leaderboardShown(LeaderboardShown event, long now) {
			lines.add("LeaderboardShown " + event.question().index() + " of " + event.playerCount() + " "
					+ event.top());
		}

		@Override
		public void gamePaused(GamePaused event, long now) {
			lines.add("GamePaused " + event.phase() + " left " + event.remainingMillis());
		}

		@Override
		public void gameResumed(GameResumed event, long now) {
			lines.add("GameResumed " + event.phase() + " deadline " + event.deadline());
		}

		@Override
		public void podiumShown(PodiumShown event, long now) {
			lines.add("PodiumShown " + event.standings().stream().map(Standing::toString)
				.collect(Collectors.joining(", ")));
		}

		@Override
		public void gameEnded(GameEnded event, long now) {
			lines.add("GameEnded " + event.reason());
		}

		@Override
		public void unitsRanked(UnitsRanked event, long now) {
			lines.add("UnitsRanked " + event.question() + " last=" + event.last() + " " + event.standings() + " places="
					+ new TreeMap<>(event.places()));
		}

		// ---- Rung chuông vàng ----

		@Override
		public void floorChanged(GameEvent.FloorChanged event, long now) {
			lines.add("FloorChanged " + event);
		}

		@Override
		public void goldenBellAwarded(GameEvent.GoldenBellAwarded event, long now) {
			lines.add("GoldenBellAwarded " + event.winners() + " unit=" + event.unit() + " units=" + event.units());
		}

		// ---- buzzer format (Olympia-style rounds) ----

		@Override
		public void buzzerBoardChanged(BuzzerBoardChanged event, long now) {
			lines.add("BuzzerBoardChanged " + event.board());
		}
	}
}
