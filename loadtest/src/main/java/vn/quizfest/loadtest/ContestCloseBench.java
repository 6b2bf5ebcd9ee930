package vn.quizfest.loadtest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The close-round benchmark (docs/benchmarks.md, "Online contest"): a contest and an open round made
 * through the API, then N entrants and N submitted attempts written straight into MariaDB/MySQL in
 * bulk (names, CCCDs, phones, units spread over the communes like {@link UnitSpread}, registrations
 * over the last days, scores, times and predictions spread so that every tie-break level matters),
 * then, through the API again: the close (ranking, prediction, winners, unit report), the unit
 * report, the daily unit report, the overview, a ranking page and the winners, each timed.
 *
 * <p>It writes the tables of contest-server's migration V20261203_10 (contest_entrant,
 * contest_attempt) directly: a benchmark tool, not a client; change it with that migration.
 *
 * <pre>
 * java -cp quizfest-loadtest.jar vn.quizfest.loadtest.ContestCloseBench --url http://127.0.0.1:18090 \
 *   --user admin --jdbc jdbc:mysql://127.0.0.1:3306/qf_bench --db-user quizfest --attempts 500000
 * </pre>
 * Passwords from QUIZFEST_LOADTEST_PASSWORD and QUIZFEST_BENCH_DB_PASSWORD.
 */
public final class ContestCloseBench {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private ContestCloseBench() {
	}

	record Settings(URI url, String user, String password, String jdbc, String dbUser, String dbPassword,
			int attempts, int units, int questions, int days, long seed, Path out) {
	}

