package vn.quizfest.loadtest;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * How many players have reached each step of the game, so the host moves on once everyone has
 * seen a frame. Steps are ordered; a player that skips steps (it was away and resumed later)
 * counts for every step it skipped, so the counts never wait for a frame it can no longer get.
 */
final class Milestones {

	static final int QUESTION = 0;

	static final int OPEN = 1;

	/** Answered and acknowledged, or decided not to answer. */
	static final int DONE = 2;

	static final int CLOSED = 3;

	static final int LEADERBOARD = 4;

	private static final int PER_QUESTION = 5;

	private final int questions;

	private final AtomicIntegerArray reached;

	Milestones(int questions) {
		this.questions = questions;
		this.reached = new AtomicIntegerArray(questions * PER_QUESTION + 2);
	}

	int step(int question, int kind) {
		return Math.min(question, questions - 1) * PER_QUESTION + kind;
	}

	int finalStep() {
		return questions * PER_QUESTION;
	}

	int endedStep() {
		return questions * PER_QUESTION + 1;
	}

	/** Moves a player from {@code from} (exclusive) to {@code to}; returns the player's new step. */
	int advance(int from, int to) {
		if (to <= from) {
			return from;
		}
		for (int s = Math.max(0, from + 1); s <= to && s < reached.length(); s++) {
			reached.incrementAndGet(s);
		}
		return to;
	}

	int reached(int step) {
		return reached.get(step);
	}
}
