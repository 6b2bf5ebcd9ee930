package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * The Grafana dashboard (docs/grafana/quizfest-live.json) asks only for metrics a node exports: after
 * a played game, every metric name in its queries is in {@code /actuator/prometheus}. The console's
 * System screen reads the same figures from {@code /api/system/figures}, for administrators only.
 */
class DashboardMetricsIntegrationTest extends LiveIntegrationSupport {

	static final Path DASHBOARD = Path.of("..", "docs", "grafana", "quizfest-live.json");

	/** A metric in a query: the families QuizFest, the JVM and the process export. */
	private static final Pattern METRIC = Pattern.compile("\\b((?:quiz|jvm|process|system)_[a-z0-9_]+)\\b");

	private static final int PLAYERS = 3;

	@Test
	void everyMetricTheDashboardQueriesIsExportedAfterAGame() throws Exception {
		Set<String> queried = queriedMetrics();
		assertThat(queried).as("metrics named by the dashboard").contains("quiz_players_connected",
				"quiz_fanout_histogram_seconds_bucket", "quiz_ack_histogram_seconds_bucket", "quiz_results_queue_age_seconds",
				"quiz_relay_bytes_total", "jvm_gc_pause_seconds_sum");

		playAGame();
		// The GC meters appear with the first collection after the registry was built: make sure there is one.
		System.gc();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Set<String> exported = exportedMetrics(new ApiClient(port).get("/actuator/prometheus").raw().body());
			assertThat(exported).as("exported by /actuator/prometheus").containsAll(queried);
		});
		String metrics = new ApiClient(port).get("/actuator/prometheus").raw().body();
		// Histograms, not only quantiles: buckets can be added up over nodes and windows.
		assertThat(meterIn(metrics, "quiz_ack_latency_seconds_count")).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(meterIn(metrics, "quiz_ack_histogram_seconds_count")).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(meterIn(metrics, "quiz_ack_histogram_seconds_bucket", "le=\"+Inf\"")).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(metrics.lines().filter(line -> line.startsWith("quiz_ack_histogram_seconds_bucket{"))).hasSizeGreaterThan(10);
		assertThat(metrics).containsPattern("(?m)^quiz_fanout_histogram_seconds_bucket\\{[^}]*le=\"\\+Inf\"");
		// The quantiles of each node stay as they were.
		assertThat(metrics).containsPattern("(?m)^quiz_ack_latency_seconds\\{[^}]*quantile=\"0.99\"");
	}

	@Test
	void theSystemFiguresAreForAdministratorsOnly() {
		playAGame();
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response figures = admin.get("/api/system/figures");
		assertThat(figures.status()).isEqualTo(200);
		JsonNode body = figures.body();
		assertThat(body.path("at").asLong()).isPositive();
		assertThat(body.path("joins").asDouble()).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(body.path("answers").path("accepted").asDouble()).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(body.path("ack").path("count").asLong()).isGreaterThanOrEqualTo(PLAYERS);
		assertThat(body.path("ack").path("p99").asDouble()).isPositive();
		assertThat(body.path("fanOut").path("count").asLong()).isPositive();
		assertThat(body.path("jvm").path("heapUsedBytes").asDouble()).isPositive();
		assertThat(body.path("jvm").path("heapMaxBytes").asDouble())
			.isGreaterThanOrEqualTo(body.path("jvm").path("heapUsedBytes").asDouble());
		assertThat(body.path("resultsQueue").has("ageSeconds")).isTrue();
		assertThat(body.path("relay").path("messagesOut").asDouble()).isZero(); // embedded: no other node

		ApiClient anonymous = new ApiClient(port).language("en");
		ApiClient.Response refused = anonymous.get("/api/system/figures");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body().path("code").asString()).isEqualTo("login.required");

		String username = "host." + System.nanoTime() % 100_000;
		ApiClient.Response created = admin.post("/api/users",
				Map.of("username", username, "displayName", "Chị Lan", "role", "ORGANISER"));
		assertThat(created.status()).isEqualTo(201);
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login(username, created.body().path("generatedPassword").asString()).status())
			.isEqualTo(200);
		ApiClient.Response forbidden = organiser.get("/api/system/figures");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.body().path("code").asString()).isEqualTo("access.denied");
		assertThat(forbidden.body().path("detail").asString()).isEqualTo("Bạn không có quyền thực hiện thao tác này.");
	}

	/**
	 * Three players join, answer one question (the last answer closes it) and see the game to its end;
	 * on the way a nickname is refused as taken and a host screen with a wrong token is turned away, so
	 * that the tagged counters (created with their first event) exist too.
	 */
	private void playAGame() {
		Created game = createGame(singleChoiceQuiz(1), quickSettings());
		Client host = host(game);
		List<Player> players = new ArrayList<>();
		for (int i = 0; i < PLAYERS; i++) {
			players.add(join(game, "Bảng điều khiển " + i));
		}
		Client taken = connect("/ws/play");
		taken.send(Map.of("type", "join", "v", 1, "pin", game.pin(), "nickname", "Bảng điều khiển 0"));
		assertThat(error(taken).path("code").asString()).isEqualTo("NICKNAME_TAKEN");
		Client intruder = connect("/ws/host");
		intruder.send(Map.of("type", "host", "v", 1, "game", game.id(), "token", "not-the-host-token"));
		assertThat(error(intruder).path("code").asString()).isEqualTo("HOST_REFUSED");
		host.send(Map.of("type", "next"));
		for (Player player : players) {
			player.socket().next("open", WAIT);
			player.socket().send(answer(0, 0));
			assertThat(player.socket().next("ack", WAIT).path("accepted").asBoolean()).isTrue();
		}
		host.next("closed", WAIT);
		host.send(Map.of("type", "next"));
		host.next("leaderboard", WAIT);
		host.send(Map.of("type", "next"));
		host.next("podium", WAIT);
		host.send(Map.of("type", "next"));
		host.next("ended", WAIT);
	}

	/** Every metric name in the dashboard's panel queries and template variables. */
	static Set<String> queriedMetrics() throws Exception {
		JsonNode dashboard = JsonMapper.builder().build()
			.readTree(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.path("expr").asString());
			}
		}
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			queries.add(variable.path("definition").asString());
		}
		assertThat(queries).as("queries in the dashboard").hasSizeGreaterThan(10).allMatch(q -> !q.isBlank());
		Set<String> names = new TreeSet<>();
		for (String query : queries) {
			Matcher matcher = METRIC.matcher(query);
			boolean any = false;
			while (matcher.find()) {
				names.add(matcher.group(1));
				any = true;
			}
			assertThat(any).as("a metric in %s", query).isTrue();
		}
		return names;
	}

	/** The sample names of a Prometheus text exposition (histogram buckets included). */
	static Set<String> exportedMetrics(String exposition) {
		Set<String> names = new TreeSet<>();
		exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
			int end = 0;
			while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
				end++;
			}
			names.add(line.substring(0, end));
		});
		return names;
	}
}
