package vn.quizfest.server.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where phones reach this server, for join links and their QR codes.
 *
 * @param publicUrl the address players open, e.g. {@code https://thi.sotttt.gov.vn} (behind a reverse
 * proxy or a domain name); empty means the address the organiser's browser used, with this machine's
 * local network address in place of {@code localhost}
 */
@ConfigurationProperties("quizfest")
record JoinLinkSettings(@Nullable String publicUrl) {

	JoinLinkSettings {
		publicUrl = publicUrl == null || publicUrl.isBlank() ? null : checked(publicUrl.strip());
	}

	private static String checked(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
					&& uri.getFragment() == null) {
				return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new IllegalArgumentException("quizfest.public-url (QUIZFEST_PUBLIC_URL) must be an http:// or https:// "
				+ "address without query or fragment, e.g. https://thi.example.gov.vn, but is '" + url + "'");
	}
}
