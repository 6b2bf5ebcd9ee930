/**
 * The game engine: the state machine of a live game, question timing, scoring, streaks and
 * tie-breaks. Pure Java: no Spring, no I/O; time comes in as milliseconds from the caller's clock,
 * so every rule is deterministic and unit-testable. Not thread-safe: one game is driven by one
 * thread at a time (the live gateway serialises commands per game).
 */
@NullMarked
package vn.quizfest.server.game;

import org.jspecify.annotations.NullMarked;
