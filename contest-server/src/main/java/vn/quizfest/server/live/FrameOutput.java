package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import vn.quizfest.server.game.Game;
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
import vn.quizfest.server.game.UnitPlace;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.HostView;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.PlayerView;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
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

	// Team play by unit, guarded by the game's lock: the last team leaderboard (for catch-up) and each
	// player's place inside its unit, told just before the close or podium that carries it.
	private @Nullable String teamsFrame;

	private Map<Integer, UnitPlace> unitPlaces = Map.of();

	// Guarded by the game's lock: the last frame of an ended game, for a phone that comes back afterwards.
	private @Nullable String endedFrame;

	// ---- Rung chuông vàng: set only for a game of that format ----

	private final @Nullable EliminationFormat elimination;

	private final @Nullable EliminationFrames eliminationFrames;

	// Guarded by the game's lock: the bell of an elimination game that is over, for screens that come back.
	private @Nullable String bellFrame;

	private Set<Integer> bellWinners = Set.of();

	private boolean gridSent;
	// Buzzer format, guarded by the game's lock: the latest board, and who sits (or sat) on stage.
	private @Nullable String buzzerFrame;

	private final java.util.Set<Integer> contestants = new java.util.HashSet<>();

	FrameOutput(LiveGame live, Game game, LiveContext context, SerialExecutor outbox) {
		this.live = live;
		this.game = game;
		this.context = context;
		this.outbox = outbox;
		this.elimination = game.format() instanceof EliminationFormat format ? format : null;
		this.eliminationFrames = elimination == null ? null : new EliminationFrames(context.frames());
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
					String frame = outcomeFrame(closed, player.number(), standingsByPlayer(closed.standings()),
							unitPlaces);
					if (frame != null) {
						connection.send(frame);
					}
				}
			}
			case PODIUM, ENDED -> {
				for (Standing standing : view.standings()) {
					if (standing.player() == player.number()) {
						connection.send(context.frames().finalRank(standing, view.standings().size(),
								unitPlaces.get(player.number())));
					}
				}
			}
			default -> {
			}
		}
		if (teamsFrame != null && view.phase() != Phase.LOBBY) {
			connection.send(teamsFrame);
		}
		if (view.paused()) {
			connection.send(context.frames().paused(view.pausedRemaining()));
		}
		catchUpElimination(connection, player);
		if (buzzerFrame != null && contestants.contains(player.number())) {
			connection.send(buzzerFrame);
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
		if (teamsFrame != null) {
			connection.send(teamsFrame);
		}
		HostView view = game.hostView();
		if (view.phase() == Phase.OPEN && view.question() != null) {
			connection.send(context.frames().answers(view.question().index(), view.answered(), view.activePlayers()));
		}
		if (elimination != null && eliminationFrames != null) {
			connection.send(eliminationFrames.grid(elimination));
			if (bellFrame != null) {
				connection.send(bellFrame);
			}
		}
		if (buzzerFrame != null) {
			connection.send(buzzerFrame);
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
		gridToHostsAtStart();
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
		Map<Integer, UnitPlace> places = unitPlaces;
		long created = System.nanoTime();
		outbox.execute(() -> {
			Map<Integer, Standing> byPlayer = standingsByPlayer(closed.standings());
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> outcomeFrame(closed, connection.player, byPlayer, places));
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
		Map<Integer, UnitPlace> places = unitPlaces;
		long created = System.nanoTime();
		outbox.execute(() -> {
			Map<Integer, Standing> byPlayer = standingsByPlayer(standings);
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> {
				Standing standing = byPlayer.get(connection.player);
				return standing == null ? null
						: context.frames().finalRank(standing, standings.size(), places.get(connection.player));
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

	// ---- Team play by unit ---------------------------------------------------------------------

	/**
	 * The team leaderboard goes to everyone at once, before the close (or podium) it belongs to; the
	 * places inside units ride on each player's own outcome or final frame, so no extra frame per player.
	 */
	@Override
	public void unitsRanked(UnitsRanked ranked, long now) {
		var teams = game.settings().teams();
		String frame = TeamFrames.teams(context.frames(), ranked, teams == null ? "MEAN" : teams.score().name(),
				teams == null ? 1 : teams.minMembers());
		teamsFrame = frame;
		unitPlaces = ranked.places();
		broadcastTransient(frame);
	}

	// ---- Rung chuông vàng (game/format/elimination) ------------------------------------------

	/**
	 * The counts to every player, the lists to the hosts, and a personal {@code fate} frame to each
	 * player who moved. The fates are built now, under the lock, from the state the decision left.
	 */
	@Override
	public void floorChanged(FloorChanged change, long now) {
		EliminationFormat format = elimination;
		EliminationFrames frames = eliminationFrames;
		if (format == null || frames == null) {
			return;
		}
		String toPlayers = frames.floor(change);
		String toHosts = frames.floorForHosts(change);
		Map<Integer, String> personal = new HashMap<>((change.out().size() + change.back().size()) * 2);
		for (List<Integer> moved : List.of(change.out(), change.back())) {
			for (int number : moved) {
				format.fate(number).ifPresent(fate -> personal.put(number, frames.fate(fate, format, false)));
			}
		}
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		long created = System.nanoTime();
		outbox.execute(() -> {
			fan(targets, toPlayers, false);
			fan(hostTargets, toHosts, true);
			fanEach(targets, connection -> personal.get(connection.player));
			context.metrics().fanOut(System.nanoTime() - created);
		});
	}

	@Override
	public void goldenBellAwarded(GoldenBellAwarded bell, long now) {
		EliminationFormat format = elimination;
		EliminationFrames frames = eliminationFrames;
		if (format == null || frames == null) {
			return;
		}
		List<Player> winners = new ArrayList<>(bell.winners().size());
		for (int number : bell.winners()) {
			game.player(number).ifPresent(winners::add);
		}
		String shared = frames.bell(bell, format, winners);
		bellFrame = shared;
		bellWinners = new HashSet<>(bell.winners());
		Map<Integer, String> personal = new HashMap<>(winners.size() * 2);
		for (Player winner : winners) {
			format.fate(winner.number()).ifPresent(fate -> personal.put(winner.number(), frames.fate(fate, format, true)));
		}
		Targets targets = snapshot(true);
		Targets hostTargets = snapshot(false);
		outbox.execute(() -> {
			fan(targets, shared, false);
			fan(hostTargets, shared, true);
			fanEach(targets, connection -> personal.get(connection.player));
		});
	}

	/**
	 * Rung chuông vàng: joining closes when the first question shows, so the host screens get the whole
	 * grid of numbers then; from there on the {@code floor} frames change it.
	 */
	private void gridToHostsAtStart() {
		EliminationFormat format = elimination;
		EliminationFrames frames = eliminationFrames;
		if (format == null || frames == null || gridSent) {
			return;
		}
		gridSent = true;
		String grid = frames.grid(format);
		Targets hostTargets = snapshot(false);
		outbox.execute(() -> fan(hostTargets, grid, true));
	}

	/** A (re)joined phone of an elimination game learns its number and place (an eliminated player stays out). */
	private void catchUpElimination(Peer connection, Player player) {
		EliminationFormat format = elimination;
		EliminationFrames frames = eliminationFrames;
		if (format == null || frames == null) {
			return;
		}
		format.fate(player.number())
			.ifPresent(fate -> connection.send(frames.fate(fate, format, bellWinners.contains(player.number()))));
		if (bellFrame != null) {
			connection.send(bellFrame);
		}
	}

	// ---- buzzer format (Olympia-style rounds) ----

	/**
	 * The board goes to the host screens and to the contestants' phones (also to one just unseated, so
	 * its buzzer goes away); the audience plays along on the question frames and never gets it, so a
	 * press costs at most a few sends whatever the size of the audience.
	 */
	@Override
	public void buzzerBoardChanged(BuzzerBoardChanged event, long now) {
		String frame = BuzzerFrames.board(context.frames(), event.board(), now);
		buzzerFrame = frame;
		java.util.Set<Integer> targets = new java.util.HashSet<>(contestants);
		contestants.clear();
		event.board().contestants().forEach(seat -> contestants.add(seat.player()));
		targets.addAll(contestants);
		List<Peer> local = new ArrayList<>();
		List<Peer> remote = new ArrayList<>(0);
		for (int number : targets) {
			Peer peer = players.get(number);
			if (peer != null) {
				(peer.isLocal() ? local : remote).add(peer);
			}
		}
		Targets hostTargets = snapshot(false);
		outbox.execute(() -> {
			fan(hostTargets, frame, true);
			context.fanOut().broadcast(local, frame);
			if (!remote.isEmpty()) {
				context.relay().publishEach(game.id(), remote, peer -> frame);
			}
		});
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

	private @Nullable String outcomeFrame(QuestionClosed closed, int player, Map<Integer, Standing> byPlayer,
			Map<Integer, UnitPlace> places) {
		Outcome outcome = closed.outcomes().get(player);
		Standing standing = byPlayer.get(player);
		if (outcome == null || standing == null) {
			return null;
		}
		return context.frames()
			.outcome(closed.question().index(), outcome, standing.score(), standing.rank(), byPlayer.size(),
					places.get(player));
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

	/** The bound players' sockets on this node, as a broadcast to players reaches them. */
	List<Peer> localPlayers() {
		return snapshot(true).local();
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
