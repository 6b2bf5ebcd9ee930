package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.format.buzzer.BuzzerFormat;
import vn.quizfest.server.game.format.buzzer.BuzzerRound;
import vn.quizfest.server.game.format.buzzer.BuzzerRound.Kind;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings;

/**
 * {@link GameReplayTest} for the buzzer format: a seeded random buzzer game (seats, presses close
 * together, right and wrong judgements, typed answers, the finish round's picks and stars, audience
 * answers, drops and resumes, pauses, skips, stale host taps) recorded with its times and replayed into
 * a fresh engine gives the same events, replies, scores and standings.
 */
class BuzzerReplayTest {

	private record Step(GameCommand command, long now) {
	}

	private static final long START = 2_000_000L;

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 14, 42, 2026, 7_777, 123_456 })
	void aReplayedBuzzerGameGivesTheSameEventsAndScores(long seed) {
		Game original = newGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		Tally tally = play(original, new Random(seed), journal, told);

		Game replayed = newGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal) {
			retold.addAll(GameReplayTest.describe(replayed.handle(step.command(), step.now())));
		}

		assertThat(retold).as("events and replies of the replay").containsExactlyElementsOf(told);
		assertThat(replayed.standings()).isEqualTo(original.standings()).isNotEmpty();
		assertThat(((BuzzerFormat) replayed.format()).board()).isEqualTo(((BuzzerFormat) original.format()).board());
		assertThat(replayed.phase()).isEqualTo(Phase.ENDED);
		assertThat(tally.covered()).as("kinds of command covered: %s", tally).isTrue();
		assertThat(told).anyMatch(line -> line.startsWith("QuestionClosed"));
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 5, 99 })
	void aReplayFromTheMiddleOfTheJournalDiffersFromTheWhole(long seed) {
		Game original = newGame();
		List<Step> journal = new ArrayList<>();
		List<String> told = new ArrayList<>();
		play(original, new Random(seed), journal, told);
		Game partial = newGame();
		List<String> retold = new ArrayList<>();
		for (Step step : journal.subList(journal.size() / 2, journal.size())) {
			retold.addAll(GameReplayTest.describe(partial.handle(step.command(), step.now())));
		}
		assertThat(retold).isNotEqualTo(told);
	}

	private static Game newGame() {
		List<GameQuestion> questions = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			questions.add(i % 3 == 2 ? Fixtures.typeAnswer(i, 10, Points.STANDARD, "Hà Nội")
					: Fixtures.single(i, 10, Points.STANDARD, 1));
		}
		BuzzerSettings rules = BuzzerSettings.defaults()
			.withRounds(List.of(new BuzzerRound(Kind.WARMUP_INDIVIDUAL, 2), new BuzzerRound(Kind.WARMUP_COMMON, 5),
					new BuzzerRound(Kind.ACCELERATION, 3), new BuzzerRound(Kind.FINISH, 4)));
		GameSettings settings = GameSettings.defaults().withFormat(GameFormatKind.BUZZER).withBuzzer(rules);
		return Game.create("replay-buzzer", questions, settings, Nicknames.standard(), START);
	}

	private static final class Tally {

		int presses, pressesInWindow, right, wrong, typed, picks, stars, audience, drops, resumes, stale, pauses;

		boolean covered() {
			return presses > 3 && pressesInWindow > 0 && right > 0 && wrong > 0 && typed > 0 && picks + stars > 0 && audience > 0
					&& drops > 0 && resumes > 0 && stale > 0;
		}

		@Override
		public String toString() {
			return "presses=%d inWindow=%d right=%d wrong=%d typed=%d picks=%d stars=%d audience=%d drops=%d resumes=%d stale=%d pauses=%d"
				.formatted(presses, pressesInWindow, right, wrong, typed, picks, stars, audience, drops, resumes, stale,
						pauses);
		}
	}

	private static Tally play(Game game, Random random, List<Step> journal, List<String> told) {
		Tally tally = new Tally();
		long[] now = { START };
		java.util.function.Function<GameCommand, Decision> send = command -> {
			Decision decision = game.handle(command, now[0]);
			journal.add(new Step(command, now[0]));
			told.addAll(GameReplayTest.describe(decision));
			return decision;
		};
		int contestants = 2 + random.nextInt(7);
		List<Integer> players = new ArrayList<>();
		for (int i = 1; i <= contestants + 6; i++) {
			Decision joined = send.apply(new GameCommand.Join("Bạn " + i, "token-" + i));
			players.add(((Reply.Joined) joined.reply()).player().number());
		}
		for (int i = 0; i < contestants; i++) {
			send.apply(new GameCommand.Host(HostAction.SEAT, players.get(i), null, null));
		}
		List<Integer> away = new ArrayList<>();
		Phase seenByHost = game.phase();
		int seenQuestion = -1;
		for (int step = 0; step < 2_000 && game.phase() != Phase.ENDED; step++) {
			// Presses come close together (a few ms to a second apart), so the window is exercised.
			now[0] += random.nextInt(4) == 0 ? random.nextInt(1_500) : random.nextInt(40);
			long deadline = game.nextDeadline();
			if (deadline >= 0 && deadline <= now[0]) {
				long later = now[0];
				now[0] = deadline;
				send.apply(new GameCommand.Tick());
				now[0] = later;
			}
			int roll = random.nextInt(100);
			int current = game.currentQuestion().map(GameQuestion::index).orElse(-1);
			int anyone = players.get(random.nextInt(players.size()));
			int contestant = players.get(random.nextInt(contestants));
			BuzzerFormat format = (BuzzerFormat) game.format();
			boolean buzzing = format.stage() == vn.quizfest.server.game.format.buzzer.BuzzerBoard.Stage.ARMED
					|| !format.board().presses().isEmpty() && format.board().floor() != null;
			boolean picking = format.stage() == vn.quizfest.server.game.format.buzzer.BuzzerBoard.Stage.SHOWN
					&& format.board().round() == Kind.FINISH;
			if (picking && random.nextBoolean()) {
				roll = 70;
			}
			if (roll < 40 || buzzing && random.nextInt(3) > 0) {
				boolean inWindow = game.phase() == Phase.OPEN && !format.board().presses().isEmpty();
				Decision pressed = send.apply(new GameCommand.Buzz(random.nextInt(10) == 0 ? anyone : contestant));
				if (!pressed.isRefused()) {
					tally.presses++;
					if (inWindow) {
						tally.pressesInWindow++;
					}
				}
			}
			else if (roll < 55) {
				Submission submission = current % 3 == 2 ? Submission.text(random.nextBoolean() ? "ha noi" : "Huế")
						: Submission.choice(random.nextInt(4));
				Decision answered = send.apply(new GameCommand.Answer(random.nextInt(3) == 0 ? contestant : anyone,
						current, submission));
				AnswerReceipt receipt = ((Reply.Answered) answered.reply()).receipt();
				if (receipt.accepted()) {
					if (((BuzzerFormat) game.format()).isContestant(((GameCommand.Answer) journal
						.get(journal.size() - 1).command()).player())) {
						tally.typed++;
					}
					else {
						tally.audience++;
					}
				}
			}
			else if (roll < 68) {
				boolean right = random.nextBoolean();
				Decision judged = send.apply(GameCommand.Host.of(right ? HostAction.RIGHT : HostAction.WRONG));
				if (!judged.isRefused()) {
					if (right) {
						tally.right++;
					}
					else {
						tally.wrong++;
					}
				}
			}
			else if (roll < 74) {
				HostAction[] picks = { HostAction.PICK20, HostAction.PICK30, HostAction.STAR };
				HostAction pick = picks[random.nextInt(picks.length)];
				if (!send.apply(GameCommand.Host.of(pick)).isRefused()) {
					if (pick == HostAction.STAR) {
						tally.stars++;
					}
					else {
						tally.picks++;
					}
				}
			}
			else if (roll < 76) {
				send.apply(new GameCommand.Disconnect(anyone));
				away.add(anyone);
				tally.drops++;
			}
			else if (roll < 80 && !away.isEmpty()) {
				int back = away.remove(random.nextInt(away.size()));
				send.apply(new GameCommand.Resume(game.player(back).orElseThrow().resumeToken()));
				tally.resumes++;
			}
			else if (roll < 81 || game.paused() && roll < 90) {
				send.apply(GameCommand.Host.of(game.paused() ? HostAction.RESUME : HostAction.PAUSE));
				tally.pauses++;
			}
			else if (roll < 82) {
				send.apply(GameCommand.Host.of(HostAction.SKIP));
			}
			else if (roll < 92) {
				Decision next = send.apply(new GameCommand.Host(HostAction.NEXT, null, seenByHost.name(), seenQuestion));
				if (next.reply() instanceof Reply.Refused refused && "STALE_COMMAND".equals(refused.code())) {
					tally.stale++;
				}
			}
			if (random.nextInt(2) > 0) {
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
}
