package vn.quizfest.server.live;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import vn.quizfest.server.leaderboard.Leaderboard;
import vn.quizfest.server.results.ResultsWriter;
import vn.quizfest.server.system.Messages;

/** What every live game shares: the frame builder, the senders, timers, metrics and the outputs. */
record LiveContext(Frames frames, FanOut fanOut, ExecutorService outboxes, ScheduledExecutorService timers,
		Clock clock, Messages messages, LiveMetrics metrics, ResultsWriter results, Leaderboard leaderboard,
		LiveSettings settings, ClusterRelay relay, Failover failover,
		FailoverSettings failoverSettings) {

	long now() {
		return clock.millis();
	}

	String message(String language, String code, Object... args) {
		return messages.get(Locale.forLanguageTag(language), "live.error." + code, args);
	}
}
