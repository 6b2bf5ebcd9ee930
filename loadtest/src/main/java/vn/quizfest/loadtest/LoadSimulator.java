package vn.quizfest.loadtest;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run: create (or attach to) a game, join the players at the set rate, play the game as the
 * host, then check the stored answers and read the server's meters. Every wait is bounded by the
 * run's --timeout.
 */
public final class LoadSimulator {

	private final Options options;

	private final Consumer<String> log;

	private final JsonMapper json = JsonMapper.builder().build();

	public LoadSimulator(Options options, Consumer<String> log) {
		this.options = options;
		this.log = log;
	}

	public Summary run() {
		if (options.games() > 1) {
			return runGames();
		}
		long started = System.currentTimeMillis();
		HostDriver.Deadline deadline = new HostDriver.Deadline(started + options.timeout().toMillis());
		Metrics metrics = new Metrics(options.timeout().toSeconds());
		ServerApi api = new ServerApi(options.urls().get(0), json);
		if (options.user() != null) {
			api.login(options.user(), options.password());
		}
		String gameId = options.gameId();
		String pin = options.pin();
		String hostToken = options.hostToken();
		AnswerBook book = AnswerBook.unknown();
		if (!options.attaches()) {
			List<JsonNode> questions = api.questions(options.questions());
			List<AnswerBook.Key> keys = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			for (JsonNode question : questions) {
				keys.add(AnswerBook.Key.of(question));
				ids.add(question.path("id").asLong());
			}
			book = new AnswerBook(keys);
			int maxPlayers = Math.min(Options.MAX_PLAYERS, Math.max(20_000, options.players() + 100));
			ServerApi.CreatedGame game = api.createGame("Thử tải " + options.players() + " người chơi", ids,
					options.previewSeconds(), maxPlayers, options.elimination(), options.teams(), options.buzzer());
			gameId = game.id();
			pin = game.pin();
			hostToken = game.hostToken();
		}
		log.accept("Game " + gameId + ", PIN " + pin + "; " + options.players() + " players at " + options.joinRate()
				+ "/s over " + options.urls());
		HttpClient hostHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
		HostDriver host = new HostDriver(json, metrics, deadline);
		JsonNode hosted = host.attach(hostHttp, options.urls(), gameId, hostToken);
		if (!"LOBBY".equals(hosted.path("phase").asString())) {
			host.close();
			throw new IllegalStateException("The game is in phase " + hosted.path("phase").asString()
					+ "; the simulator plays a game from its lobby.");
		}
		int questions = hosted.path("game").path("questions").asInt();
		// Fault runs (issue 16): the --fault hook times itself from the host's frames.
		FaultHook faultHook = null;
		Churn churn = null;
		Map<String, Object> memory = new LinkedHashMap<>();
		if (options.serverPid() != null) {
			memory.put("idle", ServerProbe.sample(options.serverPid(), true).json());
		}
		Map<String, Double> metersBefore = meters(api);

		List<SimulatedPlayer> players = new ArrayList<>(options.players());
		Map<String, Object> joins = new LinkedHashMap<>();
		CpuClock cpu = new CpuClock(options.serverPid());
		CpuClock.Reading beforeJoins = cpu.read();
		CpuClock.Reading allJoined = beforeJoins;
		CpuClock.Reading played = beforeJoins;
		Map<String, Object> cpuUse = new LinkedHashMap<>();
		Swarm swarmRef = null;
		try (Swarm swarm = new Swarm(options, metrics, json, book, questions, pin)) {
			swarmRef = swarm;
			for (int i = 0; i < options.players(); i++) {
				players.add(new SimulatedPlayer(swarm, i));
			}
			FailoverOptions failover = options.failover();
			if (failover.fault() != null) {
				options.failover().check(questions);
				faultHook = new FaultHook(failover.fault(), swarm.failover, deadline, options.out(),
						Map.of("QUIZFEST_FAULT_GAME", gameId, "QUIZFEST_FAULT_PIN", pin), started, log);
				host.onFrames(faultHook::onHostFrame);
			}
			if (failover.churn() != null) {
				churn = new Churn(failover.churn(), players, deadline, options.seed());
			}
			long joinStart = System.nanoTime();
			ScheduledFuture<?> connector = startJoining(swarm, players, joinStart);
			// Every phone pings as the player page does (every 30 s here), so a long game is not idle. Phones
			// ping on their own clocks, not all at once: each second, a thirtieth of them (10,000 pings in one
			// burst would stand in the acks of the answers arriving at the same moment).
			int[] tick = { 0 };
			ScheduledFuture<?> pings = swarm.scheduler.scheduleAtFixedRate(() -> {
				int slice = tick[0]++ % 30;
				for (int i = slice; i < players.size(); i += 30) {
					players.get(i).ping();
				}
			}, 30, 1, TimeUnit.SECONDS);
			host.await(() -> swarm.joined.get() + swarm.joinFailed.get() >= options.players(),
					deadline.atMillis() - System.currentTimeMillis(), "joins");
			double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
			connector.cancel(false);
			joins.put("requested", options.players());
			joins.put("joined", swarm.joined.get());
			joins.put("failed", swarm.joinFailed.get());
			joins.put("failures", metrics.counts("joinFailed"));
			// Players joined through each server address (--url spreads them round-robin).
			joins.put("byServer", metrics.counts("joinedVia"));
			joins.put("failedAttempts", metrics.counts("joinAttemptsFailed"));
			joins.put("secondsToAllJoined", Math.round(joinSeconds * 100) / 100.0);
			joins.put("ratePerSecond", Math.round(swarm.joined.get() / Math.max(0.001, joinSeconds) * 10) / 10.0);
			joins.put("perSecond", metrics.joinTimeline());
			allJoined = cpu.read();
			log.accept(swarm.joined.get() + " joined in " + joins.get("secondsToAllJoined") + " s; CPU while joining "
					+ CpuClock.between(beforeJoins, allJoined));
			if (options.serverPid() != null) {
				memory.put("connected", ServerProbe.sample(options.serverPid(), true).json());
				writeQuietly(options.out().resolve("server-class-histogram.txt"),
						ServerProbe.classHistogram(options.serverPid(), 60));
			}
			if (swarm.joined.get() > 0) {
				// Not counted: the forced GCs and the class histogram of the memory probe above.
				CpuClock.Reading playStart = cpu.read();
				if (churn != null) {
					churn.start(swarm);
				}
				if (options.buzzer()) {
					host.playBuzzer(swarm);
					log.accept("Buzzer: " + host.seatedContestants() + " contestants seated; presses "
							+ metrics.counts("buzzer") + ", refused " + metrics.counts("buzzRefused") + "; press to 'buzzed' "
							+ Summary.percentiles(metrics.histograms().get(Metrics.BUZZ)).entrySet().stream()
								.filter(e -> !"cdf".equals(e.getKey())).toList() + " ms");
				}
				else {
					host.play(swarm);
				}
				if (churn != null) {
					churn.close();
				}
				played = cpu.read();
				cpuUse.put("playing", CpuClock.between(playStart, played));
				log.accept("CPU while playing " + cpuUse.get("playing"));
			}
			pings.cancel(false);
			host.close();
			for (SimulatedPlayer player : players) {
				player.abort();
			}
		}
		if (faultHook != null) {
			// A fault still under way (a database outage) must end before the stored answers are read.
			faultHook.awaitEnd(Math.max(0, deadline.atMillis() - System.currentTimeMillis()));
		}
		Map<String, Object> audit = audit(api, gameId, players, deadline);
		if (options.user() != null) {
			audit.put("byNode", auditByNode(gameId, players));
		}
		Map<String, Double> metersAfter = meters(api);
		if (options.serverPid() != null) {
			memory.put("end", ServerProbe.sample(options.serverPid(), false).json());
			addPerPlayer(memory, (int) joins.get("joined"));
		}
		memory.put("simulator", ServerProbe.self().json());
		cpuUse.put("joining", CpuClock.between(beforeJoins, allJoined));
		seated = host.seatedContestants();
		Summary summary = summarise(started, deadline, gameId, pin, questions, metrics, joins, audit, memory, cpuUse,
				metersBefore, metersAfter, players);
		if (faultHook != null) {
			faultHook.close();
		}
		return swarmRef == null ? summary : FailoverReport.add(summary, options, metrics, swarmRef.failover, faultHook, churn,
				audit);
	}

