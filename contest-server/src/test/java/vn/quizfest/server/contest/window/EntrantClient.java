package vn.quizfest.server.contest.window;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An entrant's phone: plain HTTP, no cookies, the entrant token in X-Entrant-Token once registered. */
final class EntrantClient {

	record Response(int status, JsonNode body, HttpResponse<String> raw) {

		@Nullable String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		String code() {
			return body.path("code").asString();
		}
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private @Nullable String token;

	private String language = "vi";

	EntrantClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	EntrantClient token(@Nullable String token) {
		this.token = token;
		return this;
	}

	@Nullable String token() {
		return token;
	}

	EntrantClient language(String language) {
		this.language = language;
		return this;
	}

	Response get(String path) {
		return send(builder(path).GET());
	}

	Response post(String path, @Nullable Object body) {
		return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))));
	}

	Response put(String path, Object body) {
		return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Response putRaw(String path, String body) {
		return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", language)
			.header("Content-Type", "application/json");
		if (token != null) {
			builder.header("X-Entrant-Token", token);
		}
		return builder;
	}

	private static Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode body = text == null || text.isBlank() || !text.trim().startsWith("{") && !text.trim().startsWith("[")
					? JSON.nullNode() : JSON.readTree(text);
			return new Response(response.statusCode(), body, response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
