package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the player page is served: its whole weight on the wire (gzip) within the 100 KB budget,
 * caching that revalidates (a reload costs a 304, never a stale page), the QR link route and the
 * strict Content-Security-Policy.
 */
class PlayerPageIntegrationTest extends PlayerPageServer {

	static final long BUDGET_BYTES = 100 * 1024;

	final HttpClient client = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Every file of the page: index.html and everything under play/ (modules, style, both catalogs). */
	static List<String> pageFiles() throws IOException, URISyntaxException {
		Path root = Paths.get(PlayerPageIntegrationTest.class.getResource("/static/index.html").toURI()).getParent();
		try (Stream<Path> files = Files.walk(root.resolve("play"))) {
			return Stream.concat(Stream.of("/index.html"),
					files.filter(Files::isRegularFile).map(file -> "/" + root.relativize(file).toString().replace('\\', '/')))
				.sorted()
				.toList();
		}
	}

	@Test
	void theWholePageWeighsAtMost100KilobytesCompressed() throws Exception {
		long compressed = 0;
		long plain = 0;
		StringBuilder report = new StringBuilder("file\tbytes on the wire\tbytes\n");
		for (String file : pageFiles()) {
			HttpResponse<byte[]> gzip = get(file, "Accept-Encoding", "gzip");
			HttpResponse<byte[]> raw = get(file);
			assertThat(gzip.statusCode()).as(file).isEqualTo(200);
			if (raw.body().length >= 1024) {
				assertThat(gzip.headers().firstValue("Content-Encoding")).as(file + " is compressed").hasValue("gzip");
			}
			compressed += gzip.body().length;
			plain += raw.body().length;
			report.append(file).append('\t').append(gzip.body().length).append('\t').append(raw.body().length).append('\n');
		}
		report.append("total\t").append(compressed).append('\t').append(plain).append('\n');
		Files.writeString(Paths.get("target", "player-page-weight.tsv"), report, StandardCharsets.UTF_8);
		System.out.println("Player page weight (gzip / plain bytes):\n" + report);
		assertThat(compressed).as("page weight on the wire\n" + report).isLessThanOrEqualTo(BUDGET_BYTES);
	}

	@Test
	void pageFilesRevalidateInsteadOfBeingStoredNowhere() throws Exception {
		for (String path : List.of("/", "/play/app.js", "/play/app.css", "/play/i18n/vi.json")) {
			HttpResponse<byte[]> first = get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			HttpResponse<byte[]> again = get(path, "If-Modified-Since", lastModified);
			assertThat(again.statusCode()).as(path + " revalidated").isEqualTo(304);
			assertThat(again.body()).isEmpty();
		}
		assertThat(get("/play/app.js").headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
	}

	@Test
	void theQrLinkServesThePageWithAStrictPolicy() throws Exception {
		HttpResponse<byte[]> page = get("/join/482913");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = new String(page.body(), StandardCharsets.UTF_8);
		assertThat(html).contains("<script type=\"module\" src=\"/play/app.js\"></script>").doesNotContain("style=");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'", "style-src 'self'", "connect-src 'self' ws: wss:")
			.doesNotContain("unsafe-inline");
		HttpResponse<byte[]> bare = get("/join");
		assertThat(bare.statusCode()).isEqualTo(302);
		assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/");
	}

	@Test
	void aPinCanBeCheckedWithoutAnAccountBeforeTheNickname() throws Exception {
		Game game = hostGame(singleChoiceQuiz(1, 30), Map.of("previewSeconds", 0));
		HttpResponse<byte[]> found = get("/api/pins/" + game.pin());
		assertThat(found.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(found.body());
		assertThat(body.path("pin").asString()).isEqualTo(game.pin());
		assertThat(body.path("title").asString()).isEqualTo(GAME_TITLE);
		assertThat(body.path("joinable").asBoolean()).isTrue();
		assertThat(found.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

		String unknownPin = String.format("%06d", (Integer.parseInt(game.pin()) + 500_000) % 1_000_000);
		HttpResponse<byte[]> unknown = get("/api/pins/" + unknownPin, "Accept-Language", "vi");
		assertThat(unknown.statusCode()).isEqualTo(404);
		JsonNode problem = json.readTree(unknown.body());
		assertThat(problem.path("code").asString()).isEqualTo("pin.unknown");
		assertThat(problem.path("detail").asString()).isEqualTo("Không tìm thấy trò chơi với mã PIN này.");

		HttpResponse<byte[]> malformed = get("/api/pins/12ab56", "Accept-Language", "en");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json.readTree(malformed.body()).path("code").asString()).isEqualTo("pin.invalid");

		game.host().send(Map.of("type", "end"));
		game.host().next("ended");
		HttpResponse<byte[]> over = get("/api/pins/" + game.pin());
		assertThat(over.statusCode()).isEqualTo(200);
		assertThat(json.readTree(over.body()).path("joinable").asBoolean()).isFalse();
	}
}
