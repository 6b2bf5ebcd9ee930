package vn.quizfest.server.leaderboard;

class InMemoryLeaderboardTest extends LeaderboardContract {

	private final Leaderboard leaderboard = new InMemoryLeaderboard();

	@Override
	Leaderboard leaderboard() {
		return leaderboard;
	}
}
