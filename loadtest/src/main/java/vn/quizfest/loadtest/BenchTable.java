package vn.quizfest.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the results table of docs/benchmarks.md from the summary.json files that bench.sh wrote:
 * {@code java -cp loadtest/target/quizfest-loadtest.jar vn.quizfest.loadtest.BenchTable loadtest/target/bench}.
 */
public final class BenchTable {

	private BenchTable() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : "loadtest/target/bench");
		System.out.print(table(root));
	}

	static String table(Path root) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<Path> runs = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(root)) {
			dirs.filter(dir -> Files.isRegularFile(dir.resolve("summary.json"))).forEach(runs::add);
		}
		// <mode>-<players>, where the mode may have dashes of its own (tomcat-zgc-2000): by mode, then by size.
		runs.sort(java.util.Comparator.comparing((Path run) -> mode(run)).thenComparingInt(BenchTable::size));
		StringBuilder out = new StringBuilder();
		out.append("| run | joined | all joined (s) | question fan-out p50/p90/p99/max (ms) | open fan-out p50/p90/p99/max "
				+ "| ack p50/p90/p99/max | leaderboard p50/p90/p99/max | join p50/p99 | answers in busiest 2 s "
				+ "| lost | unexpected drops | RSS/player (KB) | heap/player (KB) | load before | simulator / server CPU playing (s) |\n");
		out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Path run : runs) {
			JsonNode d = json.readTree(Files.readString(run.resolve("summary.json")));
			JsonNode lat = d.path("latencyMs");
			long drops = 0;
			for (JsonNode count : d.path("connections").path("unexpectedCloses")) {
				drops += count.asLong();
			}
			String load = "";
			Path uptime = run.resolve("uptime.txt");
			if (Files.exists(uptime)) {
				// The load when the measured run started (after start-up and warm-up), else before the server started.
				java.util.List<String> lines = Files.readAllLines(uptime);
				String first = lines.stream().filter(line -> line.contains("measured run starts")).findFirst()
					.orElse(lines.get(0));
				int at = first.indexOf("load average:");
				load = at < 0 ? "" : first.substring(at + 14).split(",")[0].strip();
			}
			out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s / %s | %d | %s | %d | %s | %s | %s | %s |\n",
					run.getFileName(), d.path("joins").path("joined").asLong(),
					d.path("joins").path("secondsToAllJoined").asString(), four(lat.path("fanout.question")),
					four(lat.path("fanout.open.serverTime")), four(lat.path("ack")), four(lat.path("leaderboard")),
					lat.path("join").path("p50").asString(), lat.path("join").path("p99").asString(),
					d.path("answers").path("busiest2sWindow").asLong(), d.path("lostAnswers").path("lost").asString("?"),
					drops, d.path("memory").path("rssPerPlayerKb").asString("?"),
					d.path("memory").path("heapPerPlayerKb").asString("?"), load, cpu(d.path("cpu").path("playing"))));
		}
		return out.toString();
	}

	private static String cpu(JsonNode playing) {
		return playing.path("simulatorCpuSeconds").asString("?") + " / " + playing.path("serverCpuSeconds").asString("?");
	}

	private static String mode(Path run) {
		String name = run.getFileName().toString();
		int dash = name.lastIndexOf('-');
		return dash < 0 ? name : name.substring(0, dash);
	}

	private static int size(Path run) {
		String name = run.getFileName().toString();
		try {
			return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String four(JsonNode entry) {
		return entry.path("p50").asString("-") + " / " + entry.path("p90").asString("-") + " / "
				+ entry.path("p99").asString("-") + " / " + entry.path("max").asString("-");
	}
}
