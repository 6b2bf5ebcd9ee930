package vn.quizfest.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a server process on this machine: resident memory from /proc and, after a forced GC
 * through jcmd (part of the JDK), the heap in use. Also picks the interesting lines out of the
 * server's Prometheus text.
 */
final class ServerProbe {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)([KMG])");

	private ServerProbe() {
	}

	/** Resident memory and heap after a GC, in KB; -1 where it could not be read. */
	record Memory(long rssKb, long peakRssKb, long heapUsedKb) {

		Map<String, Object> json() {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("rssKb", rssKb);
			out.put("peakRssKb", peakRssKb);
			out.put("heapUsedAfterGcKb", heapUsedKb);
			return out;
		}
	}

	/** The machine's load averages (1, 5, 15 minutes) from /proc/loadavg, or "" where there is none. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	static Memory sample(long pid, boolean forceGc) {
		long heap = -1;
		if (forceGc) {
			jcmd(pid, "GC.run");
			heap = heapUsedKb(jcmd(pid, "GC.heap_info"));
		}
		String status = procStatus(String.valueOf(pid));
		return new Memory(field(status, "VmRSS:"), field(status, "VmHWM:"), heap);
	}

	/**
	 * The heap in use from {@code jcmd GC.heap_info}: G1 prints one "garbage-first heap" line, Serial and
	 * Parallel one line per generation; metaspace and class space are not heap. -1 when nothing matched.
	 */
	static long heapUsedKb(String heapInfo) {
		long used = 0;
		boolean found = false;
		for (String line : heapInfo.split("\n")) {
			if (line.contains("Metaspace") || line.contains("class space")) {
				continue;
			}
			Matcher matcher = HEAP_USED.matcher(line);
			if (matcher.find()) {
				long kb = Long.parseLong(matcher.group(1)) * switch (matcher.group(2)) {
					case "G" -> 1024 * 1024;
					case "M" -> 1024;
					default -> 1;
				};
				// ZGC prints one "ZHeap" line for the whole heap (in MB); nothing else there is heap.
				if (line.contains("ZHeap")) {
					return kb;
				}
				used += kb;
				found = true;
			}
		}
		return found ? used : -1;
	}

	/** The server's heap by class (jcmd GC.class_histogram), the first lines: what each connection costs. */
	static String classHistogram(long pid, int lines) {
		String[] all = jcmd(pid, "GC.class_histogram").split("\n");
		return String.join("\n", java.util.Arrays.copyOf(all, Math.min(lines, all.length))) + "\n";
	}

	/** This JVM's own memory (the simulator's). */
	static Memory self() {
		String status = procStatus("self");
		Runtime runtime = Runtime.getRuntime();
		return new Memory(field(status, "VmRSS:"), field(status, "VmHWM:"),
				(runtime.totalMemory() - runtime.freeMemory()) / 1024);
	}

	private static String procStatus(String pid) {
		try {
			return Files.readString(Path.of("/proc", pid, "status"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	static long field(String status, String name) {
		for (String line : status.split("\n")) {
			if (line.startsWith(name)) {
				String digits = line.substring(name.length()).replaceAll("[^0-9]", "");
				return digits.isEmpty() ? -1 : Long.parseLong(digits);
			}
		}
		return -1;
	}

	private static String jcmd(long pid, String command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
					String.valueOf(pid), command)
				.redirectErrorStream(true)
				.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/** The quiz.* meters and a few JVM and process gauges from the Prometheus text, by series. */
	static Map<String, Double> interesting(String prometheus) {
		Map<String, Double> out = new LinkedHashMap<>();
		if (prometheus == null) {
			return out;
		}
		for (String line : prometheus.split("\n")) {
			if (line.startsWith("#") || line.isBlank()) {
				continue;
			}
			if (line.startsWith("quiz_") || line.startsWith("process_cpu_usage")
					|| line.startsWith("process_cpu_time") || line.startsWith("system_cpu_usage")
					|| line.startsWith("jvm_threads_live") || line.startsWith("jvm_gc_pause_seconds_count")
					|| line.startsWith("jvm_gc_pause_seconds_sum") || line.startsWith("jvm_gc_pause_seconds_max")
					|| line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				int space = line.lastIndexOf(' ');
				try {
					out.put(line.substring(0, space).replace(",application=\"quizfest\"", "")
						.replace("application=\"quizfest\",", "").replace("{application=\"quizfest\"}", ""),
							Double.parseDouble(line.substring(space + 1)));
				}
				catch (NumberFormatException | IndexOutOfBoundsException ex) {
					// a line this reader does not understand: left out
				}
			}
		}
		return out;
	}
}
