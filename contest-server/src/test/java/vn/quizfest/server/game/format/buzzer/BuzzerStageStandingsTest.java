package vn.quizfest.server.game.format.buzzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.game.format.buzzer.BuzzerFormatTest.Stage0;
import vn.quizfest.server.game.format.buzzer.BuzzerRound.Kind;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings.AfterWrong;

/**
 * The contestants' figures for the results ({@link BuzzerFormat#stageStandings()}), engine only, clock
 * by hand: presses inside the window, judgements, steals, the star of hope, a skip that undoes them, and
 * a contestant who left the stage. Each expected row is written from the rules, question by question.
 */
class BuzzerStageStandingsTest {

	private static List<GameQuestion> singles(int count) {
		List<GameQuestion> questions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			questions.add(BuzzerFormatTest.single(i));
		}
		return questions;
	}

	private static ContestantTally row(Stage0 g, int player) {
		return g.format().stageStandings().stream().filter(t -> t.player() == player).findFirst().orElseThrow();
	}

	@Test
	void pressesInsideTheWindowCountASkipUndoesItsPressAndJudgementAndWhoLeftTheStageRanksLast() {
		Stage0 g = new Stage0(singles(3), BuzzerSettings.defaults()
			.withRounds(List.of(new BuzzerRound(Kind.WARMUP_COMMON, 3)))
			.withAfterWrong(AfterWrong.NEXT_IN_ORDER));
		g.seat(3, 1);
		// The audience player is seated by mistake and unseated before playing: the audience again.
		g.host(HostAction.SEAT, 4);
		assertThat(g.format().stageStandings()).extracting(ContestantTally::player).containsExactly(1, 2, 3, 4);
		g.host(HostAction.UNSEAT, 4);
		assertThat(g.format().stageStandings()).extracting(ContestantTally::player).containsExactly(1, 2, 3);
		g.host(HostAction.START);
		g.host(HostAction.NEXT);
		// Q1: 1 presses, 2 presses 100 ms later (inside the 500 ms window), 3 after the window: refused.
		g.buzz(1);
		g.later(100);
		g.buzz(2);
		g.later(600);
		g.buzz(3);
		assertThat(g.refusal()).isEqualTo("BUZZER_CLOSED");
		g.host(HostAction.WRONG);
		assertThat(g.board().floor()).as("the next in press order").isEqualTo(2);
		g.host(HostAction.RIGHT);
		assertThat(row(g, 1)).isEqualTo(new ContestantTally(1, 1, 2, 0, 0, 0, 0, 1, 0, 1, 0, 0, null));
		assertThat(row(g, 2)).isEqualTo(new ContestantTally(2, 2, 1, 10, 10, 0, 0, 1, 1, 0, 0, 0, null));
		assertThat(row(g, 3).presses()).as("a refused press is not counted").isZero();
		// Q2: 3 presses, then 1; 3 is wrong, 1 gets the floor, and the host skips the question: all undone.
		g.host(HostAction.NEXT);
		g.host(HostAction.NEXT);
		g.buzz(3);
		g.later(50);
		g.buzz(1);
		g.host(HostAction.WRONG);
		assertThat(g.board().floor()).isEqualTo(1);
		assertThat(row(g, 3).presses()).isEqualTo(1);
		assertThat(row(g, 3).wrong()).isEqualTo(1);
		assertThat(row(g, 1).presses()).isEqualTo(2);
		g.host(HostAction.SKIP);
		assertThat(row(g, 3)).isEqualTo(new ContestantTally(3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
		assertThat(row(g, 1)).isEqualTo(new ContestantTally(1, 1, 2, 0, 0, 0, 0, 1, 0, 1, 0, 0, null));
		// Q3: 3 presses and is right; then 1 leaves the stage.
		g.host(HostAction.NEXT);
		g.buzz(3);
		g.host(HostAction.RIGHT);
		g.host(HostAction.UNSEAT, 1);
		List<ContestantTally> stage = g.format().stageStandings();
		// 2 and 3 have 10 each: seat order (2 is now in seat 1); 1 left the stage: last, without a seat.
		assertThat(stage).containsExactly(new ContestantTally(2, 1, 1, 10, 10, 0, 0, 1, 1, 0, 0, 0, null),
				new ContestantTally(3, 2, 2, 10, 10, 0, 0, 1, 1, 0, 0, 0, null),
				new ContestantTally(1, null, 3, 0, 0, 0, 0, 1, 0, 1, 0, 0, null));
		// A kicked contestant is no longer listed; the audience never is.
		g.host(HostAction.KICK, 1);
		assertThat(g.format().stageStandings()).extracting(ContestantTally::player).containsExactly(2, 3);
	}

	@Test
	void accelerationJudgementsStealsAndTheStarOfHopeAreCounted() {
		Stage0 g = new Stage0(singles(3), BuzzerSettings.defaults()
			.withRounds(List.of(new BuzzerRound(Kind.ACCELERATION, 1), new BuzzerRound(Kind.FINISH, 2))));
		g.seat(2, 0);
		g.host(HostAction.START);
		g.host(HostAction.NEXT);
		// Acceleration: 1 right (40), 2 wrong.
		g.answer(1, Submission.choice(1));
		g.later(200);
		g.answer(2, Submission.choice(0));
		assertThat(g.board().stage()).isEqualTo(BuzzerBoard.Stage.JUDGED);
		// Finish, 1's question: the star played, taken back, played again; 20 points; wrong: the star loses 20.
		g.host(HostAction.NEXT);
		g.host(HostAction.STAR);
		g.host(HostAction.STAR);
		assertThat(row(g, 1).starAt()).as("taken back").isNull();
		g.host(HostAction.STAR);
		g.host(HostAction.PICK20);
		g.host(HostAction.NEXT);
		g.host(HostAction.WRONG);
		// 2 steals it, right: +20.
		g.buzz(2);
		g.host(HostAction.RIGHT);
		// Finish, 2's question: wrong (no star: nothing lost); 1 steals it, wrong: -10.
		g.host(HostAction.NEXT);
		g.host(HostAction.NEXT);
		g.host(HostAction.WRONG);
		g.buzz(1);
		g.host(HostAction.WRONG);
		long one = Math.max(0, Math.max(0, 40 - 20) - 20 / 2);
		long two = 20;
		assertThat(g.format().stageStandings()).containsExactly(
				new ContestantTally(2, 2, 1, two, 0, 0, 20, 1, 1, 2, 1, 1, null),
				new ContestantTally(1, 1, 2, one, 0, 40, one - 40, 1, 1, 2, 1, 0, 1));
		assertThat(g.score(1)).isEqualTo(one);
		assertThat(g.score(2)).isEqualTo(two);
	}
}
