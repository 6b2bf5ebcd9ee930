package vn.quizfest.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * --fault AT:COMMAND: runs the shell command once, when the host screen has seen the named phase of the
 * named question and the offset has passed. The command's output goes to fault.log in --out; it is
 * stopped if it outlasts the run's deadline. When it started and ended, and its exit status, go to the
 * summary's 'fault' section.
 */
final class FaultHook implements AutoCloseable {

	private final FailoverOptions.Fault fault;

	private final FailoverStats stats;

	private final HostDriver.Deadline deadline;

	private final Path log;

	private final Map<String, String> env;

	private final Consumer<String> say;

	private final long runStartedMillis;

	private final AtomicBoolean armed = new AtomicBoolean(true);

	private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sim-fault");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long startedMillis;

	private volatile long endedMillis;

	private volatile Integer exit;

	private volatile String failure;

	private volatile Process process;

	FaultHook(FailoverOptions.Fault fault, FailoverStats stats, HostDriver.Deadline deadline, Path out,
			Map<String, String> env, long runStartedMillis, Consumer<String> say) {
		this.fault = fault;
		this.stats = stats;
		this.deadline = deadline;
		this.log = out.resolve("fault.log");
		this.env = Map.copyOf(env);
		this.runStartedMillis = runStartedMillis;
		this.say = say;
	}

	/** Whether a host frame is the fault's point of the game. */
	static boolean matches(FailoverOptions.Fault fault, String type, int q) {
		return q == fault.q() && type.equals(fault.phase().name().toLowerCase(Locale.ROOT));
	}

	/** A frame the host screen got: the first that matches arms the command. */
	void onHostFrame(String type, int q) {
		if (matches(fault, type, q) && armed.compareAndSet(true, false)) {
			runner.schedule(this::run, fault.offset().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void run() {
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder("sh", "-c", fault.command()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(env);
			stats.faultStarted(System.nanoTime());
			startedMillis = System.currentTimeMillis();
			say.accept("Fault at " + fault.at() + ": " + fault.command());
			process = builder.start();
			long left = Math.max(1, deadline.atMillis() - System.currentTimeMillis());
			if (process.waitFor(left, TimeUnit.MILLISECONDS)) {
				exit = process.exitValue();
			}
			else {
				failure = "outlasted the run's deadline; stopped";
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			failure = "could not start: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = "interrupted";
		}
		finally {
			endedMillis = System.currentTimeMillis();
			say.accept("Fault command ended (exit " + exit + (failure == null ? "" : ", " + failure) + ") after "
					+ (endedMillis - startedMillis) + " ms");
		}
	}

	/** Waits (bounded) for a command still running at the end of the game, so that its end is in the summary. */
	void awaitEnd(long millis) {
		long until = System.currentTimeMillis() + millis;
		while (startedMillis != 0 && endedMillis == 0 && System.currentTimeMillis() < until) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	boolean ran() {
		return startedMillis != 0;
	}

	Map<String, Object> json() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("at", fault.at());
		out.put("command", fault.command());
		out.put("ran", startedMillis != 0);
		if (startedMillis != 0) {
			out.put("startedAt", Instant.ofEpochMilli(startedMillis).toString());
			out.put("secondsIntoRun", (startedMillis - runStartedMillis) / 1000.0);
			out.put("commandSeconds", endedMillis == 0 ? null : (endedMillis - startedMillis) / 1000.0);
			out.put("exit", exit);
		}
		if (failure != null) {
			out.put("failure", failure);
		}
		return out;
	}

	@Override
	public void close() {
		Process running = process;
		if (running != null && running.isAlive()) {
			running.destroyForcibly();
		}
		runner.shutdownNow();
	}
}
