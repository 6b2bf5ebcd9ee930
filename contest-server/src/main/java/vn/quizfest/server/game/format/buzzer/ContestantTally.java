package vn.quizfest.server.game.format.buzzer;

import org.jspecify.annotations.Nullable;

/**
 * One contestant's figures for the results of a buzzer game, ranked among the contestants only (the
 * audience's classic points are a separate ranking).
 *
 * @param seat the seat (1 first) at the time of reading, null for a contestant who left the stage
 * @param rank the place among the contestants, 1 first
 * @param warmup points of the warm-up rounds (individual and common)
 * @param presses buzzer presses the server took (inside the window too, whether or not they won the floor)
 * @param right answers judged right (acceleration: typed answers graded right)
 * @param wrong answers judged wrong, including no answer in time
 * @param steals finish questions of another contestant this one answered after a press
 * @param stealsRight the steals judged right
 * @param starAt the question (index, from 0) on which the star of hope was played, null if never
 */
public record ContestantTally(int player, @Nullable Integer seat, int rank, long score, long warmup,
		long acceleration, long finish, int presses, int right, int wrong, int steals, int stealsRight,
		@Nullable Integer starAt) {
}
