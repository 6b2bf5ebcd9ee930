package vn.quizfest.server.game;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.GameEvent.QuestionClosed;

/**
 * Where the game is, as one player's phone must see it when it (re)joins.
 *
 * @param pausedRemaining while paused, the time the phase still had; -1 otherwise
 * @param question the question being played or last played, if any
 * @param receipt this player's receipt for the open question, if any
 * @param lastClosed the last closed question while its result or leaderboard shows, if any
 * @param standings the standings after the last closed question (the final ones on the podium)
 */
public record PlayerView(Phase phase, boolean paused, long pausedRemaining, @Nullable GameQuestion question,
		int questionCount, long previewEndsAt, long opensAt, long closesAt, int activePlayers,
		@Nullable AnswerReceipt receipt, @Nullable QuestionClosed lastClosed, List<Standing> standings) {
}
