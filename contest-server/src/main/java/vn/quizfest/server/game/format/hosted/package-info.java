/**
 * The host-paced format (the classic game): the host moves each question on, speed scoring and
 * streaks, LOBBY, then PREVIEW, OPEN, CLOSED, LEADERBOARD for each question, and PODIUM.
 */
@NullMarked
package vn.quizfest.server.game.format.hosted;

import org.jspecify.annotations.NullMarked;
