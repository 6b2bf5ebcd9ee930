package vn.quizfest.server.game;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The one input of the engine: everything that can change a game. A command carries no time; the
 * caller passes {@code now} beside it, so a recorded list of (command, now) replays to the same events.
 */
public sealed interface GameCommand {

	/**
	 * Calls the handler's method for this kind of command. Java 17 has no pattern {@code switch}, so
	 * this is the dispatch the compiler checks: a new command is a new method every format must write.
	 */
	<R> R accept(Handler<R> handler);

	/** One method per kind of command. */
	interface Handler<R> {

		R join(Join join);

		R resume(Resume resume);

		R disconnect(Disconnect disconnect);

		R answer(Answer answer);

		R buzz(Buzz buzz);

		R host(Host host);

		R tick(Tick tick);

		R expire(Expire expire);
	}

	/**
	 * A new player asks to join with a nickname; the token is the resume secret the gateway made.
	 *
	 * @param unit the id of the unit (team) the player chose, or null (a v1 client, or a game without units)
	 */
	record Join(@Nullable String nickname, String resumeToken, @Nullable String unit) implements GameCommand {

		public Join(@Nullable String nickname, String resumeToken) {
			this(nickname, resumeToken, null);
		}

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.join(this);
		}
	}

	/** A phone comes back with its resume token. */
	record Resume(String resumeToken) implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.resume(this);
		}
	}

	/** The player's socket went away; the player stays in the game and may resume. */
	record Disconnect(int player) implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.disconnect(this);
		}
	}

	record Answer(int player, int question, Submission submission) implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.answer(this);
		}
	}

	/** A buzzer press. Reserved for the buzzer format; the host-paced format refuses it. */
	record Buzz(int player) implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.buzz(this);
		}
	}

	/**
	 * A host action. When the host screen names the phase and question it was showing, the engine
	 * refuses the action as stale if the game has moved on since (a double tap, or a "next" racing the
	 * server's own early close), so it never skips a step the host did not see.
	 *
	 * @param player the player a kick (or a buzzer seat) is for, else null
	 * @param expectedPhase the phase name the host screen showed, or null to skip the check
	 * @param expectedQuestion the question index the host screen showed, or null to skip the check
	 */
	record Host(HostAction action, @Nullable Integer player, @Nullable String expectedPhase,
			@Nullable Integer expectedQuestion) implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.host(this);
		}

		public static Host of(HostAction action) {
			return new Host(action, null, null, null);
		}
	}

	/** The timer fired, or the caller wants whatever is due to run. */
	record Tick() implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.tick(this);
		}
	}

	/**
	 * The server ends a game nobody has moved for the idle limit (left in the lobby, forgotten on a
	 * leaderboard): as the host's {@code end}, with the reason {@code IDLE}. Never sent by a client.
	 */
	record Expire() implements GameCommand {

		@Override
		public <R> R accept(Handler<R> handler) {
			return handler.expire(this);
		}
	}

	/** What the host may ask for, with its name on the wire ({@code docs/protocol.md}). */
	enum HostAction {

		START, NEXT, SKIP, PAUSE, RESUME, END, KICK,

		/** Lobby controls: lock and unlock joining, remove disconnected players who never answered. */
		LOCK, UNLOCK, PRUNE,

		// ---- Rung chuông vàng (game/format/elimination) ----

		/** Brings eliminated players back onto the floor: the one named, or all when none is. */
		REVIVE,

		// ---- buzzer format (Olympia-style rounds) ----

		/** Seat the player named in the command as a contestant, or take the seat away (the score stays). */
		SEAT, UNSEAT,

		/** Judge the contestant who has the floor: right or wrong. */
		RIGHT, WRONG,

		/** Finish round: the owner picks 20 or 30 points for the question shown, or plays the star of hope. */
		PICK20, PICK30, STAR;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<HostAction> fromWire(String name) {
			for (HostAction action : values()) {
				if (action.wireName().equals(name)) {
					return Optional.of(action);
				}
			}
			return Optional.empty();
		}
	}
}
