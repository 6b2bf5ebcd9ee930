package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.quizfest.server.game.Fixtures.multiple;
import static vn.quizfest.server.game.Fixtures.numeric;
import static vn.quizfest.server.game.Fixtures.ordering;
import static vn.quizfest.server.game.Fixtures.poll;
import static vn.quizfest.server.game.Fixtures.single;
import static vn.quizfest.server.game.Fixtures.trueFalse;
import static vn.quizfest.server.game.Fixtures.typeAnswer;
import static vn.quizfest.server.game.TestGame.refusal;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.PlayerJoined;
import vn.quizfest.server.game.GameEvent.PlayerKicked;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.QuestionOpened;
import vn.quizfest.server.game.GameEvent.QuestionPreviewed;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;

class GameFlowTest {

	private static TestGame threeSingles(GameSettings settings) {
		return new TestGame(settings, single(0, 20, Points.STANDARD, 0), single(1, 20, Points.STANDARD, 0),
				single(2, 20, Points.STANDARD, 0));
	}

	/** From CLOSED, shows the leaderboard and previews the next question. */
	private static void toNextQuestion(TestGame game) {
		game.next();
		game.next();
	}

	// ---- a whole game --------------------------------------------------------------------------

	@Test
	void aWholeGameOfEveryQuestionTypeScoresExactly() {
		TestGame g = new TestGame(Fixtures.hostPaced(), single(0, 20, Points.STANDARD, 1),
				multiple(1, 20, Points.STANDARD, List.of(0, 2)), trueFalse(2, 10, Points.DOUBLE, 0),
				typeAnswer(3, 30, Points.STANDARD, "Hà Nội"), poll(4, 15),
				ordering(5, 20, Points.STANDARD, List.of(2, 0, 1)), numeric(6, 20, Points.STANDARD, 12, null));
		Player an = g.join("An");
		Player binh = g.join("Bình");
		Player chi = g.join("Chi");
		assertThat(g.game.phase()).isEqualTo(Phase.LOBBY);
		assertThat(g.game.nextDeadline()).isEqualTo(-1);

		// Question 1, single choice, 20 s. Three seconds of preview, then the options open 300 ms after they go out.
		long startedAt = g.now;
		assertThat(g.next()).singleElement()
			.isEqualTo(new QuestionPreviewed(g.game.questions().get(0), 7, startedAt + 3_000));
		assertThat(g.game.phase()).isEqualTo(Phase.PREVIEW);
		assertThat(g.game.nextDeadline()).isEqualTo(startedAt + 3_000);
		assertThat(g.tickAt(startedAt + 2_999)).isEmpty();
		List<GameEvent> opened = g.tickAt(startedAt + 3_000);
		long opensAt = startedAt + 3_300;
		assertThat(opened).singleElement()
			.isEqualTo(new QuestionOpened(g.game.questions().get(0), 7, opensAt, opensAt + 20_000));
		assertThat(g.game.nextDeadline()).isEqualTo(opensAt + 20_000);
		g.answerAt(opensAt + 1_000, chi, Submission.choice(0));
		g.answerAt(opensAt + 2_000, an, Submission.choice(1));
		assertThat(g.tick()).isEmpty();
		g.answerAt(opensAt + 10_000, binh, Submission.choice(1));
		// Everyone has answered: the next tick closes the question without waiting for the timer.
		assertThat(g.tick()).singleElement().isInstanceOf(QuestionClosed.class);
		QuestionClosed first = g.closed();
		assertThat(first.closedAt()).isEqualTo(opensAt + 10_000);
		assertThat(first.answered()).isEqualTo(3);
		assertThat(first.correct()).isEqualTo(2);
		assertThat(first.distribution()).containsExactly(1, 2, 0, 0);
		assertThat(points(g, an, binh, chi)).containsExactly(950, 750, 0);
		assertThat(g.outcome(an)).isEqualTo(new Outcome(an.number(), true, true, 1, 950, 0, 1, 2_000,
				Submission.choice(1), opensAt + 2_000));
		assertThat(g.game.phase()).isEqualTo(Phase.CLOSED);
		assertThat(g.game.nextDeadline()).isEqualTo(-1);

		assertThat(g.next()).singleElement()
			.isEqualTo(new LeaderboardShown(g.game.questions().get(0), 7,
					List.of(new Standing(1, an.number(), "An", 950, 1, 2_000),
							new Standing(2, binh.number(), "Bình", 750, 1, 10_000),
							new Standing(3, chi.number(), "Chi", 0, 0, 0)),
					3));
		assertThat(g.game.phase()).isEqualTo(Phase.LEADERBOARD);

		// Question 2, multiple select [0, 2]: half credit for one right option, or for two right and one wrong.
		opensAt = openNext(g);
		g.answerAt(opensAt, binh, Submission.choices(List.of(0)));
		g.answerAt(opensAt + 2_000, chi, Submission.choices(List.of(0, 1, 2)));
		g.answerAt(opensAt + 4_000, an, Submission.choices(List.of(2, 0)));
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(900 + 100, 500, 475);
		assertThat(g.closed().distribution()).containsExactly(3, 1, 2, 0);

		// Question 3, true/false for double points, 10 s.
		opensAt = openNext(g);
		g.answerAt(opensAt + 1_000, binh, Submission.choice(0));
		g.answerAt(opensAt + 5_000, an, Submission.choice(0));
		g.answerAt(opensAt + 6_000, chi, Submission.choice(1));
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(1500 + 200, 1900, 0);

		// Question 4, type answer "Hà Nội", 30 s; this game ignores diacritics.
		opensAt = openNext(g);
		g.answerAt(opensAt + 3_000, an, Submission.text("ha noi"));
		g.answerAt(opensAt + 6_000, binh, Submission.text("  HÀ NỘI "));
		g.answerAt(opensAt + 7_000, chi, Submission.text("Sài Gòn"));
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(950 + 300, 900 + 100, 0);
		assertThat(g.closed().distribution()).isEmpty();

		// Question 5, a poll: Chi does not answer, so it runs to its 15 s timer.
		opensAt = openNext(g);
		g.answerAt(opensAt + 1_000, an, Submission.choice(0));
		g.answerAt(opensAt + 2_000, binh, Submission.choice(1));
		assertThat(g.tick()).isEmpty();
		assertThat(g.tickAt(opensAt + 15_000)).singleElement().isInstanceOf(QuestionClosed.class);
		assertThat(points(g, an, binh, chi)).containsExactly(0, 0, 0);
		assertThat(g.closed().distribution()).containsExactly(1, 1, 0, 0);
		assertThat(List.of(an.streak(), binh.streak(), chi.streak())).containsExactly(4, 2, 0);

		// Question 6, ordering: Chi answers in the open lead (before opensAt) and gets t = 0.
		opensAt = openNext(g);
		assertThat(g.answerAt(opensAt - 100, chi, Submission.order(List.of(2, 0, 1))).responseMillis()).isZero();
		g.answerAt(opensAt + 3_000, an, Submission.order(List.of(0, 1, 2)));
		g.answerAt(opensAt + 8_000, binh, Submission.order(List.of(2, 0, 1)));
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(0, 800 + 200, 1000);

		// Question 7, numeric 12: An answers on the very last millisecond.
		opensAt = openNext(g);
		g.answerAt(opensAt + 10_000, chi, Submission.value(12));
		g.answerAt(opensAt + 15_000, binh, Submission.value(13));
		assertThat(g.answerAt(opensAt + 20_000, an, Submission.value(12.0)).accepted()).isTrue();
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(500, 0, 750 + 100);

		assertThat(List.of(an.score(), binh.score(), chi.score())).containsExactly(5400L, 5150L, 2325L);
		assertThat(g.next()).singleElement().isInstanceOf(LeaderboardShown.class);
		List<GameEvent> podium = g.next();
		List<Standing> finalStandings = List.of(new Standing(1, an.number(), "An", 5400, 5, 34_000),
				new Standing(2, binh.number(), "Bình", 5150, 4, 25_000),
				new Standing(3, chi.number(), "Chi", 2325, 2, 10_000));
		assertThat(podium).containsExactly(new PodiumShown(finalStandings));
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		assertThat(g.next()).containsExactly(new GameEnded("FINISHED"));
		assertThat(g.game.phase()).isEqualTo(Phase.ENDED);
		assertThat(g.game.nextDeadline()).isEqualTo(-1);

		assertThat(g.events).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("PlayerJoined", "PlayerJoined", "PlayerJoined", //
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown",
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown",
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown",
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown",
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown",
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown",
					"QuestionPreviewed", "QuestionOpened", "QuestionClosed", "LeaderboardShown", //
					"PodiumShown", "GameEnded");
	}

