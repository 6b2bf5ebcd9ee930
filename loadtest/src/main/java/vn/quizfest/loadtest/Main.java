package vn.quizfest.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The command line: parse the options, run, write summary.json and report.html, exit with the verdict. */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		String mode = ContestOptions.mode(args);
		if (Arrays.asList(args).contains("--help")) {
			System.out.print(mode.equals("contest") ? ContestOptions.help() : Options.help());
			return;
		}
		if (mode.equals("contest")) {
			contest(args);
			return;
		}
		Options options;
		try {
			options = Options.parse(args, System.getenv());
		}
		catch (Options.OptionsException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Summary summary;
		try {
			if (options.warmup() > 0) {
				Summary warmup = new LoadSimulator(options.forWarmup(), line -> System.out.println("[warm-up] " + line)).run();
				System.out.println("[warm-up] " + (warmup.ok() ? "done" : "problems: " + String.join("; ", warmup.problems())));
			}
			summary = new LoadSimulator(options, System.out::println).run();
		}
		catch (RuntimeException ex) {
			System.err.println("The run failed: " + ex.getMessage());
			System.exit(1);
			return;
		}
		finish(summary, options.out());
	}

	/** The contest mode: parse, run, write the report, exit 0 (passed), 1 (problems) or 2 (bad options). */
	private static void contest(String[] args) {
		ContestOptions options;
		try {
			options = ContestOptions.parse(args, System.getenv());
		}
		catch (Options.OptionsException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Summary summary;
		try {
			summary = new ContestSimulator(options, System.out::println).run();
		}
		catch (RuntimeException ex) {
			System.err.println("The run failed: " + ex.getMessage());
			System.exit(1);
			return;
		}
		finish(summary, options.out());
	}

	private static void finish(Summary summary, Path out) {
		try {
			Path written = write(summary, out);
			System.out.println("Report: " + written.resolve("report.html").toAbsolutePath());
		}
		catch (IOException ex) {
			System.err.println("Could not write the report to " + out + ": " + ex.getMessage());
			System.exit(1);
		}
		System.out.println(summary.ok() ? "PASSED" : "PROBLEMS: " + String.join("; ", summary.problems()));
		System.exit(summary.ok() ? 0 : 1);
	}

	/** Writes summary.json and report.html into the folder; returns the folder. */
	public static Path write(Summary summary, Path folder) throws IOException {
		Files.createDirectories(folder);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(folder.resolve("summary.json"), json.writeValueAsString(summary.document()),
				StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("report.html"), HtmlReport.render(summary.document()), StandardCharsets.UTF_8);
		return folder;
	}
}
