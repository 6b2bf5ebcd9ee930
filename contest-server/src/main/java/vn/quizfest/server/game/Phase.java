package vn.quizfest.server.game;

/** Where a game is in the host-paced flow. */
public enum Phase {
	LOBBY, PREVIEW, OPEN, CLOSED, LEADERBOARD, PODIUM, ENDED;

	public boolean isOver() {
		return this == PODIUM || this == ENDED;
	}
}
