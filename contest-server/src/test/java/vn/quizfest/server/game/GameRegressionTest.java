package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.game.Fixtures.numeric;
import static vn.quizfest.server.game.Fixtures.single;
import static vn.quizfest.server.game.TestGame.refusal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;

/**
 * Regression tests for engine bugs found while writing the engine tests (rounding, warm-up grading,
 * kicks between questions, numeric precision, look-alike and blocked nicknames).
 */
class GameRegressionTest {

	// ---- Scoring: a half point is sometimes rounded down ----------------------------------------

	/**
	 * round(P x (1 - (t/T)/2)) computed in doubles lands just below .5 for some t: 1000 x (1 - 5140/40000)
	 * is exactly 871.5, but the double arithmetic gives 871.4999999999999 and Math.round gives 871.
	 */
	@Test
	void halfPointsAlwaysRoundUp() {
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 5_140, 20_000)).isEqualTo(872);
		assertThat(Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, 2_570, 10_000)).isEqualTo(872);
		List<String> wrong = new ArrayList<>();
		for (long limit : new long[] { 5_000, 10_000, 20_000, 30_000, 60_000, 240_000 }) {
			for (long t = 0; t <= limit; t++) {
				// exact: 1000 x (2T - t) / 2T, halves up, in integers
				long exact = (1000 * (2 * limit - t) + limit) / (2 * limit);
				int points = Scoring.answerPoints(ScoringMode.SPEED, 1000, 1, t, limit);
				if (points != exact) {
					wrong.add("T=" + limit + " t=" + t + ": " + points + " instead of " + exact);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	// ---- Game: a kicked player stays on the leaderboard shown next ------------------------------

	/**
	 * The host sees an offensive nickname on the result screen and kicks the player; the leaderboard
	 * that follows still shows it on the projector, because standings are only computed on close.
	 */
	@Test
	void aPlayerKickedAfterTheCloseIsNotOnTheLeaderboard() {
		TestGame g = new TestGame(Fixtures.instant(), single(0, 20, Points.STANDARD, 0),
				single(1, 20, Points.STANDARD, 0));
		Player an = g.join("An");
		Player rude = g.join("Rude");
		g.next();
		g.answer(an, Submission.choice(0));
		g.answer(rude, Submission.choice(0));
		g.tick();
		g.kick(rude);
		assertThat(g.game.standings()).extracting(Standing::nickname).containsExactly("An");
		LeaderboardShown shown = (LeaderboardShown) g.next().get(0);
		assertThat(shown.top()).extracting(Standing::nickname).containsExactly("An");
		assertThat(shown.playerCount()).isEqualTo(1);
	}

	// ---- Game: a right answer to a no-points question is reported as wrong ----------------------

	/**
	 * A warm-up question (Points.NONE) has a key and the result screen shows it; the player who got it
	 * right must see "right, 0 points", not "wrong". Game.graded returns correct=false, credit 0 for
	 * every unscored question, polls and no-points alike.
	 */
	@Test
	void aRightAnswerToANoPointsQuestionIsRightWithNoPoints() {
		TestGame g = new TestGame(Fixtures.instant(), single(0, 20, Points.STANDARD, 0), single(1, 20, Points.NONE, 2));
		Player an = g.join("An");
		g.next();
		g.answer(an, Submission.choice(0));
		g.tick();
		g.next();
		g.next();
		g.answer(an, Submission.choice(2));
		g.tick();
		assertThat(g.outcome(an)).extracting(Outcome::answered, Outcome::correct, Outcome::credit, Outcome::points,
				Outcome::streak).containsExactly(true, true, 1.0, 0, 1);
		assertThat(g.closed().correct()).isEqualTo(1);
		assertThat(an.score()).isEqualTo(1000);
		assertThat(an.correctCount()).isEqualTo(1);
	}

	// ---- Grading: the numeric epsilon is absolute ------------------------------------------------

	/**
	 * |1234567890.13 - 1234567890.12| is 0.0100002289 in doubles, more than 0.01 + 1e-9, so an answer
	 * inside the tolerance is graded wrong. The epsilon should scale with the magnitude (a few ulps).
	 */
	@Test
	void numericToleranceHoldsForLargeValues() {
		GameQuestion big = numeric(0, 20, Points.STANDARD, 1_234_567_890.12, 0.01);
		assertThat(Grading.grade(big, Submission.value(1_234_567_890.13), false).correct()).isTrue();
		assertThat(Grading.grade(big, Submission.value(1_234_567_890.11), false).correct()).isTrue();
		assertThat(Grading.grade(big, Submission.value(1_234_567_890.14), false).correct()).isFalse();
	}

	// ---- Nicknames: blank-looking names and look-alike duplicates --------------------------------

	/** No-break space, Hangul fillers and the blank Braille pattern show as nothing on the leaderboard. */
	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "00A0", "2007", "202F", "3164", "115F", "1160", "FFA0", "2800" })
	void aNicknameThatShowsAsBlankIsRefused(String hex) {
		String blank = Character.toString(Integer.parseInt(hex, 16));
		assertThat(Nicknames.standard().check(blank).error()).isNotNull();
		assertThat(Nicknames.standard().check(blank + blank + blank).error()).isNotNull();
	}

	/**
	 * "Lan Anh" with a no-break or em space, "Lan" with a trailing Hangul filler, and full-width "Ｌａｎ"
	 * look like (or are) the same name, but get other keys: an impersonation on the leaderboard.
	 * TextNormalizer.fold only collapses ASCII white space (\s without UNICODE_CHARACTER_CLASS) and no
	 * NFKC is applied.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Lan\u00A0Anh", "Lan\u2003Anh", "Lan\u3000Anh", "Lan\u202FAnh", "Lan Anh\u00A0",
			"Lan Anh\u3164", "Ｌａｎ Ａｎｈ" })
	void lookAlikesOfATakenNicknameAreTaken(String lookAlike) {
		TestGame g = new TestGame(Fixtures.hostPaced(), single(0, 20, Points.STANDARD, 0));
		g.join("Lan Anh");
		assertThat(refusal(() -> g.join(lookAlike))).isIn("NICKNAME_TAKEN", "NICKNAME_INVALID");
	}

	/** Full-width letters (what some Asian keyboards type) spell the same word; NFKC would fold them. */
	@ParameterizedTest
	@ValueSource(strings = { "ｆｕｃｋ", "ＦＵＣＫ", "ｄｍ", "ｖｃｌ" })
	void fullWidthBadWordsAreRefused(String nickname) {
		assertThat(Nicknames.standard().check(nickname).error()).isEqualTo("NICKNAME_BLOCKED");
	}

	/**
	 * Multi-word plain entries ("cai lon", "thang ngu", "oc cho", "do ngu") are caught as words but not
	 * run together, although "dm" run together as "d m" is: Nicknames.isBlocked compares the compact text
	 * with blockedWords, whose multi-word entries still contain their space.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "cáilồn", "CaiLon", "thằngngu", "óccho", "đồngu", "ănlồn", "cáibuồi", "ócLợn" })
	void multiWordBadPhrasesRunTogetherAreRefused(String nickname) {
		assertThat(Nicknames.standard().check(nickname).error()).isEqualTo("NICKNAME_BLOCKED");
	}

	/**
	 * The block list says "*" entries must not hide inside ordinary names, but "*duma" matches across the
	 * words of "Dư Mai" and "Du Mạnh" (compact "dumai", "dumanh"), and "*shit" the Chinese name "Shi Tao".
	 * A compact match should have to start at the start of a word and end at the end of one, or lie
	 * inside a single word.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Dư Mai", "Du Mạnh", "Trần Dư Mạnh", "Shi Tao" })
	void ordinaryNamesAreNotCaughtByWordsRunningAcrossThem(String nickname) {
		assertThat(Nicknames.standard().check(nickname).error()).isNull();
	}
}
