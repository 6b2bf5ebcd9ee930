package vn.quizfest.server.game.format.buzzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.game.AnswerReceipt;
import vn.quizfest.server.game.Decision;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.BuzzerBoardChanged;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameFormatKind;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.Nicknames;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.Submission;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard.Press;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard.Stage;
import vn.quizfest.server.game.format.buzzer.BuzzerRound.Kind;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings.AfterWrong;

/** The buzzer format alone, with the clock moved by hand. */
class BuzzerFormatTest {

	private static final long T0 = 1_000_000L;

	/** Single choice, option 1 right, 20 s. */
	static GameQuestion single(int index) {
		return question(index, QuestionType.SINGLE_CHOICE, List.of("A", "B", "C", "D"), AnswerKey.options(List.of(1)));
	}

	/** Type answer, "Hà Nội" right, 20 s. */
	static GameQuestion typed(int index) {
		return question(index, QuestionType.TYPE_ANSWER, List.of(),
				new AnswerKey(List.of(), List.of("Hà Nội"), null, null));
	}

	static GameQuestion question(int index, QuestionType type, List<String> options, AnswerKey key) {
		Question question = new Question(null, 1, "group-" + index, Language.VI, type, "Câu hỏi " + (index + 1), options,
				key, null, 20, Points.STANDARD, 1, Topic.BASIC_SKILLS, List.of(), null, null, QuestionStatus.PUBLISHED,
				null, null, null, null, 1);
		return new GameQuestion(index, question);
	}

	static GameSettings settings(BuzzerSettings rules) {
		return GameSettings.defaults().withFormat(GameFormatKind.BUZZER).withBuzzer(rules);
	}

	/** A game driven by hand: commands at the clock's time, the last decision kept. */
	static final class Stage0 {

		final Game game;

		long now = T0;

		Decision last;

		final List<Integer> players = new ArrayList<>();

		Stage0(List<GameQuestion> questions, BuzzerSettings rules) {
			game = Game.create("buzzer-test", questions, settings(rules), Nicknames.standard(), T0);
		}

		BuzzerFormat format() {
			return (BuzzerFormat) game.format();
		}

		Decision send(GameCommand command) {
			last = game.handle(command, now);
			return last;
		}

		Decision host(HostAction action) {
			return send(GameCommand.Host.of(action));
		}

		Decision host(HostAction action, int player) {
			return send(new GameCommand.Host(action, player, null, null));
		}

		int join(String nickname) {
			Reply reply = send(new GameCommand.Join(nickname, "token-" + nickname)).reply();
			int number = ((Reply.Joined) reply).player().number();
			players.add(number);
			return number;
		}

		/** Joins and seats this many contestants (numbers 1..n), then this many audience players. */
		void seat(int contestants, int audience) {
			for (int i = 1; i <= contestants; i++) {
				host(HostAction.SEAT, join("Thí sinh " + i));
			}
			for (int i = 1; i <= audience; i++) {
				join("Khán giả " + i);
			}
		}

		Decision buzz(int player) {
			return send(new GameCommand.Buzz(player));
		}

		Decision answer(int player, Submission submission) {
			return send(new GameCommand.Answer(player, game.currentQuestion().orElseThrow().index(), submission));
		}

		void at(long millisAfterStart) {
			now = T0 + millisAfterStart;
		}

		void later(long millis) {
			now += millis;
		}

		void tick() {
			send(new GameCommand.Tick());
		}

		BuzzerBoard board() {
			return format().board();
		}

		long score(int player) {
			return format().score(player);
		}

		String refusal() {
			return last.reply() instanceof Reply.Refused refused ? refused.code() : "not refused: " + last.reply();
		}
	}

	private static BuzzerSettings rounds(BuzzerRound... rounds) {
		return BuzzerSettings.defaults().withRounds(List.of(rounds));
	}

