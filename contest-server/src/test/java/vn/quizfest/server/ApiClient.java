package vn.quizfest.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the tests, with its own cookie jar, that follows the API's CSRF rule:
 * it sends the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.
 */
public final class ApiClient {

	public record Response(int status, JsonNode body, HttpResponse<String> raw) {
		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final CookieManager cookies;

	private final HttpClient http;

	private String language = "vi";

	private boolean sendCsrf = true;

	public ApiClient(int port) {
		this(port, new CookieManager());
	}

	private ApiClient(int port, CookieManager cookies) {
		this.base = "http://127.0.0.1:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** The same browser talking to another node: it shares this client's cookies. */
	public ApiClient onPort(int port) {
		return new ApiClient(port, cookies).language(language);
	}

	public ApiClient language(String language) {
		this.language = language;
		return this;
	}

	public ApiClient withoutCsrf() {
		this.sendCsrf = false;
		return this;
	}

	public Response get(String path) {
		return send(builder(path).GET());
	}

	public Response post(String path, Object body) {
		return send(builder(path).POST(json(body)));
	}

	public Response put(String path, Object body) {
		return send(builder(path).PUT(json(body)));
	}

	public Response delete(String path) {
		return send(builder(path).DELETE());
	}

	/** Uploads one file as multipart/form-data, as a browser form does. */
	public Response postFile(String path, String field, String fileName, String contentType, byte[] content) {
		String boundary = "----quizfest" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
				"multipart/form-data; boundary=" + boundary);
	}

	/** A GET whose answer is a file. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response postRaw(String path, String body) {
		return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Fetches a CSRF token, then logs in; returns the login response. */
	public Response login(String username, String password) {
		get("/api/auth/csrf");
		return post("/api/auth/login", Map.of("username", username, "password", password));
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept-Language", language);
		String token = cookie("XSRF-TOKEN");
		if (sendCsrf && token != null) {
			builder.header("X-XSRF-TOKEN", token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
	}

	private Response send(HttpRequest.Builder builder) {
		return send(builder, "application/json");
	}

	private Response send(HttpRequest.Builder builder, String contentType) {
		try {
			HttpRequest request = builder.setHeader("Content-Type", contentType).build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
