package vn.quizfest.server;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A contest-server node in a JVM of its own, started from the test's classpath (without the test
 * classes), so that a test can kill it as the operating system would: {@link #kill()} is
 * {@code kill -9} (no shutdown hook, no goodbye on any channel), {@link #stop()} is {@code SIGTERM}
 * (Spring's graceful shutdown). Its output goes to {@code target/nodes/<name>.log}.
 */
final class NodeProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private NodeProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts a cluster node on the given database and Redis and waits (bounded) until it is up. */
	static NodeProcess start(String name, String jdbcUrl, String dbUser, String dbPassword, String redisUrl,
			String adminPassword, Duration startup) {
		NodeProcess node = launch(name, jdbcUrl, dbUser, dbPassword, redisUrl, adminPassword);
		node.awaitUp(startup);
		return node;
	}

	/** Starts a cluster node without waiting for it (several start side by side); then {@link #awaitUp}. */
	static NodeProcess launch(String name, String jdbcUrl, String dbUser, String dbPassword, String redisUrl,
			String adminPassword) {
		int port = freePort();
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.replace('\\', '/').endsWith("target/test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		Path log = Path.of("target", "nodes", name + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath,
				QuizFestApplication.class.getName(), "--spring.profiles.active=cluster", "--server.port=" + port,
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + dbUser,
				"--spring.datasource.password=" + dbPassword, "--spring.data.redis.url=" + redisUrl,
				"--quizfest.admin.initial-password=" + adminPassword, "--logging.level.vn.quizfest=INFO"));
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// The node reads only what it is given: not the test command's service variables.
			builder.environment().keySet().removeIf(key -> key.startsWith("QUIZFEST_"));
			return new NodeProcess(name, builder.start(), port, log);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start node " + name, ex);
		}
	}

	int port() {
		return port;
	}

	Path log() {
		return log;
	}

	/** kill -9: the node vanishes mid-sentence. */
	void kill() {
		process.destroyForcibly();
		awaitExit();
	}

	/** SIGTERM: the node runs its graceful shutdown. */
	void stop() {
		process.destroy();
		awaitExit();
	}

	private void awaitExit() {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("Node " + name + " did not exit within 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void awaitUp(Duration startup) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + startup.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("Node " + name + " exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
						"http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(250); // polling a starting process: there is nothing to await on
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		process.destroyForcibly();
		throw new AssertionError("Node " + name + " was not up within " + startup + "; see " + log);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}
}
