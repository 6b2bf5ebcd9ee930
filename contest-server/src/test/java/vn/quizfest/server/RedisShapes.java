package vn.quizfest.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The Redis Sentinel set and the Redis Cluster that the test command starts beside the standalone
 * Redis ({@code scripts/services.sh start-sentinel}, {@code start-cluster}). A test that needs one and
 * does not find it fails with the command to run: nothing is skipped.
 */
public final class RedisShapes {

	public static final String SENTINEL_URL = "QUIZFEST_TEST_REDIS_SENTINEL_URL";

	public static final String CLUSTER_URL = "QUIZFEST_TEST_REDIS_CLUSTER_URL";

	private RedisShapes() {
	}

	public static String sentinelUrl() {
		return required(SENTINEL_URL, "start-sentinel");
	}

	public static String clusterUrl() {
		return required(CLUSTER_URL, "start-cluster");
	}

	/** The folder of the Sentinel set's servers, one sub-folder per port with its redis.conf. */
	public static Path sentinelDir() {
		return Path.of(required("QUIZFEST_TEST_REDIS_SENTINEL_DIR", "start-sentinel"));
	}

	public static Path clusterDir() {
		return Path.of(required("QUIZFEST_TEST_REDIS_CLUSTER_DIR", "start-cluster"));
	}

	/** The password in a test URL (the part between ':' and '@'). */
	public static String password(String url) {
		String authority = url.substring(url.indexOf("://") + 3);
		return authority.substring(authority.indexOf(':') + 1, authority.indexOf('@'));
	}

	/** A plain connection to one server of the local sets, for the test's own commands (SENTINEL, CLUSTER, DEBUG). */
	public static StatefulRedisConnection<String, String> connect(RedisClient client, int port, String password) {
		RedisURI.Builder uri = RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(5));
		if (password != null) {
			uri.withPassword(password.toCharArray());
		}
		return client.connect(uri.build());
	}

	/** Kills the Redis server on this port at once (SIGKILL), as a crashed machine would. */
	public static void kill(Path folder, int port) throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readString(folder.resolve(Integer.toString(port)).resolve("redis.pid")).trim());
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
	}

	/** Starts a killed server again with its own configuration (it rejoins as a replica). */
	public static void restart(Path folder, int port) throws IOException, InterruptedException {
		Path conf = folder.resolve(Integer.toString(port)).resolve("redis.conf");
		List<String> command = new ArrayList<>(List.of(redisServer(), conf.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("redis-server " + conf + " did not start: "
					+ new String(process.getInputStream().readAllBytes()));
		}
	}

	private static String redisServer() {
		for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return "redis-server";
	}

	private static String required(String variable, String command) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set: this test needs the local Redis servers of "
					+ "`scripts/services.sh " + command + "` (scripts/test.sh starts them). Start them and source "
					+ "$QUIZFEST_SERVICES_DIR/" + (command.contains("cluster") ? "cluster" : "sentinel") + ".env.");
		}
		return value;
	}
}
