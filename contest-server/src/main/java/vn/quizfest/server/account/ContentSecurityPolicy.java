package vn.quizfest.server.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The strict Content-Security-Policy of every page. The organiser console loads its libraries through
 * an import map, which browsers accept only inline: its policy allows exactly that script by the hash of
 * its text, computed from the page that is actually served, so editing the map never needs a second edit.
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	static final String CONSOLE_PAGE = "META-INF/resources/admin/index.html";

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	private final String policy;

	private final String consolePolicy;

	ContentSecurityPolicy(String policy, List<String> consoleScriptHashes) {
		this.policy = policy;
		StringBuilder sources = new StringBuilder("script-src 'self'");
		for (String hash : consoleScriptHashes) {
			sources.append(" '").append(hash).append('\'');
		}
		this.consolePolicy = policy.replace("script-src 'self'", sources.toString());
	}

	/** The policy with the hashes of the console page's import maps (none when the console is not on the classpath). */
	static ContentSecurityPolicy withConsole(String policy) {
		return new ContentSecurityPolicy(policy, importMapHashes(readConsolePage()));
	}

	static List<String> importMapHashes(String page) {
		List<String> hashes = new ArrayList<>();
		Matcher matcher = INLINE_SCRIPT.matcher(page);
		while (matcher.find()) {
			hashes.add("sha256-" + Base64.getEncoder().encodeToString(sha256(matcher.group(1))));
		}
		return hashes;
	}

	String consolePolicy() {
		return consolePolicy;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HEADER)) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader(HEADER, path.equals("/admin") || path.startsWith("/admin/") ? consolePolicy : policy);
	}

	private static String readConsolePage() {
		ClassPathResource page = new ClassPathResource(CONSOLE_PAGE);
		if (!page.exists()) {
			return "";
		}
		try (InputStream in = page.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
