package vn.quizfest.server.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The address phones open to join a game. A teacher opens the console on {@code http://localhost:8080}
 * but the phones are on the school network: a loopback address is replaced by this machine's local
 * network address. {@code quizfest.public-url} overrides all of it (a domain name, a reverse proxy).
 */
@Component
public class JoinLinks {

	/**
	 * @param url scheme, host and port (and the public URL's path), without a trailing slash
	 * @param host the same without the scheme, for the big screen
	 */
	record Base(String url, String host) {

		static Base of(String url) {
			int scheme = url.indexOf("://");
			return new Base(url, scheme < 0 ? url : url.substring(scheme + 3));
		}

		String join(String pin) {
			return url + "/join/" + pin;
		}
	}

	private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	private final @Nullable String publicUrl;

	private final LanAddress lan;

	@Autowired
	JoinLinks(JoinLinkSettings settings) {
		this(settings, LanAddress.ofThisMachine());
	}

	JoinLinks(JoinLinkSettings settings, LanAddress lan) {
		this.publicUrl = settings.publicUrl();
		this.lan = lan;
	}

	Base base(HttpServletRequest request) {
		if (publicUrl != null) {
			return Base.of(publicUrl);
		}
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		String host = request.getServerName();
		if (isLoopback(host)) {
			Optional<String> address = lan.find();
			if (address.isPresent()) {
				host = address.get();
			}
		}
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		int port = request.getServerPort();
		boolean defaultPort = port <= 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
		return Base.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
	}

	/**
	 * The address phones open, for links other than a game's (a contest's public page, its QR code):
	 * scheme, host and port, with the same loopback swap and {@code quizfest.public-url} as join links.
	 */
	public String phoneBase(HttpServletRequest request) {
		return base(request).url();
	}

	/** By name only: the Host header comes from the client, so it is never looked up in DNS. */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || LOOPBACK_V4.matcher(name).matches()
				|| name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
	}
}
