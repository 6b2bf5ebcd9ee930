package vn.quizfest.loadtest;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.quizfest.loadtest.Options.OptionsException;

/**
 * The settings of a fault run (issue 16): how players resume when their node is gone, repeated drops
 * (churn) and the fault injected at a point of the game.
 *
 * @param resumeDeadline a player that has not resumed this long after losing its socket gives up
 *                       (default 30 s)
 * @param resumeAttempts connection attempts of one resume, each through the next --url node, the
 *                       player's own node last (default 10)
 * @param churn          players dropping again and again, or null (default: none)
 * @param fault          a shell command run at a point of the game, or null (default: none)
 */
public record FailoverOptions(Duration resumeDeadline, int resumeAttempts, Churn churn, Fault fault) {

	public static final FailoverOptions DEFAULTS = new FailoverOptions(Duration.ofSeconds(30), 10, null, null);

	/** The options this record parses (the rest of the command line is {@link Options}'). */
	static final java.util.Set<String> NAMES = java.util.Set.of("--resume-deadline", "--resume-attempts", "--churn",
			"--fault");

	/** A share of the connected players dropping their socket every period ({@code --churn 0.05/3s}). */
	public record Churn(double share, Duration period) {
	}

	/** A phase of the game the fault is timed from. */
	public enum Phase {
		QUESTION, OPEN, CLOSED, LEADERBOARD
	}

	/**
	 * {@code --fault "q2-open+1s:command"}: the command runs {@code offset} after the host sees the given
	 * phase of question {@code question} (1-based, as the host screen numbers them).
	 */
	public record Fault(int question, Phase phase, Duration offset, String command) {

		/** The question index of the protocol's frames (0-based). */
		int q() {
			return question - 1;
		}

		String at() {
			return "q" + question + "-" + phase.name().toLowerCase(Locale.ROOT) + "+" + offset.toMillis() + "ms";
		}
	}

	private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m)?");

	private static final Pattern AT = Pattern.compile("q([0-9]+)-(question|open|closed|leaderboard)(?:\\+([0-9.]+(?:ms|s|m)?))?");

	/** This record with one more option applied. */
	FailoverOptions with(String name, String value) {
		return switch (name) {
			case "--resume-deadline" -> new FailoverOptions(duration(name, value, 1_000, 600_000), resumeAttempts, churn, fault);
			case "--resume-attempts" -> new FailoverOptions(resumeDeadline, Options.integer(name, value, 1, 100), churn, fault);
			case "--churn" -> new FailoverOptions(resumeDeadline, resumeAttempts, churn(value), fault);
			case "--fault" -> new FailoverOptions(resumeDeadline, resumeAttempts, churn, fault(value));
			default -> throw new OptionsException("Unknown option " + name + "; see --help.");
		};
	}

	/** Checks against the game: the fault's question must exist. */
	void check(int questions) {
		if (fault != null && fault.question() > questions) {
			throw new OptionsException("--fault names question " + fault.question() + " but the game has " + questions
					+ " (--questions).");
		}
	}

	static Duration duration(String name, String value, long minMillis, long maxMillis) {
		Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
		if (!m.matches()) {
			throw new OptionsException(name + " must be a duration such as 500ms, 3s or 1m, not '" + value + "'.");
		}
		double amount = Double.parseDouble(m.group(1));
		String unit = m.group(2) == null ? "s" : m.group(2);
		long millis = Math.round(amount * switch (unit) {
			case "ms" -> 1;
			case "m" -> 60_000;
			default -> 1000;
		});
		if (millis < minMillis || millis > maxMillis) {
			throw new OptionsException(name + " must be between " + minMillis + " ms and " + maxMillis + " ms, not '" + value
					+ "'.");
		}
		return Duration.ofMillis(millis);
	}

	static Churn churn(String value) {
		int slash = value.indexOf('/');
		if (slash < 0) {
			throw new OptionsException("--churn must be SHARE/PERIOD, e.g. 0.05/3s, not '" + value + "'.");
		}
		double share = Options.decimal("--churn share", value.substring(0, slash), 0.0001, 1);
		Duration period = duration("--churn period", value.substring(slash + 1), 100, 3_600_000);
		return new Churn(share, period);
	}

	static Fault fault(String value) {
		int colon = value.indexOf(':');
		if (colon < 0 || value.substring(colon + 1).isBlank()) {
			throw new OptionsException("--fault must be AT:COMMAND, e.g. 'q2-open+1s:kill -9 1234', not '" + value + "'.");
		}
		String at = value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
		Matcher m = AT.matcher(at);
		if (!m.matches()) {
			throw new OptionsException("--fault point must be qN-question|open|closed|leaderboard[+DURATION], e.g. "
					+ "q2-open+1s, not '" + at + "'.");
		}
		int question = Options.integer("--fault question", m.group(1), 1, Options.MAX_QUESTIONS);
		Duration offset = m.group(3) == null ? Duration.ZERO : duration("--fault offset", m.group(3), 0, 600_000);
		return new Fault(question, Phase.valueOf(m.group(2).toUpperCase(Locale.ROOT)), offset,
				value.substring(colon + 1).strip());
	}

	static final String HELP = """
			Faults (issue 16; loadtest/faults.sh runs the scenarios)
			  --resume-deadline D    a player whose socket is gone (closed 1006/1012/4012, refused) must have
			                         resumed within D or it is lost for good, e.g. 30s  (default 30s)
			  --resume-attempts N    connection attempts of one resume, each through the next --url node,
			                         the player's own node last                          (default 10)
			  --churn SHARE/PERIOD   this share of the connected players drops every PERIOD and resumes,
			                         until the game ends, e.g. 0.05/3s                   (default none)
			  --fault AT:COMMAND     run the shell command (sh -c) at AT = qN-question|open|closed|leaderboard
			                         [+DURATION] as the host sees it, e.g. 'q2-open+1s:kill -9 1234'; it gets
			                         QUIZFEST_FAULT_GAME and QUIZFEST_FAULT_PIN; the summary's 'fault' section
			                         says what it cost                                   (default none)
			""";
}
