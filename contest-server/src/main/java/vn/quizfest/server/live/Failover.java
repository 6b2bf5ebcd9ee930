package vn.quizfest.server.live;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameSnapshot;

/**
 * What lets a game outlive the node that drives it: the node's heartbeat, the game's lease (who drives
 * it), and its journal (every command that changed it, with its {@code now}, appended before the reply
 * goes out). The embedded shape has one node and needs none of it ({@link None}); the cluster keeps it
 * in Redis ({@link RedisFailover}).
 */
interface Failover {

	/** One journal entry: the game's creation (no command) or a command with the time it ran at. */
	record Entry(@Nullable GameCommand command, long now) {
	}

	/**
	 * What a takeover starts from: the game's last snapshot, if one is stored (taken at a question close,
	 * with the time of the command that closed it), and the journal's stream, which holds the entries after
	 * it (after the checkpoint, when there is no snapshot). A snapshot that is stored but cannot be read
	 * (damage, a build that wrote another shape) is null, with the reason in {@code unreadable}.
	 */
	record Saved(@Nullable GameSnapshot snapshot, long snapshotAt, @Nullable String unreadable, List<Entry> stream) {
	}

	/** What became of an append. */
	enum Append {
		/** In the journal. */
		STORED,
		/** Redis did not answer: kept in memory, in order, and written before the next append. */
		QUEUED,
		/** Another node holds the game now: this node must stop driving it. */
		LOST
	}

	/** This node's id in the cluster. */
	String node();

	/** Takes a game whose lease is free; false when another node holds it. */
	boolean acquire(String gameId);

	/** Renews this node's lease; false when it lapsed and another node (or nobody) holds it now. */
	boolean renew(String gameId);

	/**
	 * Takes the lease of a game whose node is gone, to rebuild it here: like {@link #acquire}, but held for
	 * the longer {@code takeover-lease}, so a rebuild on a loaded node does not lapse between two renewals
	 * and no other node starts a second one meanwhile.
	 */
	default boolean acquireForTakeover(String gameId) {
		return acquire(gameId);
	}

	/**
	 * Renews the lease of a game this node is rebuilding, for the {@code takeover-lease} again; false when
	 * another node holds it now (this node must stop rebuilding at once).
	 */
	default boolean renewTakeover(String gameId) {
		return renew(gameId);
	}

	/** Gives the lease up at once (graceful shutdown, a forgotten game), if this node holds it. */
	void release(String gameId);

	/** Whether some node holds the game's lease. */
	boolean leased(String gameId);

	/** A new game: its journal starts with its creation time, and it is among the games to watch. */
	void created(String gameId, long now);

	Append append(String gameId, GameCommand command, long now);

	/**
	 * A question of the game closed: the journal so far is folded into the game's checkpoint and the
	 * stream is trimmed up to it, in one step fenced by the lease (as the append). The checkpoint is a
	 * compacted journal, not a state snapshot: the commands that changed the game (refusals and idle ticks
	 * were never journaled), so a replay of checkpoint + tail is the replay of the whole journal. Returns
	 * the entries folded; failures are the caller's to log (the next close folds them). A snapshot stored
	 * before is dropped in the same step: it no longer sits at the start of the stream.
	 */
	int checkpoint(String gameId);

	/**
	 * A question of the game closed: the first {@code entries} entries of the stream (the journal up to the
	 * command that closed it) are folded into the checkpoint as by {@link #checkpoint(String)}, and the
	 * snapshot of the game right after them is stored beside it, replacing the last, in one step fenced by
	 * the lease. Returns the entries folded; -1 when another node holds the game; -2 when the stream holds
	 * fewer entries (appends still queued while Redis did not answer), and nothing is written. Failures
	 * are the caller's to log: the next close folds and snapshots again.
	 */
	int snapshot(String gameId, int entries, long now, GameSnapshot snapshot);

	/** The game's snapshot and its stream. */
	Saved saved(String gameId);

	/**
	 * The game's journal, oldest first, starting with its creation: the checkpoint's entries, then the
	 * stream's. Empty when there is none.
	 */
	List<Entry> journal(String gameId);

	/** The game ended: no node needs to take it over any more. */
	void ended(String gameId);

	/** The game is gone from memory: its journal goes too. */
	void forget(String gameId);

	/** Games that were running on some node and have not ended. */
	Set<String> liveGames();

	void heartbeat();

	boolean alive(String node);

	/** One node, nothing to survive: every call is a no-op that says yes. */
	final class None implements Failover {

		private final String node;

		None(String node) {
			this.node = node;
		}

		@Override
		public String node() {
			return node;
		}

		@Override
		public boolean acquire(String gameId) {
			return true;
		}

		@Override
		public boolean renew(String gameId) {
			return true;
		}

		@Override
		public void release(String gameId) {
		}

		@Override
		public boolean leased(String gameId) {
			return true;
		}

		@Override
		public void created(String gameId, long now) {
		}

		@Override
		public Append append(String gameId, GameCommand command, long now) {
			return Append.STORED;
		}

		@Override
		public int checkpoint(String gameId) {
			return 0;
		}

		@Override
		public int snapshot(String gameId, int entries, long now, GameSnapshot snapshot) {
			return 0;
		}

		@Override
		public Saved saved(String gameId) {
			return new Saved(null, -1, null, List.of());
		}

		@Override
		public List<Entry> journal(String gameId) {
			return List.of();
		}

		@Override
		public void ended(String gameId) {
		}

		@Override
		public void forget(String gameId) {
		}

		@Override
		public Set<String> liveGames() {
			return Set.of();
		}

		@Override
		public void heartbeat() {
		}

		@Override
		public boolean alive(String node) {
			return true;
		}
	}
}
