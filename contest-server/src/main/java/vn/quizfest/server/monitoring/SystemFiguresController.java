package vn.quizfest.server.monitoring;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The few live figures of this node that the console's System screen draws, for operators without
 * Grafana: read from the same meters {@code /actuator/prometheus} exports (docs/operations.md), as
 * totals and current values. The page turns two readings into rates, so the server keeps no history.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class SystemFiguresController {

	/** A timer's recent distribution in milliseconds (Micrometer's decaying window of about 2 minutes). */
	record Latency(long count, double p50, double p90, double p99, double max) {
	}

	record ResultsQueue(double depth, double ageSeconds) {
	}

	record Relay(double messagesOut, double messagesIn, double bytesOut, double bytesIn) {
	}

	record Jvm(double heapUsedBytes, double heapCommittedBytes, double heapMaxBytes, long gcPauses,
			double gcPauseSeconds, double gcPauseMaxSeconds) {
	}

	record Figures(long at, double playersConnected, double gamesLive, double joins, Map<String, Double> answers,
			Latency fanOut, Latency ack, ResultsQueue resultsQueue, Relay relay, Jvm jvm) {
	}

	private final MeterRegistry registry;

	SystemFiguresController(MeterRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/system/figures")
	Figures figures() {
		Map<String, Double> answers = new TreeMap<>();
		for (Counter counter : registry.find("quiz.answers").counters()) {
			String outcome = counter.getId().getTag("outcome");
			answers.merge(outcome == null ? "unknown" : outcome, counter.count(), Double::sum);
		}
		long gcPauses = 0;
		double gcSeconds = 0;
		double gcMax = 0;
		for (Timer pause : registry.find("jvm.gc.pause").timers()) {
			gcPauses += pause.count();
			gcSeconds += pause.totalTime(TimeUnit.SECONDS);
			gcMax = Math.max(gcMax, pause.max(TimeUnit.SECONDS));
		}
		return new Figures(System.currentTimeMillis(), gauge("quiz.players.connected"), gauge("quiz.games.live"),
				counter("quiz.joins", null, null), answers, latency("quiz.fanout.latency"), latency("quiz.ack.latency"),
				new ResultsQueue(gauge("quiz.results.queue.depth"), gauge("quiz.results.queue.age")),
				new Relay(counter("quiz.relay.messages", "direction", "out"), counter("quiz.relay.messages", "direction", "in"),
						counter("quiz.relay.bytes", "direction", "out"), counter("quiz.relay.bytes", "direction", "in")),
				new Jvm(heap("jvm.memory.used"), heap("jvm.memory.committed"), heap("jvm.memory.max"), gcPauses, gcSeconds,
						gcMax));
	}

	private double gauge(String name) {
		double sum = 0;
		for (Gauge gauge : registry.find(name).gauges()) {
			double value = gauge.value();
			if (Double.isFinite(value)) {
				sum += value;
			}
		}
		return sum;
	}

	private double counter(String name, @Nullable String tag, @Nullable String value) {
		var search = registry.find(name);
		if (tag != null && value != null) {
			search = search.tag(tag, value);
		}
		return search.counters().stream().mapToDouble(Counter::count).sum();
	}

	/** Heap pools summed; a pool without a limit reports -1 as its maximum and is left out. */
	private double heap(String name) {
		double sum = 0;
		for (Gauge gauge : registry.find(name).tag("area", "heap").gauges()) {
			double value = gauge.value();
			if (Double.isFinite(value) && value > 0) {
				sum += value;
			}
		}
		return sum;
	}

	private Latency latency(String name) {
		Timer timer = registry.find(name).timer();
		if (timer == null) {
			return new Latency(0, 0, 0, 0, 0);
		}
		HistogramSnapshot snapshot = timer.takeSnapshot();
		double p50 = 0;
		double p90 = 0;
		double p99 = 0;
		for (ValueAtPercentile value : snapshot.percentileValues()) {
			double millis = value.value(TimeUnit.MILLISECONDS);
			if (value.percentile() == 0.5) {
				p50 = millis;
			}
			else if (value.percentile() == 0.9) {
				p90 = millis;
			}
			else if (value.percentile() == 0.99) {
				p99 = millis;
			}
		}
		return new Latency(snapshot.count(), p50, p90, p99, snapshot.max(TimeUnit.MILLISECONDS));
	}
}
