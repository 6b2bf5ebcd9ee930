package vn.quizfest.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the simulator itself and by the server process, read at the steps of a run: on two
 * shared cores the simulator's own CPU is part of every figure, so the summary gives it beside them.
 * The server's comes from {@code /proc/<pid>/stat} (user + system ticks, 100 per second on Linux).
 */
final class CpuClock {

	/** Linux reports process times in USER_HZ, 100 per second on every architecture it runs on today. */
	private static final double TICKS_PER_SECOND = 100;

	/** One reading: wall clock (ns), the simulator's CPU (ns), the server's CPU (ns, -1 when unknown). */
	record Reading(long wallNanos, long simulatorNanos, long serverNanos) {
	}

	private final Long serverPid;

	CpuClock(Long serverPid) {
		this.serverPid = serverPid;
	}

	Reading read() {
		return new Reading(System.nanoTime(), simulatorCpuNanos(), serverPid == null ? -1 : processCpuNanos(serverPid));
	}

	/** Seconds of CPU of each side between two readings, and the cores each used on average. */
	static Map<String, Object> between(Reading from, Reading to) {
		double wall = (to.wallNanos() - from.wallNanos()) / 1e9;
		double simulator = (to.simulatorNanos() - from.simulatorNanos()) / 1e9;
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("wallSeconds", round(wall));
		out.put("simulatorCpuSeconds", round(simulator));
		out.put("simulatorCores", round(simulator / Math.max(0.001, wall)));
		if (from.serverNanos() >= 0 && to.serverNanos() >= 0) {
			double server = (to.serverNanos() - from.serverNanos()) / 1e9;
			out.put("serverCpuSeconds", round(server));
			out.put("serverCores", round(server / Math.max(0.001, wall)));
		}
		return out;
	}

	private static long simulatorCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return processCpuNanos(ProcessHandle.current().pid());
	}

	/** utime + stime of a process from /proc; -1 when it cannot be read. */
	static long processCpuNanos(long pid) {
		try {
			return ticksToNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The process name (field 2) may hold spaces and parentheses: fields are counted after its last ')'. */
	static long ticksToNanos(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// After the name: state is field 3, utime field 14 and stime field 15 (proc(5)).
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return Math.round(ticks * (1e9 / TICKS_PER_SECOND));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
