package vn.quizfest.server.game;

import java.util.List;
import java.util.Optional;

import vn.quizfest.server.game.ranking.UnitRanking;

/**
 * The extension point of the engine: what a live format (host-paced, elimination, buzzer, ...)
 * implements. A format owns its flow; the shared parts ({@link Roster}, {@link QuestionRun},
 * {@link Grading}, {@link Scoring}, the ranking policies) hold the rules every format keeps.
 *
 * <p>{@link Game} calls {@link #handle} after the rules every format shares (the stale-command rule);
 * a format refuses a command by returning {@link Decision#refused} or by throwing {@link Game.Refusal}.
 * A format is deterministic: the same commands at the same {@code now} give the same events.
 */
public interface GameFormat {

	Decision handle(GameCommand command, long now);

	/** When the next {@link GameCommand.Tick} must run, or -1 when nothing is timed. */
	long nextDeadline();

	/** What a (re)joining phone of this player needs to catch up. */
	PlayerView playerView(int player);

	/** What a (re)joining host screen needs to catch up. */
	HostView hostView();

	Phase phase();

	boolean paused();

	/** The question being played or last played, if any. */
	Optional<GameQuestion> currentQuestion();

	List<GameQuestion> questions();

	GameSettings settings();

	Roster roster();

	/** Standings after the last closed question (empty before). */
	List<Standing> standings();

	/**
	 * The whole state of the game now, for a node that may have to take it over: restored by
	 * {@link Game#restore} into an engine that then behaves exactly as this one (same events for the same
	 * commands at the same {@code now}).
	 */
	GameSnapshot snapshot();

	/** Team play by unit: the units' ranking, in a game with units (a format that ranks units overrides this). */
	default Optional<UnitRanking> unitRanking() {
		return Optional.empty();
	}
}
