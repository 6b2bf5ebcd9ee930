/** Ranking policies: how a format turns its players into standings. */
@NullMarked
package vn.quizfest.server.game.ranking;

import org.jspecify.annotations.NullMarked;
