package vn.quizfest.server.game;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.format.buzzer.BuzzerFormat;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.hosted.HostPacedFormat;

/**
 * The whole state of one game's engine at one moment, as an immutable tree of plain records (lists, not
 * arrays or maps keyed by numbers, so it compares by value and writes as small JSON). A node that takes
 * a game over restores it with {@link Game#restore} and replays only the commands that came after, instead
 * of the game's whole journal. The questions and settings are not in it: they are stored with the game.
 * Exactly one of the format parts is set, the one of {@code format}.
 *
 * @param version {@link #VERSION} of the build that took it; another version is not restored (full replay)
 */
public record GameSnapshot(int version, GameFormatKind format, RosterState roster,
		HostPacedFormat.@Nullable State hosted, EliminationFormat.@Nullable State elimination,
		BuzzerFormat.@Nullable State buzzer) {

	/** Raised with every change to these records that an older build could not read the same way. */
	public static final int VERSION = 1;

	public GameSnapshot {
		int parts = (hosted == null ? 0 : 1) + (elimination == null ? 0 : 1) + (buzzer == null ? 0 : 1);
		if (parts != 1) {
			throw new IllegalArgumentException("a snapshot holds exactly one format's state, not " + parts);
		}
	}

	/** The last close the snapshot holds, whatever the format; null before the first. */
	public @Nullable ClosedState lastClosed() {
		if (hosted != null) {
			return hosted.lastClosed();
		}
		if (elimination != null) {
			return elimination.lastClosed();
		}
		return buzzer == null ? null : buzzer.lastClosed();
	}

	/** A snapshot this build cannot restore: another version, another format, or a state that does not fit. */
	public static final class Unrestorable extends RuntimeException {

		public Unrestorable(String message) {
			super(message);
		}
	}

	/** The players, in join order, and whether the lobby is locked. */
	public record RosterState(List<PlayerState> players, boolean lobbyLocked) {

		public RosterState {
			players = List.copyOf(players);
		}
	}

	/** One player: who it is (its unit by id) and what it has earned so far. */
	public record PlayerState(int number, String nickname, String nicknameKey, String resumeToken, long joinedAt,
			@Nullable String unit, long score, int streak, int correctCount, long correctMillis, boolean connected,
			boolean kicked, boolean answeredOnce) {
	}

	/** One question's run: its clock, its answers in arrival order, and how many connected players answered. */
	public record RunState(int question, long opensAt, long closesAt, List<AnswerState> answers,
			int answeredConnected) {

		public RunState {
			answers = List.copyOf(answers);
		}
	}

	public record AnswerState(int player, Submission submission, AnswerReceipt receipt) {
	}

	/** The last close, as its {@link GameEvent.QuestionClosed} told it (a phone that comes back is shown it). */
	public record ClosedState(int question, int questionCount, int answered, int correct, List<Integer> distribution,
			List<Outcome> outcomes, List<Standing> standings, long closedAt) {

		public ClosedState {
			distribution = List.copyOf(distribution);
			outcomes = List.copyOf(outcomes);
			standings = List.copyOf(standings);
		}

		public static @Nullable ClosedState of(GameEvent.@Nullable QuestionClosed closed) {
			if (closed == null) {
				return null;
			}
			List<Integer> distribution = new ArrayList<>(closed.distribution().length);
			for (int count : closed.distribution()) {
				distribution.add(count);
			}
			return new ClosedState(closed.question().index(), closed.questionCount(), closed.answered(),
					closed.correct(), distribution, List.copyOf(closed.outcomes().values()), closed.standings(),
					closed.closedAt());
		}

		public static GameEvent.@Nullable QuestionClosed restore(@Nullable ClosedState state,
				List<GameQuestion> questions) {
			if (state == null) {
				return null;
			}
			int[] distribution = new int[state.distribution().size()];
			for (int i = 0; i < distribution.length; i++) {
				distribution[i] = state.distribution().get(i);
			}
			Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
			for (Outcome outcome : state.outcomes()) {
				outcomes.put(outcome.player(), outcome);
			}
			return new GameEvent.QuestionClosed(GameSnapshot.question(questions, state.question()), state.questionCount(),
					state.answered(), state.correct(), distribution, outcomes, state.standings(), state.closedAt());
		}
	}

	/** A unit's points so far, by unit id (team play by unit). */
	public record UnitScore(String unit, double score) {
	}

	/** The question of this index; a snapshot that names none of them is not restored. */
	public static GameQuestion question(List<GameQuestion> questions, int index) {
		if (index < 0 || index >= questions.size()) {
			throw new Unrestorable("the snapshot names question " + index + " of " + questions.size());
		}
		return questions.get(index);
	}
}
