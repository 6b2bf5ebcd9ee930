package vn.quizfest.server.bank;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import vn.quizfest.server.game.GameFormatKind;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.ScoringMode;
import vn.quizfest.server.game.TeamSettings;
import vn.quizfest.server.game.format.buzzer.BuzzerSettings;
import vn.quizfest.server.game.format.elimination.EliminationSettings;
import vn.quizfest.server.game.format.elimination.EliminationSettings.AllFallRule;
import vn.quizfest.server.game.format.elimination.EliminationSettings.Badge;
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
		@Nullable GameFormatKind format, @Nullable EliminationRules elimination, @Nullable TeamsRequest teams,
		@Nullable BuzzerSettings buzzer) {

	/** Settings without a format's rules and without team play. */
	public GameSettingsRequest(@Nullable Integer previewSeconds, @Nullable ScoringMode scoring, @Nullable Boolean streaks,
			@Nullable Integer leaderboardSize, @Nullable Boolean autoAdvance, @Nullable Integer resultSeconds,
			@Nullable Integer leaderboardSeconds, @Nullable Boolean typeAnswerIgnoresDiacritics,
			@Nullable Integer openLeadMillis, @Nullable Integer maxPlayers, @Nullable GameFormatKind format) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, (EliminationRules) null,
				(TeamsRequest) null, (BuzzerSettings) null);
	}

	/** Settings with team play and without a format's rules. */
	public GameSettingsRequest(@Nullable Integer previewSeconds, @Nullable ScoringMode scoring, @Nullable Boolean streaks,
			@Nullable Integer leaderboardSize, @Nullable Boolean autoAdvance, @Nullable Integer resultSeconds,
			@Nullable Integer leaderboardSeconds, @Nullable Boolean typeAnswerIgnoresDiacritics,
			@Nullable Integer openLeadMillis, @Nullable Integer maxPlayers, @Nullable GameFormatKind format,
			@Nullable TeamsRequest teams) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, (EliminationRules) null, teams,
				(BuzzerSettings) null);
	}

	/** Settings with a Rung chuông vàng's rules and without team play. */
	public GameSettingsRequest(@Nullable Integer previewSeconds, @Nullable ScoringMode scoring, @Nullable Boolean streaks,
			@Nullable Integer leaderboardSize, @Nullable Boolean autoAdvance, @Nullable Integer resultSeconds,
			@Nullable Integer leaderboardSeconds, @Nullable Boolean typeAnswerIgnoresDiacritics,
			@Nullable Integer openLeadMillis, @Nullable Integer maxPlayers, @Nullable GameFormatKind format,
			@Nullable EliminationRules elimination) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, elimination, (TeamsRequest) null,
				(BuzzerSettings) null);
	}

	/** Settings of a buzzer game, without team play. */
	public GameSettingsRequest(@Nullable Integer previewSeconds, @Nullable ScoringMode scoring, @Nullable Boolean streaks,
			@Nullable Integer leaderboardSize, @Nullable Boolean autoAdvance, @Nullable Integer resultSeconds,
			@Nullable Integer leaderboardSeconds, @Nullable Boolean typeAnswerIgnoresDiacritics,
			@Nullable Integer openLeadMillis, @Nullable Integer maxPlayers, @Nullable GameFormatKind format,
			@Nullable BuzzerSettings buzzer) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, (EliminationRules) null,
				(TeamsRequest) null, buzzer);
	}

	/**
	 * The Rung chuông vàng rules as the API takes them ({@link EliminationSettings} documents each);
	 * checked when the settings resolve, so a bad value answers {@code game.settings.invalid} with its reason.
	 */
	public record EliminationRules(@Nullable Integer secondsPerQuestion, @Nullable List<Integer> rescueQuestions,
			@Nullable Integer revivalAtQuestion, @Nullable Integer revivalBelow, @Nullable AllFallRule allFall,
			@Nullable List<NumberEntry> numbers, @Nullable List<String> reserves, @Nullable Integer reserveBelow) {

		EliminationSettings resolve() {
			List<Badge> badges = null;
			if (numbers != null) {
				badges = new ArrayList<>(numbers.size());
				for (NumberEntry entry : numbers) {
					if (entry == null) {
						throw new IllegalArgumentException("elimination.numbers: an entry is empty");
					}
					badges.add(new Badge(entry.number(), entry.name(), entry.unit()));
				}
			}
			if (rescueQuestions != null && rescueQuestions.contains(null)) {
				throw new IllegalArgumentException("elimination.rescueQuestions: an entry is empty");
			}
			if (reserves != null && reserves.contains(null)) {
				throw new IllegalArgumentException("elimination.reserves: an entry is empty");
			}
			return new EliminationSettings(secondsPerQuestion, rescueQuestions, revivalAtQuestion, revivalBelow,
					allFall, badges, reserves, reserveBelow);
		}
	}

	/**
	 * One entry of the organiser's list of numbers: the number (số báo danh) and, if given, the name
	 * and (team play by unit) the id of the unit the number plays for.
	 */
	public record NumberEntry(@Nullable String number, @Nullable String name, @Nullable String unit) {

		public NumberEntry(@Nullable String number, @Nullable String name) {
			this(number, name, null);
		}
	}


	/** The settings with defaults filled in; {@code 400 game.settings.invalid} when they do not fit together. */
	public GameSettings resolve() {
		GameSettings d = GameSettings.defaults();
		// Team play: units typed here, or from a contest (read by the game's creator, which then sets them).
		TeamSettings teamSettings = teams == null ? null : teams.resolve();
		try {
			return new GameSettings(or(previewSeconds, d.previewSeconds()), scoring == null ? d.scoring() : scoring,
					or(streaks, d.streaks()), or(leaderboardSize, d.leaderboardSize()), or(autoAdvance, d.autoAdvance()),
					or(resultSeconds, d.resultSeconds()), or(leaderboardSeconds, d.leaderboardSeconds()),
					or(typeAnswerIgnoresDiacritics, d.typeAnswerIgnoresDiacritics()),
					or(openLeadMillis, d.openLeadMillis()), or(maxPlayers, d.maxPlayers()), or(format, d.format()),
					elimination == null ? null : elimination.resolve(), teamSettings, buzzer);
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
				&& elimination == null && teams == null && buzzer == null;
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return value == null ? fallback : value;
	}
}