	/** From CLOSED or LEADERBOARD: leaderboard, preview of the next question, and its options opened by the preview timer. */
	private static long openNext(TestGame g) {
		if (g.game.phase() == Phase.CLOSED) {
			g.next();
		}
		assertThat(g.game.phase()).isEqualTo(Phase.LEADERBOARD);
		g.next();
		assertThat(g.game.phase()).isEqualTo(Phase.PREVIEW);
		return g.open();
	}

	private static List<Integer> points(TestGame g, Player... players) {
		return Arrays.stream(players).map(p -> g.outcome(p).points()).toList();
	}

	// ---- opening and answering -----------------------------------------------------------------

	@Test
	void answersCountFromTheServersOpenTimeAndNotBeforeTheOptionsWentOut() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		Player chi = g.join("Chi");
		g.next();
		assertThat(g.answer(an, Submission.choice(0)).error()).isEqualTo("QUESTION_NOT_OPEN");
		long sentAt = g.hosted.previewEndsAt();
		g.tickAt(sentAt);
		assertThat(g.hosted.opensAt()).isEqualTo(sentAt + 300);
		// Stamped before the options went out (it waited in a queue behind the open command): refused.
		assertThat(g.answerAt(sentAt - 1, an, Submission.choice(0)).error()).isEqualTo("QUESTION_NOT_OPEN");
		// Inside the lead: taken, with response time 0.
		AnswerReceipt early = g.answerAt(sentAt, an, Submission.choice(0));
		assertThat(early).isEqualTo(new AnswerReceipt(0, true, null, sentAt, 0));
		assertThat(g.answerAt(sentAt + 299, binh, Submission.choice(0)).responseMillis()).isZero();
		assertThat(g.answerAt(sentAt + 300 + 2_000, chi, Submission.choice(0)).responseMillis()).isEqualTo(2_000);
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(1000, 1000, 950);
	}

	@Test
	void aRepeatedAnswerGetsTheFirstReceiptAndOnlyTheFirstAnswerCounts() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		g.join("Bình");
		g.next();
		AnswerReceipt first = g.answerAt(g.hosted.opensAt() + 4_000, an, Submission.choice(0));
		AnswerReceipt again = g.answerAt(g.hosted.opensAt() + 5_000, an, Submission.choice(3));
		assertThat(again).isSameAs(first);
		assertThat(g.hosted.answeredCount()).isEqualTo(1);
		assertThat(g.hosted.receiptOf(an.number())).contains(first);
		g.tickAt(g.hosted.closesAt());
		// Even after the close, the repeat is acknowledged with the same receipt.
		assertThat(g.answerAt(g.now + 10, an, Submission.choice(2))).isSameAs(first);
		assertThat(g.outcome(an)).extracting(Outcome::correct, Outcome::responseMillis, Outcome::points)
			.containsExactly(true, 4_000L, 900);
	}

	@Test
	void answersToClosedFutureOrUnknownQuestionsAreRefused() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		assertThat(g.answer(an.number(), 0, Submission.choice(0)).error()).isEqualTo("QUESTION_NOT_OPEN");
		g.next();
		g.answer(an, Submission.choice(0));
		assertThat(g.answer(an.number(), 1, Submission.choice(0)).error()).isEqualTo("QUESTION_NOT_OPEN");
		assertThat(g.answer(an.number(), 3, Submission.choice(0)).error()).isEqualTo("UNKNOWN_QUESTION");
		assertThat(g.answer(an.number(), -1, Submission.choice(0)).error()).isEqualTo("UNKNOWN_QUESTION");
		assertThat(g.answer(99, 0, Submission.choice(0)).error()).isEqualTo("NOT_JOINED");
		g.next();
		AnswerReceipt late = g.answer(binh, Submission.choice(0));
		assertThat(late).isEqualTo(new AnswerReceipt(0, false, "QUESTION_CLOSED", g.now, -1));
		g.next();
		assertThat(g.answer(binh.number(), 0, Submission.choice(0)).error()).isEqualTo("QUESTION_CLOSED");
		g.next();
		assertThat(g.game.phase()).isEqualTo(Phase.OPEN);
		// A question already played stays closed, also to the player who answered it.
		assertThat(g.answer(an.number(), 0, Submission.choice(0)).error()).isEqualTo("QUESTION_CLOSED");
	}

	@Test
	void anAnswerOnTheDeadlineCountsAndOneMillisecondLaterDoesNot() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		Player chi = g.join("Chi");
		g.next();
		long opensAt = g.open();
		long closesAt = opensAt + 20_000;
		assertThat(g.hosted.closesAt()).isEqualTo(closesAt);
		AnswerReceipt onTime = g.answerAt(closesAt, an, Submission.choice(0));
		assertThat(onTime.accepted()).isTrue();
		assertThat(onTime.responseMillis()).isEqualTo(20_000);
		// The timer has not fired yet, but the answer came after the deadline.
		assertThat(g.answerAt(closesAt + 1, binh, Submission.choice(0)).error()).isEqualTo("QUESTION_CLOSED");
		assertThat(g.game.phase()).isEqualTo(Phase.OPEN);
		g.tickAt(closesAt + 1);
		assertThat(points(g, an, binh, chi)).containsExactly(500, 0, 0);
		assertThat(g.outcome(binh).answered()).isFalse();
	}

	@Test
	void theTimerClosesTheQuestionOnTheDeadlineAndNotBefore() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		g.join("An");
		g.next();
		long opensAt = g.open();
		assertThat(g.tickAt(opensAt + 19_999)).isEmpty();
		assertThat(g.tickAt(opensAt + 20_000)).singleElement().isInstanceOf(QuestionClosed.class);
		assertThat(g.closed().answered()).isZero();
	}

	@Test
	void theQuestionClosesEarlyWhenEveryConnectedPlayerHasAnswered() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		Player chi = g.join("Chi");
		Player dung = g.join("Dũng");
		g.next();
		g.disconnect(chi.number());
		g.kick(dung);
		assertThat(g.hosted.everyoneAnswered()).isFalse();
		g.answerAt(g.now + 1_000, an, Submission.choice(0));
		assertThat(g.hosted.everyoneAnswered()).isFalse();
		assertThat(g.tick()).isEmpty();
		g.answerAt(g.now + 2_000, binh, Submission.choice(1));
		assertThat(g.hosted.everyoneAnswered()).isTrue();
		long lastAnswer = g.now;
		assertThat(g.tick()).singleElement().isInstanceOf(QuestionClosed.class);
		assertThat(g.closed().closedAt()).isEqualTo(lastAnswer);
		assertThat(g.outcome(chi).answered()).isFalse();
		assertThat(g.closed().outcomes()).doesNotContainKey(dung.number());
	}

	@Test
	void aQuestionNobodyConnectedAnswersWaitsForItsTimer() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		g.next();
		g.disconnect(an.number());
		assertThat(g.hosted.everyoneAnswered()).isFalse();
		assertThat(g.tickAt(g.now + 1)).isEmpty();
		assertThat(g.game.phase()).isEqualTo(Phase.OPEN);
	}

	// ---- pause, skip, kick, join, resume --------------------------------------------------------

	@Test
	void pauseStopsTheClockOfTheOpenQuestionAndRefusesAnswers() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		g.join("Chi");
		g.next();
		long opensAt = g.open();
		long closesAt = opensAt + 20_000;
		g.answerAt(opensAt + 4_000, an, Submission.choice(0));

		g.now = opensAt + 5_000;
		assertThat(g.pause()).containsExactly(new GamePaused(Phase.OPEN, 15_000));
		assertThat(g.game.paused()).isTrue();
		assertThat(g.game.nextDeadline()).isEqualTo(-1);
		assertThat(g.answerAt(opensAt + 6_000, binh, Submission.choice(0)).error()).isEqualTo("GAME_PAUSED");
		assertThat(g.tickAt(closesAt + 30_000)).isEmpty();
		assertThat(refusal(() -> g.next())).isEqualTo("GAME_PAUSED");
		assertThat(refusal(() -> g.skip())).isEqualTo("GAME_PAUSED");
		assertThat(refusal(() -> g.pause())).isEqualTo("ALREADY_PAUSED");

		g.now = opensAt + 5_000 + 60_000;
		assertThat(g.resume()).containsExactly(new GameResumed(Phase.OPEN, closesAt + 60_000));
		assertThat(g.hosted.opensAt()).isEqualTo(opensAt + 60_000);
		assertThat(g.game.nextDeadline()).isEqualTo(closesAt + 60_000);
		assertThat(refusal(() -> g.resume())).isEqualTo("NOT_PAUSED");
		// One second after the resume is six seconds into the question: the paused minute does not count.
		assertThat(g.answerAt(g.now + 1_000, binh, Submission.choice(0)).responseMillis()).isEqualTo(6_000);
		assertThat(g.tickAt(closesAt + 59_999)).isEmpty();
		assertThat(g.tickAt(closesAt + 60_000)).singleElement().isInstanceOf(QuestionClosed.class);
		assertThat(points(g, an, binh)).containsExactly(900, 850);
	}

	@Test
	void pauseDuringThePreviewShiftsTheOpening() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		g.join("An");
		assertThat(refusal(() -> g.pause())).isEqualTo("CANNOT_PAUSE");
		g.next();
		long previewEndsAt = g.hosted.previewEndsAt();
		g.now += 1_000;
		assertThat(g.pause()).containsExactly(new GamePaused(Phase.PREVIEW, 2_000));
		g.now += 10_000;
		g.resume();
		assertThat(g.game.nextDeadline()).isEqualTo(previewEndsAt + 10_000);
		assertThat(g.tickAt(previewEndsAt + 9_999)).isEmpty();
		assertThat(g.tickAt(previewEndsAt + 10_000)).singleElement().isInstanceOf(QuestionOpened.class);
	}

	@Test
	void aSkipDropsTheQuestionWithoutScoring() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		g.next();
		g.answer(an, Submission.choice(0));
		g.answer(binh, Submission.choice(1));
		g.tick();
		assertThat(refusal(() -> g.skip())).isEqualTo("NOTHING_TO_SKIP");
		toNextQuestion(g);
		g.answer(an, Submission.choice(0));
		g.answer(binh, Submission.choice(0));

		List<GameEvent> skipped = g.skip();
		assertThat(skipped).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("QuestionSkipped", "QuestionPreviewed", "QuestionOpened");
		assertThat(skipped.get(0)).isEqualTo(new QuestionSkipped(g.game.questions().get(1)));
		assertThat(g.currentIndex()).isEqualTo(2);
		assertThat(List.of(an.score(), binh.score())).containsExactly(1000L, 0L);
		assertThat(List.of(an.streak(), binh.streak())).containsExactly(1, 0);
		assertThat(g.answer(an.number(), 1, Submission.choice(0)).error()).isEqualTo("QUESTION_CLOSED");

		g.answer(an, Submission.choice(0));
		g.answer(binh, Submission.choice(0));
		g.tick();
		// An's streak went on over the skipped question.
		assertThat(g.outcome(an)).extracting(Outcome::streakBonus, Outcome::streak).containsExactly(100, 2);
		assertThat(g.outcome(binh)).extracting(Outcome::streakBonus, Outcome::streak).containsExactly(0, 1);
	}

	@Test
	void skippingTheLastQuestionGoesToThePodium() {
		TestGame g = new TestGame(Fixtures.hostPaced(), single(0, 20, Points.STANDARD, 0));
		g.join("An");
		g.next();
		assertThat(g.skip()).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("QuestionSkipped", "PodiumShown");
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
	}

	@Test
	void aKickedPlayerLeavesTheGameAndFreesTheNickname() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		g.next();
		g.answer(an, Submission.choice(0));
		g.answer(binh, Submission.choice(0));
		g.tick();
		toNextQuestion(g);
		g.answer(binh, Submission.choice(0));
		assertThat(g.kick(binh)).containsExactly(new PlayerKicked(binh));
		assertThat(binh.kicked()).isTrue();
		assertThat(g.hosted.answeredCount()).isZero();
		assertThat(g.game.activePlayerCount()).isEqualTo(1);
		assertThat(g.answer(binh, Submission.choice(0)).error()).isEqualTo("NOT_JOINED");
		assertThat(refusal(() -> g.resume("token-Bình"))).isEqualTo("KICKED");
		assertThat(refusal(() -> g.kick(binh.number()))).isEqualTo("PLAYER_UNKNOWN");
		assertThat(refusal(() -> g.kick(99))).isEqualTo("PLAYER_UNKNOWN");

		g.answer(an, Submission.choice(0));
		g.tick();
		assertThat(g.closed().outcomes()).containsOnlyKeys(an.number());
		assertThat(g.closed().standings()).extracting(Standing::nickname).containsExactly("An");
		Player newcomer = g.join("BÌNH", "token-new");
		assertThat(newcomer.number()).isEqualTo(3);
	}

	@Test
	void aLateJoinerPlaysFromTheCurrentQuestion() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		g.next();
		g.answer(an, Submission.choice(0));
		g.tick();
		g.next();
		Player binh = g.join("Bình");
		assertThat(g.game.phase()).isEqualTo(Phase.LEADERBOARD);
		g.next();
		Player chi = g.join("Chi");
		assertThat(g.events).filteredOn(PlayerJoined.class::isInstance).hasSize(3);
		assertThat(g.hosted.everyoneAnswered()).isFalse();
		g.answer(chi, Submission.choice(0));
		g.answer(binh, Submission.choice(0));
		g.answer(an, Submission.choice(0));
		g.tick();
		assertThat(points(g, an, binh, chi)).containsExactly(1100, 1000, 1000);
		assertThat(List.of(an.score(), binh.score(), chi.score())).containsExactly(2100L, 1000L, 1000L);
		// Bình and Chi tie on score and time; Bình joined first.
		assertThat(g.closed().standings()).extracting(Standing::nickname).containsExactly("An", "Bình", "Chi");
	}

	@Test
	void theGameIsClosedToJoinsOnceThePodiumShowsOrItIsFull() {
		TestGame small = new TestGame(new GameSettings(3, ScoringMode.SPEED, true, 5, false, 8, 8, true, 300, 2),
				single(0, 20, Points.STANDARD, 0));
		Player an = small.join("An");
		small.join("Bình");
		assertThat(refusal(() -> small.join("Chi"))).isEqualTo("GAME_FULL");
		small.kick(an);
		small.join("Chi");
		small.next();
		small.skip();
		assertThat(refusal(() -> small.join("Dũng"))).isEqualTo("GAME_OVER");
	}

	@Test
	void aDroppedPlayerResumesWithTheTokenAsTheSamePlayer() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		g.next();
		g.answer(an, Submission.choice(0));
		g.answer(binh, Submission.choice(0));
		g.tick();
		toNextQuestion(g);
		AnswerReceipt receipt = g.answerAt(g.now + 2_000, an, Submission.choice(0));
		g.disconnect(an.number());
		assertThat(an.connected()).isFalse();

		Player resumed = g.resume("token-An");
		assertThat(resumed).isSameAs(an);
		assertThat(resumed.connected()).isTrue();
		assertThat(resumed.score()).isEqualTo(1000);
		assertThat(resumed.streak()).isEqualTo(1);
		assertThat(g.game.playerByToken("token-An")).containsSame(an);
		assertThat(g.hosted.receiptOf(resumed.number())).containsSame(receipt);
		assertThat(g.answerAt(g.now + 1_000, resumed, Submission.choice(1))).isSameAs(receipt);
		assertThat(refusal(() -> g.resume("no-such-token"))).isEqualTo("RESUME_UNKNOWN");
		assertThat(refusal(() -> g.join("an"))).isEqualTo("NICKNAME_TAKEN");

		g.answer(binh, Submission.choice(0));
		g.tick();
		assertThat(g.outcome(an)).extracting(Outcome::points, Outcome::streak).containsExactly(950 + 100, 2);
	}

	// ---- timers and the end ---------------------------------------------------------------------

	@Test
	void withAutoAdvanceTicksAloneRunTheGameToTheEnd() {
		TestGame g = threeSingles(Fixtures.hostPaced().withAutoAdvance(2, 3));
		Player an = g.join("An");
		g.join("Bình");
		long startedAt = g.now;
		g.next();
		g.open();
		g.answerAt(g.hosted.opensAt() + 1_000, an, Submission.choice(0));
		int ticks = 0;
		while (g.game.phase() != Phase.ENDED) {
			long deadline = g.game.nextDeadline();
			assertThat(deadline).isGreaterThanOrEqualTo(g.now);
			g.tickAt(deadline);
			ticks++;
			assertThat(ticks).isLessThan(50);
		}
		// Per question: 3 s preview, 0.3 s lead, 20 s open, 2 s result, 3 s leaderboard; then a 3 s podium.
		assertThat(g.now).isEqualTo(startedAt + 3 * (3_000 + 300 + 20_000 + 2_000 + 3_000) + 3_000);
		assertThat(g.events).last().isEqualTo(new GameEnded("FINISHED"));
		assertThat(g.all(QuestionClosed.class)).hasSize(3);
		assertThat(g.all(LeaderboardShown.class)).hasSize(3);
		assertThat(g.all(PodiumShown.class)).singleElement()
			.satisfies(p -> assertThat(p.standings()).extracting(Standing::nickname, Standing::score)
				.containsExactly(tuple("An", 975L),
						tuple("Bình", 0L)));
		assertThat(g.game.nextDeadline()).isEqualTo(-1);
	}

	@Test
	void withoutAutoAdvanceTheHostMovesOnFromResultsLeaderboardAndPodium() {
		TestGame g = new TestGame(Fixtures.instant(), single(0, 20, Points.STANDARD, 0));
		g.join("An");
		g.next();
		g.tickAt(g.hosted.closesAt());
		assertThat(g.game.phase()).isEqualTo(Phase.CLOSED);
		assertThat(g.tickAt(g.now + 3_600_000)).isEmpty();
		g.next();
		assertThat(g.tickAt(g.now + 3_600_000)).isEmpty();
		g.next();
		assertThat(g.game.phase()).isEqualTo(Phase.PODIUM);
		assertThat(g.tickAt(g.now + 3_600_000)).isEmpty();
	}

	@Test
	void endingInTheMiddleScoresTheOpenQuestionAndShowsThePodium() {
		TestGame g = threeSingles(Fixtures.instant());
		Player an = g.join("An");
		Player binh = g.join("Bình");
		g.next();
		g.answer(binh, Submission.choice(0));
		g.next();
		toNextQuestion(g);
		g.answerAt(g.now + 10_000, an, Submission.choice(0));
		g.pause();
		List<GameEvent> ended = g.end();
		assertThat(ended).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("QuestionClosed", "PodiumShown", "GameEnded");
		assertThat(ended.get(1)).isEqualTo(new PodiumShown(List.of(new Standing(1, binh.number(), "Bình", 1000, 1, 0),
				new Standing(2, an.number(), "An", 750, 1, 10_000))));
		assertThat(ended.get(2)).isEqualTo(new GameEnded("HOST_ENDED"));
		assertThat(g.game.phase()).isEqualTo(Phase.ENDED);
		assertThat(g.game.paused()).isFalse();
		assertThat(g.end()).isEmpty();
		assertThat(g.answer(binh, Submission.choice(0)).error()).isEqualTo("QUESTION_CLOSED");
	}

	@Test
	void endingDuringAPreviewOrTheLeaderboardGoesStraightToThePodium() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		g.join("An");
		g.next();
		assertThat(g.end()).extracting(e -> e.getClass().getSimpleName()).containsExactly("PodiumShown", "GameEnded");
	}

	@Test
	void hostCommandsOutOfTurnAreRefused() {
		TestGame g = threeSingles(Fixtures.hostPaced());
		assertThat(refusal(() -> g.start())).isEqualTo("NO_PLAYERS");
		assertThat(refusal(() -> g.next())).isEqualTo("NO_PLAYERS");
		Player an = g.join("An");
		g.kick(an);
		assertThat(refusal(() -> g.start())).isEqualTo("NO_PLAYERS");
		g.join("Bình");
		g.start();
		assertThat(g.game.phase()).isEqualTo(Phase.PREVIEW);
		assertThat(refusal(() -> g.start())).isEqualTo("ALREADY_STARTED");
		g.end();
		assertThat(refusal(() -> g.next())).isEqualTo("GAME_OVER");
		assertThat(refusal(() -> g.start())).isEqualTo("ALREADY_STARTED");
		assertThat(refusal(() -> g.pause())).isEqualTo("CANNOT_PAUSE");
		assertThat(refusal(() -> g.skip())).isEqualTo("NOTHING_TO_SKIP");
		assertThat(refusal(() -> g.join("Chi"))).isEqualTo("GAME_OVER");
	}

	@Test
	void aGameNeedsAQuestion() {
		assertThatIllegalArgumentException().isThrownBy(() -> Game.hostPaced("g", List.of(), Fixtures.hostPaced(), Nicknames.standard(), 0));
	}
}