	public static void main(String[] args) throws Exception {
		Settings settings;
		try {
			settings = parse(args, System.getenv());
		}
		catch (Options.OptionsException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Map<String, Object> result = run(settings, System.out::println);
		Files.createDirectories(settings.out());
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(settings.out().resolve("close-bench.json"), json.writeValueAsString(result),
				StandardCharsets.UTF_8);
		System.out.println("Written: " + settings.out().resolve("close-bench.json").toAbsolutePath());
	}

	static Settings parse(String[] args, Map<String, String> env) {
		URI url = null;
		String user = null;
		String jdbc = null;
		String dbUser = null;
		int attempts = 500_000;
		int units = 100;
		int questions = 10;
		int days = 7;
		long seed = 42;
		Path out = Path.of("loadtest-report");
		for (int i = 0; i + 1 < args.length; i += 2) {
			String name = args[i];
			String value = args[i + 1];
			switch (name) {
				case "--url" -> url = Options.url(value);
				case "--user" -> user = Options.text(name, value, 100);
				case "--jdbc" -> jdbc = Options.text(name, value, 500);
				case "--db-user" -> dbUser = Options.text(name, value, 100);
				case "--attempts" -> attempts = Options.integer(name, value, 1, 2_000_000);
				case "--units" -> units = Options.integer(name, value, 1, 10_000);
				case "--questions" -> questions = Options.integer(name, value, 1, 100);
				case "--days" -> days = Options.integer(name, value, 1, 60);
				case "--seed" -> seed = Options.integer(name, value, 0, Integer.MAX_VALUE);
				case "--out" -> out = Path.of(value);
				default -> throw new Options.OptionsException("Unknown option " + name
						+ "; options: --url --user --jdbc --db-user --attempts --units --questions --days --seed --out");
			}
		}
		if (args.length % 2 != 0) {
			throw new Options.OptionsException("Option " + args[args.length - 1] + " needs a value.");
		}
		String password = env.get(Options.PASSWORD_ENV);
		String dbPassword = env.get("QUIZFEST_BENCH_DB_PASSWORD");
		if (url == null || user == null || password == null || jdbc == null || dbUser == null || dbPassword == null) {
			throw new Options.OptionsException("Needs --url, --user (password in " + Options.PASSWORD_ENV + "), --jdbc "
					+ "and --db-user (password in QUIZFEST_BENCH_DB_PASSWORD).");
		}
		return new Settings(url, user, password, jdbc, dbUser, dbPassword, attempts, units, questions, days, seed, out);
	}

	static Map<String, Object> run(Settings settings, java.util.function.Consumer<String> log) throws SQLException {
		JsonMapper json = JsonMapper.builder().build();
		ServerApi api = new ServerApi(settings.url(), json);
		api.login(settings.user(), settings.password());
		UnitSpread spread = new UnitSpread(settings.units(), settings.seed());
		ContestSimulator.Target target = ContestSetup.create(api, spread, settings.questions(), 600,
				settings.days() * 86_400L + 3600, 86_400);
		log.accept("Contest " + target.contestId() + ", round " + target.roundId() + "; filling " + settings.attempts()
				+ " submitted attempts over " + settings.units() + " communes");
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("attempts", settings.attempts());
		out.put("communes", settings.units());
		out.put("questions", settings.questions());
		out.put("cores", Runtime.getRuntime().availableProcessors());
		long fillStart = System.nanoTime();
		fill(settings, spread, Long.parseLong(target.contestId()), Long.parseLong(target.roundId()));
		out.put("fillSeconds", Math.round((System.nanoTime() - fillStart) / 1e7) / 100.0);
		log.accept("Filled in " + out.get("fillSeconds") + " s; load " + ServerProbe.loadAverage());

		String base = "/api/contests/" + target.contestId();
		String round = target.roundId();
		Map<String, Object> timings = new LinkedHashMap<>();
		timings.put("close", timed(api, "POST", base + "/rounds/" + round + "/close", log));
		String today = LocalDate.now(VIETNAM).toString();
		for (int i = 1; i <= 3; i++) {
			timings.put("unitReport#" + i, timed(api, "GET", base + "/reports/units?round=" + round, log));
		}
		for (int i = 1; i <= 3; i++) {
			timings.put("dailyUnitReport#" + i, timed(api, "GET", base + "/reports/units?round=" + round + "&date=" + today,
					log));
		}
		timings.put("overview", timed(api, "GET", base + "/reports/overview", log));
		timings.put("rankingFirstPage", timed(api, "GET", base + "/rounds/" + round + "/ranking?page=0&size=50", log));
		timings.put("rankingDeepPage", timed(api, "GET", base + "/rounds/" + round + "/ranking?page=5000&size=50", log));
		timings.put("winners", timed(api, "GET", base + "/rounds/" + round + "/winners", log));
		out.put("timings", timings);
		out.put("contest", target.contestId());
		out.put("round", round);
		return out;
	}

	/** One timed call: wall milliseconds, the machine's load before it, and the reply's small fields. */
	private static Map<String, Object> timed(ServerApi api, String method, String path,
			java.util.function.Consumer<String> log) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("path", path);
		out.put("loadBefore", ServerProbe.loadAverage());
		long start = System.nanoTime();
		try {
			JsonNode reply = api.call(method, path, null, 200, java.time.Duration.ofMinutes(10));
			out.put("ms", (System.nanoTime() - start) / 1_000_000);
			Map<String, Object> fields = new LinkedHashMap<>();
			if (reply.isObject()) {
				for (String name : reply.propertyNames()) {
					JsonNode value = reply.get(name);
					if (value.isValueNode()) {
						fields.put(name, value.asString());
					}
					else if (value.isArray()) {
						fields.put(name + ".size", value.size());
					}
				}
			}
			else if (reply.isArray()) {
				fields.put("size", reply.size());
			}
			out.put("reply", fields);
		}
		catch (ServerApi.ApiFailure ex) {
			out.put("ms", (System.nanoTime() - start) / 1_000_000);
			out.put("failed", ex.getMessage());
		}
		log.accept(String.format("%-60s %6d ms  %s", method + " " + path, (long) out.get("ms"),
				out.getOrDefault("failed", out.get("reply"))));
		return out;
	}

