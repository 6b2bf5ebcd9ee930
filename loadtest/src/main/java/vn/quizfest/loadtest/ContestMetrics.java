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
 * What the contest mode measures: one latency histogram per request type (microseconds,
 * HdrHistogram, safe from the HttpClient's threads), errors by request and code, and attempt
 * starts and answer saves per second.
 */
final class ContestMetrics {

	/** The request types, in report order, with what each one is. */
	static final Map<String, String> REQUESTS = new LinkedHashMap<>();

	static {
		REQUESTS.put("register", "POST .../entrants: register (identity, unit, consent)");
		REQUESTS.put("start", "POST .../rounds/{id}/attempts: start the attempt (draw, first view)");
		REQUESTS.put("save", "PUT /api/public/attempts/{id}/answers/{index}: save one answer");
		REQUESTS.put("reload", "GET /api/public/attempts/{id}: resume after a reload");
		REQUESTS.put("prediction", "PUT /api/public/attempts/{id}/prediction");
		REQUESTS.put("submit", "POST /api/public/attempts/{id}/submit");
		REQUESTS.put("second", "POST .../attempts again after submitting (refused by the policy)");
		REQUESTS.put("late", "PUT an answer after the deadline (refused) and GET the auto-submitted attempt");
		REQUESTS.put("audit", "GET /api/public/attempts/{id}: the audit's read-back");
	}

	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final Map<String, Histogram> histograms = new LinkedHashMap<>();

	private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();

	private final long startNanos = System.nanoTime();

	private final AtomicIntegerArray startsPerSecond;

	private final AtomicIntegerArray savesPerSecond;

	ContestMetrics(long seconds) {
		for (String name : REQUESTS.keySet()) {
			histograms.put(name, new ConcurrentHistogram(HIGHEST_MICROS, 3));
		}
		int slots = (int) Math.min(1_000_000, Math.max(1, seconds + 1));
		startsPerSecond = new AtomicIntegerArray(slots);
		savesPerSecond = new AtomicIntegerArray(slots);
	}

	void recordNanos(String request, long nanos) {
		histograms.get(request).recordValue(Math.min(Math.max(0, nanos / 1000), HIGHEST_MICROS));
	}

	Map<String, Histogram> histograms() {
		return histograms;
	}

	void count(String group, String reason) {
		counters.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).computeIfAbsent(reason, r -> new LongAdder())
			.increment();
	}

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

	void startedNow() {
		bump(startsPerSecond);
	}

	void savedNow() {
		bump(savesPerSecond);
	}

	private void bump(AtomicIntegerArray series) {
		int slot = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
		if (slot < series.length()) {
			series.incrementAndGet(slot);
		}
	}

	int[] startTimeline() {
		return trimmed(startsPerSecond);
	}

	int[] saveTimeline() {
		return trimmed(savesPerSecond);
	}

	/**
	 * Rates of one per-second series: the mean over the seconds from the first event to the last, and
	 * the best mean over any {@code window} consecutive seconds (the sustained peak).
	 */
	static Map<String, Object> rates(int[] perSecond, int window) {
		Map<String, Object> out = new LinkedHashMap<>();
		int first = 0;
		while (first < perSecond.length && perSecond[first] == 0) {
			first++;
		}
		long total = 0;
		for (int value : perSecond) {
			total += value;
		}
		int span = perSecond.length - first;
		out.put("total", total);
		out.put("meanPerSecond", span == 0 ? 0.0 : Math.round(total * 10.0 / span) / 10.0);
		long best = 0;
		long sum = 0;
		for (int i = first; i < perSecond.length; i++) {
			sum += perSecond[i];
			if (i - first >= window) {
				sum -= perSecond[i - window];
			}
			best = Math.max(best, sum);
		}
		int divisor = Math.max(1, Math.min(window, span));
		out.put("busiest" + window + "sPerSecond", Math.round(best * 10.0 / divisor) / 10.0);
		return out;
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
