package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.FloorChanged;
import vn.quizfest.server.game.GameEvent.BuzzerBoardChanged;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GoldenBellAwarded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.LobbyLocked;
import vn.quizfest.server.game.GameEvent.PlayerDisconnected;
import vn.quizfest.server.game.GameEvent.PlayerJoined;
import vn.quizfest.server.game.GameEvent.PlayerKicked;
import vn.quizfest.server.game.GameEvent.PlayerReconnected;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.QuestionOpened;
import vn.quizfest.server.game.GameEvent.QuestionPreviewed;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.leaderboard.Leaderboard;

/**
 * The listener that mirrors a game's standings into the leaderboard store (Redis sorted sets or
 * memory) whenever they change: at each close and at the podium. It runs on a queue of its own (one
 * per game, so the writes keep their order), not on the game's outbox: the frames of a close never
 * wait for the store, and a Redis that is slow or paused delays only the stored board (each write is
 * bounded by the Redis command timeout). The frames carry the engine's own standings, so no screen
 * needs the store to show a result; a REST read right after a close may see the previous board for
 * the few milliseconds the write takes.
 *
 * <p>In a buzzer game the contestants on stage have a board of their own (tens of points) and the
 * audience plays along on its phones (thousands): the store holds the audience's ranking only, so the
 * two are scored apart as the format requires.
 */
final class LeaderboardMirror implements GameEvent.Listener {

	private static final Logger log = LoggerFactory.getLogger(LeaderboardMirror.class);

	private final String gameId;

	private final Leaderboard leaderboard;

	private final LiveMetrics metrics;

	private final Executor writes;

	/** Buzzer games: the players seated on stage now (read and written on the game's thread). */
	private Set<Integer> seated = Set.of();

	/** Buzzer games: everyone who was on stage at a close or the podium so far; left out of the store. */
	private Set<Integer> contestants = Set.of();

	/** What the last write left out: when it grows, the store's board is written anew without them. */
	private Set<Integer> leftOut = Set.of();

	LeaderboardMirror(String gameId, Leaderboard leaderboard, LiveMetrics metrics, Executor writes) {
		this.gameId = gameId;
		this.leaderboard = leaderboard;
		this.metrics = metrics;
		this.writes = writes;
	}

	@Override
	public void questionClosed(QuestionClosed closed, long now) {
		List<Standing> standings = closed.standings();
		Set<Integer> apart = contestantsNow();
		writes.execute(() -> {
			long start = System.nanoTime();
			mirror(standings, apart);
			metrics.leaderboard(System.nanoTime() - start);
		});
	}

	@Override
	public void podiumShown(PodiumShown podium, long now) {
		List<Standing> standings = podium.standings();
		Set<Integer> apart = contestantsNow();
		writes.execute(() -> mirror(standings, apart));
	}

	/** The contestants so far, with those seated now; called on the game's thread, in event order. */
	private Set<Integer> contestantsNow() {
		if (!contestants.containsAll(seated)) {
			Set<Integer> all = new HashSet<>(contestants);
			all.addAll(seated);
			contestants = Set.copyOf(all);
		}
		return contestants;
	}

	private void mirror(List<Standing> standings, Set<Integer> apart) {
		List<Leaderboard.Entry> entries = new ArrayList<>(standings.size());
		for (Standing standing : standings) {
			if (!apart.contains(standing.player())) {
				entries.add(new Leaderboard.Entry(standing.player(), standing.score(), standing.correctMillis()));
			}
		}
		try {
			if (!leftOut.containsAll(apart)) {
				// A new contestant may have an audience entry from before it was seated.
				leaderboard.remove(gameId);
				leftOut = apart;
			}
			leaderboard.record(gameId, entries);
		}
		catch (RuntimeException ex) {
			// The engine's own standings stay authoritative; the mirror catches up after the next question.
			log.warn("Leaderboard mirror of game {} failed: {}", gameId, ex.toString());
		}
	}

	// The standings change only at a close and at the podium (a kick re-ranks, and the next close mirrors it).

	@Override
	public void playerJoined(PlayerJoined event, long now) {
	}

	@Override
	public void playerKicked(PlayerKicked event, long now) {
	}

	@Override
	public void playerDisconnected(PlayerDisconnected event, long now) {
	}

	@Override
	public void playerReconnected(PlayerReconnected event, long now) {
	}

	@Override
	public void questionPreviewed(QuestionPreviewed event, long now) {
	}

	@Override
	public void lobbyLocked(LobbyLocked event, long now) {
	}

	@Override
	public void questionOpened(QuestionOpened event, long now) {
	}

	@Override
	public void questionSkipped(QuestionSkipped event, long now) {
	}

	@Override
	public void leaderboardShown(LeaderboardShown event, long now) {
	}

	@Override
	public void gamePaused(GamePaused event, long now) {
	}

	@Override
	public void gameResumed(GameResumed event, long now) {
	}

	@Override
	public void gameEnded(GameEnded event, long now) {
	}

	// ---- Team play by unit ----

	@Override
	public void unitsRanked(UnitsRanked event, long now) {
		// The mirror holds players; the team board is small and goes out in the teams frame.
	}

	// ---- Rung chuông vàng: the standings a close mirrors already rank by the floor ----

	@Override
	public void floorChanged(FloorChanged event, long now) {
	}

	@Override
	public void goldenBellAwarded(GoldenBellAwarded event, long now) {
	}

	// ---- buzzer format (Olympia-style rounds) ----

	@Override
	public void buzzerBoardChanged(BuzzerBoardChanged event, long now) {
		// The contestants' own scores live on the board (its frames and the stored stage scores).
		Set<Integer> onStage = new HashSet<>();
		for (vn.quizfest.server.game.format.buzzer.BuzzerBoard.Seat seat : event.board().contestants()) {
			onStage.add(seat.player());
		}
		seated = Set.copyOf(onStage);
	}
}
