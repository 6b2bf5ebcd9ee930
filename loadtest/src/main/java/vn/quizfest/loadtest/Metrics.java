package vn.quizfest.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the run measures: latency histograms in microseconds (HdrHistogram, safe to record from the
 * WebSocket listener threads), counters by reason, and joins and answers over time.
 */
final class Metrics {

	static final String JOIN = "join";

	static final String QUESTION = "fanout.question";

	static final String QUESTION_SERVER = "fanout.question.serverTime";

	static final String OPEN_SERVER = "fanout.open.serverTime";

	static final String CLOSED = "fanout.closed";

	static final String CLOSED_SERVER = "fanout.closed.serverTime";

	static final String ACK = "ack";

	static final String LEADERBOARD = "leaderboard";

	static final String RESUME = "resume";

	static final String BUZZ = "buzz";

	/** What each histogram measures, for the reports. */
	static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

	static {
		DESCRIPTIONS.put(JOIN, "join: connect start to the 'joined' frame");
		DESCRIPTIONS.put(QUESTION, "question fan-out: host's 'next' sent to each player's 'question'");
		DESCRIPTIONS.put(QUESTION_SERVER, "question fan-out: frame's serverTime to receipt");
		DESCRIPTIONS.put(OPEN_SERVER, "open fan-out: frame's serverTime to receipt");
		DESCRIPTIONS.put(CLOSED, "closed fan-out: host's 'next' (close) sent to each player's 'closed'");
		DESCRIPTIONS.put(CLOSED_SERVER, "closed fan-out: frame's serverTime to receipt");
		DESCRIPTIONS.put(ACK, "answer acknowledgement: 'answer' sent to its 'ack'");
		DESCRIPTIONS.put(LEADERBOARD, "leaderboard delivery: host's 'next' sent to each player's 'leaderboard'");
		DESCRIPTIONS.put(RESUME, "resume: reconnect start to the 'resumed' frame");
		DESCRIPTIONS.put(BUZZ, "buzzer press: a contestant's 'buzz' sent to its 'buzzed' (buzzer rounds only)");
	}

	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final Map<String, Histogram> histograms = new LinkedHashMap<>();

	private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();

	private final long startNanos = System.nanoTime();

	/** Players joined in each second since the start. */
	private final AtomicIntegerArray joinsPerSecond;

	/** Answers sent in each 100 ms since the start. */
	private final AtomicIntegerArray answersPerTenth;

	Metrics(long seconds) {
		for (String name : DESCRIPTIONS.keySet()) {
			histograms.put(name, new ConcurrentHistogram(HIGHEST_MICROS, 3));
		}
		int slots = (int) Math.min(Integer.MAX_VALUE / 16, Math.max(1, seconds + 1));
		joinsPerSecond = new AtomicIntegerArray(slots);
		answersPerTenth = new AtomicIntegerArray(slots * 10);
	}

	void recordNanos(String name, long nanos) {
		record(name, Math.max(0, nanos / 1000));
	}

	void recordMillis(String name, long millis) {
		record(name, Math.max(0, millis) * 1000);
	}

	private void record(String name, long micros) {
		histograms.get(name).recordValue(Math.min(micros, HIGHEST_MICROS));
	}

	Histogram histogram(String name) {
		return histograms.get(name);
	}

	Map<String, Histogram> histograms() {
		return histograms;
	}

	void count(String group, String reason) {
		counters.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).computeIfAbsent(reason, r -> new LongAdder())
			.increment();
	}

	/** Counts of one group by reason, sorted by reason. */
	Map<String, Long> counts(String group) {
		Map<String, Long> out = new TreeMap<>();
		Map<String, LongAdder> byReason = counters.get(group);
		if (byReason != null) {
			byReason.forEach((reason, adder) -> out.put(reason, adder.sum()));
		}
		return out;
	}

	long total(String group) {
		return counts(group).values().stream().mapToLong(Long::longValue).sum();
	}

	void joinedNow() {
		int slot = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
		if (slot < joinsPerSecond.length()) {
			joinsPerSecond.incrementAndGet(slot);
		}
	}

	void answerSentNow() {
		int slot = (int) ((System.nanoTime() - startNanos) / 100_000_000L);
		if (slot < answersPerTenth.length()) {
			answersPerTenth.incrementAndGet(slot);
		}
	}

	/** Joins per second from the first join to the last. */
	int[] joinTimeline() {
		return trimmed(joinsPerSecond);
	}

	int[] answerTimeline() {
		return trimmed(answersPerTenth);
	}

	/** The most answers sent within any window of this many tenths of a second. */
	int busiestAnswerWindow(int tenths) {
		int[] series = answerTimeline();
		int best = 0;
		int sum = 0;
		for (int i = 0; i < series.length; i++) {
			sum += series[i];
			if (i >= tenths) {
				sum -= series[i - tenths];
			}
			best = Math.max(best, sum);
		}
		return best;
	}

	private static int[] trimmed(AtomicIntegerArray array) {
		int last = -1;
		for (int i = 0; i < array.length(); i++) {
			if (array.get(i) != 0) {
				last = i;
			}
		}
		int[] out = new int[last + 1];
		for (int i = 0; i <= last; i++) {
			out[i] = array.get(i);
		}
		return out;
	}
}
