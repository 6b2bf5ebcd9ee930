/**
 * Import and export of questions: the project's spreadsheet template (XLSX and CSV), Kahoot's
 * spreadsheet and a full-fidelity JSON file. {@link vn.quizfest.questionbank.transfer.QuestionTransfer}
 * is the entry point.
 */
@NullMarked
package vn.quizfest.questionbank.transfer;

import org.jspecify.annotations.NullMarked;
