package vn.quizfest.server.results;

import org.jspecify.annotations.Nullable;

/**
 * One question of a game as it was when the game was created, so that editing the bank later never
 * changes the game's results.
 *
 * @param position the question's place in the game, from 0
 * @param questionId the bank question it was copied from, if any
 * @param questionType the question type's name, e.g. {@code SINGLE_CHOICE}
 * @param snapshotJson the question as JSON; an {@code options} array, when present, sizes the answer
 * distribution in {@link GameResults}
 */
public record SnapshotRow(int position, @Nullable Long questionId, String questionType, String snapshotJson) {
}
