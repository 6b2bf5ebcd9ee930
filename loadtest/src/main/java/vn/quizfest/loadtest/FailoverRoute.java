package vn.quizfest.loadtest;

/**
 * Which of the --url nodes a resume tries: round robin from the node after the player's own, its own
 * node last (the node that lost the socket is the likeliest to be gone), then around again.
 */
final class FailoverRoute {

	private FailoverRoute() {
	}

	/**
	 * @param home    the node the player was on when its socket went (index among the --url nodes)
	 * @param attempt the attempt of this resume, from 1
	 * @param nodes   how many --url nodes there are
	 * @return the node to try
	 */
	static int node(int home, int attempt, int nodes) {
		if (nodes < 1 || attempt < 1 || home < 0) {
			throw new IllegalArgumentException("home " + home + ", attempt " + attempt + ", nodes " + nodes);
		}
		return (int) ((home + (long) attempt) % nodes);
	}
}
