package vn.quizfest.server.live;

import org.springframework.web.socket.CloseStatus;

/** WebSocket close codes of the QuizFest protocol (docs/protocol.md). 1009 (frame too big) comes from the container. */
final class CloseCodes {

	/** The game ended; there is nothing more to play. */
	static final CloseStatus GAME_OVER = new CloseStatus(4000, "game over");

	/** The host removed this player. */
	static final CloseStatus KICKED = new CloseStatus(4001, "kicked");

	/** Another connection resumed as this player (the newest connection wins). */
	static final CloseStatus REPLACED = new CloseStatus(4002, "replaced");

	/** No join or resume arrived in time. */
	static final CloseStatus JOIN_TIMEOUT = new CloseStatus(4003, "join timeout");

	/** The client speaks a protocol version this server does not. */
	static final CloseStatus UNSUPPORTED_VERSION = new CloseStatus(4004, "unsupported protocol version");

	/** Host authentication failed. */
	static final CloseStatus HOST_REFUSED = new CloseStatus(4005, "host refused");

	/** Too many refused or flooding messages. */
	static final CloseStatus ABUSE = new CloseStatus(4008, "abuse");

	/** The connection could not keep up with the game; the client should resume. */
	static final CloseStatus SLOW_CONSUMER = new CloseStatus(4010, "slow consumer");

	/** A joined player socket sent nothing, not even a ping, within the idle timeout; the client may resume. */
	static final CloseStatus IDLE = new CloseStatus(4011, "idle");

	/**
	 * The game moved to another node of the cluster (this one is shutting down, or lost the game's lease):
	 * the client should resume at once, through any node.
	 */
	static final CloseStatus MOVED = new CloseStatus(4012, "game moved");

	/** The server is shutting down; the client should resume on another node or later. */
	static final CloseStatus SERVER_RESTART = new CloseStatus(1012, "server restart");

	private CloseCodes() {
	}
}
