package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionsTest {

	private static final Map<String, String> PASSWORD = Map.of(Options.PASSWORD_ENV, "secret-from-env");

	private static Options parse(String... args) {
		return Options.parse(args, PASSWORD);
	}

	@Test
	void readsEveryOptionAndSpreadsUrls() {
		Options options = parse("--url", "http://127.0.0.1:8080,http://127.0.0.1:8081/", "--url=http://localhost:8082",
				"--players", "10_000", "--join-rate", "800", "--questions", "5", "--user", "admin", "--think",
				"2,0.5,1,8", "--time-scale", "0.1", "--wrong", "0.25", "--missing", "0", "--drop", "0.01", "--seed",
				"9", "--timeout", "900", "--out", "/tmp/x", "--server-pid", "1234", "--preview", "0");

		assertThat(options.urls()).containsExactly(URI.create("http://127.0.0.1:8080"),
				URI.create("http://127.0.0.1:8081"), URI.create("http://localhost:8082"));
		assertThat(options.players()).isEqualTo(10_000);
		assertThat(options.joinRate()).isEqualTo(800);
		assertThat(options.password()).isEqualTo("secret-from-env");
		assertThat(options.think()).isEqualTo(new ThinkTime(2, 0.5, 1, 8));
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(900));
		assertThat(options.serverPid()).isEqualTo(1234L);
		assertThat(options.attaches()).isFalse();
	}

	@Test
	void theFormatIsHostedUnlessEliminationIsAsked() {
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin").elimination()).isFalse();
		Options elimination = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--format", "Elimination");
		assertThat(elimination.elimination()).isTrue();
		assertThat(elimination.withPlayers(5).elimination()).isTrue();
		assertThat(elimination.forWarmup().elimination()).as("the warm-up game is a classic one").isFalse();
		// An unknown format is refused, naming the ones there are (buzzer rounds joined them later).
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--format", "olympia"))
			.hasMessageContaining("--format must be hosted, elimination or buzzer");
	}

	@Test
	void aBuzzerGameSeatsTwoToEightContestantsAndHasAnAudienceBesides() {
		Options buzzer = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--format", "BUZZER", "--players",
				"1008");
		assertThat(buzzer.buzzer()).isTrue();
		assertThat(buzzer.elimination()).isFalse();
		assertThat(buzzer.contestants()).as("the default").isEqualTo(8);
		assertThat(buzzer.withPlayers(20).buzzer()).isTrue();
		assertThat(buzzer.forWarmup().buzzer()).as("the warm-up game is a classic one").isFalse();
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--format", "buzzer", "--contestants",
				"2", "--players", "3").contestants()).isEqualTo(2);
		for (String bad : List.of("1", "9", "x")) {
			assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--format", "buzzer",
					"--contestants", bad))
				.hasMessageContaining("--contestants must be");
		}
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--format", "buzzer",
				"--players", "8"))
			.hasMessageContaining("--players must be more");
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin").buzzer()).isFalse();
	}

	@Test
	void attachingNeedsGamePinAndHostTokenButNoPassword() {
		Options options = Options.parse(new String[] { "--url", "http://127.0.0.1:8080", "--game", "01abc", "--pin",
				"123456", "--host-token", "tok" }, Map.of());
		assertThat(options.attaches()).isTrue();

		assertThatThrownBy(() -> Options.parse(new String[] { "--url", "http://127.0.0.1:8080", "--pin", "123456" },
				Map.of())).hasMessageContaining("--game, --pin and --host-token");
	}

	@Test
	void badValuesNameTheOptionAndWhatIsAllowed() {
		List<List<String>> cases = List.of(
				List.of("--players", "0", "--players must be between 1 and 50000, not 0."),
				List.of("--players", "many", "--players must be a whole number, not 'many'."),
				List.of("--wrong", "1.5", "--wrong must be between 0.0 and 1.0"),
				List.of("--join-rate", "-3", "--join-rate must be between"),
				List.of("--pin", "12ab", "--pin must be six digits"),
				List.of("--think", "2", "--think takes MEDIAN,SIGMA"),
				List.of("--think", "2,0.5,5,1", "0 <= min <= max"),
				List.of("--url", "ftp://x", "must be an http:// or https:// address"),
				List.of("--colour", "red", "Unknown option --colour"));
		for (List<String> c : cases) {
			assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--user", "admin", c.get(0), c.get(1)))
				.as(c.toString())
				.isInstanceOf(Options.OptionsException.class)
				.hasMessageContaining(c.get(2));
		}
	}

	@Test
	void missingUrlOrCredentialsIsExplained() {
		assertThatThrownBy(() -> parse("--players", "5")).hasMessageContaining("--url is required");
		assertThatThrownBy(() -> Options.parse(new String[] { "--url", "http://127.0.0.1:8080", "--user", "admin" },
				Map.of())).hasMessageContaining(Options.PASSWORD_ENV);
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--players")).hasMessageContaining(
				"--players needs a value");
	}

	@Test
	void helpListsEveryOption() {
		String help = Options.help();
		for (String option : List.of("--url", "--players", "--join-rate", "--questions", "--game", "--pin",
				"--host-token", "--user", "--password", "--think", "--time-scale", "--wrong", "--missing", "--drop",
				"--seed", "--timeout", "--out", "--server-pid", "--preview", "--clients", "--max-connecting", "--format",
				"--contestants")) {
			assertThat(help).contains(option + " ");
		}
	}

	@Test
	void aWarmupIsASmallFastGameOfItsOwnAndNeedsAnOrganiser() {
		Options options = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--user", "admin", "--players", "10000",
				"--warmup", "200", "--server-pid", "77", "--out", "/tmp/run");
		Options warmup = options.forWarmup();
		assertThat(warmup.players()).isEqualTo(200);
		assertThat(warmup.warmup()).isZero();
		assertThat(warmup.serverPid()).as("memory is sampled in the measured run only").isNull();
		assertThat(warmup.drop()).isZero();
		assertThat(warmup.out()).isEqualTo(java.nio.file.Path.of("/tmp/run/warmup"));

		assertThatThrownBy(() -> Options.parse(new String[] { "--url", "http://127.0.0.1:8080", "--game", "01abc",
				"--pin", "123456", "--host-token", "tok", "--warmup", "10" }, Map.of()))
			.hasMessageContaining("--warmup creates its own small game");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--user", "admin", "--warmup", "-1"))
			.hasMessageContaining("--warmup must be between 0 and 5000");
	}

	@Test
	void theClientIsTheJdksUnlessTheLeanOneIsChosen() {
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin").client()).isEqualTo("jdk");
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--client", "NIO").client()).isEqualTo("nio");
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--client=nio").forWarmup().client()).isEqualTo("nio");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--client", "netty"))
			.hasMessage("--client must be jdk or nio, not 'netty'.");
	}

	@Test
	void tenGamesShareThePlayersTheJoinRateAndTheClientsEvenly() {
		Options options = parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--players", "10_005", "--games", "10",
				"--join-rate", "1000", "--clients", "4", "--seed", "7");
		assertThat(options.games()).isEqualTo(10);
		assertThat(options.playersInGame(0)).as("the 5 left over go to the first games").isEqualTo(1_001);
		assertThat(options.playersInGame(4)).isEqualTo(1_001);
		assertThat(options.playersInGame(5)).isEqualTo(1_000);
		int total = 0;
		for (int g = 0; g < 10; g++) {
			total += options.playersInGame(g);
		}
		assertThat(total).isEqualTo(10_005);
		Options third = options.forGame(2, options.playersInGame(2));
		assertThat(third.players()).isEqualTo(1_001);
		assertThat(third.games()).as("each game is played as one").isEqualTo(1);
		assertThat(third.joinRate()).isEqualTo(100);
		assertThat(third.clients()).as("at least one client thread per game").isEqualTo(1);
		assertThat(third.seed()).isNotEqualTo(options.seed()).isNotEqualTo(options.forGame(3, 1_000).seed());
		assertThat(parse("--url", "http://127.0.0.1:8080", "--user", "admin").games()).as("the default").isEqualTo(1);
		assertThat(options.withPlayers(20).games()).isEqualTo(10);
		assertThat(options.forWarmup().games()).as("the warm-up is one game").isEqualTo(1);
	}

	@Test
	void gamesThatCannotBePlayedAreRefusedNamingTheOption() {
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--games", "0"))
			.hasMessageContaining("--games must be between 1 and 100");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--games", "ten"))
			.hasMessageContaining("--games must be a whole number");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--games", "5", "--players", "4"))
			.hasMessageContaining("needs at least one player per game");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--game", "g1", "--pin", "123456",
				"--host-token", "t", "--games", "2")).hasMessageContaining("--games creates its games");
		assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:8080", "--user", "admin", "--games", "2", "--format",
				"buzzer", "--players", "100")).hasMessageContaining("not with --format buzzer");
	}
}
