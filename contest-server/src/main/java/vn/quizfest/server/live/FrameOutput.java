package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.GameEnded;
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
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.HostView;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.PlayerView;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.live.cluster.RelayMessage;

/**
 * The frames of one game: the listener that turns the engine's events into frames for its players'
 * and hosts' sockets, on this node and (through the relay) on others. Events arrive under the
 * game's lock; deliveries run on the game's outbox, in order, so the lock is never held while
 * thousands of frames go out.
 */
final class FrameOutput implements GameEvent.Listener {

	private final LiveGame live;

	private final Game game;

	private final LiveContext context;

	private final SerialExecutor outbox;

	private final Map<Integer, Peer> players = new ConcurrentHashMap<>();

	private final Map<String, Peer> hosts = new ConcurrentHashMap<>();

	// Guarded by the game's lock.
	private @Nullable String currentFrame;

	private final List<Player> recentJoins = new ArrayList<>();

	private final List<Integer> recentKicks = new ArrayList<>();

	private boolean playersChanged;

	private boolean answersChanged;

	private int lastLobbyCount = -1;

	private long lastLobbySent;

	private volatile long endedAt = -1;

	// Guarded by the game's lock: the last frame of an ended game, for a phone that comes back afterwards.
	private @Nullable String endedFrame;

	FrameOutput(LiveGame live, Game game, LiveContext context, SerialExecutor outbox) {
		this.live = live;
		this.game = game;
		this.context = context;
		this.outbox = outbox;
	}

	long endedAt() {
		return endedAt;
	}

	int connectedPlayers() {
		return players.size();
	}

	// ---- sockets (under the game's lock) ------------------------------------------------------

	/** Binds a socket to a player; returns the socket it replaces, if any. */
	@Nullable
	Peer bindPlayer(Peer connection, Player player) {
		connection.game = live;
		connection.player = player.number();
		connection.host = false;
		connection.resumeToken = player.resumeToken();
		Peer previous = players.put(player.number(), connection);
		connection.bound();
		return previous;
	}

	/** Forgets a player's socket if it is still the bound one; returns whether it was. */
	boolean unbindPlayer(Peer connection) {
		return players.remove(connection.player, connection);
	}

	void bindHost(Peer connection) {
		connection.game = live;
		connection.host = true;
		hosts.put(connection.id(), connection);
		connection.bound();
	}

	void unbindHost(Peer connection) {
		hosts.remove(connection.id());
	}

	/** Brings a (re)joined player's socket to where the game is: the current frame and its own state. */
	void catchUp(Peer connection, Player player) {
		PlayerView view = game.playerView(player.number());
		sendCurrentFrame(connection);
		switch (view.phase()) {
			case LOBBY -> connection.send(context.frames().lobby(view.activePlayers()));
			case OPEN -> {
				if (view.receipt() != null) {
					connection.send(context.frames().ack(view.receipt(), null, null));
				}
			}
			case CLOSED, LEADERBOARD -> {
				QuestionClosed closed = view.lastClosed();
				if (closed != null) {
					String frame = outcomeFrame(closed, player.number(), standingsByPlayer(closed.standings()));
					if (frame != null) {
						connection.send(frame);
					}
				}
			}
			case PODIUM, ENDED -> {
				for (Standing standing : view.standings()) {
					if (standing.player() == player.number()) {
						connection.send(context.frames().finalRank(standing, view.standings().size()));
					}
				}
			}
			default -> {
			}
		}
		if (view.paused()) {
			connection.send(context.frames().paused(view.pausedRemaining()));
		}
	}

	/** A player's socket that resumed an ended game gets the last frame and is closed. */
	boolean closeIfEnded(Peer connection, Player player) {
		if (endedFrame == null) {
			return false;
		}
		players.remove(player.number(), connection);
		connection.sendAndClose(endedFrame, CloseCodes.GAME_OVER);
		return true;
	}

	/** Brings a (re)connected host screen to where the game is. */
	void catchUpHost(Peer connection) {
		connection.send(context.frames().hosted(live, context.now()));
		sendCurrentFrame(connection);
		HostView view = game.hostView();
		if (view.phase() == Phase.OPEN && view.question() != null) {
			connection.send(context.frames().answers(view.question().index(), view.answered(), view.activePlayers()));
		}
	}

	/** An answer was taken: the hosts' count changes at the next flush. */
	void answered() {
		answersChanged = true;
	}

	// ---- events (under the game's lock) -------------------------------------------------------

	@Override
	public void playerJoined(PlayerJoined event, long now) {
		recentJoins.add(event.player());
		playersChanged = true;
	}

