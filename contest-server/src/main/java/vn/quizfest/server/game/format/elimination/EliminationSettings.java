package vn.quizfest.server.game.format.elimination;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a game of Rung chuông vàng plays. Question numbers are the organiser's, counted from 1
 * ("câu 7"). Every field may be absent in stored or requested settings and then takes its default.
 *
 * @param secondsPerQuestion the time of every question in this game, replacing each question's own
 *        (default 15; the stage shows use 10 to 20)
 * @param rescueQuestions the rescue questions: only eliminated players answer, those right come back
 *        (default none)
 * @param revivalAtQuestion before this question everyone eliminated comes back, if the condition holds
 *        (default none)
 * @param revivalBelow the condition of the revival: fewer than this many on the floor (default: always)
 * @param allFall what happens when everyone on the floor falls on one question (default: they all come back)
 * @param numbers the organiser's list of numbers (số báo danh): a player joins by typing a listed number;
 *        empty means numbers in join order (default empty)
 * @param reserves numbers of the substitutes: they join the game but wait off the floor until it falls
 *        below {@code reserveBelow} players (default none). With team play by unit a substitute belongs
 *        to the unit it plays for (its number's unit on the list, else the unit it joined for) and comes
 *        on for that unit only
 * @param reserveBelow substitutes come onto the floor while fewer than this many are on it (default
 *        none); with team play by unit, while fewer than this many of their own unit are on it
 */
public record EliminationSettings(@Nullable Integer secondsPerQuestion, @Nullable List<Integer> rescueQuestions,
		@Nullable Integer revivalAtQuestion, @Nullable Integer revivalBelow, @Nullable AllFallRule allFall,
		@Nullable List<Badge> numbers, @Nullable List<String> reserves, @Nullable Integer reserveBelow) {

	public static final int DEFAULT_SECONDS = 15;

	public static final int MIN_SECONDS = 5;

	public static final int MAX_SECONDS = 120;

	/** Longest list of numbers: the largest game. */
	public static final int MAX_NUMBERS = 50_000;

	/** Longest number on a list (a printed badge: "A-0123"). */
	public static final int MAX_NUMBER_LENGTH = 12;

	/** What happens when everyone still on the floor is wrong on one question. */
	public enum AllFallRule {

		/** Everyone who fell on that question comes back: the game goes on with them (the stage custom). */
		REVIVE,

		/** The game ends there with no winner. */
		NO_WINNER
	}

	/**
	 * One entry of the organiser's list.
	 *
	 * @param number the số báo danh a player types to join
	 * @param name the name the presenter and the results show beside it, if any
	 * @param unit with team play by unit, the id of the unit the number plays for (the list's unit
	 *        column); the player then joins for it whatever the phone chose. Null: the phone chooses
	 */
	public record Badge(String number, @Nullable String name, @Nullable String unit) {

		/** A number without a unit. */
		public Badge(String number, @Nullable String name) {
			this(number, name, null);
		}

		public Badge {
			if (number == null || number.isBlank()) {
				throw new IllegalArgumentException("elimination.numbers: a number is empty");
			}
			number = number.strip();
			if (number.length() > MAX_NUMBER_LENGTH) {
				throw new IllegalArgumentException("elimination.numbers: " + number + " is longer than "
						+ MAX_NUMBER_LENGTH + " characters");
			}
			name = name == null || name.isBlank() ? null : name.strip();
			unit = unit == null || unit.isBlank() ? null : unit.strip();
		}

		/** The key a typed number is matched by: case and surrounding spaces do not matter. */
		public String key() {
			return key(number);
		}

		public static String key(String typed) {
			return typed.strip().toUpperCase(Locale.ROOT);
		}
	}

	public EliminationSettings {
		if (secondsPerQuestion == null) {
			secondsPerQuestion = DEFAULT_SECONDS;
		}
		if (secondsPerQuestion < MIN_SECONDS || secondsPerQuestion > MAX_SECONDS) {
			throw new IllegalArgumentException(
					"elimination.secondsPerQuestion must be " + MIN_SECONDS + ".." + MAX_SECONDS);
		}
		rescueQuestions = rescueQuestions == null ? List.of() : List.copyOf(new java.util.TreeSet<>(rescueQuestions));
		for (int question : rescueQuestions) {
			if (question < 1) {
				throw new IllegalArgumentException("elimination.rescueQuestions are question numbers from 1");
			}
		}
		if (revivalAtQuestion != null && revivalAtQuestion < 2) {
			throw new IllegalArgumentException("elimination.revivalAtQuestion must be 2 or later");
		}
		if (revivalBelow != null && revivalBelow < 1) {
			throw new IllegalArgumentException("elimination.revivalBelow must be 1 or more");
		}
		if (allFall == null) {
			allFall = AllFallRule.REVIVE;
		}
		numbers = numbers == null ? List.of() : List.copyOf(numbers);
		if (numbers.size() > MAX_NUMBERS) {
			throw new IllegalArgumentException("elimination.numbers: at most " + MAX_NUMBERS);
		}
		Set<String> seen = new HashSet<>();
		for (Badge badge : numbers) {
			if (!seen.add(badge.key())) {
				throw new IllegalArgumentException("elimination.numbers: " + badge.number() + " is listed twice");
			}
		}
		reserves = reserves == null ? List.of() : reserves.stream().map(String::strip).distinct().toList();
		if (!numbers.isEmpty()) {
			for (String reserve : reserves) {
				if (!seen.contains(Badge.key(reserve))) {
					throw new IllegalArgumentException("elimination.reserves: " + reserve + " is not on the list");
				}
			}
		}
		if (reserveBelow != null && reserveBelow < 1) {
			throw new IllegalArgumentException("elimination.reserveBelow must be 1 or more");
		}
		if (!reserves.isEmpty() && reserveBelow == null) {
			throw new IllegalArgumentException("elimination.reserves need reserveBelow");
		}
	}

	public static EliminationSettings defaults() {
		return new EliminationSettings(null, null, null, null, null, null, null, null);
	}

	/** Checks what depends on the game's questions: rescue and revival questions must exist. */
	public void checkAgainst(int questionCount) {
		for (int question : rescueQuestions) {
			if (question > questionCount) {
				throw new IllegalArgumentException("elimination.rescueQuestions: the game has " + questionCount
						+ " questions, not " + question);
			}
		}
		if (rescueQuestions.contains(1)) {
			throw new IllegalArgumentException("elimination.rescueQuestions: question 1 has nobody to rescue");
		}
		if (revivalAtQuestion != null && revivalAtQuestion > questionCount) {
			throw new IllegalArgumentException("elimination.revivalAtQuestion: the game has " + questionCount
					+ " questions, not " + revivalAtQuestion);
		}
	}

	public boolean isRescue(int questionIndex) {
		return rescueQuestions.contains(questionIndex + 1);
	}
}
