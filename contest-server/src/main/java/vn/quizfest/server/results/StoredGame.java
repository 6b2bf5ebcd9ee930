package vn.quizfest.server.results;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A game as stored: what it was created with, and what the live game has written since.
 *
 * @param playerCount players who joined and were not kicked
 * @param hidden hidden by an organiser from the console's lists (games in progress, results); kept as it is
 */
public record StoredGame(GameRow game, int playerCount, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant endedAt, boolean hidden) {
}
