package vn.quizfest.server.game;

import java.util.List;

/**
 * What one command did: the events it caused, in order, and the reply to whoever sent it. A refused
 * command is a reply too, with no events.
 */
public record Decision(List<GameEvent> events, Reply reply) {

	public Decision {
		events = List.copyOf(events);
	}

	public static Decision refused(String code) {
		return new Decision(List.of(), new Reply.Refused(code));
	}

	public boolean isRefused() {
		return reply instanceof Reply.Refused;
	}

	/** The answer to the sender of a command. */
	public sealed interface Reply {

		/** A new player is in: the reply carries the player (number, token, score). */
		record Joined(Player player) implements Reply {
		}

		/** A phone came back as this player. */
		record Resumed(Player player) implements Reply {
		}

		/** The acknowledgement of an answer; a refused answer is a receipt with its error code. */
		record Answered(AnswerReceipt receipt) implements Reply {
		}

		/** The command was carried out (host actions, ticks, disconnects). */
		record Done() implements Reply {
		}

		/** Disconnected players who never answered were removed (as kicked); this many. */
		record Removed(int count) implements Reply {
		}

		/** The command was refused with a reason code from {@code docs/protocol.md}. */
		record Refused(String code) implements Reply {
		}
	}
}
