package vn.quizfest.server.live;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.quizfest.server.game.AnswerReceipt;

/** The {@code quiz.*} meters of the live gateway (docs/operations.md lists them all). */
final class LiveMetrics {

	private final MeterRegistry registry;

	private final Counter joins;

	private final Counter resumes;

	private final Counter takeovers;

	private final Timer fanOut;

	private final Timer leaderboard;

	LiveMetrics(MeterRegistry registry, Supplier<Number> connectedPlayers, Supplier<Number> liveGames) {
		this.registry = registry;
		Gauge.builder("quiz.players.connected", connectedPlayers).description("Player sockets joined to a game")
			.register(registry);
		Gauge.builder("quiz.games.live", liveGames).description("Games held in memory on this node").register(registry);
		this.joins = Counter.builder("quiz.joins").description("Players who joined a game").register(registry);
		this.resumes = Counter.builder("quiz.resumes").description("Players who resumed after a drop").register(registry);
		this.takeovers = Counter.builder("quiz.failover.takeovers")
			.description("Games this node took over from a lost or departing node")
			.register(registry);
		this.fanOut = Timer.builder("quiz.fanout.latency")
			.description("From a game event to its frames queued on every socket")
			.publishPercentiles(0.5, 0.9, 0.99)
			.register(registry);
		this.leaderboard = Timer.builder("quiz.leaderboard.latency")
			.description("Recording a question's standings in the leaderboard")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	void tookOver() {
		takeovers.increment();
	}

	void joined() {
		joins.increment();
	}

	void joinRefused(String reason) {
		registry.counter("quiz.joins.refused", "reason", reason).increment();
	}

	void resumed() {
		resumes.increment();
	}

	void answer(AnswerReceipt receipt) {
		registry.counter("quiz.answers", "outcome", receipt.accepted() ? "accepted" : receipt.error()).increment();
	}

	void closed(String reason) {
		registry.counter("quiz.connections.closed", "reason", reason).increment();
	}

	void fanOut(long nanos) {
		fanOut.record(nanos, TimeUnit.NANOSECONDS);
	}

	void leaderboard(long nanos) {
		leaderboard.record(nanos, TimeUnit.NANOSECONDS);
	}
}
