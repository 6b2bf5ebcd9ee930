/** The live leaderboard: one port, an in-memory and a Redis adapter. */
@NullMarked
package vn.quizfest.server.leaderboard;

import org.jspecify.annotations.NullMarked;
