package vn.quizfest.server.bank;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import vn.quizfest.server.game.GameFormatKind;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.ScoringMode;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings;
import vn.quizfest.server.system.ApiException;

/**
 * Game settings as the API takes them, for a game and for a quiz (the defaults of its games); every
 * field is optional and falls back to the default.
 */
public record GameSettingsRequest(@Nullable @Min(0) @Max(60) Integer previewSeconds, @Nullable ScoringMode scoring,
		@Nullable Boolean streaks, @Nullable @Min(1) @Max(50) Integer leaderboardSize, @Nullable Boolean autoAdvance,
		@Nullable @Min(1) @Max(120) Integer resultSeconds, @Nullable @Min(1) @Max(120) Integer leaderboardSeconds,
		@Nullable Boolean typeAnswerIgnoresDiacritics, @Nullable @Min(0) @Max(5000) Integer openLeadMillis,
		@Nullable @Min(1) @Max(GameSettings.MAX_PLAYERS_LIMIT) Integer maxPlayers,
		@Nullable GameFormatKind format, @Nullable BuzzerSettings buzzer) {

	/** The settings with defaults filled in; {@code 400 game.settings.invalid} when they do not fit together. */
	public GameSettings resolve() {
		GameSettings d = GameSettings.defaults();
		try {
			return new GameSettings(or(previewSeconds, d.previewSeconds()), scoring == null ? d.scoring() : scoring,
					or(streaks, d.streaks()), or(leaderboardSize, d.leaderboardSize()), or(autoAdvance, d.autoAdvance()),
					or(resultSeconds, d.resultSeconds()), or(leaderboardSeconds, d.leaderboardSeconds()),
					or(typeAnswerIgnoresDiacritics, d.typeAnswerIgnoresDiacritics()),
					or(openLeadMillis, d.openLeadMillis()), or(maxPlayers, d.maxPlayers()), or(format, d.format()), buzzer);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.settings.invalid", ex.getMessage());
		}
	}

	/** Whether no field is set: the defaults throughout. */
	boolean isEmpty() {
		return previewSeconds == null && scoring == null && streaks == null && leaderboardSize == null
				&& autoAdvance == null && resultSeconds == null && leaderboardSeconds == null
				&& typeAnswerIgnoresDiacritics == null && openLeadMillis == null && maxPlayers == null && format == null
				&& buzzer == null;
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return value == null ? fallback : value;
	}
}
