package vn.quizfest.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the contest mode ({@code --mode contest}): self-paced entrants over plain HTTP
 * (docs/contests.md), parsed and checked before anything connects, each message naming the option.
 *
 * @param url the server; entrants and the organiser use the same one
 * @param user organiser who creates (or reads back) the contest; always needed, the audit reads the
 *        organiser's ranking
 * @param contestId attach to this contest instead of creating one (with {@code roundId})
 * @param entrants simulated entrants, each registers and makes one attempt
 * @param startRate entrants starting (register, then start the attempt) per second
 * @param questions questions of the created round
 * @param timeLimitSeconds time for an attempt in the created round
 * @param units communes of the created contest's unit list (under one province)
 * @param think think time before each answer
 * @param timeScale multiplies think times
 * @param missing share of questions an entrant leaves unanswered
 * @param reload share of entrants who reload mid-attempt (GET the attempt again, check it, go on)
 * @param second share of entrants who try a second attempt after submitting (must be refused)
 * @param lapse share of entrants who stop half way and let the deadline pass
 * @param close whether the run closes the round at the end (timed) and checks the ranking
 * @param maxInFlight requests in flight at once, so a slow server queues on the simulator side
 * @param http the entrants' HTTP client: {@code jdk} (the JDK's HttpClient) or {@code nio} (the lean
 *        keep-alive client on Netty's event loops)
 */
public record ContestOptions(URI url, String user, String password, String contestId, String roundId, int entrants,
		double startRate, int questions, int timeLimitSeconds, int units, ThinkTime think, double timeScale,
		double missing, double reload, double second, double lapse, boolean close, long seed, Duration timeout,
		Path out, Long serverPid, int maxInFlight, String http) {

	public static final int MAX_ENTRANTS = 600_000;

	/** Think time of an entrant reading a question on a phone: median 4 s, 1 to 20 s. */
	public static final ThinkTime DEFAULT_THINK = new ThinkTime(4, 0.5, 1, 20);

	/** Whether these arguments ask for the contest mode ({@code --mode contest} or {@code --mode=contest}). */
	public static boolean wanted(String[] args) {
		return "contest".equals(mode(args));
	}

	/** The value of --mode, "live" when absent. */
	static String mode(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--mode") && i + 1 < args.length) {
				return args[i + 1].strip().toLowerCase(Locale.ROOT);
			}
			if (args[i].startsWith("--mode=")) {
				return args[i].substring("--mode=".length()).strip().toLowerCase(Locale.ROOT);
			}
		}
		return "live";
	}

	public boolean attaches() {
		return contestId != null;
	}

	public static ContestOptions parse(String[] args, Map<String, String> env) {
		URI url = null;
		String user = null;
		String password = env.get(Options.PASSWORD_ENV);
		String contestId = null;
		String roundId = null;
		int entrants = 200;
		double startRate = 50;
		int questions = 10;
		int timeLimit = 600;
		int units = 100;
		ThinkTime think = DEFAULT_THINK;
		double timeScale = 1;
		double missing = 0.02;
		double reload = 0.1;
		double second = 0.05;
		double lapse = 0.02;
		Boolean close = null;
		long seed = 42;
		Duration timeout = Duration.ofMinutes(30);
		Path out = Path.of("loadtest-report");
		Long serverPid = null;
		int maxInFlight = 512;
		String http = HttpTransport.JDK;
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
				throw new Options.OptionsException("Unexpected argument '" + arg + "'. Options start with --; see --help.");
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					throw new Options.OptionsException("Option " + name + " needs a value; see --help.");
				}
				value = args[++i];
			}
			switch (name) {
				case "--mode" -> {
					if (!value.strip().equalsIgnoreCase("contest")) {
						throw new Options.OptionsException("--mode must be live or contest, not '" + value + "'.");
					}
				}
				case "--url" -> url = Options.url(value.strip());
				case "--user" -> user = Options.text(name, value, 100);
				case "--password" -> password = Options.text(name, value, 200);
				case "--contest" -> contestId = Options.text(name, value, 64);
				case "--round" -> roundId = Options.text(name, value, 64);
				case "--entrants" -> entrants = Options.integer(name, value, 1, MAX_ENTRANTS);
				case "--start-rate" -> startRate = Options.decimal(name, value, 0.1, 10_000);
				case "--questions" -> questions = Options.integer(name, value, 1, 100);
				case "--time-limit" -> timeLimit = Options.integer(name, value, 10, 4 * 3600);
				case "--units" -> units = Options.integer(name, value, 1, 10_000);
				case "--think" -> think = ThinkTime.parse(value);
				case "--time-scale" -> timeScale = Options.decimal(name, value, 0.001, 10);
				case "--missing" -> missing = Options.decimal(name, value, 0, 1);
				case "--reload" -> reload = Options.decimal(name, value, 0, 1);
				case "--second-attempt" -> second = Options.decimal(name, value, 0, 1);
				case "--lapse" -> lapse = Options.decimal(name, value, 0, 1);
				case "--close" -> close = yesNo(name, value);
				case "--seed" -> seed = Options.integer(name, value, 0, Integer.MAX_VALUE);
				case "--timeout" -> timeout = Duration.ofSeconds(Options.integer(name, value, 10, 24 * 3600));
				case "--out" -> out = Path.of(value);
				case "--server-pid" -> serverPid = (long) Options.integer(name, value, 1, Integer.MAX_VALUE);
				case "--max-in-flight" -> maxInFlight = Options.integer(name, value, 1, 20_000);
				case "--http" -> {
					http = value.strip().toLowerCase(Locale.ROOT);
					if (!http.equals(HttpTransport.JDK) && !http.equals(HttpTransport.NIO)) {
						throw new Options.OptionsException("--http must be jdk or nio, not '" + value + "'.");
					}
				}
				default -> throw new Options.OptionsException("Unknown option " + name + " in --mode contest; see --help.");
			}
		}
		if (url == null) {
			throw new Options.OptionsException("--url is required: the server's address, e.g. --url http://127.0.0.1:8080.");
		}
		if (user == null || password == null) {
			throw new Options.OptionsException("--mode contest needs an organiser: --user and a password (--password "
					+ "or the environment variable " + Options.PASSWORD_ENV + ").");
		}
		if ((contestId == null) != (roundId == null)) {
			throw new Options.OptionsException("Attaching to a contest needs both --contest and --round.");
		}
		if (missing + lapse > 1 || reload + lapse > 1 || second + lapse > 1) {
			throw new Options.OptionsException("--lapse plus --missing, --reload or --second-attempt must not exceed 1: "
					+ "an entrant who lets the deadline pass neither reloads nor tries again.");
		}
		// Closing a contest somebody else runs is their call: only a created round is closed by default.
		boolean closes = close == null ? contestId == null : close;
		return new ContestOptions(url, user, password, contestId, roundId, entrants, startRate, questions, timeLimit,
				units, think, timeScale, missing, reload, second, lapse, closes, seed, timeout, out, serverPid,
				maxInFlight, http);
	}

	private static boolean yesNo(String name, String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "yes", "true" -> true;
			case "no", "false" -> false;
			default -> throw new Options.OptionsException(name + " must be yes or no, not '" + value + "'.");
		};
	}

	/** The milliseconds to think before answering, scaled, from two uniform numbers. */
	long thinkMillis(double u1, double u2) {
		return Math.max(1, Math.round(think.millis(u1, u2) * timeScale));
	}

	/** The text of --help for the contest mode. */
	public static String help() {
		return """
				Contest mode (--mode contest): self-paced entrants over HTTP (docs/contests.md).

				Usage: java -jar quizfest-loadtest.jar --mode contest --url http://127.0.0.1:8080 --user admin \\
				         --entrants 5000 --start-rate 50 [options]

				Server and contest
				  --url URL              server base address                                   (required)
				  --user NAME            organiser (ORGANISER or ADMIN) who creates the contest and reads the ranking
				  --password PASS        that organiser's password; better: environment variable QUIZFEST_LOADTEST_PASSWORD
				  --contest ID --round ID
				                         attach to an open round of an existing contest instead of creating one
				  --questions N          questions of the created round, 1-100                 (default 10)
				  --time-limit S         time for an attempt in the created round, seconds      (default 600)
				  --units N              communes in the created contest's unit list            (default 100)
				  --close yes|no         close the round at the end (timed) and check the ranking
				                         (default: yes for a created round, no when attached)
				Entrants
				  --entrants N           simulated entrants, 1-600000                          (default 200)
				  --start-rate R         entrants starting per second (register, then start)   (default 50)
				  --think MED,SIGMA[,MIN,MAX]
				                         think time before each answer, log-normal, seconds   (default 4,0.5,1,20)
				  --time-scale F         multiplies think times                               (default 1)
				  --missing F            share of questions left unanswered, 0-1              (default 0.02)
				  --reload F             share of entrants who reload mid-attempt and go on   (default 0.1)
				  --second-attempt F     share who try a second attempt after submitting (must be refused) (default 0.05)
				  --lapse F              share who stop half way and let the deadline pass    (default 0.02)
				  --seed N               seed of every random choice (also of the CCCDs)      (default 42)
				Run
				  --timeout S            hard bound on the whole run, seconds                 (default 1800)
				  --out DIR              where summary.json and report.html go                (default loadtest-report)
				  --server-pid PID       sample this local server's memory before and at the busiest moment
				  --max-in-flight N      requests in flight at once                           (default 512)
				  --http jdk|nio         the entrants' HTTP client: the JDK's HttpClient, or the lean keep-alive
				                         client on Netty's NIO event loops, which leaves more of the cores to the
				                         server (default jdk; loadtest/contest-bench.sh uses nio)

				Exit status: 0 when every saved answer is stored and nothing unexpected was refused; 1 when answers
				were lost, requests failed or the policy let a second attempt through; 2 for bad options.
				""";
	}

	/** Options named in --help, for the test that keeps the help complete. */
	static List<String> names() {
		return List.of("--url", "--user", "--password", "--contest", "--round", "--questions", "--time-limit",
				"--units", "--close", "--entrants", "--start-rate", "--think", "--time-scale", "--missing", "--reload",
				"--second-attempt", "--lapse", "--seed", "--timeout", "--out", "--server-pid", "--max-in-flight", "--http");
	}
}
