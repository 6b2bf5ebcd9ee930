package vn.quizfest.server.live;

/**
 * A message reached a game this node no longer drives (it lost the game's lease, or handed it over):
 * the sender is closed with 4012 and resumes through any node, where the game's new owner answers.
 * Not a refusal: nothing the client did was wrong, and a refusal such as {@code SERVER_ERROR} would
 * make a phone give up a resume.
 */
final class GameMoved extends RuntimeException {

	GameMoved(String gameId) {
		// No stack trace: thousands of sockets may hit a moved game at once, and where is always the same.
		super("game " + gameId + " is driven by another node", null, false, false);
	}
}
