package vn.quizfest.server.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;

/**
 * The Redis a node uses, from one URL ({@code QUIZFEST_REDIS_URL}):
 * <ul>
 * <li>{@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://…} (TLS): one server;</li>
 * <li>{@code redis-sentinel://[[user]:password@]host:port[,host:port…][/database]#master}: a Sentinel set
 * (Lettuce's syntax); the password is the data nodes', the sentinels are asked without one;</li>
 * <li>{@code redis-cluster://[[user]:password@]host:port[,host:port…]} or {@code rediss-cluster://…}: a
 * Redis Cluster, through any of its nodes (the client learns the others from them).</li>
 * </ul>
 */
sealed interface RedisUrl {

	@Nullable
	String username();

	@Nullable
	String password();

	boolean ssl();

	/** One server. */
	record Standalone(String host, int port, int database, @Nullable String username, @Nullable String password,
			boolean ssl) implements RedisUrl {
	}

	/** A master found through sentinels, which move it on failover. */
	record Sentinel(List<Node> sentinels, String master, int database, @Nullable String username,
			@Nullable String password, boolean ssl) implements RedisUrl {
	}

	/** A Redis Cluster, known by some of its nodes. */
	record Cluster(List<Node> nodes, @Nullable String username, @Nullable String password, boolean ssl)
			implements RedisUrl {
	}

	static RedisUrl parse(String url) {
		String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
		try {
			switch (scheme) {
				case "redis", "rediss":
					return standalone(url);
				case "redis-sentinel", "rediss-sentinel":
					return sentinel(url);
				case "redis-cluster", "rediss-cluster":
					return cluster(url, scheme.startsWith("rediss"));
				default:
					throw new IllegalArgumentException("unknown scheme '" + scheme + "'");
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalArgumentException("QUIZFEST_REDIS_URL is not a Redis URL this server understands ("
					+ ex.getMessage() + "). Use redis://, rediss://, redis-sentinel://host:port,host:port#master or "
					+ "redis-cluster://host:port,host:port (see docs/operations.md).", ex);
		}
	}

	private static Standalone standalone(String url) {
		RedisURI uri = RedisURI.create(url);
		String[] user = userInfo(url);
		return new Standalone(uri.getHost(), uri.getPort(), uri.getDatabase(), user[0], user[1], uri.isSsl());
	}

	private static Sentinel sentinel(String url) {
		RedisURI uri = RedisURI.create(url);
		if (uri.getSentinelMasterId() == null || uri.getSentinelMasterId().isBlank()) {
			throw new IllegalArgumentException("a Sentinel URL names its master after '#'");
		}
		List<Node> sentinels = uri.getSentinels().stream().map(node -> new Node(node.getHost(), node.getPort())).toList();
		String[] user = userInfo(url);
		return new Sentinel(sentinels, uri.getSentinelMasterId(), uri.getDatabase(), user[0], user[1], uri.isSsl());
	}

	private static Cluster cluster(String url, boolean ssl) {
		String rest = url.substring(url.indexOf("://") + 3);
		String[] user = userInfo(url);
		rest = rest.substring(rest.lastIndexOf('@') + 1);
		if (rest.contains("/") && !rest.endsWith("/")) {
			throw new IllegalArgumentException("a Redis Cluster has only database 0");
		}
		rest = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
		List<Node> nodes = new ArrayList<>();
		for (String node : rest.split(",")) {
			URI parsed = URI.create("redis://" + node.trim());
			if (parsed.getHost() == null) {
				throw new IllegalArgumentException("'" + node + "' is not host:port");
			}
			nodes.add(new Node(parsed.getHost(), parsed.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : parsed.getPort()));
		}
		return new Cluster(List.copyOf(nodes), user[0], user[1], ssl);
	}

	/** The user name and password before the '@' of the URL's authority (either may be null). */
	private static @Nullable String[] userInfo(String url) {
		String authority = url.substring(url.indexOf("://") + 3);
		for (char end : new char[] { '/', '?', '#' }) {
			int index = authority.indexOf(end);
			if (index >= 0) {
				authority = authority.substring(0, index);
			}
		}
		int at = authority.lastIndexOf('@');
		if (at < 0) {
			return new @Nullable String[] { null, null };
		}
		String info = authority.substring(0, at);
		int colon = info.indexOf(':');
		String user = colon < 0 ? "" : decode(info.substring(0, colon));
		String secret = decode(colon < 0 ? info : info.substring(colon + 1));
		return new @Nullable String[] { user.isEmpty() ? null : user, secret.isEmpty() ? null : secret };
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/** What Spring Boot builds its connection factory from. */
	default DataRedisConnectionDetails connectionDetails() {
		RedisUrl url = this;
		return new DataRedisConnectionDetails() {

			@Override
			public @Nullable String getUsername() {
				return url.username();
			}

			@Override
			public @Nullable String getPassword() {
				return url.password();
			}

			@Override
			public @Nullable Standalone getStandalone() {
				return url instanceof RedisUrl.Standalone one ? Standalone.of(one.host(), one.port(), one.database()) : null;
			}

			@Override
			public @Nullable Sentinel getSentinel() {
				if (!(url instanceof RedisUrl.Sentinel sentinel)) {
					return null;
				}
				return new Sentinel() {

					@Override
					public int getDatabase() {
						return sentinel.database();
					}

					@Override
					public String getMaster() {
						return sentinel.master();
					}

					@Override
					public List<Node> getNodes() {
						return sentinel.sentinels();
					}

					@Override
					public @Nullable String getUsername() {
						return null;
					}

					@Override
					public @Nullable String getPassword() {
						return null;
					}
				};
			}

			@Override
			public @Nullable Cluster getCluster() {
				return url instanceof RedisUrl.Cluster cluster ? cluster::nodes : null;
			}
		};
	}

	/** For logs: the URL's shape and nodes, never its password. */
	default String describe() {
		if (this instanceof RedisUrl.Sentinel sentinel) {
			return "Redis Sentinel " + sentinel.sentinels() + " master " + sentinel.master();
		}
		if (this instanceof RedisUrl.Cluster cluster) {
			return "Redis Cluster " + cluster.nodes() + (cluster.ssl() ? " (TLS)" : "");
		}
		RedisUrl.Standalone one = (RedisUrl.Standalone) this;
		return "Redis " + one.host() + ":" + one.port() + (one.ssl() ? " (TLS)" : "");
	}
}
