/** Contests and games built from the question bank. */
@NullMarked
package vn.quizfest.server.contest;

import org.jspecify.annotations.NullMarked;
