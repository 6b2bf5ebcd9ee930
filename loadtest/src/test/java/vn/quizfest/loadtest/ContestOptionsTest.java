package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContestOptionsTest {

	private static final Map<String, String> PASSWORD = Map.of(Options.PASSWORD_ENV, "secret-from-env");

	private static ContestOptions parse(String... args) {
		return ContestOptions.parse(args, PASSWORD);
	}

	@Test
	void theModeIsFoundInEitherSpellingAndLiveIsTheDefault() {
		assertThat(ContestOptions.wanted(new String[] { "--url", "http://x", "--mode", "contest" })).isTrue();
		assertThat(ContestOptions.wanted(new String[] { "--mode=Contest" })).isTrue();
		assertThat(ContestOptions.wanted(new String[] { "--players", "5" })).isFalse();
		assertThat(ContestOptions.mode(new String[] { "--players", "5" })).isEqualTo("live");
		// The live options accept --mode live and refuse anything else.
		assertThat(Options.parse(new String[] { "--mode", "live", "--url", "http://127.0.0.1:8080", "--user", "a" },
				PASSWORD).players()).isEqualTo(100);
		assertThatThrownBy(() -> Options.parse(new String[] { "--mode", "race", "--url", "http://127.0.0.1:8080",
				"--user", "a" }, PASSWORD)).hasMessageContaining("--mode must be live or contest, not 'race'");
	}

	@Test
	void readsEveryOption() {
		ContestOptions options = parse("--mode", "contest", "--url", "http://127.0.0.1:8080/", "--user", "admin",
				"--entrants", "500_000", "--start-rate", "60", "--questions", "20", "--time-limit", "900", "--units",
				"120", "--think", "3,0.4,1,12", "--time-scale", "0.1", "--missing", "0.1", "--reload", "0.2",
				"--second-attempt", "0.1", "--lapse", "0.05", "--close", "no", "--seed", "9", "--timeout", "3600",
				"--out", "/tmp/c", "--server-pid", "123", "--max-in-flight", "64");

		assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
		assertThat(options.password()).isEqualTo("secret-from-env");
		assertThat(options.entrants()).isEqualTo(500_000);
		assertThat(options.startRate()).isEqualTo(60);
		assertThat(options.questions()).isEqualTo(20);
		assertThat(options.timeLimitSeconds()).isEqualTo(900);
		assertThat(options.units()).isEqualTo(120);
		assertThat(options.think()).isEqualTo(new ThinkTime(3, 0.4, 1, 12));
		assertThat(options.reload()).isEqualTo(0.2);
		assertThat(options.second()).isEqualTo(0.1);
		assertThat(options.lapse()).isEqualTo(0.05);
		assertThat(options.close()).isFalse();
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(3600));
		assertThat(options.serverPid()).isEqualTo(123L);
		assertThat(options.maxInFlight()).isEqualTo(64);
		assertThat(options.attaches()).isFalse();
		assertThat(options.http()).isEqualTo("jdk");
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--http", "NIO").http()).isEqualTo("nio");
	}

	@Test
	void aCreatedRoundIsClosedByDefaultAnAttachedOneIsNot() {
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin").close()).isTrue();
		ContestOptions attached = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--contest", "7",
				"--round", "3");
		assertThat(attached.attaches()).isTrue();
		assertThat(attached.close()).isFalse();
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--contest", "7", "--round", "3",
				"--close", "yes").close()).isTrue();
	}

	@Test
	void thinkTimesAreScaledAndNeverZero() {
		ContestOptions options = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--think", "4,0",
				"--time-scale", "0.5");
		assertThat(options.thinkMillis(0.3, 0.7)).isEqualTo(2000);
		ContestOptions tiny = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--think", "0.001,0,0,1",
				"--time-scale", "0.001");
		assertThat(tiny.thinkMillis(0.5, 0.5)).isEqualTo(1);
	}

	@Test
	void badValuesNameTheOptionAndWhatIsAllowed() {
		List<List<String>> cases = List.of(
				List.of("--entrants", "0", "--entrants must be between 1 and 600000, not 0."),
				List.of("--entrants", "lots", "--entrants must be a whole number, not 'lots'."),
				List.of("--start-rate", "0", "--start-rate must be between"),
				List.of("--questions", "101", "--questions must be between 1 and 100"),
				List.of("--time-limit", "5", "--time-limit must be between 10 and"),
				List.of("--reload", "2", "--reload must be between 0.0 and 1.0"),
				List.of("--close", "maybe", "--close must be yes or no, not 'maybe'."),
				List.of("--http", "curl", "--http must be jdk or nio, not 'curl'."),
				List.of("--mode", "live", "--mode must be live or contest"),
				List.of("--players", "10", "Unknown option --players in --mode contest"),
				List.of("--url", "ftp://x", "must be an http:// or https:// address"));
		for (List<String> c : cases) {
			assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", c.get(0), c.get(1)))
				.as(c.toString())
				.isInstanceOf(Options.OptionsException.class)
				.hasMessageContaining(c.get(2));
		}
	}

	@Test
	void missingPiecesAreExplained() {
		assertThatThrownBy(() -> parse("--user", "admin")).hasMessageContaining("--url is required");
		assertThatThrownBy(() -> ContestOptions.parse(new String[] { "--url", "http://127.0.0.1:8080" }, Map.of()))
			.hasMessageContaining("needs an organiser").hasMessageContaining(Options.PASSWORD_ENV);
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--contest", "7"))
			.hasMessageContaining("both --contest and --round");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--lapse", "0.6",
				"--reload", "0.5")).hasMessageContaining("must not exceed 1");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--entrants"))
			.hasMessageContaining("--entrants needs a value");
	}

	@Test
	void helpListsEveryOption() {
		String help = ContestOptions.help();
		for (String option : ContestOptions.names()) {
			assertThat(help).contains(option + " ");
		}
		assertThat(Options.help()).contains("--mode live|contest");
	}
}
