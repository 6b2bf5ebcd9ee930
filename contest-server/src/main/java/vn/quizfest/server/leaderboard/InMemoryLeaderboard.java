package vn.quizfest.server.leaderboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Leaderboards of the embedded shape: one ordered set per game, in this process. */
class InMemoryLeaderboard implements Leaderboard {

	static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::score)
		.reversed()
		.thenComparingLong(Entry::correctMillis)
		.thenComparingInt(Entry::player);

	private static final class Board {

		final TreeSet<Entry> ordered = new TreeSet<>(ORDER);

		final Map<Integer, Entry> byPlayer = new HashMap<>();
	}

	private final Map<String, Board> boards = new ConcurrentHashMap<>();

	@Override
	public void record(String gameId, Collection<Entry> entries) {
		Board board = boards.computeIfAbsent(gameId, id -> new Board());
		synchronized (board) {
			for (Entry entry : entries) {
				Entry old = board.byPlayer.put(entry.player(), entry);
				if (old != null) {
					board.ordered.remove(old);
				}
				board.ordered.add(entry);
			}
		}
	}

	@Override
	public List<Standing> top(String gameId, int count) {
		Board board = boards.get(gameId);
		if (board == null || count <= 0) {
			return List.of();
		}
		synchronized (board) {
			List<Standing> result = new ArrayList<>(Math.min(count, board.ordered.size()));
			for (Entry entry : board.ordered) {
				if (result.size() == count) {
					break;
				}
				result.add(new Standing(entry.player(), entry.score(), entry.correctMillis(), result.size() + 1));
			}
			return result;
		}
	}

	@Override
	public Optional<Standing> standingOf(String gameId, int player) {
		Board board = boards.get(gameId);
		if (board == null) {
			return Optional.empty();
		}
		synchronized (board) {
			Entry entry = board.byPlayer.get(player);
			if (entry == null) {
				return Optional.empty();
			}
			long rank = board.ordered.headSet(entry, false).size() + 1L;
			return Optional.of(new Standing(player, entry.score(), entry.correctMillis(), rank));
		}
	}

	@Override
	public long size(String gameId) {
		Board board = boards.get(gameId);
		if (board == null) {
			return 0;
		}
		synchronized (board) {
			return board.byPlayer.size();
		}
	}

	@Override
	public void remove(String gameId) {
		boards.remove(gameId);
	}
}