	private static List<GameQuestion> singles(int count) {
		List<GameQuestion> questions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			questions.add(single(i));
		}
		return questions;
	}

	@Nested
	class Presses {

		Stage0 g;

		@BeforeEach
		void common() {
			g = new Stage0(singles(3), rounds(new BuzzerRound(Kind.WARMUP_COMMON, 3))
				.withAfterWrong(AfterWrong.NEXT_IN_ORDER));
			g.seat(4, 2);
			g.host(HostAction.START);
			assertThat(g.board().stage()).isEqualTo(Stage.SHOWN);
			g.at(10_000);
			g.host(HostAction.NEXT);
			assertThat(g.board().stage()).isEqualTo(Stage.ARMED);
			assertThat(g.board().eligible()).containsExactly(1, 2, 3, 4);
		}

		@Test
		void theFirstPressGetsTheFloorAndPressesInsideTheWindowAreOrderedWithTheirTimeBehind() {
			g.at(11_000);
			g.buzz(3);
			assertThat(g.last.isRefused()).isFalse();
			assertThat(g.board().stage()).isEqualTo(Stage.ANSWERING);
			assertThat(g.board().floor()).isEqualTo(3);
			// A tie: the same receive time as the first; the order of arrival at the holding node decides.
			g.buzz(1);
			g.later(120);
			g.buzz(4);
			g.later(381); // 501 ms behind the first: outside the 500 ms window
			g.buzz(2);
			assertThat(g.refusal()).isEqualTo("BUZZER_CLOSED");
			assertThat(g.board().presses()).containsExactly(new Press(3, T0 + 11_000, 0), new Press(1, T0 + 11_000, 0),
					new Press(4, T0 + 11_120, 120));
			assertThat(g.board().floor()).isEqualTo(3);
		}

		@Test
		void aRepeatedPressAndAPressByTheAudienceAreRefused() {
			g.at(11_000);
			g.buzz(2);
			g.buzz(2);
			assertThat(g.refusal()).isEqualTo("ALREADY_PRESSED");
			g.buzz(5);
			assertThat(g.refusal()).isEqualTo("NOT_CONTESTANT");
			g.buzz(99);
			assertThat(g.refusal()).isEqualTo("NOT_JOINED");
		}

		@Test
		void wrongPassesToTheNextInPressOrderAndNobodyLeftClosesTheQuestion() {
			g.at(11_000);
			g.buzz(2);
			g.later(50);
			g.buzz(4);
			g.host(HostAction.WRONG);
			assertThat(g.board().floor()).isEqualTo(4);
			assertThat(g.board().last()).isEqualTo(new BuzzerBoard.Judgement(2, false, 0));
			g.host(HostAction.WRONG);
			// Contestants 1 and 3 never pressed: with "next in order" the question is over.
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			assertThat(g.game.phase()).isEqualTo(Phase.CLOSED);
		}

		@Test
		void noAnswerInTimeIsWrong() {
			g.at(11_000);
			g.buzz(1);
			long deadline = g.board().deadline();
			assertThat(deadline).isEqualTo(T0 + 11_000 + 5_000);
			assertThat(g.game.nextDeadline()).isEqualTo(deadline);
			g.now = deadline - 1;
			g.tick();
			assertThat(g.board().floor()).isEqualTo(1);
			g.now = deadline;
			g.tick();
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			assertThat(g.board().last()).isEqualTo(new BuzzerBoard.Judgement(1, false, 0));
		}

		@Test
		void nobodyPressingBeforeTheTimeLimitClosesTheQuestionWithoutPoints() {
			g.at(10_000 + 20_000);
			g.tick();
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			assertThat(g.board().contestants()).allSatisfy(seat -> assertThat(seat.score()).isZero());
		}

		@Test
		void aContestantWhoDropsMidBuzzKeepsTheFloorTheSeatAndTheScore() {
			// Earn 10 first.
			g.at(11_000);
			g.buzz(2);
			g.host(HostAction.RIGHT);
			g.host(HostAction.NEXT);
			g.host(HostAction.NEXT);
			g.later(1_000);
			g.buzz(2);
			g.send(new GameCommand.Disconnect(2));
			assertThat(g.board().contestants().get(1).connected()).isFalse();
			g.later(2_000);
			Decision resumed = g.send(new GameCommand.Resume("token-Thí sinh 2"));
			assertThat(resumed.reply()).isInstanceOf(Reply.Resumed.class);
			assertThat(g.board().floor()).isEqualTo(2);
			assertThat(g.board().contestants().get(1).connected()).isTrue();
			assertThat(g.score(2)).isEqualTo(10);
			// The phone that came back answers in time, typed; the server grades it.
			Decision answered = g.answer(2, Submission.choice(1));
			assertThat(((Reply.Answered) answered.reply()).receipt().accepted()).isTrue();
			assertThat(g.score(2)).isEqualTo(20);
		}
	}

	@Nested
	class WarmUp {

		@Test
		void commonQuestionsScorePlusTenMinusFiveAndAScoreNeverGoesBelowZero() {
			Stage0 g = new Stage0(singles(4), rounds(new BuzzerRound(Kind.WARMUP_COMMON, 4)));
			g.seat(2, 0);
			g.host(HostAction.START);
			// Q1: contestant 1 wrong at 0 points stays at 0; contestant 2 right after the reopen.
			g.host(HostAction.NEXT);
			g.buzz(1);
			g.host(HostAction.WRONG);
			assertThat(g.score(1)).isZero();
			assertThat(g.board().last().points()).isZero();
			assertThat(g.board().stage()).isEqualTo(Stage.ARMED);
			assertThat(g.board().eligible()).containsExactly(2);
			g.buzz(1);
			assertThat(g.refusal()).isEqualTo("BUZZER_LOCKED");
			g.buzz(2);
			g.host(HostAction.RIGHT);
			assertThat(g.score(2)).isEqualTo(10);
			// Q2: contestant 2 wrong: 10 - 5 = 5; contestant 1 right: 10.
			g.host(HostAction.NEXT);
			g.host(HostAction.NEXT);
			g.buzz(2);
			g.host(HostAction.WRONG);
			g.buzz(1);
			g.host(HostAction.RIGHT);
			assertThat(g.score(2)).isEqualTo(5);
			assertThat(g.score(1)).isEqualTo(10);
			// Q3: contestant 2 wrong twice over two questions: 5 -> 0, never -5.
			g.host(HostAction.NEXT);
			g.host(HostAction.NEXT);
			g.buzz(2);
			g.host(HostAction.WRONG);
			g.buzz(1);
			g.host(HostAction.WRONG);
			assertThat(g.board().stage()).as("both tried: closed").isEqualTo(Stage.JUDGED);
			g.host(HostAction.NEXT);
			g.host(HostAction.NEXT);
			g.buzz(2);
			g.host(HostAction.WRONG);
			assertThat(g.score(2)).isZero();
			assertThat(g.score(1)).isEqualTo(5);
			assertThat(g.board().contestants().get(0).roundScores().get(Kind.WARMUP_COMMON.ordinal())).isEqualTo(5);
		}

		@Test
		void individualQuestionsGoToEachContestantInTurnWithoutBuzzers() {
			Stage0 g = new Stage0(singles(4), rounds(new BuzzerRound(Kind.WARMUP_INDIVIDUAL, 4)));
			g.seat(2, 0);
			g.host(HostAction.START);
			List<Integer> owners = new ArrayList<>();
			for (int q = 0; q < 4; q++) {
				owners.add(g.board().owner());
				g.host(HostAction.NEXT);
				assertThat(g.board().stage()).isEqualTo(Stage.ANSWERING);
				assertThat(g.board().floor()).isEqualTo(owners.get(q));
				int other = owners.get(q) == 1 ? 2 : 1;
				g.buzz(other);
				assertThat(g.refusal()).isEqualTo("BUZZER_CLOSED");
				g.host(q % 2 == 0 ? HostAction.RIGHT : HostAction.WRONG);
				assertThat(g.board().stage()).as("no steal in the individual warm-up").isEqualTo(Stage.JUDGED);
				g.host(HostAction.NEXT);
			}
			assertThat(owners).containsExactly(1, 1, 2, 2);
			// Each: +10 then -5.
			assertThat(g.score(1)).isEqualTo(5);
			assertThat(g.score(2)).isEqualTo(5);
		}
	}

	@Nested
	class Acceleration {

		@Test
		void rightAnswersScoreFortyThirtyTwentyTenByOrderOfArrival() {
			Stage0 g = new Stage0(List.of(typed(0)), rounds(new BuzzerRound(Kind.ACCELERATION, 1)));
			g.seat(4, 1);
			g.host(HostAction.START);
			g.host(HostAction.NEXT);
			assertThat(g.board().stage()).isEqualTo(Stage.OPEN);
			long opened = g.now;
			// Arrival: 3 (right, 1.0 s), 1 (wrong, 1.5 s), 4 (right, 2.0 s), 2 (right, 2.5 s); the audience too.
			long[] at = { 1_500, 2_500, 1_000, 2_000 };
			String[] text = { "Huế", "ha noi", "Hà Nội", "HÀ NỘI" };
			int[] order = { 3, 1, 4, 2 };
			for (int player : order) {
				g.now = opened + at[player - 1];
				Decision d = g.answer(player, Submission.text(text[player - 1]));
				assertThat(((Reply.Answered) d.reply()).receipt().accepted()).isTrue();
				if (player == 3) {
					g.answer(5, Submission.text("Hà Nội"));
				}
			}
			// Every contestant answered: closed at once.
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			// Independent calculation: sort the right ones by time and hand out 40, 30, 20, 10.
			List<Integer> right = new ArrayList<>(List.of(2, 3, 4));
			right.sort((a, b) -> Long.compare(at[a - 1], at[b - 1]));
			int[] expected = new int[5];
			int[] table = { 40, 30, 20, 10 };
			for (int i = 0; i < right.size(); i++) {
				expected[right.get(i)] = table[i];
			}
			for (int player = 1; player <= 4; player++) {
				assertThat(g.score(player)).as("contestant " + player).isEqualTo(expected[player]);
			}
			assertThat(expected[3]).isEqualTo(40);
			assertThat(expected[1]).isZero();
			QuestionClosed closed = closedOf(g.last);
			assertThat(closed.outcomes().get(3).points()).isEqualTo(40);
			// The audience is scored as in the classic game, separately: its own standings.
			assertThat(closed.standings()).extracting(Standing::player).containsExactly(5);
			assertThat(closed.standings().get(0).score()).isGreaterThan(0);
		}

		@Test
		void aLateAnswerIsRefusedAndTheTimeLimitClosesTheQuestion() {
			Stage0 g = new Stage0(List.of(typed(0)), rounds(new BuzzerRound(Kind.ACCELERATION, 1)));
			g.seat(2, 0);
			g.host(HostAction.START);
			g.host(HostAction.NEXT);
			long opened = g.now;
			g.now = opened + 5_000;
			g.answer(1, Submission.text("Hà Nội"));
			g.now = opened + 20_001;
			Decision late = g.answer(2, Submission.text("Hà Nội"));
			assertThat(((Reply.Answered) late.reply()).receipt().error()).isEqualTo("QUESTION_CLOSED");
			g.tick();
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			assertThat(g.score(1)).isEqualTo(40);
			assertThat(g.score(2)).isZero();
		}
	}

	@Nested
	class Finish {

		Stage0 g;

		/**
		 * Two contestants, two finish questions each (contestant 1 owns the first two); contestant 1 starts
		 * the finish with 30 from three warm-up questions.
		 */
		void start(boolean starWrongLoses) {
			g = new Stage0(singles(7), rounds(new BuzzerRound(Kind.WARMUP_COMMON, 3), new BuzzerRound(Kind.FINISH, 4))
				.withStarWrongLoses(starWrongLoses));
			g.seat(2, 0);
			g.host(HostAction.START);
			for (int i = 0; i < 3; i++) {
				g.host(HostAction.NEXT);
				g.buzz(1);
				g.host(HostAction.RIGHT);
				g.host(HostAction.NEXT);
			}
			assertThat(g.score(1)).isEqualTo(30);
			assertThat(g.board().round()).isEqualTo(Kind.FINISH);
			assertThat(g.board().owner()).isEqualTo(1);
			assertThat(g.board().value()).as("the default pick").isEqualTo(20);
		}

		@Test
		void theOwnerPicksTheValueAndAWrongAnswerOpensASteal() {
			start(true);
			g.host(HostAction.PICK30);
			assertThat(g.board().value()).isEqualTo(30);
			g.host(HostAction.NEXT);
			assertThat(g.board().floor()).isEqualTo(1);
			g.host(HostAction.WRONG);
			assertThat(g.score(1)).as("a wrong answer without the star costs nothing").isEqualTo(30);
			assertThat(g.board().stage()).isEqualTo(Stage.ARMED);
			assertThat(g.board().stealing()).isTrue();
			assertThat(g.board().eligible()).containsExactly(2);
			g.buzz(1);
			assertThat(g.refusal()).isEqualTo("BUZZER_LOCKED");
			g.buzz(2);
			g.host(HostAction.RIGHT);
			assertThat(g.score(2)).isEqualTo(30);
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			assertThat(g.board().contestants().get(1).roundScores().get(Kind.FINISH.ordinal())).isEqualTo(30);
		}

		@Test
		void aWrongStealLosesHalfTheValueButNeverGoesBelowZero() {
			start(true);
			g.host(HostAction.NEXT);
			g.host(HostAction.WRONG);
			g.buzz(2);
			g.host(HostAction.WRONG);
			assertThat(g.score(2)).as("0 - 20 / 2 stays 0").isZero();
			assertThat(g.board().stage()).as("one steal only").isEqualTo(Stage.JUDGED);
			// Contestant 1's second question: contestant 2 steals it right.
			g.host(HostAction.NEXT);
			g.host(HostAction.PICK30);
			g.host(HostAction.NEXT);
			g.host(HostAction.WRONG);
			g.buzz(2);
			g.host(HostAction.RIGHT);
			assertThat(g.score(2)).isEqualTo(30);
			// Contestant 2's question: contestant 1 steals it wrong and loses half of 30.
			g.host(HostAction.NEXT);
			assertThat(g.board().owner()).isEqualTo(2);
			g.host(HostAction.PICK30);
			g.host(HostAction.NEXT);
			g.host(HostAction.WRONG);
			g.buzz(1);
			g.host(HostAction.WRONG);
			assertThat(g.score(1)).as("30 - 30 / 2").isEqualTo(15);
			assertThat(g.board().last()).isEqualTo(new BuzzerBoard.Judgement(1, false, -15));
		}

		@Test
		void nobodyStealingInTimeClosesTheQuestion() {
			start(true);
			g.host(HostAction.NEXT);
			g.host(HostAction.WRONG);
			g.later(5_000);
			g.tick();
			assertThat(g.board().stage()).isEqualTo(Stage.JUDGED);
			assertThat(g.score(2)).isZero();
		}

		@Test
		void theStarOfHopeDoublesARightAnswer() {
			start(true);
			g.host(HostAction.PICK30);
			g.host(HostAction.STAR);
			assertThat(g.board().star()).isTrue();
			g.host(HostAction.NEXT);
			g.host(HostAction.RIGHT);
			assertThat(g.score(1)).isEqualTo(30 + 60);
			// Once per contestant: the next question of the same owner cannot have it.
			g.host(HostAction.NEXT);
			assertThat(g.board().owner()).isEqualTo(1);
			g.host(HostAction.STAR);
			assertThat(g.refusal()).isEqualTo("STAR_USED");
		}

		@Test
		void aWrongStarAnswerLosesTheValueWhenTheOrganiserSaysSo() {
			start(true);
			g.host(HostAction.STAR);
			g.host(HostAction.NEXT);
			g.host(HostAction.WRONG);
			assertThat(g.score(1)).as("30 - 20: the value, not twice the value").isEqualTo(10);
			assertThat(g.board().last().points()).isEqualTo(-20);
		}

		@Test
		void aWrongStarAnswerCostsNothingWhenTheOrganiserSaysSo() {
			start(false);
			g.host(HostAction.PICK30);
			g.host(HostAction.STAR);
			g.host(HostAction.NEXT);
			g.host(HostAction.WRONG);
			assertThat(g.score(1)).isEqualTo(30);
			assertThat(g.board().last().points()).isZero();
		}

		@Test
		void theStarCanBeTakenBackBeforeTheQuestionOpensAndPicksAreRefusedOutsideTheShownFinishQuestion() {
			start(true);
			g.host(HostAction.STAR);
			g.host(HostAction.STAR);
			assertThat(g.board().star()).isFalse();
			assertThat(g.board().contestants().get(0).starUsed()).isFalse();
			g.host(HostAction.NEXT);
			g.host(HostAction.PICK30);
			assertThat(g.refusal()).isEqualTo("NOTHING_TO_PICK");
		}
	}

	@Nested
	class HostAndSeats {

		@Test
		void seatsAreTwoToEightAndChangeOnlyBetweenQuestions() {
			Stage0 g = new Stage0(singles(2), BuzzerSettings.defaults());
			int first = g.join("An");
			g.host(HostAction.SEAT, first);
			g.host(HostAction.START);
			assertThat(g.refusal()).isEqualTo("NEED_CONTESTANTS");
			g.host(HostAction.SEAT, first);
			assertThat(g.refusal()).isEqualTo("ALREADY_SEATED");
			for (int i = 2; i <= 8; i++) {
				g.host(HostAction.SEAT, g.join("Bạn " + i));
			}
			g.host(HostAction.SEAT, g.join("Bạn 9"));
			assertThat(g.refusal()).isEqualTo("SEATS_FULL");
			g.host(HostAction.SEAT, 42);
			assertThat(g.refusal()).isEqualTo("PLAYER_UNKNOWN");
			g.host(HostAction.UNSEAT, 9);
			assertThat(g.refusal()).isEqualTo("NOT_CONTESTANT");
			g.host(HostAction.START);
			g.host(HostAction.NEXT);
			g.host(HostAction.UNSEAT, 2);
			assertThat(g.refusal()).isEqualTo("SEATS_CHANGE_BETWEEN_QUESTIONS");
			g.host(HostAction.KICK, 2);
			assertThat(g.refusal()).isEqualTo("SEATS_CHANGE_BETWEEN_QUESTIONS");
			g.host(HostAction.RIGHT);
			assertThat(g.refusal()).isEqualTo("NOBODY_ANSWERING");
			g.buzz(3);
			g.host(HostAction.NEXT);
			assertThat(g.refusal()).isEqualTo("JUDGE_FIRST");
			g.answer(9, Submission.choice(1));
			assertThat(((Reply.Answered) g.last.reply()).receipt().accepted()).as("the audience plays along").isTrue();
			g.answer(4, Submission.choice(1));
			assertThat(((Reply.Answered) g.last.reply()).receipt().error()).isEqualTo("NOT_YOUR_TURN");
			g.host(HostAction.RIGHT);
			g.host(HostAction.UNSEAT, 2);
			assertThat(g.last.isRefused()).isFalse();
			assertThat(g.format().contestants()).doesNotContain(2).hasSize(7);
		}

		@Test
		void theClassicGameRefusesTheBuzzerActions() {
			Game classic = Game.hostPaced("classic", singles(1), GameSettings.defaults(), Nicknames.standard(), T0);
			classic.handle(new GameCommand.Join("An", "t"), T0);
			assertThat(((Reply.Refused) classic.handle(new GameCommand.Host(HostAction.SEAT, 1, null, null), T0).reply())
				.code()).isEqualTo("UNKNOWN_TYPE");
		}

		@Test
		void roundsThatDoNotCoverTheQuestionsAndOutOfRangeRulesAreRefused() {
			assertThatThrownBy(() -> new Stage0(singles(3), rounds(new BuzzerRound(Kind.WARMUP_COMMON, 2))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("2 questions but the game has 3");
			assertThatThrownBy(() -> settings(new BuzzerSettings(null, 9_000, null, null, null, null, null, null, null)))
				.isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> settings(new BuzzerSettings(null, null, null, null, null, null, null, null,
					List.of())))
				.isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> new BuzzerRound(Kind.FINISH, 0)).isInstanceOf(IllegalArgumentException.class);
		}

		@Test
		void skippingAQuestionUndoesItsPoints() {
			Stage0 g = new Stage0(singles(3), BuzzerSettings.defaults());
			g.seat(2, 0);
			g.host(HostAction.START);
			g.host(HostAction.NEXT);
			g.buzz(1);
			g.host(HostAction.RIGHT);
			g.host(HostAction.NEXT);
			g.host(HostAction.NEXT);
			g.buzz(1);
			g.host(HostAction.WRONG);
			assertThat(g.score(1)).isEqualTo(5);
			g.host(HostAction.SKIP);
			assertThat(g.score(1)).isEqualTo(10);
			assertThat(g.board().stage()).isEqualTo(Stage.SHOWN);
			assertThat(g.board().question()).isEqualTo(2);
		}

		@Test
		void pauseStopsTheAnswerClockAndRefusesPresses() {
			Stage0 g = new Stage0(singles(1), BuzzerSettings.defaults());
			g.seat(2, 0);
			g.host(HostAction.START);
			g.host(HostAction.NEXT);
			g.buzz(1);
			long deadline = g.board().deadline();
			g.later(1_000);
			g.host(HostAction.PAUSE);
			assertThat(g.game.nextDeadline()).isEqualTo(-1);
			g.buzz(2);
			assertThat(g.refusal()).isEqualTo("GAME_PAUSED");
			g.later(30_000);
			g.host(HostAction.RESUME);
			assertThat(g.board().deadline()).isEqualTo(deadline + 30_000);
		}

		@Test
		void thePodiumPutsTheContestantsFirstAndTheAudienceAfterThemByTheirOwnPoints() {
			Stage0 g = new Stage0(singles(1), BuzzerSettings.defaults());
			g.seat(3, 2);
			g.host(HostAction.START);
			g.host(HostAction.NEXT);
			g.answer(5, Submission.choice(1));
			g.answer(4, Submission.choice(0));
			g.buzz(2);
			g.host(HostAction.RIGHT);
			QuestionClosed closed = closedOf(g.last);
			Outcome judged = closed.outcomes().get(2);
			assertThat(judged.answered()).isTrue();
			assertThat(judged.points()).isEqualTo(10);
			assertThat(closed.outcomes().get(1).answered()).isFalse();
			g.host(HostAction.NEXT);
			PodiumShown podium = eventOf(g.last, PodiumShown.class);
			assertThat(podium.standings()).extracting(Standing::player).containsExactly(2, 1, 3, 5, 4);
			assertThat(podium.standings()).extracting(Standing::rank).containsExactly(1, 2, 3, 4, 5);
			assertThat(podium.standings().get(0).score()).isEqualTo(10);
			assertThat(podium.standings().get(3).score()).as("the audience's own points").isGreaterThan(100);
			g.host(HostAction.NEXT);
			assertThat(g.game.phase()).isEqualTo(Phase.ENDED);
			assertThat(eventOf(g.last, BuzzerBoardChanged.class).board().stage()).isEqualTo(Stage.ENDED);
		}
	}

	static QuestionClosed closedOf(Decision decision) {
		return eventOf(decision, QuestionClosed.class);
	}

	static <E extends GameEvent> E eventOf(Decision decision, Class<E> type) {
		return decision.events().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(
				() -> new AssertionError("no " + type.getSimpleName() + " in " + decision.events()));
	}

	@Test
	void buzzerSettingsRoundTripThroughTheStoredJsonAndPartialJsonTakesTheDefaults() {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		GameSettings stored = settings(rounds(new BuzzerRound(Kind.WARMUP_COMMON, 2), new BuzzerRound(Kind.FINISH, 4))
			.withAfterWrong(AfterWrong.NEXT_IN_ORDER)
			.withStarWrongLoses(false));
		GameSettings read = json.readValue(json.writeValueAsString(stored), GameSettings.class);
		assertThat(read).isEqualTo(stored);
		assertThat(read.buzzer().rounds()).containsExactly(new BuzzerRound(Kind.WARMUP_COMMON, 2),
				new BuzzerRound(Kind.FINISH, 4));
		BuzzerSettings partial = json.readValue("{\"rounds\":[{\"kind\":\"ACCELERATION\",\"questions\":4}]}",
				BuzzerSettings.class);
		assertThat(partial.pressWindowMillis()).isEqualTo(500);
		assertThat(partial.afterWrong()).isEqualTo(AfterWrong.REOPEN);
		assertThat(partial.starWrongLoses()).isTrue();
		assertThat(partial.accelerationPoints()).containsExactly(40, 30, 20, 10);
	}

	@Test
	void anAudienceAnswerIsAcknowledgedWithoutSayingWhetherItIsRight() {
		Stage0 g = new Stage0(singles(1), BuzzerSettings.defaults());
		g.seat(2, 1);
		g.host(HostAction.START);
		g.answer(3, Submission.choice(1));
		assertThat(((Reply.Answered) g.last.reply()).receipt().error()).isEqualTo("QUESTION_NOT_OPEN");
		g.host(HostAction.NEXT);
		AnswerReceipt first = ((Reply.Answered) g.answer(3, Submission.choice(1)).reply()).receipt();
		g.later(100);
		AnswerReceipt repeat = ((Reply.Answered) g.answer(3, Submission.choice(2)).reply()).receipt();
		assertThat(repeat).isEqualTo(first);
	}
}
