/** Games from the question bank, and the self-paced contests (rounds, entrants, attempts, units). */
@NullMarked
package vn.quizfest.server.contest;

import org.jspecify.annotations.NullMarked;
