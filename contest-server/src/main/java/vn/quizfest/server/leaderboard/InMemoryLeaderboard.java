package vn.quizfest.server.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Leaderboards of the embedded shape: one sorted set per game, in this process. */
class InMemoryLeaderboard implements Leaderboard {

	private record Entry(String playerId, long score) {
	}

	private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::score)
		.reversed()
		.thenComparing(Entry::playerId);

	private static final class Board {

		final TreeSet<Entry> ordered = new TreeSet<>(ORDER);

		final Map<String, Entry> byPlayer = new HashMap<>();
	}

	private final Map<String, Board> boards = new ConcurrentHashMap<>();

	@Override
	public long addPoints(String gameId, String playerId, long points) {
		Board board = boards.computeIfAbsent(gameId, id -> new Board());
		synchronized (board) {
			Entry old = board.byPlayer.get(playerId);
			Entry updated = new Entry(playerId, (old == null ? 0 : old.score()) + points);
			if (old != null) {
				board.ordered.remove(old);
			}
			board.ordered.add(updated);
			board.byPlayer.put(playerId, updated);
			return updated.score();
		}
	}

	@Override
	public List<Standing> top(String gameId, int count) {
		Board board = boards.get(gameId);
		if (board == null) {
			return List.of();
		}
		synchronized (board) {
			List<Standing> result = new ArrayList<>(Math.min(count, board.ordered.size()));
			for (Entry entry : board.ordered) {
				if (result.size() == count) {
					break;
				}
				result.add(new Standing(entry.playerId(), entry.score(), result.size() + 1));
			}
			return result;
		}
	}

	@Override
	public Optional<Standing> standingOf(String gameId, String playerId) {
		Board board = boards.get(gameId);
		if (board == null) {
			return Optional.empty();
		}
		synchronized (board) {
			Entry entry = board.byPlayer.get(playerId);
			if (entry == null) {
				return Optional.empty();
			}
			long rank = board.ordered.headSet(entry, false).size() + 1L;
			return Optional.of(new Standing(playerId, entry.score(), rank));
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
