package vn.quizfest.server.live;

import java.time.Duration;
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

	private final Timer ack;

	/*
	 * Prometheus takes a timer either as quantiles (a summary) or as buckets (a histogram), never both
	 * under one name: the quantiles stay where they were, the buckets get a timer of their own.
	 */
	private final Timer fanOutHistogram;

	private final Timer ackHistogram;

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
		this.fanOutHistogram = histogram(registry, "quiz.fanout.histogram",
				"quiz.fanout.latency as histogram buckets, which add up over nodes and time windows",
				Duration.ofMillis(1));
		this.ack = Timer.builder("quiz.ack.latency")
			.description("From an answer frame taken off the socket to its ack queued on that socket")
			.publishPercentiles(0.5, 0.9, 0.99)
			.register(registry);
		this.ackHistogram = histogram(registry, "quiz.ack.histogram",
				"quiz.ack.latency as histogram buckets, which add up over nodes and time windows", Duration.ofNanos(10_000));
		this.leaderboard = Timer.builder("quiz.leaderboard.latency")
			.description("Recording a question's standings in the leaderboard")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	void tookOver() {
		takeovers.increment();
	}

	private static Timer histogram(MeterRegistry registry, String name, String description, Duration minimum) {
		return Timer.builder(name)
			.description(description)
			.publishPercentileHistogram()
			.minimumExpectedValue(minimum)
			.maximumExpectedValue(Duration.ofSeconds(5))
			.register(registry);
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
		fanOutHistogram.record(nanos, TimeUnit.NANOSECONDS);
	}

	void ack(long nanos) {
		ack.record(nanos, TimeUnit.NANOSECONDS);
		ackHistogram.record(nanos, TimeUnit.NANOSECONDS);
	}

	void leaderboard(long nanos) {
		leaderboard.record(nanos, TimeUnit.NANOSECONDS);
	}
}