	@Override
	public void playerKicked(PlayerKicked event, long now) {
		int number = event.player().number();
		recentKicks.add(number);
		playersChanged = true;
		Peer connection = players.remove(number);
		if (connection != null) {
			connection.game = null;
			String message = context.messages().get(Locale.forLanguageTag(connection.language), "live.kicked");
			connection.sendAndClose(context.frames().kicked(message), CloseCodes.KICKED);
		}
	}

	@Override
	public void playerDisconnected(PlayerDisconnected event, long now) {
		playersChanged = true;
	}

	@Override
	public void playerReconnected(PlayerReconnected event, long now) {
		// The count of players taking part did not change: nothing to tell.
	}

	@Override
	public void lobbyLocked(LobbyLocked event, long now) {
		// Every host screen hears of it; the presenter shows it.
		String frame = context.frames().lobbyLock(event.locked());
		Targets hostTargets = snapshot(false);
		outbox.execute(() -> fan(hostTargets, frame, true));
	}

	@Override
	public void questionPreviewed(QuestionPreviewed event, long now) {
		broadcast(context.frames().preview(event.question(), event.questionCount(), event.previewEndsAt(),
				now));
	}

	@Override
	public void questionOpened(QuestionOpened event, long now) {
		broadcast(context.frames().open(event.question(), event.questionCount(), event.opensAt(), event.closesAt(),
				now));
		answersChanged = true;
	}

