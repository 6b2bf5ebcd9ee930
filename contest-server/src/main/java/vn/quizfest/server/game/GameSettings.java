package vn.quizfest.server.game;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.format.buzzer.BuzzerSettings;
import vn.quizfest.server.game.format.elimination.EliminationSettings;


/**
 * How one game plays. Defaults suit a host on a stage; {@code autoAdvance} lets an unattended
 * screen run the game alone.
 *
 * @param previewSeconds seconds the question text shows before the options open (0 opens at once)
 * @param scoring speed-based or accuracy-only scoring
 * @param streaks whether consecutive correct answers earn a streak bonus
 * @param leaderboardSize how many players the leaderboard between questions shows
 * @param autoAdvance move on without the host: results, leaderboard, next question
 * @param resultSeconds with auto-advance, how long the result of a question shows
 * @param leaderboardSeconds with auto-advance, how long the leaderboard shows
 * @param typeAnswerIgnoresDiacritics type-answer matching also ignores Vietnamese diacritics
 * @param openLeadMillis the options open this long after they are sent, so every phone gets the full time
 * @param maxPlayers players admitted to the game
 * @param format the live format the game plays ({@link GameFormatKind#HOSTED} when absent)
 * @param elimination the Rung chuông vàng rules, for {@link GameFormatKind#ELIMINATION} (defaults when absent)
 * @param teams team play by unit: the units and how they are ranked; null for a game without units
 * @param buzzer the rounds and rules of a buzzer game; null: the defaults ({@link BuzzerSettings#defaults()})
 */
public record GameSettings(int previewSeconds, ScoringMode scoring, boolean streaks, int leaderboardSize,
		boolean autoAdvance, int resultSeconds, int leaderboardSeconds, boolean typeAnswerIgnoresDiacritics,
		int openLeadMillis, int maxPlayers, GameFormatKind format, @Nullable EliminationSettings elimination,
		@Nullable TeamSettings teams, @Nullable BuzzerSettings buzzer) {

	public static final int MAX_PLAYERS_LIMIT = 50_000;

	public GameSettings {
		if (format == null) {
			// Settings stored before formats existed, and clients that do not name one, play the classic game.
			format = GameFormatKind.HOSTED;
		}
		if (format == GameFormatKind.ELIMINATION && elimination == null) {
			elimination = EliminationSettings.defaults();
		}
		if (previewSeconds < 0 || previewSeconds > 60) {
			throw new IllegalArgumentException("previewSeconds must be 0..60");
		}
		if (leaderboardSize < 1 || leaderboardSize > 50) {
			throw new IllegalArgumentException("leaderboardSize must be 1..50");
		}
		if (resultSeconds < 1 || resultSeconds > 120 || leaderboardSeconds < 1 || leaderboardSeconds > 120) {
			throw new IllegalArgumentException("resultSeconds and leaderboardSeconds must be 1..120");
		}
		if (openLeadMillis < 0 || openLeadMillis > 5_000) {
			throw new IllegalArgumentException("openLeadMillis must be 0..5000");
		}
		if (maxPlayers < 1 || maxPlayers > MAX_PLAYERS_LIMIT) {
			throw new IllegalArgumentException("maxPlayers must be 1.." + MAX_PLAYERS_LIMIT);
		}
		if (buzzer != null) {
			buzzer.check();
		}
	}

	/** Settings without a format's rules (their defaults apply) and without team play. */
	public GameSettings(int previewSeconds, ScoringMode scoring, boolean streaks, int leaderboardSize,
			boolean autoAdvance, int resultSeconds, int leaderboardSeconds, boolean typeAnswerIgnoresDiacritics,
			int openLeadMillis, int maxPlayers, GameFormatKind format) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, (EliminationSettings) null,
				(TeamSettings) null, (BuzzerSettings) null);
	}

	/** Settings with team play and without a format's rules. */
	public GameSettings(int previewSeconds, ScoringMode scoring, boolean streaks, int leaderboardSize,
			boolean autoAdvance, int resultSeconds, int leaderboardSeconds, boolean typeAnswerIgnoresDiacritics,
			int openLeadMillis, int maxPlayers, GameFormatKind format, @Nullable TeamSettings teams) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, (EliminationSettings) null, teams,
				(BuzzerSettings) null);
	}

	/** Settings with a Rung chuông vàng's rules and without team play. */
	public GameSettings(int previewSeconds, ScoringMode scoring, boolean streaks, int leaderboardSize,
			boolean autoAdvance, int resultSeconds, int leaderboardSeconds, boolean typeAnswerIgnoresDiacritics,
			int openLeadMillis, int maxPlayers, GameFormatKind format, @Nullable EliminationSettings elimination) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, elimination, (TeamSettings) null,
				(BuzzerSettings) null);
	}

	/** Settings of a classic, host-paced game. */
	public GameSettings(int previewSeconds, ScoringMode scoring, boolean streaks, int leaderboardSize,
			boolean autoAdvance, int resultSeconds, int leaderboardSeconds, boolean typeAnswerIgnoresDiacritics,
			int openLeadMillis, int maxPlayers) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, GameFormatKind.HOSTED);
	}

	public static GameSettings defaults() {
		return new GameSettings(3, ScoringMode.SPEED, true, 5, false, 8, 8, true, 300, 20_000, GameFormatKind.HOSTED);
	}

	public GameSettings withFormat(GameFormatKind kind) {
		return new GameSettings(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, kind, elimination, teams, buzzer);
	}

	public GameSettings withScoring(ScoringMode mode, boolean withStreaks) {
		return new GameSettings(previewSeconds, mode, withStreaks, leaderboardSize, autoAdvance, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, elimination, teams, buzzer);
	}

	public GameSettings withAutoAdvance(int resultSeconds, int leaderboardSeconds) {
		return new GameSettings(previewSeconds, scoring, streaks, leaderboardSize, true, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, elimination, teams, buzzer);
	}

	public GameSettings withPreview(int seconds, int leadMillis) {
		return new GameSettings(seconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, leadMillis, maxPlayers, format, elimination, teams, buzzer);
	}

	/** The same settings with team play by unit (null: none). */
	public GameSettings withTeams(@Nullable TeamSettings unitTeams) {
		return new GameSettings(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, elimination, unitTeams, buzzer);
	}

	/** A Rung chuông vàng game with these rules. */
	public GameSettings withElimination(EliminationSettings rules) {
		return new GameSettings(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers,
				GameFormatKind.ELIMINATION, rules, teams, buzzer);
	}

	/** Settings of a buzzer game with these rounds, without team play. */
	public GameSettings(int previewSeconds, ScoringMode scoring, boolean streaks, int leaderboardSize,
			boolean autoAdvance, int resultSeconds, int leaderboardSeconds, boolean typeAnswerIgnoresDiacritics,
			int openLeadMillis, int maxPlayers, GameFormatKind format, @Nullable BuzzerSettings buzzer) {
		this(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds, leaderboardSeconds,
				typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, (EliminationSettings) null,
				(TeamSettings) null, buzzer);
	}

	/** The buzzer settings, the defaults when none were given. */
	public BuzzerSettings buzzerOrDefaults() {
		return buzzer == null ? BuzzerSettings.defaults() : buzzer;
	}

	public GameSettings withBuzzer(@Nullable BuzzerSettings settings) {
		return new GameSettings(previewSeconds, scoring, streaks, leaderboardSize, autoAdvance, resultSeconds,
				leaderboardSeconds, typeAnswerIgnoresDiacritics, openLeadMillis, maxPlayers, format, elimination, teams,
				settings);
	}
}
