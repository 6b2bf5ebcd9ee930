package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FailoverOptionsTest {

	private static Options parse(String... args) {
		List<String> all = new ArrayList<>(List.of("--url", "http://127.0.0.1:8080,http://127.0.0.1:8081,http://127.0.0.1:8082",
				"--user", "admin"));
		all.addAll(List.of(args));
		return Options.parse(all.toArray(String[]::new), Map.of(Options.PASSWORD_ENV, "pw"));
	}

	@Test
	void defaultsResumeWithinThirtySecondsInTenAttemptsWithoutChurnOrFault() {
		FailoverOptions failover = parse().failover();

		assertThat(failover.resumeDeadline()).isEqualTo(Duration.ofSeconds(30));
		assertThat(failover.resumeAttempts()).isEqualTo(10);
		assertThat(failover.churn()).isNull();
		assertThat(failover.fault()).isNull();
	}

	@Test
	void readsResumeDeadlineAttemptsChurnAndFault() {
		FailoverOptions failover = parse("--resume-deadline", "45s", "--resume-attempts=6", "--churn", "0.05/3s",
				"--fault", "q2-open+1s:kill -9 $(cat /tmp/node.pid)").failover();

		assertThat(failover.resumeDeadline()).isEqualTo(Duration.ofSeconds(45));
		assertThat(failover.resumeAttempts()).isEqualTo(6);
		assertThat(failover.churn()).isEqualTo(new FailoverOptions.Churn(0.05, Duration.ofSeconds(3)));
		assertThat(failover.fault().question()).isEqualTo(2);
		assertThat(failover.fault().q()).isEqualTo(1);
		assertThat(failover.fault().phase()).isEqualTo(FailoverOptions.Phase.OPEN);
		assertThat(failover.fault().offset()).isEqualTo(Duration.ofSeconds(1));
		// Only the first colon separates: the command keeps its own.
		assertThat(failover.fault().command()).isEqualTo("kill -9 $(cat /tmp/node.pid)");
		assertThat(failover.fault().at()).isEqualTo("q2-open+1000ms");
	}

	@Test
	void durationsTakeMillisecondsSecondsAndMinutes() {
		assertThat(FailoverOptions.duration("--x", "500ms", 0, 600_000)).isEqualTo(Duration.ofMillis(500));
		assertThat(FailoverOptions.duration("--x", "2.5s", 0, 600_000)).isEqualTo(Duration.ofMillis(2500));
		assertThat(FailoverOptions.duration("--x", "2", 0, 600_000)).isEqualTo(Duration.ofSeconds(2));
		assertThat(FailoverOptions.duration("--x", "1m", 0, 600_000)).isEqualTo(Duration.ofMinutes(1));
		assertThat(FailoverOptions.fault("q1-closed:true").offset()).isZero();
		assertThat(FailoverOptions.fault("Q3-LEADERBOARD+250ms:echo x").phase()).isEqualTo(FailoverOptions.Phase.LEADERBOARD);
	}

	@Test
	void badValuesAreRefusedNamingTheOption() {
		assertThatThrownBy(() -> parse("--resume-deadline", "soon")).hasMessageContaining("--resume-deadline")
			.hasMessageContaining("duration");
		assertThatThrownBy(() -> parse("--resume-deadline", "500ms")).hasMessageContaining("--resume-deadline must be between");
		assertThatThrownBy(() -> parse("--resume-attempts", "0")).hasMessageContaining("--resume-attempts must be between 1");
		assertThatThrownBy(() -> parse("--churn", "0.05")).hasMessageContaining("SHARE/PERIOD");
		assertThatThrownBy(() -> parse("--churn", "2/3s")).hasMessageContaining("--churn share");
		assertThatThrownBy(() -> parse("--churn", "0.05/10ms")).hasMessageContaining("--churn period");
		assertThatThrownBy(() -> parse("--fault", "q2-open+1s")).hasMessageContaining("AT:COMMAND");
		assertThatThrownBy(() -> parse("--fault", "q2-open:  ")).hasMessageContaining("AT:COMMAND");
		assertThatThrownBy(() -> parse("--fault", "mid-game:kill 1")).hasMessageContaining("qN-question|open|closed|leaderboard");
		assertThatThrownBy(() -> parse("--fault", "q0-open:kill 1")).hasMessageContaining("--fault question");
		// The default game has 3 questions.
		assertThatThrownBy(() -> parse("--fault", "q4-open:kill 1")).hasMessageContaining("question 4")
			.hasMessageContaining("has 3");
	}

	@Test
	void theHelpListsTheFaultOptions() {
		assertThatThrownBy(() -> parse("--help")).hasMessageContaining("--resume-deadline")
			.hasMessageContaining("--churn SHARE/PERIOD")
			.hasMessageContaining("--fault AT:COMMAND")
			.hasMessageContaining("Exit status");
	}

	@Test
	void theWarmupGameHasNoFaultAndNoChurn() {
		Options options = parse("--warmup", "50", "--churn", "0.1/1s", "--fault", "q1-open:true");

		assertThat(options.forWarmup().failover()).isEqualTo(FailoverOptions.DEFAULTS);
		assertThat(options.withPlayers(7).failover()).isEqualTo(options.failover());
	}
}
