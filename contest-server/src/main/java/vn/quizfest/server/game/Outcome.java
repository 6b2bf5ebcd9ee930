package vn.quizfest.server.game;

import org.jspecify.annotations.Nullable;

/**
 * What one question did for one player: sent only once the question has closed.
 *
 * @param answered whether the player answered in time
 * @param correct fully correct
 * @param credit 0..1, partial for a partly correct multiple select
 * @param points points for this question, streak bonus included
 * @param streakBonus the part of {@code points} that is the streak bonus
 * @param streak correct answers in a row after this question
 * @param responseMillis server receive time minus server open time, or -1 without an answer
 * @param receivedAt the server's receive time of the answer (before the open for an answer in the open
 *        lead, whose {@code responseMillis} is 0), or -1 without an answer
 */
public record Outcome(int player, boolean answered, boolean correct, double credit, int points, int streakBonus,
		int streak, long responseMillis, @Nullable Submission submission, long receivedAt) {
}
