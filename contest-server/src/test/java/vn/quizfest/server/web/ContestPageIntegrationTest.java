package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * How the contest page is served: everything it loads (its own files and the player page's modules
 * and style sheet it imports) within the 100 KB budget on the wire, the public link /c/{slug}, the
 * strict Content-Security-Policy and caching that revalidates.
 */
class ContestPageIntegrationTest extends PlayerPageServer {

	static final long BUDGET_BYTES = 100 * 1024;

	static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"(/[^\"]+)\"");

	static final Pattern IMPORT = Pattern.compile("(?:import|from)\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");

	final HttpClient client = HttpClient.newHttpClient();

	HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String resource(String path) throws IOException {
		try (InputStream in = ContestPageIntegrationTest.class.getResourceAsStream("/static" + path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Every file the page loads: what index.html links, every module those import (followed through
	 * the imports, wherever they live), and both catalogs (the language switch loads the second).
	 */
	static Set<String> pageFiles() throws IOException {
		Set<String> files = new TreeSet<>(List.of("/contest/index.html", "/contest/i18n/vi.json", "/contest/i18n/en.json"));
		Deque<String> modules = new ArrayDeque<>();
		Matcher links = HTML_LINK.matcher(resource("/contest/index.html"));
		while (links.find()) {
			if (files.add(links.group(1)) && links.group(1).endsWith(".js")) {
				modules.add(links.group(1));
			}
		}
		while (!modules.isEmpty()) {
			String module = modules.poll();
			Matcher imports = IMPORT.matcher(resource(module));
			while (imports.find()) {
				String target = URI.create("http://page" + module).resolve(imports.group(1)).getPath();
				if (files.add(target)) {
					modules.add(target);
				}
			}
		}
		return files;
	}

	@Test
	void everythingThePageLoadsWeighsAtMost100KilobytesCompressed() throws Exception {
		Set<String> files = pageFiles();
		assertThat(files).contains("/contest/app.js", "/contest/queue.js", "/play/app.css", "/play/i18n.js", "/play/clock.js",
				"/play/store.js", "/play/dom.js", "/play/shapes.js");
		long compressed = 0;
		long plain = 0;
		StringBuilder report = new StringBuilder("file\tbytes on the wire\tbytes\n");
		for (String file : files) {
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
		Files.writeString(Paths.get("target", "contest-page-weight.tsv"), report, StandardCharsets.UTF_8);
		System.out.println("Contest page weight (gzip / plain bytes):\n" + report);
		assertThat(compressed).as("page weight on the wire\n" + report).isLessThanOrEqualTo(BUDGET_BYTES);
	}

	@Test
	void thePublicLinkServesThePageWithAStrictPolicyAndRevalidates() throws Exception {
		HttpResponse<byte[]> page = get("/c/thi-chuyen-doi-so-2026");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = new String(page.body(), StandardCharsets.UTF_8);
		assertThat(html).contains("<script type=\"module\" src=\"/contest/app.js\"></script>").doesNotContain("style=");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'", "style-src 'self'")
			.doesNotContain("unsafe-inline");
		for (String path : List.of("/contest/app.js", "/contest/contest.css", "/contest/i18n/vi.json")) {
			HttpResponse<byte[]> first = get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			HttpResponse<byte[]> again = get(path, "If-Modified-Since", lastModified);
			assertThat(again.statusCode()).as(path + " revalidated").isEqualTo(304);
		}
		assertThat(get("/c/a/b").statusCode()).as("only one path segment is a slug").isEqualTo(404);
	}
}
