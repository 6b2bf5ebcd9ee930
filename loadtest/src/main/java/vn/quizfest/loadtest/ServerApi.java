package vn.quizfest.loadtest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST calls the simulator makes, as the README documents them: a CSRF token, an organiser
 * login, a question search, a new game, its stored answers, and the server's Prometheus meters.
 */
final class ServerApi {

	/** Question types the simulator answers right or wrong on purpose. */
	static final Set<String> PLAYABLE = Set.of("SINGLE_CHOICE", "TRUE_FALSE", "MULTIPLE_SELECT", "ORDERING",
			"TYPE_ANSWER", "NUMERIC");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI base;

	private final JsonMapper json;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	ServerApi(URI base, JsonMapper json) {
		this.base = base;
		this.json = json;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** Thrown when the server refuses a call; the message holds its status and problem code. */
	static final class ApiFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ApiFailure(String message) {
			super(message);
		}
	}

	void login(String user, String password) {
		call("GET", "/api/auth/csrf", null, 200);
		call("POST", "/api/auth/login", Map.of("username", user, "password", password), 200);
	}

	/** Published Vietnamese questions of playable types, in id order, at most {@code count}. */
	List<JsonNode> questions(int count) {
		List<JsonNode> chosen = new ArrayList<>();
		for (int page = 0; chosen.size() < count && page < 50; page++) {
			JsonNode body = call("GET", "/api/questions?status=published&lang=vi&size=100&page=" + page, null, 200);
			JsonNode items = body.path("items");
			if (items.isEmpty()) {
				break;
			}
			for (JsonNode question : items) {
				if (chosen.size() < count && PLAYABLE.contains(question.path("type").asString())) {
					chosen.add(question);
				}
			}
		}
		if (chosen.size() < count) {
			throw new ApiFailure("The server has only " + chosen.size() + " published Vietnamese questions this user "
					+ "can see; --questions asked for " + count + ". Load the seed bank (POST /api/admin/seed-bank).");
		}
		return chosen;
	}

	record CreatedGame(String id, String pin, String hostToken) {
	}

	CreatedGame createGame(String title, List<Long> questionIds, int previewSeconds, int maxPlayers) {
		return createGame(title, questionIds, previewSeconds, maxPlayers, false, 0);
	}

	/**
	 * With {@code elimination}, a Rung chuông vàng game; with {@code teams} above 0, team play by unit
	 * with units "u1".."uN" (minimum one member).
	 */
	CreatedGame createGame(String title, List<Long> questionIds, int previewSeconds, int maxPlayers, boolean elimination,
			int teams) {
		return createGame(title, questionIds, previewSeconds, maxPlayers, elimination, teams, false);
	}

	/**
	 * As above; with {@code buzzer}, a buzzer game of common warm-up questions (docs/protocol.md, "Buzzer
	 * rounds") whose contestant on the floor has a minute: the simulated host judges once the audience has
	 * answered, never a deadline.
	 */
	CreatedGame createGame(String title, List<Long> questionIds, int previewSeconds, int maxPlayers, boolean elimination,
			int teams, boolean buzzer) {
		Map<String, Object> settings = new LinkedHashMap<>();
		if (buzzer) {
			settings.put("format", "BUZZER");
			settings.put("buzzer", Map.of("answerSeconds", 60, "buzzSeconds", 10));
		}
		settings.put("previewSeconds", previewSeconds);
		settings.put("maxPlayers", maxPlayers);
		if (elimination) {
			// Rung chuông vàng (docs/protocol.md section 17), with its longest usual time per question.
			settings.put("format", "ELIMINATION");
			settings.put("elimination", Map.of("secondsPerQuestion", 20));
		}
		if (teams > 0) {
			List<Map<String, Object>> units = new ArrayList<>();
			for (int i = 1; i <= teams; i++) {
				units.add(Map.of("id", "u" + i, "name", "Đơn vị " + i));
			}
			settings.put("teams", Map.of("units", units, "minMembers", 1));
		}
		JsonNode body = call("POST", "/api/games",
				Map.of("title", title, "questionIds", questionIds, "settings", settings), 201);
		return new CreatedGame(body.path("id").asString(), body.path("pin").asString(),
				body.path("hostToken").asString());
	}

	/** The answers the server has stored for a game (GET /api/games/{id}/answers). */
	JsonNode storedAnswers(String gameId) {
		return call("GET", "/api/games/" + URLEncoder.encode(gameId, StandardCharsets.UTF_8) + "/answers", null, 200);
	}

	/**
	 * The text of /actuator/prometheus, or null when the server does not answer it. A server with a
	 * metrics token (QUIZFEST_METRICS_TOKEN, the same variable here) wants it as a bearer token.
	 */
	String prometheus() {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).timeout(TIMEOUT).GET();
			String token = System.getenv("QUIZFEST_METRICS_TOKEN");
			if (token != null && !token.isBlank()) {
				request.header("Authorization", "Bearer " + token.strip());
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? response.body() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** One organiser call; anything but the expected status is an {@link ApiFailure} with the problem code. */
	JsonNode call(String method, String path, Object body, int expected) {
		return call(method, path, body, expected, TIMEOUT);
	}

	/** The same with its own time limit (closing a round of 500,000 attempts takes longer than 30 s). */
	JsonNode call(String method, String path, Object body, int expected, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header("Accept-Language", "en");
		String csrf = cookie("XSRF-TOKEN");
		if (csrf != null) {
			request.header("X-XSRF-TOKEN", csrf);
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode parsed = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
			if (response.statusCode() != expected) {
				throw new ApiFailure(method + " " + path + " answered HTTP " + response.statusCode() + " "
						+ parsed.path("code").asString("") + " " + parsed.path("detail").asString(""));
			}
			return parsed;
		}
		catch (IOException ex) {
			throw new ApiFailure(method + " " + base.resolve(path) + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiFailure(method + " " + path + " was interrupted");
		}
	}

	private String cookie(String name) {
		for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
			if (cookie.getName().equals(name)) {
				return cookie.getValue();
			}
		}
		return null;
	}
}
