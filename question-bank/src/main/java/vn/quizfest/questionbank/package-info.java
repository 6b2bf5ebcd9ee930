/** Question model, storage and the starter questions. */
@NullMarked
package vn.quizfest.questionbank;

import org.jspecify.annotations.NullMarked;
