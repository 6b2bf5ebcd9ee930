package vn.quizfest.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's settings, parsed from the command line. Every value is checked here, so a bad
 * one stops the run before anything connects, with a message naming the option.
 */
public record Options(List<URI> urls, int players, double joinRate, int questions, String gameId, String pin,
		String hostToken, String user, String password, ThinkTime think, double timeScale, double wrong,
		double missing, double drop, long seed, Duration timeout, Path out, Long serverPid, int previewSeconds,
		int clients, int maxConnecting, int warmup, String format, String client, int teams, int contestants,
		FailoverOptions failover, int games) {

	/** The environment variable that may hold the organiser's password (kept out of `ps` output). */
	public static final String PASSWORD_ENV = "QUIZFEST_LOADTEST_PASSWORD";

	public static final int MAX_PLAYERS = 50_000;

	public static final int MAX_QUESTIONS = 200;

	/** The live formats the simulator can create a game of ({@code --format}). */
	public static final List<String> FORMATS = List.of("hosted", "elimination", "buzzer");

	/** Contestants a buzzer game seats at most (docs/organiser-console.md, "Vòng bấm chuông"). */
	public static final int MAX_CONTESTANTS = 8;

	/** Games played at once at most ({@code --games}). */
	public static final int MAX_GAMES = 100;

	/** Whether the created game plays Rung chuông vàng: eliminated players watch instead of answering. */
	public boolean elimination() {
		return "elimination".equals(format);
	}

	/**
	 * Whether the created game plays buzzer rounds: the first {@link #contestants} players are seated by
	 * the host and press; the others are the audience and answer as in the classic game.
	 */
	public boolean buzzer() {
		return "buzzer".equals(format);
	}

	/** A bad option or value; the message says which and what is allowed. */
	public static final class OptionsException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public OptionsException(String message) {
			super(message);
		}
	}

	public Options {
		urls = List.copyOf(urls);
	}

	/** Whether the run attaches to an existing game instead of creating one. */
	public boolean attaches() {
		return gameId != null;
	}

	/** Settings for a small run in tests: the given server, everything else at its default. */
	public static Options defaults(URI url) {
		return parse(new String[] { "--url", url.toString() }, Map.of());
	}

	public Options withPlayers(int players) {
		return new Options(urls, players, joinRate, questions, gameId, pin, hostToken, user, password, think,
				timeScale, wrong, missing, drop, seed, timeout, out, serverPid, previewSeconds, clients, maxConnecting,
				warmup, format, client, teams, contestants, failover, games);
	}

	/**
	 * One of the {@code --games} games: its share of the players, a seed of its own (so the games' players
	 * do not all think alike), and its share of the client threads (at least one).
	 */
	public Options forGame(int game, int playersInGame) {
		return new Options(urls, playersInGame, Math.max(0.1, joinRate / games), questions, gameId, pin, hostToken, user,
				password, think, timeScale, wrong, missing, drop, seed + 1_000L * (game + 1), timeout, out, serverPid,
				previewSeconds, Math.max(1, clients / games), maxConnecting, warmup, format, client, teams, contestants,
				failover, 1);
	}

	/** The players of game {@code game} (0-based) of {@link #games}: as even a share as the count allows. */
	public int playersInGame(int game) {
		return players / games + (game < players % games ? 1 : 0);
	}

	/**
	 * A short game in the same JVM before the measured one, so that the simulator's own JIT warm-up (its
	 * first seconds of handshakes run at a third of the later rate) is not counted against the server.
	 */
	public Options forWarmup() {
		return new Options(urls, warmup, Math.max(joinRate, 500), 2, null, null, null, user, password, think, 0.05, wrong,
				0, 0, seed + 1, Duration.ofMinutes(2), out.resolve("warmup"), null, 0, clients, maxConnecting, 0, "hosted",
				client, teams, contestants, FailoverOptions.DEFAULTS, 1);
	}

	public static Options parse(String[] args, Map<String, String> env) {
		List<URI> urls = new ArrayList<>();
		int players = 100;
		double joinRate = 500;
		int questions = 3;
		String gameId = null;
		String pin = null;
		String hostToken = null;
		String user = null;
		String password = env.get(PASSWORD_ENV);
		ThinkTime think = ThinkTime.DEFAULT;
		double timeScale = 1.0;
		double wrong = 0.3;
		double missing = 0.05;
		double drop = 0.02;
		long seed = 42;
		Duration timeout = Duration.ofMinutes(10);
		Path out = Path.of("loadtest-report");
		Long serverPid = null;
		int preview = 1;
		int clients = 4;
		int maxConnecting = 256;
		int warmup = 0;
		String format = "hosted";
		String client = PlayerSockets.JDK;
		int teams = 0;
		int contestants = MAX_CONTESTANTS;
		FailoverOptions failover = FailoverOptions.DEFAULTS;
		int games = 1;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg;
			String value = null;
			int eq = arg.indexOf('=');
			if (arg.startsWith("--") && eq > 0) {
				name = arg.substring(0, eq);
				value = arg.substring(eq + 1);
			}
			if (!name.startsWith("--")) {
				throw new OptionsException("Unexpected argument '" + arg + "'. Options start with --; see --help.");
			}
			if (name.equals("--help")) {
				throw new OptionsException(help());
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					throw new OptionsException("Option " + name + " needs a value; see --help.");
				}
				value = args[++i];
			}
			switch (name) {
				case "--mode" -> {
					// The contest mode has its own options (ContestOptions); Main sends it there.
					if (!value.strip().equalsIgnoreCase("live")) {
						throw new OptionsException("--mode must be live or contest, not '" + value + "'.");
					}
				}
				case "--url" -> {
					for (String part : value.split(",")) {
						if (!part.isBlank()) {
							urls.add(url(part.strip()));
						}
					}
				}
				case "--players" -> players = integer(name, value, 1, MAX_PLAYERS);
				case "--join-rate" -> joinRate = decimal(name, value, 0.1, 100_000);
				case "--questions" -> questions = integer(name, value, 1, MAX_QUESTIONS);
				case "--game" -> gameId = text(name, value, 64);
				case "--pin" -> pin = pin(value);
				case "--host-token" -> hostToken = text(name, value, 128);
				case "--user" -> user = text(name, value, 100);
				case "--password" -> password = text(name, value, 200);
				case "--think" -> think = ThinkTime.parse(value);
				case "--time-scale" -> timeScale = decimal(name, value, 0.001, 10);
				case "--wrong" -> wrong = share(name, value);
				case "--missing" -> missing = share(name, value);
				case "--drop" -> drop = share(name, value);
				case "--seed" -> seed = longValue(name, value);
				case "--timeout" -> timeout = Duration.ofSeconds(integer(name, value, 10, 24 * 3600));
				case "--out" -> out = Path.of(value);
				case "--server-pid" -> serverPid = (long) integer(name, value, 1, Integer.MAX_VALUE);
				case "--preview" -> preview = integer(name, value, 0, 60);
				case "--clients" -> clients = integer(name, value, 1, 64);
				case "--client" -> {
					client = value.strip().toLowerCase(Locale.ROOT);
					if (!client.equals(PlayerSockets.JDK) && !client.equals(PlayerSockets.NIO)) {
						throw new OptionsException("--client must be jdk or nio, not '" + value + "'.");
					}
				}
				case "--max-connecting" -> maxConnecting = integer(name, value, 1, 10_000);
				case "--warmup" -> warmup = integer(name, value, 0, 5_000);
				case "--format" -> {
					format = value.strip().toLowerCase(Locale.ROOT);
					if (!FORMATS.contains(format)) {
						throw new OptionsException("--format must be hosted, elimination or buzzer, not '" + value + "'.");
					}
				}
				case "--teams" -> teams = integer(name, value, 0, 500);
				case "--contestants" -> contestants = integer(name, value, 2, MAX_CONTESTANTS);
				case "--games" -> games = integer(name, value, 1, MAX_GAMES);
				// Fault runs (issue 16): resumes through other nodes, churn, the --fault hook.
				case "--resume-deadline", "--resume-attempts", "--churn", "--fault" -> failover = failover.with(name, value);
				default -> throw new OptionsException("Unknown option " + name + "; see --help.");
			}
		}
		if (urls.isEmpty()) {
			throw new OptionsException("--url is required: the server's address, e.g. --url http://127.0.0.1:8080.");
		}
		if (gameId != null || pin != null || hostToken != null) {
			if (gameId == null || pin == null || hostToken == null) {
				throw new OptionsException("Attaching to a game needs all of --game, --pin and --host-token.");
			}
		}
		else if (user == null || password == null) {
			throw new OptionsException("Creating a game needs --user and a password (--password or the environment "
					+ "variable " + PASSWORD_ENV + "); or attach to one with --game, --pin and --host-token.");
		}
		if (warmup > 0 && user == null) {
			throw new OptionsException("--warmup creates its own small game: it needs --user and a password.");
		}
		if ("buzzer".equals(format) && players <= contestants) {
			throw new OptionsException("--format buzzer seats " + contestants + " contestants (--contestants): "
					+ "--players must be more, the rest being the audience.");
		}
		if (user != null && password == null) {
			throw new OptionsException("--user needs a password (--password or " + PASSWORD_ENV + ").");
		}
		if (games > 1) {
			if (gameId != null) {
				throw new OptionsException("--games creates its games: it cannot attach to one (--game, --pin, --host-token).");
			}
			if (players < games) {
				throw new OptionsException("--games " + games + " needs at least one player per game: --players " + players
						+ " is fewer.");
			}
			if ("buzzer".equals(format) || failover.fault() != null || failover.churn() != null) {
				throw new OptionsException("--games plays classic or elimination games without faults: not with "
						+ "--format buzzer, --fault or --churn.");
			}
		}
		failover.check(questions);
		return new Options(urls, players, joinRate, questions, gameId, pin, hostToken, user, password, think,
				timeScale, wrong, missing, drop, seed, timeout, out, serverPid, preview, clients, maxConnecting, warmup,
				format, client, teams, contestants, failover, games);
	}

	static URI url(String value) {
		URI uri;
		try {
			uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
		}
		catch (IllegalArgumentException ex) {
			throw new OptionsException("--url '" + value + "' is not a URL: " + ex.getMessage());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new OptionsException("--url '" + value + "' must be an http:// or https:// address with a host.");
		}
		return uri;
	}

	private static String pin(String value) {
		String pin = value.strip();
		if (!pin.matches("[0-9]{6}")) {
			throw new OptionsException("--pin must be six digits, not '" + value + "'.");
		}
		return pin;
	}

	static String text(String name, String value, int max) {
		if (value.isBlank() || value.length() > max) {
			throw new OptionsException(name + " must be 1 to " + max + " characters.");
		}
		return value;
	}

	static int integer(String name, String value, int min, int max) {
		try {
			int parsed = Integer.parseInt(value.strip().replace("_", ""));
			if (parsed < min || parsed > max) {
				throw new OptionsException(name + " must be between " + min + " and " + max + ", not " + parsed + ".");
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new OptionsException(name + " must be a whole number, not '" + value + "'.");
		}
	}

	static double decimal(String name, String value, double min, double max) {
		double parsed;
		try {
			parsed = Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new OptionsException(name + " must be a number, not '" + value + "'.");
		}
		if (!(parsed >= min && parsed <= max)) {
			throw new OptionsException(name + " must be between " + min + " and " + max + ", not " + value + ".");
		}
		return parsed;
	}

	private static double share(String name, String value) {
		return decimal(name, value, 0, 1);
	}

	private static long longValue(String name, String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new OptionsException(name + " must be a whole number, not '" + value + "'.");
		}
	}

	/** The text of --help. */
	public static String help() {
		return """
				QuizFest load simulator: N phone players over real WebSockets (docs/benchmarks.md).

				Usage: java -jar quizfest-loadtest.jar --url http://127.0.0.1:8080 --players 1000 --user admin [options]

				Modes
				  --mode live|contest    live: a host-paced game over WebSockets (these options); contest: self-paced
				                         entrants of an online contest over HTTP (see --mode contest --help) (default live)
				Server and game
				  --url URL[,URL...]     server base address; repeat or list several to spread players round-robin
				                         (the host and the REST calls use the first)           (required)
				  --user NAME            organiser (role HOST or above) who creates the game through the API
				  --password PASS        that organiser's password; better: environment variable QUIZFEST_LOADTEST_PASSWORD
				  --questions N          questions in the created game, 1-200                  (default 3)
				  --preview S            previewSeconds of the created game, 0-60              (default 1)
				  --game ID --pin PIN --host-token TOKEN
				                         attach to an existing game in its lobby instead of creating one
				Players
				  --players N            simulated players, 1-50000                            (default 100)
				  --join-rate R          players starting to join per second                   (default 500)
				  --think MED,SIGMA[,MIN,MAX]
				                         think time before answering, log-normal with this median (s) and sigma,
				                         clamped to MIN-MAX seconds                            (default 2.5,0.6,1,8)
				  --time-scale F         multiplies think times and the host's pauses (0.05 = 20x faster)  (default 1)
				  --wrong F              share of the answers given that are wrong, 0-1        (default 0.3)
				  --missing F            share of questions a player does not answer, 0-1      (default 0.05)
				  --drop F               share of players who drop once and resume with their token, 0-1  (default 0.02)
				  --seed N               seed of every random choice, for repeatable runs      (default 42)
				Run
				  --timeout S            hard bound on the whole run, in seconds               (default 600)
				  --out DIR              where summary.json and report.html go                 (default loadtest-report)
				  --server-pid PID       a server on this machine: sample its resident memory (/proc) and its heap
				                         after a forced GC (jcmd) when idle and with every player connected
				  --client jdk|nio       the phones' WebSocket client: the JDK's HttpClient, or the lean one on
				                         Netty's NIO event loops, which leaves more of the cores to the server (default jdk)
				  --clients N            JDK HttpClients, or Netty event loops, sharing the sockets (one thread each) (default 4)
				  --max-connecting N     WebSocket handshakes in flight at once                (default 256)
				  --teams N              team play by unit: the created game has N units (Đơn vị 1..N) and
				                         player i joins for unit i mod N (default 0: no units)
				  --warmup N             first play a short 2-question game with N players in this JVM, so the
				                         simulator's own JIT warm-up is not measured (needs --user)  (default 0)
				  --format F             hosted, or elimination (Rung chuông vàng, 20 s a question: a wrong or
				                         missing answer eliminates, the eliminated watch), or buzzer (a stage game:
				                         the host seats --contestants players, who press; the host judges; the
				                         rest answer as the audience)                          (default hosted)
				  --contestants N        buzzer: contestants seated, the first N players to join, 2-8  (default 8)
				  --games N              N games at once, 1-100, each with its own host; the players, the join rate
				                         and --clients are shared out evenly over them; latencies are over all
				                         games, the stored answers checked game by game       (default 1)
				  --help                 this text
				""" + FailoverOptions.HELP + """

				Exit status: 0 when every player joined and nothing was lost, dropped or refused; 1 when the run
				completed with lost answers, failed joins, error frames or unexpected drops; 2 for bad options.
				""";
	}
}
