package vn.quizfest.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The outcome of a run: the whole document for summary.json and report.html, and the few numbers
 * that decide whether the run passed.
 */
public final class Summary {

	private final Map<String, Object> document;

	private final List<String> problems;

	Summary(Map<String, Object> document, List<String> problems) {
		this.document = document;
		this.problems = List.copyOf(problems);
		document.put("verdict", Map.of("ok", problems.isEmpty(), "problems", this.problems));
	}

	/** Everything measured, as nested maps, lists and numbers (what summary.json holds). */
	public Map<String, Object> document() {
		return document;
	}

	/** Why the run failed: lost answers, failed joins, error frames, unexpected drops, timeouts. Empty when it passed. */
	public List<String> problems() {
		return problems;
	}

	public boolean ok() {
		return problems.isEmpty();
	}

	/** A number of the summary by its path, e.g. ("joins", "joined"); -1 when there is none. */
	@SuppressWarnings("unchecked")
	public long number(String section, String... path) {
		Object value = document.get(section);
		for (String key : path) {
			value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
		}
		return value instanceof Number n ? n.longValue() : -1;
	}

	/** p50, p90, p99, max, mean (ms) and count of a histogram recorded in microseconds. */
	static Map<String, Object> percentiles(Histogram histogram) {
		Map<String, Object> out = new LinkedHashMap<>();
		long count = histogram.getTotalCount();
		out.put("count", count);
		if (count > 0) {
			out.put("p50", ms(histogram.getValueAtPercentile(50)));
			out.put("p90", ms(histogram.getValueAtPercentile(90)));
			out.put("p99", ms(histogram.getValueAtPercentile(99)));
			out.put("max", ms(histogram.getMaxValue()));
			out.put("mean", Math.round(histogram.getMean() / 100.0) / 10.0);
			List<List<Double>> cdf = new ArrayList<>();
			for (double p : new double[] { 0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100 }) {
				cdf.add(List.of(p, ms(p == 0 ? histogram.getMinValue() : histogram.getValueAtPercentile(p))));
			}
			out.put("cdf", cdf);
		}
		return out;
	}

	private static double ms(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}
}