	@Override
	public void questionClosed(QuestionClosed closed, long now) {
		String shared = context.frames().closed(closed, now);
		currentFrame = shared;
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		long created = System.nanoTime();
		outbox.execute(() -> {
			Map<Integer, Standing> byPlayer = standingsByPlayer(closed.standings());
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> outcomeFrame(closed, connection.player, byPlayer));
			context.metrics().fanOut(System.nanoTime() - created);
		});
	}

	@Override
	public void questionSkipped(QuestionSkipped event, long now) {
		broadcast(context.frames().skipped(event.question().index()));
	}

	@Override
	public void leaderboardShown(LeaderboardShown event, long now) {
		broadcast(context.frames().leaderboard(event));
	}

	@Override
	public void gamePaused(GamePaused event, long now) {
		broadcastTransient(context.frames().paused(event.remainingMillis()));
	}

	@Override
	public void gameResumed(GameResumed event, long now) {
		broadcastTransient(context.frames().unpaused());
		// The deadlines moved by the paused time: send the current question again with them.
		rebuildCurrentFrame(now).ifPresent(this::broadcast);
	}

	@Override
	public void podiumShown(PodiumShown podium, long now) {
		String shared = context.frames().podium(podium.standings());
		currentFrame = shared;
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		List<Standing> standings = podium.standings();
		long created = System.nanoTime();
		outbox.execute(() -> {
			Map<Integer, Standing> byPlayer = standingsByPlayer(standings);
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> {
				Standing standing = byPlayer.get(connection.player);
				return standing == null ? null : context.frames().finalRank(standing, standings.size());
			});
			context.metrics().fanOut(System.nanoTime() - created);
		});
	}

	@Override
	public void gameEnded(GameEnded ended, long now) {
		endedAt = now;
		String frame = context.frames().ended(ended.reason());
		endedFrame = frame;
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		outbox.execute(() -> {
			for (Peer connection : targets.local()) {
				connection.sendAndClose(frame, CloseCodes.GAME_OVER);
			}
			if (!targets.remote().isEmpty()) {
				context.relay().publish(game.id(), new RelayMessage.CloseAll(CloseCodes.GAME_OVER.getCode(), frame));
			}
			fan(hostTargets, frame, true);
		});
		players.clear();
	}

	// ---- frames ------------------------------------------------------------------------------

	/**
	 * The frame of the current phase for a socket that (re)joins. A question is rebuilt so that its
	 * serverTime is now: a phone syncing its clock then counts down only the time really left.
	 */
	private void sendCurrentFrame(Peer connection) {
		Optional<String> rebuilt = rebuildCurrentFrame(context.now());
		if (rebuilt.isPresent()) {
			connection.send(rebuilt.get());
		}
		else if (currentFrame != null) {
			connection.send(currentFrame);
		}
	}

	private Optional<String> rebuildCurrentFrame(long now) {
		HostView view = game.hostView();
		GameQuestion question = view.question();
		if (question == null) {
			return Optional.empty();
		}
		return switch (view.phase()) {
			case PREVIEW -> Optional.of(context.frames().preview(question, view.questionCount(), view.previewEndsAt(), now));
			case OPEN -> Optional
				.of(context.frames().open(question, view.questionCount(), view.opensAt(), view.closesAt(), now));
			default -> Optional.empty();
		};
	}

	private @Nullable String outcomeFrame(QuestionClosed closed, int player, Map<Integer, Standing> byPlayer) {
		Outcome outcome = closed.outcomes().get(player);
		Standing standing = byPlayer.get(player);
		if (outcome == null || standing == null) {
			return null;
		}
		return context.frames()
			.outcome(closed.question().index(), outcome, standing.score(), standing.rank(), byPlayer.size());
	}

	private static Map<Integer, Standing> standingsByPlayer(List<Standing> standings) {
		Map<Integer, Standing> byPlayer = new HashMap<>(standings.size() * 2);
		for (Standing standing : standings) {
			byPlayer.put(standing.player(), standing);
		}
		return byPlayer;
	}

	// ---- delivery ----------------------------------------------------------------------------

	/** A phase frame for everyone; it is also what a socket that (re)joins receives first. */
	private void broadcast(String frame) {
		currentFrame = frame;
		broadcastTransient(frame);
	}

	private void broadcastTransient(String frame) {
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		long created = System.nanoTime();
		outbox.execute(() -> {
			fan(targets, frame, false);
			fan(hostTargets, frame, true);
			context.metrics().fanOut(System.nanoTime() - created);
		});
	}

	/** Who a delivery goes to: sockets on this node, and whether other nodes relay some. */
	private record Targets(List<Peer> local, List<Peer> remote) {
	}

	private Targets snapshot(boolean ofPlayers) {
		List<Peer> local = new ArrayList<>();
		List<Peer> remote = new ArrayList<>(0);
		for (Peer peer : ofPlayers ? players.values() : hosts.values()) {
			(peer.isLocal() ? local : remote).add(peer);
		}
		return new Targets(local, remote);
	}

	/** One frame to every target: each local socket, and once over the channel for other nodes. */
	private void fan(Targets targets, String frame, boolean toHosts) {
		context.fanOut().broadcast(targets.local(), frame);
		if (!targets.remote().isEmpty()) {
			context.relay()
				.publish(game.id(), toHosts ? new RelayMessage.ToHosts(frame) : new RelayMessage.ToPlayers(frame));
		}
	}

	private void fanEach(Targets targets, Function<Peer, @Nullable String> frameFor) {
		context.fanOut().each(targets.local(), frameFor);
		if (!targets.remote().isEmpty()) {
			context.relay().publishEach(game.id(), targets.remote(), frameFor);
		}
	}

	// ---- coalesced counts --------------------------------------------------------------------

	/**
	 * Under the game's lock: the counts that changed since the last flush, to hosts (and, in the
	 * lobby, to players at most once per interval); queues their delivery.
	 */
	void flushCounts(long now) {
		String toHosts = null;
		String answersFrame = null;
		String toPlayers = null;
		if (playersChanged) {
			playersChanged = false;
			toHosts = context.frames().players(game.activePlayerCount(), List.copyOf(recentJoins),
					List.copyOf(recentKicks));
			recentJoins.clear();
			recentKicks.clear();
		}
		HostView view = game.hostView();
		if (answersChanged && view.phase() == Phase.OPEN && view.question() != null) {
			answersChanged = false;
			answersFrame = context.frames().answers(view.question().index(), view.answered(), view.activePlayers());
		}
		int count = view.activePlayers();
		if (view.phase() == Phase.LOBBY && count != lastLobbyCount
				&& now - lastLobbySent >= context.settings().playerCountsInterval().toMillis()) {
			lastLobbyCount = count;
			lastLobbySent = now;
			toPlayers = context.frames().lobby(count);
		}
		String hostsFrame = toHosts;
		String answers = answersFrame;
		String lobby = toPlayers;
		if (hostsFrame != null || answers != null || lobby != null) {
			Targets hostTargets = snapshot(false);
			Targets targets = lobby == null ? new Targets(List.of(), List.of()) : snapshot(true);
			outbox.execute(() -> {
				if (hostsFrame != null) {
					fan(hostTargets, hostsFrame, true);
				}
				if (answers != null) {
					fan(hostTargets, answers, true);
				}
				if (lobby != null) {
					fan(targets, lobby, false);
				}
			});
		}
	}

	/** Closes every socket of this game (server shutdown, or the game moved): clients resume elsewhere or later. */
	void closeAll(org.springframework.web.socket.CloseStatus status) {
		for (Peer connection : players.values()) {
			if (connection.isLocal()) {
				connection.close(status);
			}
		}
		for (Peer connection : hosts.values()) {
			if (connection.isLocal()) {
				connection.close(status);
			}
		}
		players.clear();
		hosts.clear();
	}

	/** A host count refresh at the next flush (after a takeover, the counts start again). */
	void countsChanged() {
		answersChanged = true;
		playersChanged = true;
	}
}
