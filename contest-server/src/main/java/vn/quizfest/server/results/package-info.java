/**
 * Results: writes games, players, every answer and the final standings to the database in batches,
 * off the game thread (write-behind), and reads them back for organisers.
 */
@NullMarked
package vn.quizfest.server.results;

import org.jspecify.annotations.NullMarked;
