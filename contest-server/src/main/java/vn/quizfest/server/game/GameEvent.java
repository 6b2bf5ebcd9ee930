package vn.quizfest.server.game;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.ranking.UnitRanking;
import vn.quizfest.server.game.format.buzzer.BuzzerBoard;

/**
 * What happened in a game, for the gateway to tell players and host, and for the results writer.
 * Events are facts in the past tense; the engine returns them from each command in order.
 */
public sealed interface GameEvent {

	/**
	 * Calls the listener's method for this event. Java 17 has no pattern {@code switch}, so this is the
	 * dispatch the compiler checks: a new event is a new method that every listener must implement.
	 *
	 * @param now the time of the command that caused the event
	 */
	void dispatchTo(Listener listener, long now);

	/** One method per event, none with a default: an adapter that has not learned an event fails the build. */
	interface Listener {

		void playerJoined(PlayerJoined event, long now);

		void playerKicked(PlayerKicked event, long now);

		void playerDisconnected(PlayerDisconnected event, long now);

		void playerReconnected(PlayerReconnected event, long now);

		void lobbyLocked(LobbyLocked event, long now);

		void questionPreviewed(QuestionPreviewed event, long now);

		void questionOpened(QuestionOpened event, long now);

		void questionClosed(QuestionClosed event, long now);

		void questionSkipped(QuestionSkipped event, long now);

		void leaderboardShown(LeaderboardShown event, long now);

		void gamePaused(GamePaused event, long now);

		void gameResumed(GameResumed event, long now);

		void podiumShown(PodiumShown event, long now);

		void gameEnded(GameEnded event, long now);

		// ---- Team play by unit (game/ranking/UnitRanking) ----

		void unitsRanked(UnitsRanked event, long now);
		// ---- Rung chuông vàng (game/format/elimination) ----

		void floorChanged(FloorChanged event, long now);

		void goldenBellAwarded(GoldenBellAwarded event, long now);
		// ---- buzzer format (Olympia-style rounds) ----

		void buzzerBoardChanged(BuzzerBoardChanged event, long now);
	}

