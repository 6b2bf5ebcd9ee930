package vn.quizfest.server.game;

import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement of an answer. It says whether the answer was taken and never whether it was
 * right. A repeat of an answer gets the first answer's receipt.
 *
 * @param error a reason code when the answer was refused (see docs/protocol.md)
 */
public record AnswerReceipt(int question, boolean accepted, @Nullable String error, long receivedAt,
		long responseMillis) {

	public static AnswerReceipt refused(int question, String error, long now) {
		return new AnswerReceipt(question, false, error, now, -1);
	}
}
