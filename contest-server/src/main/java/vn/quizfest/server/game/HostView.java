package vn.quizfest.server.game;

import org.jspecify.annotations.Nullable;

/**
 * Where the game is, as a host screen must see it when it (re)connects.
 *
 * @param pausedRemaining while paused, the time the phase still had; -1 otherwise
 * @param answered how many answered the open question
 */
public record HostView(Phase phase, boolean paused, long pausedRemaining, @Nullable GameQuestion question,
		int questionCount, long previewEndsAt, long opensAt, long closesAt, int answered, int activePlayers) {
}