	record PlayerJoined(Player player) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.playerJoined(this, now);
		}
	}

	record PlayerKicked(Player player) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.playerKicked(this, now);
		}
	}

	/** The player's connection went away; the player stays in the game and may resume. */
	record PlayerDisconnected(Player player) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.playerDisconnected(this, now);
		}
	}

	/** A disconnected player came back with the resume token. */
	record PlayerReconnected(Player player) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.playerReconnected(this, now);
		}
	}

	/** The host locked or unlocked the lobby (told again when it already was). */
	record LobbyLocked(boolean locked) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.lobbyLocked(this, now);
		}
	}

	record QuestionPreviewed(GameQuestion question, int questionCount, long previewEndsAt) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.questionPreviewed(this, now);
		}
	}

	record QuestionOpened(GameQuestion question, int questionCount, long opensAt, long closesAt) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.questionOpened(this, now);
		}
	}

	/**
	 * @param distribution for choice questions, how many players picked each option; otherwise empty
	 * @param outcomes every player's outcome, by player number (absent players included as unanswered)
	 * @param standings everyone's standing after this question
	 */
	record QuestionClosed(GameQuestion question, int questionCount, int answered, int correct, int[] distribution,
			Map<Integer, Outcome> outcomes, List<Standing> standings, long closedAt) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.questionClosed(this, now);
		}
	}

	record QuestionSkipped(GameQuestion question) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.questionSkipped(this, now);
		}
	}

	record LeaderboardShown(GameQuestion question, int questionCount, List<Standing> top, int playerCount)
			implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.leaderboardShown(this, now);
		}
	}

	record GamePaused(Phase phase, long remainingMillis) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.gamePaused(this, now);
		}
	}

	record GameResumed(Phase phase, long deadline) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.gameResumed(this, now);
		}
	}

	/** The final standings of everyone; the first three are the podium. */
	record PodiumShown(List<Standing> standings) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.podiumShown(this, now);
		}
	}

	record GameEnded(String reason) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.gameEnded(this, now);
		}
	}

	// ---- Team play by unit (game/ranking/UnitRanking) ----------------------------------------

	/**
	 * The units' standings changed: told just before the {@link QuestionClosed} of a scored question
	 * (so each player's outcome can carry its place inside its unit) and before the {@link PodiumShown},
	 * then with {@code last} set. Only in a game with units.
	 *
	 * @param question the index of the question just closed, or -1 at the podium
	 * @param standings every unit, ranked ones first (see {@link UnitRanking#standings()})
	 * @param places each player's place inside its unit, by player number
	 */
	record UnitsRanked(int question, List<UnitStanding> standings, Map<Integer, UnitPlace> places,
			boolean last) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.unitsRanked(this, now);
		}
	}

	// ---- Rung chuông vàng (game/format/elimination) ----

	/** Why players left the floor of a Rung chuông vàng game, or came (back) onto it. */
	enum FloorCause {

		/** A question closed: who was wrong or did not answer left the floor. */
		WRONG,

		/** Everyone on the floor fell on one question, and the organiser's rule brought them all back. */
		ALL_FELL,

		/** A rescue question closed: the eliminated who were right came back. */
		RESCUE_QUESTION,

		/** The organiser's revival at a set question brought everyone eliminated back. */
		REVIVAL,

		/** The host brought players back, by number or all. */
		HOST,

		/** Substitutes came onto a floor that had fallen below its set size. */
		RESERVE
	}

	/**
	 * Players left the floor or came onto it. One follows every closed question (with empty lists when
	 * nobody moved), so the counts on every screen stay right.
	 *
	 * @param question the index of the question the change belongs to (the one closed, or the one next)
	 * @param out the players who left the floor
	 * @param back the players who came onto the floor
	 * @param onFloor how many are on the floor now
	 * @param eliminated how many are eliminated now
	 * @param units with team play by unit, every unit's players on the floor now, in the organiser's
	 *        order; empty in a game without units
	 */
	record FloorChanged(int question, FloorCause cause, List<Integer> out, List<Integer> back, int onFloor,
			int eliminated, List<UnitSurvivors> units) implements GameEvent {

		public FloorChanged {
			out = List.copyOf(out);
			back = List.copyOf(back);
			units = List.copyOf(units);
		}

		/** A change in a game without units. */
		public FloorChanged(int question, FloorCause cause, List<Integer> out, List<Integer> back, int onFloor,
				int eliminated) {
			this(question, cause, out, back, onFloor, eliminated, List.of());
		}

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.floorChanged(this, now);
		}
	}

	/**
	 * The game is over: who is still on the floor rings the golden bell. Empty when nobody does (all
	 * fell and the organiser's rule ends the game with no winner).
	 *
	 * <p>With team play by unit, {@code unit} is the winning unit: the last unit with survivors (see
	 * {@link vn.quizfest.server.game.format.elimination.EliminationFormat#winningUnit()}), null when none
	 * is; {@code units} has every unit's players left on the floor (empty in a game without units).
	 */
	record GoldenBellAwarded(List<Integer> winners, @Nullable Unit unit, List<UnitSurvivors> units)
			implements GameEvent {

		public GoldenBellAwarded {
			winners = List.copyOf(winners);
			units = List.copyOf(units);
		}

		/** The bell of a game without units. */
		public GoldenBellAwarded(List<Integer> winners) {
			this(winners, null, List.of());
		}

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.goldenBellAwarded(this, now);
		}
	}

	// ---- buzzer format (Olympia-style rounds) ----

	/**
	 * The stage of a buzzer game changed (a seat, a press, the floor, a judgement, a score): the whole
	 * board, for the presenter and the contestants' phones.
	 */
	record BuzzerBoardChanged(BuzzerBoard board) implements GameEvent {

		@Override
		public void dispatchTo(Listener listener, long now) {
			listener.buzzerBoardChanged(this, now);
		}
	}
}
