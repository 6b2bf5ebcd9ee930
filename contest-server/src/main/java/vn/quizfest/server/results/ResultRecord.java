package vn.quizfest.server.results;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the live game hands to the write-behind queue. Each record is idempotent in the database:
 * writing it twice leaves the same rows.
 */
public sealed interface ResultRecord {

	String gameId();

	/**
	 * The game moved to a new status; {@code at} is epoch millis. {@link #RUNNING} also sets the
	 * game's start time and {@link #ENDED} its end time (each only once); an ended game keeps its status.
	 */
	record StatusChanged(String gameId, String status, long at) implements ResultRecord {

		public static final String RUNNING = "RUNNING";

		public static final String ENDED = "ENDED";
	}

	/** @param unitId with team play by unit, the unit the player plays for (and its name); else null */
	record PlayerJoined(String gameId, int player, String nickname, long joinedAt, @Nullable String unitId,
			@Nullable String unitName) implements ResultRecord {

		public PlayerJoined(String gameId, int player, String nickname, long joinedAt) {
			this(gameId, player, nickname, joinedAt, null, null);
		}
	}

	record PlayerKicked(String gameId, int player) implements ResultRecord {
	}

	record QuestionSkipped(String gameId, int position) implements ResultRecord {
	}

	/** One player's answer to one question, written when the question closes. */
	record AnswerScored(String gameId, int position, int player, String answerJson, boolean correct, double credit,
			int points, int streak, long responseMillis, long receivedAt) implements ResultRecord {
	}

	/**
	 * Final standings: every player's score, rank, correct count and correct-answer time. Also ends the
	 * game ({@code ENDED}, end time) in case its status change was not sent.
	 */
	record GameFinished(String gameId, long endedAt, List<FinalStanding> standings, List<FinalUnit> units)
			implements ResultRecord {

		public GameFinished(String gameId, long endedAt, List<FinalStanding> standings) {
			this(gameId, endedAt, standings, List.of());
		}
	}

	/**
	 * With team play by unit, one unit's final standing.
	 *
	 * @param rank 1, 2, ...; null for a unit with fewer members than the minimum
	 * @param position the unit's place in the listing (ranked units first)
	 * @param survivors Rung chuông vàng by unit: the unit's players on the floor at the end; else null
	 * @param goldenBell Rung chuông vàng by unit: whether the unit won (the last unit with survivors); else null
	 */
	record FinalUnit(String unitId, String unitName, @Nullable Integer rank, int position, double score,
			int members, @Nullable Integer survivors, @Nullable Boolean goldenBell) {

		/** A unit of a game without a floor. */
		public FinalUnit(String unitId, String unitName, @Nullable Integer rank, int position, double score,
				int members) {
			this(unitId, unitName, rank, position, score, members, null, null);
		}

		/** The same unit with where it ended on the floor of Rung chuông vàng. */
		public FinalUnit onFloor(int remaining, boolean won) {
			return new FinalUnit(unitId, unitName, rank, position, score, members, remaining, won);
		}
	}

	record FinalStanding(int player, long score, int rank, int correctCount, long correctMillis) {
	}

	// ---- Rung chuông vàng ----

	/** Where every player of an elimination game ended: written once, when the golden bell is awarded. */
	record FloorFates(String gameId, List<FloorFate> fates) implements ResultRecord {

		public FloorFates {
			fates = List.copyOf(fates);
		}
	}

	/**
	 * @param fellAt the question (position) at which the player fell for good, or -1 for one on the floor
	 * @param rescues how often the player came back onto the floor
	 * @param goldenBell whether the player rang the golden bell
	 */
	record FloorFate(int player, String badge, @org.jspecify.annotations.Nullable String name, int fellAt,
			int rescues, boolean goldenBell) {
	}

	// ---- buzzer rounds ----

	/**
	 * Every contestant of a buzzer game, ranked among the contestants, after a change on stage: the game's
	 * latest record replaces its rows (so writing it twice leaves the same rows).
	 */
	record StageScores(String gameId, List<StageSeat> contestants) implements ResultRecord {

		public StageScores {
			contestants = List.copyOf(contestants);
		}
	}

	/**
	 * @param seat the seat (1 first), null for a contestant who left the stage
	 * @param starAt the question (position, from 0) on which the star of hope was played, null if never
	 */
	record StageSeat(int player, @Nullable Integer seat, int rank, long score, long warmup, long acceleration,
			long finish, int presses, int right, int wrong, int steals, int stealsRight, @Nullable Integer starAt) {
	}
}