	/**
	 * {@code --games N}: N games on the server at once, each with its own host and its share of the players.
	 * Every game's players join first (the memory sample sees them all connected), then the N hosts play
	 * their games at the same time. Latencies go to one set of histograms; the stored answers are checked
	 * game by game and added up.
	 */
	private Summary runGames() {
		long started = System.currentTimeMillis();
		HostDriver.Deadline deadline = new HostDriver.Deadline(started + options.timeout().toMillis());
		Metrics metrics = new Metrics(options.timeout().toSeconds());
		ServerApi api = new ServerApi(options.urls().get(0), json);
		api.login(options.user(), options.password());
		List<JsonNode> bank = api.questions(options.questions());
		List<AnswerBook.Key> keys = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (JsonNode question : bank) {
			keys.add(AnswerBook.Key.of(question));
			ids.add(question.path("id").asLong());
		}
		AnswerBook book = new AnswerBook(keys);
		int games = options.games();
		List<String> gameIds = new ArrayList<>();
		List<String> pins = new ArrayList<>();
		List<HostDriver> hosts = new ArrayList<>();
		List<Swarm> swarms = new ArrayList<>();
		List<List<SimulatedPlayer>> playersByGame = new ArrayList<>();
		List<SimulatedPlayer> everyone = new ArrayList<>(options.players());
		HttpClient hostHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
		Map<String, Object> memory = new LinkedHashMap<>();
		Map<String, Object> joins = new LinkedHashMap<>();
		Map<String, Object> cpuUse = new LinkedHashMap<>();
		CpuClock cpu = new CpuClock(options.serverPid());
		int questions = 0;
		try {
			for (int g = 0; g < games; g++) {
				Options game = options.forGame(g, options.playersInGame(g));
				ServerApi.CreatedGame created = api.createGame("Thử tải " + (g + 1) + "/" + games + ": " + game.players()
						+ " người chơi", ids, options.previewSeconds(), Math.max(1_000, game.players() + 100),
						options.elimination(), options.teams(), false);
				HostDriver host = new HostDriver(json, metrics, deadline);
				hosts.add(host);
				JsonNode hosted = host.attach(hostHttp, options.urls(), created.id(), created.hostToken());
				if (!"LOBBY".equals(hosted.path("phase").asString())) {
					throw new IllegalStateException("Game " + created.id() + " is in phase "
							+ hosted.path("phase").asString() + "; the simulator plays a game from its lobby.");
				}
				questions = hosted.path("game").path("questions").asInt();
				gameIds.add(created.id());
				pins.add(created.pin());
				Swarm swarm = new Swarm(game, metrics, json, book, questions, created.pin());
				swarms.add(swarm);
				List<SimulatedPlayer> players = new ArrayList<>(game.players());
				for (int i = 0; i < game.players(); i++) {
					players.add(new SimulatedPlayer(swarm, i));
				}
				playersByGame.add(players);
				everyone.addAll(players);
			}
			log.accept(games + " games " + gameIds + ", PINs " + pins + "; " + options.players() + " players at "
					+ options.joinRate() + "/s in all over " + options.urls());
			if (options.serverPid() != null) {
				memory.put("idle", ServerProbe.sample(options.serverPid(), true).json());
			}
			Map<String, Double> metersBefore = meters(api);
			CpuClock.Reading beforeJoins = cpu.read();
			long joinStart = System.nanoTime();
			List<ScheduledFuture<?>> timers = new ArrayList<>();
			for (int g = 0; g < games; g++) {
				Swarm swarm = swarms.get(g);
				List<SimulatedPlayer> players = playersByGame.get(g);
				timers.add(startJoining(swarm, players, joinStart, swarm.options.joinRate(),
						Math.max(1, options.maxConnecting() / games)));
				int[] tick = { 0 };
				// Pings as in one game: each phone every 30 s, a thirtieth of each game's phones each second.
				timers.add(swarm.scheduler.scheduleAtFixedRate(() -> {
					int slice = tick[0]++ % 30;
					for (int i = slice; i < players.size(); i += 30) {
						players.get(i).ping();
					}
				}, 30, 1, TimeUnit.SECONDS));
			}
			hosts.get(0).await(() -> swarms.stream().mapToInt(s -> s.joined.get() + s.joinFailed.get()).sum()
					>= options.players(), deadline.atMillis() - System.currentTimeMillis(), "joins");
			double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
			int joined = swarms.stream().mapToInt(s -> s.joined.get()).sum();
			joins.put("requested", options.players());
			joins.put("joined", joined);
			joins.put("failed", swarms.stream().mapToInt(s -> s.joinFailed.get()).sum());
			joins.put("failures", metrics.counts("joinFailed"));
			joins.put("byServer", metrics.counts("joinedVia"));
			joins.put("failedAttempts", metrics.counts("joinAttemptsFailed"));
			joins.put("secondsToAllJoined", Math.round(joinSeconds * 100) / 100.0);
			joins.put("ratePerSecond", Math.round(joined / Math.max(0.001, joinSeconds) * 10) / 10.0);
			joins.put("perSecond", metrics.joinTimeline());
			joins.put("byGame", swarms.stream().map(s -> s.joined.get()).toList());
			CpuClock.Reading allJoined = cpu.read();
			log.accept(joined + " joined " + games + " games in " + joins.get("secondsToAllJoined") + " s; CPU while joining "
					+ CpuClock.between(beforeJoins, allJoined));
			if (options.serverPid() != null) {
				memory.put("connected", ServerProbe.sample(options.serverPid(), true).json());
			}
			CpuClock.Reading playStart = cpu.read();
			List<Thread> playing = new ArrayList<>();
			for (int g = 0; g < games; g++) {
				HostDriver host = hosts.get(g);
				Swarm swarm = swarms.get(g);
				Thread thread = new Thread(() -> host.play(swarm), "sim-host-" + (g + 1));
				thread.setDaemon(true);
				thread.start();
				playing.add(thread);
			}
			for (Thread thread : playing) {
				try {
					thread.join(Math.max(1, deadline.atMillis() - System.currentTimeMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			cpuUse.put("playing", CpuClock.between(playStart, cpu.read()));
			cpuUse.put("joining", CpuClock.between(beforeJoins, allJoined));
			log.accept("CPU while playing " + cpuUse.get("playing"));
			timers.forEach(timer -> timer.cancel(false));
			for (SimulatedPlayer player : everyone) {
				player.abort();
			}
			Map<String, Object> audit = new LinkedHashMap<>();
			long acknowledged = 0;
			long stored = 0;
			long lost = 0;
			List<Object> byGame = new ArrayList<>();
			for (int g = 0; g < games; g++) {
				Map<String, Object> one = audit(api, gameIds.get(g), playersByGame.get(g), deadline);
				byGame.add(one);
				acknowledged += ((Number) one.getOrDefault("acknowledged", 0)).longValue();
				stored += ((Number) one.getOrDefault("stored", 0)).longValue();
				lost += ((Number) one.getOrDefault("lost", 0)).longValue();
			}
			audit.put("checked", true);
			audit.put("acknowledged", acknowledged);
			audit.put("stored", stored);
			audit.put("lost", lost);
			audit.put("byGame", byGame);
			Map<String, Double> metersAfter = meters(api);
			if (options.serverPid() != null) {
				memory.put("end", ServerProbe.sample(options.serverPid(), false).json());
				addPerPlayer(memory, joined);
			}
			memory.put("simulator", ServerProbe.self().json());
			Summary summary = summarise(started, deadline, String.join(",", gameIds), String.join(",", pins), questions,
					metrics, joins, audit, memory, cpuUse, metersBefore, metersAfter, everyone);
			@SuppressWarnings("unchecked")
			Map<String, Object> run = (Map<String, Object>) summary.document().get("run");
			run.put("games", games);
			return summary;
		}
		finally {
			hosts.forEach(HostDriver::close);
			swarms.forEach(Swarm::close);
		}
	}

	/** The stored answers as each --url node reports them (a fault run: every node should say the same). */
	private Map<String, Object> auditByNode(String gameId, List<SimulatedPlayer> players) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (java.net.URI url : options.urls()) {
			Map<String, Object> node = new LinkedHashMap<>();
			try {
				ServerApi other = new ServerApi(url, json);
				other.login(options.user(), options.password());
				AnswerAudit audit = AnswerAudit.of(players, other.storedAnswers(gameId));
				node.put("acknowledged", audit.acknowledged);
				node.put("stored", audit.stored);
				node.put("lost", audit.lost);
			}
			catch (RuntimeException ex) {
				node.put("error", String.valueOf(ex.getMessage()));
			}
			out.put(url.toString(), node);
		}
		log.accept("Stored answers by node: " + out);
		return out;
	}

	/** Buzzer rounds: the contestants the host seated. */
	private int seated;

	private static void writeQuietly(java.nio.file.Path file, String text) {
		try {
			java.nio.file.Files.createDirectories(file.getParent());
			java.nio.file.Files.writeString(file, text);
		}
		catch (java.io.IOException ex) {
			// The histogram is an extra for profiling; the run goes on without it.
		}
	}

	/** Starts players at the join rate, never more than --max-connecting handshakes at once. */
	private ScheduledFuture<?> startJoining(Swarm swarm, List<SimulatedPlayer> players, long joinStart) {
		return startJoining(swarm, players, joinStart, options.joinRate(), options.maxConnecting());
	}

	private static ScheduledFuture<?> startJoining(Swarm swarm, List<SimulatedPlayer> players, long joinStart,
			double joinRate, int maxConnecting) {
		int[] next = { 0 };
		return swarm.scheduler.scheduleAtFixedRate(() -> {
			double elapsed = (System.nanoTime() - joinStart) / 1e9;
			long due = Math.min(players.size(), (long) Math.ceil(elapsed * joinRate) + 1);
			while (next[0] < due && swarm.connecting.get() < maxConnecting) {
				swarm.connecting.incrementAndGet();
				players.get(next[0]++).start();
			}
		}, 0, 5, TimeUnit.MILLISECONDS);
	}

	private Map<String, Object> audit(ServerApi api, String gameId, List<SimulatedPlayer> players,
			HostDriver.Deadline deadline) {
		Map<String, Object> out = new LinkedHashMap<>();
		if (options.user() == null) {
			out.put("checked", false);
			out.put("why", "no --user: the stored answers need an organiser session");
			return out;
		}
		long expected = AnswerAudit.acceptedCount(players);
		// The results writer works behind the game: give it a bounded time to catch up.
		long until = Math.min(deadline.atMillis(), System.currentTimeMillis() + 60_000) + 1;
		AnswerAudit audit;
		List<ServerApi> nodes = new ArrayList<>(List.of(api));
		while (true) {
			audit = AnswerAudit.of(players, storedAnswers(nodes, gameId));
			if (audit.lost == 0 || System.currentTimeMillis() > until) {
				break;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		log.accept("Stored answers: " + audit.stored + " of " + expected + " acknowledged; lost " + audit.lost);
		return audit.json();
	}

	/**
	 * The stored answers, read from the first of the --url nodes that answers: the node the run began on
	 * may be the one a fault took down.
	 */
	private tools.jackson.databind.JsonNode storedAnswers(List<ServerApi> nodes, String gameId) {
		RuntimeException last = null;
		for (int i = 0; i < options.urls().size(); i++) {
			try {
				if (i == nodes.size()) {
					ServerApi other = new ServerApi(options.urls().get(i), json);
					other.login(options.user(), options.password());
					nodes.add(other);
				}
				return nodes.get(i).storedAnswers(gameId);
			}
			catch (RuntimeException ex) {
				last = ex;
				log.accept("Stored answers not readable from " + options.urls().get(i) + ": " + ex.getMessage());
			}
		}
		throw last;
	}

	/** The server's meters, or none when the first node is gone (a fault run). */
	private Map<String, Double> meters(ServerApi api) {
		try {
			return ServerProbe.interesting(api.prometheus());
		}
		catch (RuntimeException ex) {
			log.accept("Meters not readable: " + ex.getMessage());
			return Map.of();
		}
	}

	@SuppressWarnings("unchecked")
	private static void addPerPlayer(Map<String, Object> memory, int joined) {
		Map<String, Object> idle = (Map<String, Object>) memory.get("idle");
		Map<String, Object> connected = (Map<String, Object>) memory.get("connected");
		if (idle == null || connected == null || joined == 0) {
			return;
		}
		long rss = (long) connected.get("rssKb") - (long) idle.get("rssKb");
		long heap = (long) connected.get("heapUsedAfterGcKb") - (long) idle.get("heapUsedAfterGcKb");
		memory.put("rssPerPlayerKb", Math.round(rss * 10.0 / joined) / 10.0);
		memory.put("heapPerPlayerKb", Math.round(heap * 10.0 / joined) / 10.0);
	}

	private Summary summarise(long started, HostDriver.Deadline deadline, String gameId, String pin, int questions,
			Metrics metrics, Map<String, Object> joins, Map<String, Object> audit, Map<String, Object> memory, Map<String, Object> cpu,
			Map<String, Double> before, Map<String, Double> after, List<SimulatedPlayer> players) {
		Map<String, Object> doc = new LinkedHashMap<>();
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("startedAt", Instant.ofEpochMilli(started).toString());
		run.put("seconds", (System.currentTimeMillis() - started) / 1000.0);
		run.put("timedOut", deadline.passed());
		run.put("urls", options.urls().stream().map(Object::toString).toList());
		run.put("game", gameId);
		run.put("pin", pin);
		run.put("questions", questions);
		run.put("players", options.players());
		run.put("joinRate", options.joinRate());
		run.put("think", options.think().toString());
		run.put("timeScale", options.timeScale());
		run.put("wrong", options.wrong());
		run.put("missing", options.missing());
		run.put("drop", options.drop());
		run.put("plannedDrops", players.stream().filter(SimulatedPlayer::plansDrop).count());
		run.put("seed", options.seed());
		run.put("cores", Runtime.getRuntime().availableProcessors());
		run.put("client", options.client());
		doc.put("run", run);
		doc.put("joins", joins);
		Map<String, Object> latency = new LinkedHashMap<>();
		metrics.histograms().forEach((name, histogram) -> {
			Map<String, Object> entry = Summary.percentiles(histogram);
			entry.put("what", Metrics.DESCRIPTIONS.get(name));
			latency.put(name, entry);
		});
		doc.put("latencyMs", latency);
		Map<String, Object> answers = new LinkedHashMap<>(metrics.counts("answers"));
		answers.put("refused", metrics.counts("answersRefused"));
		answers.put("busiest2sWindow", metrics.busiestAnswerWindow(20));
		answers.put("sentPerTenthSecond", metrics.answerTimeline());
		doc.put("answers", answers);
		if (options.elimination()) {
			// Rung chuông vàng: the fates players last heard, the floor frames and the bell (frames per player).
			Map<String, Object> floor = new LinkedHashMap<>();
			floor.put("fateFrames", metrics.counts("fates"));
			floor.put("floorFrames", metrics.counts("floorFrames"));
			floor.put("bellFrames", metrics.counts("bell"));
			doc.put("elimination", floor);
		}
		if (options.buzzer()) {
			// Buzzer rounds: the stage (its press latency is latencyMs.buzz); the audience are the answers above.
			Map<String, Object> stage = new LinkedHashMap<>();
			stage.put("contestants", seated);
			stage.put("audience", Math.max(0, ((Number) joins.get("joined")).intValue() - seated));
			stage.put("presses", metrics.counts("buzzer"));
			stage.put("pressesRefused", metrics.counts("buzzRefused"));
			doc.put("buzzer", stage);
		}
		Map<String, Object> connections = new LinkedHashMap<>();
		connections.put("droppedOnPurpose", metrics.total("drops"));
		connections.put("resumed", metrics.total("resumes"));
		connections.put("unexpectedCloses", metrics.counts("unexpectedCloses"));
		connections.put("socketErrors", metrics.counts("socketErrors"));
		connections.put("lostForGood", metrics.counts("lostForGood"));
		connections.put("resumeAttemptsFailed", metrics.counts("resumeAttemptsFailed"));
		connections.put("closes", metrics.counts("closes"));
		connections.put("host", metrics.counts("hostCloses"));
		doc.put("connections", connections);
		Map<String, Object> errors = new LinkedHashMap<>();
		errors.put("players", metrics.counts("errors"));
		errors.put("host", metrics.counts("hostErrors"));
		errors.put("badFrames", metrics.counts("badFrames"));
		errors.put("hostWaitTimeouts", metrics.counts("hostWaitTimeouts"));
		errors.put("hostOutOfStep", metrics.counts("hostOutOfStep"));
		// Guarded 'next' commands refused because the server had already moved on (not a problem).
		errors.put("hostStaleCommands", metrics.counts("hostStaleCommands"));
		doc.put("errors", errors);
		doc.put("lostAnswers", audit);
		doc.put("memory", memory);
		// CPU seconds of the simulator and the server while joining and while playing: the two share the cores.
		doc.put("cpu", cpu);
		Map<String, Object> server = new LinkedHashMap<>();
		server.put("after", after);
		Map<String, Double> delta = new LinkedHashMap<>();
		after.forEach((series, value) -> {
			Double was = before.get(series);
			if (was != null && !was.equals(value) && (series.contains("_total") || series.contains("_count"))) {
				delta.put(series, value - was);
			}
		});
		server.put("deltaOfCounters", delta);
		doc.put("serverMetrics", server);

		List<String> problems = new ArrayList<>();
		if (deadline.passed()) {
			problems.add("the run hit --timeout");
		}
		if (((Number) joins.get("failed")).longValue() > 0) {
			problems.add(joins.get("failed") + " players failed to join: " + joins.get("failures"));
		}
		if (Boolean.TRUE.equals(audit.get("checked")) && ((Number) audit.get("lost")).longValue() > 0) {
			problems.add(audit.get("lost") + " acknowledged answers are missing from the stored results");
		}
		if (metrics.total("errors") + metrics.total("hostErrors") > 0) {
			problems.add("error frames: players " + metrics.counts("errors") + ", host " + metrics.counts("hostErrors"));
		}
		if (metrics.total("unexpectedCloses") > 0) {
			problems.add("unexpected closes by code: " + metrics.counts("unexpectedCloses"));
		}
		if (metrics.total("lostForGood") > 0) {
			problems.add("players lost for good: " + metrics.counts("lostForGood"));
		}
		if (metrics.total("badFrames") > 0) {
			problems.add("frames the simulator could not read: " + metrics.counts("badFrames"));
		}
		if (metrics.total("hostOutOfStep") > 0) {
			problems.add("the game moved on without the host: " + metrics.counts("hostOutOfStep"));
		}
		if (options.buzzer() && seated < options.contestants()) {
			problems.add("only " + seated + " of " + options.contestants() + " contestants were seated");
		}
		if (options.buzzer() && metrics.histograms().get(Metrics.BUZZ).getTotalCount() == 0) {
			problems.add("no press reached the server (no 'buzzed')");
		}
		if (metrics.total("hostWaitTimeouts") > 0) {
			problems.add("the host gave up waiting for: " + metrics.counts("hostWaitTimeouts"));
		}
		return new Summary(doc, problems);
	}
}
