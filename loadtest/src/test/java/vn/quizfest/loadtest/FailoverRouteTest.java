package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FailoverRouteTest {

	@Test
	void aResumeTriesTheOtherNodesRoundRobinItsOwnNodeLast() {
		List<Integer> tried = new ArrayList<>();
		for (int attempt = 1; attempt <= 6; attempt++) {
			tried.add(FailoverRoute.node(1, attempt, 3));
		}

		assertThat(tried).containsExactly(2, 0, 1, 2, 0, 1);
	}

	@Test
	void withOneNodeEveryAttemptGoesToIt() {
		assertThat(FailoverRoute.node(0, 1, 1)).isZero();
		assertThat(FailoverRoute.node(0, 7, 1)).isZero();
	}

	@Test
	void nonsenseIsRefused() {
		assertThatThrownBy(() -> FailoverRoute.node(0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FailoverRoute.node(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theFaultPointMatchesOnlyItsQuestionAndPhase() {
		FailoverOptions.Fault fault = FailoverOptions.fault("q2-open+1s:true");

		assertThat(FaultHook.matches(fault, "open", 1)).isTrue();
		assertThat(FaultHook.matches(fault, "open", 0)).isFalse();
		assertThat(FaultHook.matches(fault, "question", 1)).isFalse();
	}

	@Test
	void churnDropsItsShareOfThePlayersEachRound() {
		assertThat(Churn.perRound(0.05, 2000)).isEqualTo(100);
		assertThat(Churn.perRound(0.05, 10)).isEqualTo(1);
		assertThat(Churn.perRound(1, 10)).isEqualTo(10);
	}

	@Test
	void affectedPlayersAndRecoveryCountFromTheFault() {
		FailoverStats stats = new FailoverStats(3);
		stats.interrupted(0, "close:1006");
		assertThat(stats.affectedJson().get("players")).isEqualTo(0L);

		long fault = System.nanoTime();
		stats.faultStarted(fault);
		stats.interrupted(0, "close:1006");
		stats.interrupted(1, "takenOver");
		stats.frame(2, fault + Duration.ofMillis(100).toNanos());
		stats.resumed(0, fault + Duration.ofSeconds(4).toNanos(), fault + Duration.ofMillis(10).toNanos());
		stats.resumed(0, fault + Duration.ofSeconds(9).toNanos(), 0);

		assertThat(stats.affectedJson().get("players")).isEqualTo(2L);
		assertThat(stats.affectedJson().get("resumed")).isEqualTo(1L);
		// Counted once per player: the first 'resumed' after the fault.
		assertThat(stats.recoveryMicros.getTotalCount()).isEqualTo(1);
		assertThat(stats.recoveryMicros.getMaxValue() / 1000).isBetween(3990L, 4010L);
		assertThat(stats.resumeMicros.getTotalCount()).isEqualTo(1);
		assertThat(stats.firstFrameMicros.getTotalCount()).isEqualTo(1);
	}
}