	/** Entrants in batches (the driver rewrites a batch into multi-row INSERTs), then their attempts in one INSERT ... SELECT. */
	private static void fill(Settings settings, UnitSpread spread, long contestId, long roundId) throws SQLException {
		String url = settings.jdbc() + (settings.jdbc().contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
		Dice dice = new Dice(settings.seed());
		long now = System.currentTimeMillis();
		long windowMs = settings.days() * 86_400_000L;
		List<String> form = List.of("fullName", "birthYear", "gender", "cccd", "phone");
		try (Connection db = DriverManager.getConnection(url, settings.dbUser(), settings.dbPassword())) {
			db.setAutoCommit(false);
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO contest_entrant (contest_id, identity_value, "
					+ "full_name, birth_year, gender, cccd, phone, unit_code, consent_at, consent_hash, registered_at, "
					+ "registered_day, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
				String consentHash = "0".repeat(64);
				for (int i = 0; i < settings.attempts(); i++) {
					Map<String, Object> fields = Entrant.fields(i, settings.seed(), form, null);
					// Registrations over the window, more of them in the evenings' and the last days' rush.
					double u = dice.roll(i, 0, 40);
					long at = now - windowMs + Math.round(Math.sqrt(u) * (windowMs - 120_000));
					insert.setLong(1, contestId);
					insert.setString(2, (String) fields.get("cccd"));
					insert.setString(3, (String) fields.get("fullName"));
					insert.setInt(4, (int) fields.get("birthYear"));
					insert.setString(5, (String) fields.get("gender"));
					insert.setString(6, (String) fields.get("cccd"));
					insert.setString(7, (String) fields.get("phone"));
					insert.setString(8, spread.pick(dice.roll(i, 0, 41)).code());
					insert.setLong(9, at);
					insert.setString(10, consentHash);
					insert.setLong(11, at);
					insert.setInt(12, day(at));
					insert.addBatch();
					if (i % 5_000 == 4_999) {
						insert.executeBatch();
						db.commit();
					}
				}
				insert.executeBatch();
				db.commit();
			}
			int q = settings.questions();
			// Scores: mistakes = floor(u^2 * (q + 1)), so about 3 in 10 answer everything right and the
			// prediction and time tie-breaks decide among many; times 1-10 minutes; predictions 0-300,000.
			String attempts = "INSERT INTO contest_attempt (round_id, entrant_id, policy_slot, seed, state, started_at, "
					+ "started_day, deadline, unit_code, submitted_at, auto_submitted, score, max_score, correct_count, "
					+ "question_count, time_used_ms, prediction) "
					+ "SELECT ?, e.id, ?, e.id * 7919, 'SUBMITTED', e.registered_at + 30000, e.registered_day, "
					+ "e.registered_at + 630000, e.unit_code, e.registered_at + 30000 + t.used, FALSE, "
					+ "(? - t.mistakes) * 10, ? * 10, ? - t.mistakes, ?, t.used, t.prediction "
					+ "FROM contest_entrant e JOIN (SELECT id, "
					+ "FLOOR(POW((CRC32(CONCAT('m', id)) % 10000) / 10000.0, 2) * (? + 1)) AS mistakes, "
					+ "60000 + CRC32(CONCAT('t', id)) % 540000 AS used, CRC32(CONCAT('p', id)) % 300000 AS prediction "
					+ "FROM contest_entrant WHERE contest_id = ?) t ON t.id = e.id WHERE e.contest_id = ?";
			try (PreparedStatement insert = db.prepareStatement(attempts)) {
				insert.setLong(1, roundId);
				insert.setString(2, "R" + roundId);
				insert.setInt(3, q);
				insert.setInt(4, q);
				insert.setInt(5, q);
				insert.setInt(6, q);
				insert.setInt(7, q);
				insert.setLong(8, contestId);
				insert.setLong(9, contestId);
				insert.executeUpdate();
			}
			db.commit();
		}
	}

	private static int day(long epochMillis) {
		return Integer.parseInt(DAY.format(Instant.ofEpochMilli(epochMillis).atZone(VIETNAM).toLocalDate()));
	}

	/** For the script: the JSON file of a run as a short table. */
	static String table(Path file) throws IOException {
		JsonNode doc = JsonMapper.builder().build().readTree(Files.readString(file));
		StringBuilder out = new StringBuilder("| request | ms | load before |\n|---|---:|---|\n");
		for (String name : doc.path("timings").propertyNames()) {
			JsonNode t = doc.path("timings").path(name);
			out.append("| ").append(name).append(" | ").append(t.path("ms").asLong()).append(" | ")
				.append(t.path("loadBefore").asString()).append(" |\n");
		}
		return out.toString();
	}
}
