package vn.quizfest.server.game;

import java.util.List;
import java.util.Map;

/**
 * What happened in a game, for the gateway to tell players and host, and for the results writer.
 * Events are facts in the past tense; the engine returns them from each command in order.
 */
public sealed interface GameEvent {

	record PlayerJoined(Player player) implements GameEvent {
	}

	record PlayerKicked(Player player) implements GameEvent {
	}

	record QuestionPreviewed(GameQuestion question, int questionCount, long previewEndsAt) implements GameEvent {
	}

	record QuestionOpened(GameQuestion question, int questionCount, long opensAt, long closesAt) implements GameEvent {
	}

	/**
	 * @param distribution for choice questions, how many players picked each option; otherwise empty
	 * @param outcomes every player's outcome, by player number (absent players included as unanswered)
	 * @param standings everyone's standing after this question
	 */
	record QuestionClosed(GameQuestion question, int questionCount, int answered, int correct, int[] distribution,
			Map<Integer, Outcome> outcomes, List<Standing> standings, long closedAt) implements GameEvent {
	}

	record QuestionSkipped(GameQuestion question) implements GameEvent {
	}

	record LeaderboardShown(GameQuestion question, int questionCount, List<Standing> top, int playerCount)
			implements GameEvent {
	}

	record GamePaused(Phase phase, long remainingMillis) implements GameEvent {
	}

	record GameResumed(Phase phase, long deadline) implements GameEvent {
	}

	/** The final standings of everyone; the first three are the podium. */
	record PodiumShown(List<Standing> standings) implements GameEvent {
	}

	record GameEnded(String reason) implements GameEvent {
	}
}
