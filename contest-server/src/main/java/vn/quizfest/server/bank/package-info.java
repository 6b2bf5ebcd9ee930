/** The question bank's REST API: banks, questions, question files, quizzes and the seed bank. */
@NullMarked
package vn.quizfest.server.bank;

import org.jspecify.annotations.NullMarked;
