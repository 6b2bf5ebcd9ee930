package vn.quizfest.server.game;

/** A player's place on the leaderboard. */
public record Standing(int rank, int player, String nickname, long score, int correctCount, long correctMillis) {
}
