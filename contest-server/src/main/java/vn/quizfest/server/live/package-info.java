/** The live side of a game: how game events reach every node and, later, every player's socket. */
@NullMarked
package vn.quizfest.server.live;

import org.jspecify.annotations.NullMarked;
