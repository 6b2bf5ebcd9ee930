/** Cluster mode: the typed messages nodes send each other on a game's channel, and their one codec. */
@NullMarked
package vn.quizfest.server.live.cluster;

import org.jspecify.annotations.NullMarked;
