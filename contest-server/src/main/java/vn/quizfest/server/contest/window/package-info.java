/**
 * The self-paced contest: contests, rounds (windows), units, entrants, attempts, closing and reports.
 * The rules (ranking, prediction, prizes, unit points, identity checks, the draw) are plain Java.
 */
@NullMarked
package vn.quizfest.server.contest.window;

import org.jspecify.annotations.NullMarked;
