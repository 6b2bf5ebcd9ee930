package vn.quizfest.server.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameQuestion;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.Nicknames;
import vn.quizfest.server.results.GameRow;
import vn.quizfest.server.results.Games;
import vn.quizfest.server.results.ResultRecord;
import vn.quizfest.server.results.SnapshotRow;
import vn.quizfest.server.results.StoredGame;

/**
 * The live games of this node: creation (PIN, host token, question snapshot), lookup by PIN and id,
 * the coalesced count updates, clean-up of finished games, and closing every socket on shutdown.
 */
public class LiveGames implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveGames.class);

	private static final int PIN_ATTEMPTS = 50;

	/**
	 * How long an organiser's end relayed to the node that holds the game may take to show in the stored
	 * game (the owner's results writer batches every 200 ms) before that node is taken for gone.
	 */
	/** How long an organiser's end waits for the game's node, or for the node that takes the game over. */
	static final Duration RELAYED_END_WAIT = Duration.ofSeconds(10);

	private static final char[] ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private final LiveContext context;

	private final PinRegistry pins;

	private final Games games;

	private final JsonMapper json;

	private final Nicknames nicknames = Nicknames.standard();

	private final SecureRandom random = new SecureRandom();

	private final Map<String, LiveGame> byId = new ConcurrentHashMap<>();

	private final Map<String, LiveGame> byPin = new ConcurrentHashMap<>();

	private final Map<String, GameEventBus.Subscription> subscriptions = new ConcurrentHashMap<>();

	/** Games this node is rebuilding from the journal of a lost node. */
	private final Map<String, Rebuild> recovering = new ConcurrentHashMap<>();

	/** Called as a rebuild starts its replay; tests slow a replay down with it. Nothing in production. */
	private volatile RebuildListener rebuildListener = gameId -> {
	};

	/** The failover rounds, on a thread of their own: a slow Redis never holds up a game's timer, nor they it. */
	private volatile java.util.concurrent.@Nullable ScheduledExecutorService failoverThread;

	/** Games whose end has been told to the failover (no node needs to take them over any more). */
	private final Set<String> endTold = ConcurrentHashMap.newKeySet();

	private volatile java.util.concurrent.@Nullable ScheduledFuture<?> failoverRounds;

	private volatile boolean running;

	private volatile java.util.concurrent.@Nullable ScheduledFuture<?> housekeeping;

	LiveGames(LiveContext context, PinRegistry pins, Games games, JsonMapper json) {
		this.context = context;
		this.pins = pins;
		this.games = games;
		this.json = json;
	}

	/** What an organiser asks for: the questions are copied (snapshotted) into the game. */
	public record NewGame(String title, List<Question> questions, GameSettings settings, String language,
			@Nullable Long quizId, @Nullable Long ownerOrganisationId, @Nullable Long createdBy) {
	}

	/** A game rebuilt for a takeover: how many entries were replayed, from what, and the last journaled time. */
	private record Rebuilt(LiveGame live, int replayed, int streamEntries, long lastJournaled, String from) {
	}

	/**
	 * The game from its last snapshot and the stream after it; null (logged) when there is no snapshot or
	 * it cannot serve (unreadable, another version, does not fit the stored game): the caller replays the
	 * whole journal, as the snapshot was never needed for correctness.
	 */
	private @Nullable Rebuilt fromSnapshot(String id, Failover.Saved saved, List<GameQuestion> questions,
			GameSettings settings, GameRow row) {
		GameSnapshot snapshot = saved.snapshot();
		if (snapshot == null) {
			if (saved.unreadable() != null) {
				log.warn("The snapshot of game {} cannot be read ({}): its whole journal is replayed", id,
						saved.unreadable());
			}
			else {
				log.info("Game {} has no snapshot yet (no question closed): its whole journal is replayed", id);
			}
			return null;
		}
		try {
			Game game = Game.restore(id, questions, settings, nicknames, snapshot);
			LiveGame live = new LiveGame(game, row.pin(), row.title(), HexFormat.of().parseHex(row.hostTokenHash()),
					context);
			live.restored(snapshot, saved.snapshotAt());
			List<Failover.Entry> tail = saved.stream();
			live.replay(tail);
			long last = tail.isEmpty() ? saved.snapshotAt()
					: Math.max(saved.snapshotAt(), tail.get(tail.size() - 1).now());
			return new Rebuilt(live, tail.size(), tail.size(), last,
					"the snapshot of the last close and the entries after it");
		}
		catch (RuntimeException ex) {
			log.warn("The snapshot of game {} is not restored ({}): its whole journal is replayed", id, ex.toString());
			return null;
		}
	}

	/** The created game: the host token is shown to its creator once and stored only as a hash. */
	public record CreatedGame(String id, String pin, String hostToken, int questionCount) {
	}

	public CreatedGame create(NewGame spec) {
		String id = newId();
		long seed = random.nextLong();
		List<GameQuestion> questions = new ArrayList<>(spec.questions().size());
		for (Question question : spec.questions()) {
			questions.add(new GameQuestion(questions.size(), prepare(question, new Random(seed + questions.size()))));
		}
		// The engine first: settings that do not fit the questions (a rescue question past the end) are
		// refused with IllegalArgumentException before a PIN is taken or a row written.
		long now = context.now();
		Game game = Game.create(id, questions, spec.settings(), nicknames, now);
		String hostToken = token();
		String pin = claimPin(id);
		try {
			List<SnapshotRow> snapshot = new ArrayList<>();
			for (GameQuestion question : questions) {
				snapshot.add(new SnapshotRow(question.index(), question.question().id(),
						question.type().name(), json.writeValueAsString(question.question())));
			}
			games.create(new GameRow(id, pin, spec.title(), spec.quizId(), spec.ownerOrganisationId(),
					spec.createdBy(), HexFormat.of().formatHex(sha256(hostToken)),
					json.writeValueAsString(spec.settings()), vn.quizfest.questionbank.Language.fromCode(spec.language()), "LOBBY",
					questions.size()), snapshot);
			// This node drives the game from now on; the journal starts with the time the engine was made.
			if (!context.failover().acquire(id)) {
				throw new IllegalStateException("The lease of new game " + id + " is taken");
			}
			context.failover().created(id, now);
			LiveGame live = new LiveGame(game, pin, spec.title(), sha256(hostToken), context);
			// The stream starts with the creation entry: the first close's snapshot folds it with the commands.
			live.continueJournal(1);
			live.markActive(now);
			// Players and hosts on other nodes of a cluster reach this game through its channel.
			subscriptions.put(id, context.relay().own(live));
			byId.put(id, live);
			byPin.put(pin, live);
			return new CreatedGame(id, pin, hostToken, questions.size());
		}
		catch (RuntimeException ex) {
			pins.release(pin, id);
			throw ex;
		}
	}

	/**
	 * Ordering questions are stored in the right order by most authors; the game shows the options
	 * shuffled (never in the right order) and keeps the key pointing at the shuffled positions.
	 */
	static Question prepare(Question question, Random random) {
		if (question.type() != QuestionType.ORDERING || question.options().size() < 2) {
			return question;
		}
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < question.options().size(); i++) {
			positions.add(i);
		}
		List<Integer> shown;
		do {
			shown = new ArrayList<>(positions);
			java.util.Collections.shuffle(shown, random);
		}
		while (shown.equals(question.answer().correct()));
		// shown.get(newIndex) = original index
		List<String> options = new ArrayList<>();
		for (int original : shown) {
			options.add(question.options().get(original));
		}
		List<Integer> correct = new ArrayList<>();
		for (int original : question.answer().correct()) {
			correct.add(shown.indexOf(original));
		}
		AnswerKey key = new AnswerKey(correct, question.answer().accepted(), question.answer().value(),
				question.answer().tolerance());
		return new Question(question.id(), question.bankId(), question.translationGroup(), question.language(),
				question.type(), question.text(), options, key, question.explanation(), question.timeLimitSeconds(),
				question.points(), question.difficulty(), question.topic(), question.tags(), question.imageUrl(),
				question.source(), question.status(), question.author(), question.externalKey(), question.createdAt(),
				question.updatedAt(), question.version());
	}

	private String claimPin(String gameId) {
		for (int attempt = 0; attempt < PIN_ATTEMPTS; attempt++) {
			String pin = Integer.toString(100_000 + random.nextInt(900_000));
			if (pins.claim(pin, gameId)) {
				return pin;
			}
		}
		throw new IllegalStateException("No free game PIN after " + PIN_ATTEMPTS + " attempts");
	}

	public Optional<LiveGame> byId(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	public Optional<LiveGame> byPin(String pin) {
		return Optional.ofNullable(byPin.get(pin));
	}

	/**
	 * What a phone asks the player for at join, for a game this node holds: empty for a game held by
	 * another node, whose settings are not here (that phone learns it from a {@code NUMBER_UNKNOWN}).
	 */
	public Optional<JoinShape> joinShape(String pin) {
		LiveGame local = byPin.get(pin);
		return local == null ? Optional.empty() : Optional.of(local.read(game -> JoinShape.of(game.settings())));
	}

	/**
	 * @param format the game's live format
	 * @param joinWith what the join's nickname carries
	 */
	public record JoinShape(vn.quizfest.server.game.GameFormatKind format, JoinWith joinWith) {

		static JoinShape of(GameSettings settings) {
			boolean numbered = settings.format() == vn.quizfest.server.game.GameFormatKind.ELIMINATION
					&& settings.elimination() != null && !settings.elimination().numbers().isEmpty();
			return new JoinShape(settings.format(), numbered ? JoinWith.NUMBER : JoinWith.NICKNAME);
		}
	}

	/** What a player types to join: a nickname, or the number (số báo danh) on the organiser's list. */
	public enum JoinWith {

		NICKNAME,

		/** Rung chuông vàng with the organiser's list of numbers: the join's nickname is the player's number. */
		NUMBER
	}

	/** What a player may learn from a PIN before choosing a nickname: the game's title and whether it still takes players. */
	/**
	 * @param units team play by unit: the units a player chooses from (empty in a game without units, and
	 *        for a game held by another node, whose phone then learns them from the join's refusal)
	 * @param unitsAssigned whether the organiser assigned players units from a list (a choice is then optional)
	 */
	public record PinLookup(String pin, String title, boolean joinable, List<vn.quizfest.server.game.Unit> units,
			boolean unitsAssigned) {

		public PinLookup(String pin, String title, boolean joinable) {
			this(pin, title, joinable, List.of(), false);
		}
	}

	/**
	 * Looks a PIN up on this node, or, in the cluster, through the PIN registry and the stored game, so a
	 * phone hears about a mistyped PIN before it types a nickname.
	 */
	public Optional<PinLookup> lookup(String pin) {
		LiveGame local = byPin.get(pin);
		if (local != null) {
			return Optional.of(local.read(game -> {
				var teams = game.settings().teams();
				return new PinLookup(pin, local.title(), !game.phase().isOver(), teams == null ? List.of() : teams.units(),
						teams != null && (!teams.assignments().isEmpty() || numbersCarryUnits(game.settings())));
			}));
		}
		return pins.gameOf(pin)
			.flatMap(games::findById)
			.map(stored -> new PinLookup(pin, stored.game().title(), stored.endedAt() == null));
	}

	/** Rung chuông vàng by unit: the organiser's list of numbers gives each number its unit. */
	private static boolean numbersCarryUnits(vn.quizfest.server.game.GameSettings settings) {
		var rules = settings.elimination();
		return rules != null && rules.numbers().stream().anyMatch(badge -> badge.unit() != null);
	}

	/** How an organiser's end was carried out. */
	public enum EndedBy {
		/** This node holds the game and ended it: podium, final frames, stored results. */
		THIS_NODE,
		/** Another node holds the game; it ended it when asked over the game's channel. */
		OWNER_NODE,
		/** No node holds the game any more (its node stopped or crashed): the stored game was marked ended. */
		STORED_ONLY,
		/** The stored game had ended already. */
		ALREADY_ENDED
	}

	/**
	 * Ends a game for an organiser without its host token, on whichever node of the cluster holds it.
	 * When no node answers (the owner is gone) the stored game is marked ended and its PIN released; the
	 * stored players and answers stay as they are.
	 */
	public EndedBy endByOrganiser(String gameId) throws InterruptedException {
		LiveGame local = byId.get(gameId);
		if (local != null) {
			local.endByOrganiser();
			// The results are written behind the game: the answer waits until the end is stored, so a
			// console that reloads the game (on any node) sees it ended.
			long deadline = System.nanoTime() + RELAYED_END_WAIT.toNanos();
			while (!storedEnded(gameId) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			return EndedBy.THIS_NODE;
		}
		StoredGame stored = games.findById(gameId).orElseThrow(() -> new IllegalArgumentException("no game " + gameId));
		if (stored.endedAt() != null) {
			return EndedBy.ALREADY_ENDED;
		}
		if (pins.isLive(gameId)) {
			context.relay().requestEnd(gameId);
			long start = System.nanoTime();
			long deadline = start + RELAYED_END_WAIT.toNanos();
			long asked = start;
			boolean endedHere = false;
			while (System.nanoTime() < deadline) {
				if (storedEnded(gameId)) {
					return endedHere ? EndedBy.THIS_NODE : EndedBy.OWNER_NODE;
				}
				// The owner may be gone and the game being taken over (by this node or another): the new
				// owner ends it, so the request is made again each second until one answers; the answer
				// still waits for the end to be stored.
				LiveGame takenOver = byId.get(gameId);
				if (takenOver != null && !endedHere) {
					takenOver.endByOrganiser();
					endedHere = true;
				}
				if (!endedHere && System.nanoTime() - asked >= TimeUnit.SECONDS.toNanos(1)) {
					context.relay().requestEnd(gameId);
					asked = System.nanoTime();
				}
				Thread.sleep(100);
			}
			log.warn("Game {}: no node ended it within {}; marking it ended in the store", gameId, RELAYED_END_WAIT);
		}
		games.updateStatus(gameId, ResultRecord.StatusChanged.ENDED, java.time.Instant.ofEpochMilli(context.now()));
		pins.release(stored.game().pin(), gameId);
		return EndedBy.STORED_ONLY;
	}

	private boolean storedEnded(String gameId) {
		return games.findById(gameId).map(g -> g.endedAt() != null).orElse(true);
	}

	Collection<LiveGame> all() {
		return byId.values();
	}

	int connectedPlayers() {
		int total = 0;
		for (LiveGame game : byId.values()) {
			total += game.connectedPlayers();
		}
		return total;
	}

	/** Sends coalesced counts and forgets games that ended long enough ago. */
	void housekeeping() {
		long now = context.now();
		long retention = context.settings().finishedGameRetention().toMillis();
		for (LiveGame game : byId.values()) {
			try {
				game.flushCounts(now);
				long endedAt = game.endedAt();
				if (endedAt >= 0 && now - endedAt > retention) {
					forget(game);
				}
				else if (endedAt < 0 && now - game.lastActivityAt() > context.settings().idleGameTimeout().toMillis()) {
					// Left in the lobby or forgotten mid-game: ended, so it leaves "in progress"; results stay.
					log.info("Ending game {}: nothing happened for {}", game.id(), context.settings().idleGameTimeout());
					game.endIdle();
				}
			}
			catch (RuntimeException ex) {
				log.warn("Housekeeping of game {} failed", game.id(), ex);
			}
		}
	}

	private void forget(LiveGame game) {
		context.failover().forget(game.id());
		endTold.remove(game.id());
		byId.remove(game.id());
		byPin.remove(game.pin(), game);
		GameEventBus.Subscription subscription = subscriptions.remove(game.id());
		if (subscription != null) {
			subscription.close();
		}
		pins.release(game.pin(), game.id());
		context.leaderboard().remove(game.id());
	}

	// ---- failover (docs/operations.md, "Failover") ------------------------------------------------

	/**
	 * Once per renew interval: this node's heartbeat, its games' leases, the sockets of dead nodes, and
	 * the games whose node is gone, which this node takes over when it gets their lease first.
	 */
	void failoverRound() {
		Failover failover = context.failover();
		// The leases first: on a slow Redis each command of the round may wait the command timeout, and a
		// lease renewed after the heartbeat's wait lapsed under load (a game moved in its lobby).
		for (LiveGame game : byId.values()) {
			try {
				if (game.abandoned() || !failover.renew(game.id())) {
					moved(game);
				}
				else if (game.endedAt() >= 0 && endTold.add(game.id())) {
					failover.ended(game.id());
				}
			}
			catch (RuntimeException ex) {
				context.relay().troubled();
				log.warn("Could not renew the lease of game {}: {}", game.id(), ex.toString());
			}
		}
		for (Rebuild rebuild : recovering.values()) {
			rebuild.renew(failover);
		}
		try {
			failover.heartbeat();
		}
		catch (RuntimeException ex) {
			context.relay().troubled();
			log.warn("Could not renew this node's heartbeat: {}", ex.toString());
		}
		try {
			if (context.relay().relayedSockets() > 0) {
				context.relay().forgetDeadNodes(failover::alive);
			}
			// After trouble with Redis the owners take their leases back first (ClusterRelay.settled).
			for (String id : context.relay().settled() ? failover.liveGames() : Set.<String>of()) {
				// The lease says who rebuilds: while one node holds it (for the longer takeover lease, renewed
				// meanwhile) no other node starts a second rebuild.
				if (!byId.containsKey(id) && !recovering.containsKey(id) && !failover.leased(id)
						&& failover.acquireForTakeover(id)) {
					Rebuild rebuild = new Rebuild(id);
					recovering.put(id, rebuild);
					context.outboxes().execute(() -> recover(rebuild));
				}
			}
		}
		catch (RuntimeException ex) {
			context.relay().troubled();
			log.warn("Could not look for games of lost nodes: {}", ex.toString());
		}
	}

	/** Another node holds the game now: this node lets go of it, and its sockets resume there. */
	private void moved(LiveGame game) {
		log.warn("Game {} moved to another node (lease lost): closing its sockets here", game.id());
		game.abandon();
		byId.remove(game.id(), game);
		byPin.remove(game.pin(), game);
		GameEventBus.Subscription subscription = subscriptions.remove(game.id());
		if (subscription != null) {
			subscription.close();
		}
		game.closeAll(CloseCodes.MOVED);
	}

	/** Told when a rebuild begins its replay (tests: a slow replay). */
	@FunctionalInterface
	interface RebuildListener {

		void replaying(String gameId);
	}

	/** Tests only: a listener that runs as each rebuild begins its replay, on the rebuilding thread. */
	void onRebuild(RebuildListener listener) {
		this.rebuildListener = listener;
	}

	/**
	 * One game this node is rebuilding. The failover round renews its lease (for the takeover lease) every
	 * round; when another node holds it instead, the rebuild is given up at once (the replay stops at its
	 * next entry) and nothing of it is announced.
	 */
	private static final class Rebuild {

		final String gameId;

		private volatile boolean lost;

		private volatile @Nullable LiveGame copy;

		Rebuild(String gameId) {
			this.gameId = gameId;
		}

		void renew(Failover failover) {
			try {
				if (!failover.renewTakeover(gameId)) {
					lose();
				}
			}
			catch (RuntimeException ex) {
				// The takeover lease outlasts a few failed renewals; a lease lost meanwhile shows at the next.
				log.warn("Could not renew the lease of game {} while taking it over: {}", gameId, ex.toString());
			}
		}

		/** Whether this node still holds the game's lease: asked of Redis, not of the last round. */
		boolean held(Failover failover) {
			if (!lost) {
				renew(failover);
			}
			return !lost;
		}

		void lose() {
			lost = true;
			LiveGame game = copy;
			if (game != null) {
				game.giveUp();
			}
		}

		void copy(LiveGame game) {
			copy = game;
			if (lost) {
				game.giveUp();
			}
		}
	}

	/**
	 * Takes over a game whose node is gone: the stored game (row, question snapshot, settings) and the
	 * journal, replayed into a fresh engine; then the timer with the time left, and the announcement on
	 * the game's channel, on which every node resumes its sockets of the game here. The lease is checked
	 * before the replay, after it, and before the announcement: a rebuild that lost it stops and leaves the
	 * game to the node that holds it (it neither releases that node's lease nor announces).
	 */
	private void recover(Rebuild rebuild) {
		String id = rebuild.gameId;
		long started = System.nanoTime();
		Failover failover = context.failover();
		LiveGame live = null;
		try {
			var stored = games.findById(id).orElse(null);
			if (stored == null || stored.endedAt() != null) {
				log.info("Game {} needs no takeover (ended, or not stored)", id);
				failover.ended(id);
				failover.release(id);
				return;
			}
			if (!rebuild.held(failover)) {
				lostWhileRebuilding(id, started);
				return;
			}
			GameRow row = stored.game();
			List<GameQuestion> questions = new ArrayList<>();
			for (SnapshotRow snapshot : games.questions(id)) {
				questions.add(new GameQuestion(snapshot.position(), json.readValue(snapshot.snapshotJson(), Question.class)));
			}
			GameSettings settings = json.readValue(row.settingsJson(), GameSettings.class);
			rebuildListener.replaying(id);
			// The snapshot of the last close and the commands after it; the whole journal when it cannot serve.
			Failover.Saved saved = failover.saved(id);
			Rebuilt rebuilt = fromSnapshot(id, saved, questions, settings, row);
			if (rebuilt == null) {
				List<Failover.Entry> journal = failover.journal(id);
				if (journal.isEmpty() || journal.get(0).command() != null) {
					log.info("Game {} needs no takeover (no journal)", id);
					failover.ended(id);
					failover.release(id);
					return;
				}
				Game game = Game.create(id, questions, settings, nicknames, journal.get(0).now());
				live = new LiveGame(game, row.pin(), row.title(), HexFormat.of().parseHex(row.hostTokenHash()),
						context);
				rebuild.copy(live);
				live.replay(journal.subList(1, journal.size()));
				rebuilt = new Rebuilt(live, journal.size(), saved.stream().size(), journal.get(journal.size() - 1).now(),
						"the whole journal");
			}
			live = rebuilt.live();
			rebuild.copy(live);
			if (!rebuild.held(failover)) {
				live.abandon();
				lostWhileRebuilding(id, started);
				return;
			}
			live.continueJournal(rebuilt.streamEntries());
			// The timer and the players' disconnects first, then the game is found here: a socket that
			// resumed in between would otherwise be counted as gone by the takeover.
			live.takeOver(rebuilt.lastJournaled());
			if (!rebuild.held(failover)) {
				live.abandon();
				lostWhileRebuilding(id, started);
				return;
			}
			byId.put(id, live);
			byPin.put(row.pin(), live);
			subscriptions.put(id, context.relay().own(live));
			context.relay().announce(id, row.pin());
			context.metrics().tookOver();
			log.info("Took over game {} (PIN {}): {} journal entries replayed ({}) in {} ms", id, row.pin(),
					rebuilt.replayed(), rebuilt.from(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		catch (GameMoved moved) {
			// takeOver's journal found another node's lease: that node has the game.
			lostWhileRebuilding(id, started);
			unregister(id, live);
		}
		catch (RuntimeException ex) {
			log.warn("Could not take over game {}; another node may try", id, ex);
			unregister(id, live);
			try {
				failover.release(id);
			}
			catch (RuntimeException ignored) {
				// The lease lapses by itself.
			}
		}
		finally {
			recovering.remove(id, rebuild);
		}
	}

	private void lostWhileRebuilding(String id, long started) {
		log.warn("Gave up rebuilding game {} after {} ms: another node holds its lease now and takes it over", id,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	/** A failed rebuild leaves nothing behind: not found here, no channel listening as its owner. */
	private void unregister(String id, @Nullable LiveGame live) {
		if (live == null) {
			return;
		}
		live.abandon();
		byId.remove(id, live);
		byPin.remove(live.pin(), live);
		GameEventBus.Subscription subscription = subscriptions.get(id);
		if (subscription != null && byId.get(id) == null && subscriptions.remove(id, subscription)) {
			subscription.close();
		}
	}

	String token() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A 26-character, time-ordered, URL-safe game id. */
	private String newId() {
		long time = System.currentTimeMillis();
		char[] id = new char[26];
		for (int i = 9; i >= 0; i--) {
			id[i] = ID_ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		for (int i = 10; i < 26; i++) {
			id[i] = ID_ALPHABET[random.nextInt(32)];
		}
		return new String(id);
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void start() {
		if (running) {
			return;
		}
		running = true;
		long interval = context.settings().hostCountsInterval().toMillis();
		housekeeping = context.timers()
			.scheduleWithFixedDelay(this::housekeeping, interval, interval, TimeUnit.MILLISECONDS);
		long renew = context.failoverSettings().renewInterval().toMillis();
		var thread = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor(SerialExecutor.daemonThreads("quiz-failover"));
		failoverThread = thread;
		// At a fixed rate: a round slowed by Redis is followed at once by the next, the leases keep their pace.
		failoverRounds = thread.scheduleAtFixedRate(this::failoverRound, 0, renew, TimeUnit.MILLISECONDS);
	}

	/**
	 * Flushes what the games have queued, hands each game over (its lease is released, so another node of
	 * a cluster takes it at its next round, about a second), then closes the sockets: with 4012 in a cluster
	 * (resume through another node at once), with 1012 in the embedded shape (the game ends with the process).
	 */
	@Override
	public void stop() {
		running = false;
		for (var scheduled : new java.util.concurrent.ScheduledFuture<?>[] { housekeeping, failoverRounds }) {
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}
		housekeeping = null;
		failoverRounds = null;
		var thread = failoverThread;
		if (thread != null) {
			thread.shutdown();
			failoverThread = null;
		}
		for (Rebuild rebuild : recovering.values()) {
			// A rebuild still replaying is not announced by a stopping node; another node takes the game.
			rebuild.lose();
			try {
				context.failover().release(rebuild.gameId);
			}
			catch (RuntimeException ex) {
				log.warn("Could not hand game {} over (its lease lapses by itself): {}", rebuild.gameId, ex.toString());
			}
		}
		boolean cluster = !(context.failover() instanceof Failover.None);
		for (LiveGame game : byId.values()) {
			try {
				game.awaitOutbox(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (cluster) {
				game.abandon();
				try {
					context.failover().release(game.id());
				}
				catch (RuntimeException ex) {
					log.warn("Could not hand game {} over (its lease lapses by itself): {}", game.id(), ex.toString());
				}
			}
			game.closeAll(cluster ? CloseCodes.MOVED : CloseCodes.SERVER_RESTART);
		}
		if (cluster) {
			context.relay().closeRelayed(CloseCodes.MOVED);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server's graceful shutdown (DEFAULT_PHASE - 1024) and before the results writer drains. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}
}
