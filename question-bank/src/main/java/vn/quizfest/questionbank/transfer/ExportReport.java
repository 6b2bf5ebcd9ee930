package vn.quizfest.questionbank.transfer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an export wrote. Only Kahoot's spreadsheet leaves questions out (types Kahoot cannot play,
 * more than 4 options, text over Kahoot's limits); the other formats write every question.
 *
 * @param format the file's format
 * @param exported the questions written
 * @param skipped the questions left out, each with the reason as a catalog code
 */
public record ExportReport(QuestionFormat format, int exported, List<Skipped> skipped) {

	public ExportReport {
		skipped = List.copyOf(skipped);
	}

	/** A question left out of an export: its id, its text and why, as a catalog code and arguments. */
	public record Skipped(@Nullable Long questionId, String text, String code, List<Object> args) {

		public Skipped {
			args = List.copyOf(args);
		}
	}
}
