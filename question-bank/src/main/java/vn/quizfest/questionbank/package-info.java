/** Question model, validation, storage and the seed bank. */
@NullMarked
package vn.quizfest.questionbank;

import org.jspecify.annotations.NullMarked;
