package vn.quizfest.server.live;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;

/**
 * Someone a live game talks to: a socket on this node ({@link Connection}) or a socket on another
 * node of the cluster, reached through the game's channel ({@link ClusterRelay.RemotePeer}).
 */
abstract class Peer {

	/** Who this peer is, once it has joined, resumed or authenticated as host. */
	volatile @Nullable LiveGame game;

	volatile int player;

	volatile boolean host;

	volatile boolean joined;

	volatile String language = "vi";

	/** The bound player's resume token: a node that takes the game over resumes the socket with it. */
	volatile @Nullable String resumeToken;

	/**
	 * The last {@code join}, {@code resume} or {@code host} frame of a socket that a node relays: sent again
	 * to a node that takes the game over, when the owner died before it answered (or, for a host, always:
	 * it authenticates again with the new owner).
	 */
	volatile @Nullable String hello;

	abstract String id();

	/**
	 * The client's address, for the per-address join limits: a local socket's own, a relayed socket's as
	 * the node it is on saw it, so the node holding the game counts both alike.
	 */
	abstract String address();

	/** Queues a frame; never blocks. Returns false when the peer is gone. */
	abstract boolean send(String frame);

	/**
	 * Queues a frame that goes to many peers, with its UTF-8 bytes encoded once for all of them; a
	 * socket that can write the bytes as they are does so. Never blocks; false when the peer is gone.
	 */
	boolean send(SharedFrame frame) {
		return send(frame.text());
	}

	abstract void close(CloseStatus status);

	/** Sends a last frame, then closes. */
	abstract void sendAndClose(String frame, CloseStatus status);

	/** A refused message counts towards the abuse limit of the socket it came from. */
	abstract RateLimiter.Verdict strike();

	abstract void forgive();

	/** Called when the game binds this peer as a player or a host. */
	void bound() {
		joined = true;
	}

	boolean isLocal() {
		return true;
	}
}
