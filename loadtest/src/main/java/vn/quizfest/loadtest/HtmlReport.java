package vn.quizfest.loadtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page for a run: the verdict, the latency table, one SVG chart of
 * percentiles and one cumulative distribution per latency, and joins and answers over time.
 * No script and nothing fetched: it opens from a file, offline.
 */
final class HtmlReport {

	private static final String[] COLOURS = { "#1b6ca8", "#e07b00", "#2a9d3c", "#c0392b" };

	private HtmlReport() {
	}

	@SuppressWarnings("unchecked")
	static String render(Map<String, Object> doc) {
		Map<String, Object> run = (Map<String, Object>) doc.get("run");
		if ("contest".equals(run.get("mode"))) {
			return renderContest(doc);
		}
		StringBuilder html = new StringBuilder(64 * 1024);
		Map<String, Object> verdict = (Map<String, Object>) doc.get("verdict");
		head(html, run.get("players") + " players");
		html.append("<h1>QuizFest load test</h1>");
		verdict(html, verdict);
		html.append("<h2>Run</h2>").append(table(run));
		Map<String, Object> joins = (Map<String, Object>) doc.get("joins");
		html.append("<h2>Joins</h2>").append(table(withoutSeries(joins)));
		html.append(bars("Players joined per second", (int[]) joins.get("perSecond"), "s"));
		latency(html, (Map<String, Object>) doc.get("latencyMs"));
		Map<String, Object> answers = (Map<String, Object>) doc.get("answers");
		html.append("<h2>Answers</h2>").append(table(withoutSeries(answers)));
		html.append(bars("Answers sent per 100 ms", (int[]) answers.get("sentPerTenthSecond"), "0.1 s"));
		for (String section : new String[] { "lostAnswers", "connections", "errors", "memory" }) {
			html.append("<h2>").append(section).append("</h2><pre>")
				.append(escape(String.valueOf(doc.get(section)))).append("</pre>");
		}
		Map<String, Object> server = (Map<String, Object>) doc.get("serverMetrics");
		html.append("<h2>Server meters (/actuator/prometheus, at the end)</h2>")
			.append(table((Map<String, Object>) (Map<?, ?>) server.get("after")));
		html.append("</body></html>\n");
		return html.toString();
	}

	private static void head(StringBuilder html, String title) {
		html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>QuizFest load test: ")
			.append(escape(title))
			.append("</title><style>")
			.append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}")
			.append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
			.append("th:first-child,td:first-child{text-align:left}.ok{color:#2a9d3c}.bad{color:#c0392b}")
			.append("svg{background:#fafafa;border:1px solid #ddd;margin:4px}pre{background:#f4f4f4;padding:8px;overflow:auto}")
			.append("</style></head><body>");
	}

	@SuppressWarnings("unchecked")
	private static void verdict(StringBuilder html, Map<String, Object> verdict) {
		boolean ok = Boolean.TRUE.equals(verdict.get("ok"));
		html.append("<p class=\"").append(ok ? "ok" : "bad").append("\"><strong>")
			.append(ok ? "Passed: nothing lost, dropped or refused." : "Problems:").append("</strong></p>");
		if (!ok) {
			html.append("<ul>");
			for (Object problem : (List<Object>) verdict.get("problems")) {
				html.append("<li>").append(escape(String.valueOf(problem))).append("</li>");
			}
			html.append("</ul>");
		}
	}

	@SuppressWarnings("unchecked")
	private static void latency(StringBuilder html, Map<String, Object> latency) {
		html.append("<h2>Latency (ms)</h2><table><tr><th>what</th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>mean</th></tr>");
		latency.forEach((name, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			html.append("<tr><td>").append(escape(String.valueOf(entry.get("what")))).append("</td>");
			for (String field : new String[] { "count", "p50", "p90", "p99", "max", "mean" }) {
				Object v = entry.get(field);
				html.append("<td>").append(v == null ? "" : escape(String.valueOf(v))).append("</td>");
			}
			html.append("</tr>");
		});
		html.append("</table>");
		latency.forEach((name, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			if (((Number) entry.get("count")).longValue() > 0) {
				html.append("<h3>").append(escape(String.valueOf(entry.get("what")))).append("</h3>");
				html.append(percentileBars(entry)).append(cdf((List<List<Double>>) entry.get("cdf")));
			}
		});
	}

	/** The contest mode's page: verdict, run, entrants, rates over time, latency per request, audit. */
	@SuppressWarnings("unchecked")
	static String renderContest(Map<String, Object> doc) {
		StringBuilder html = new StringBuilder(64 * 1024);
		Map<String, Object> run = (Map<String, Object>) doc.get("run");
		head(html, run.get("entrants") + " contest entrants");
		html.append("<h1>QuizFest load test: online contest</h1>");
		verdict(html, (Map<String, Object>) doc.get("verdict"));
		html.append("<h2>Run</h2>").append(table(run));
		html.append("<h2>Entrants</h2>").append(table((Map<String, Object>) doc.get("entrants")));
		Map<String, Object> rates = (Map<String, Object>) doc.get("rates");
		Map<String, Object> starts = (Map<String, Object>) rates.get("attemptStarts");
		Map<String, Object> saves = (Map<String, Object>) rates.get("answerSaves");
		html.append("<h2>Rates</h2><h3>Attempt starts</h3>").append(table(withoutSeries(starts)));
		html.append(bars("Attempt starts per second", (int[]) starts.get("perSecond"), "s"));
		html.append("<h3>Answer saves</h3>").append(table(withoutSeries(saves)));
		html.append(bars("Answer saves per second", (int[]) saves.get("perSecond"), "s"));
		latency(html, (Map<String, Object>) doc.get("latencyMs"));
		for (String section : new String[] { "errors", "audit", "phase", "memory" }) {
			html.append("<h2>").append(section).append("</h2><pre>")
				.append(escape(String.valueOf(doc.get(section)))).append("</pre>");
		}
		Map<String, Object> server = (Map<String, Object>) doc.get("serverMetrics");
		html.append("<h2>Server meters (/actuator/prometheus, at the end)</h2>")
			.append(table((Map<String, Object>) (Map<?, ?>) server.get("after")));
		html.append("</body></html>\n");
		return html.toString();
	}

	private static Map<String, Object> withoutSeries(Map<String, Object> section) {
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		section.forEach((k, v) -> {
			if (!(v instanceof int[])) {
				out.put(k, v);
			}
		});
		return out;
	}

	private static String table(Map<String, Object> rows) {
		StringBuilder out = new StringBuilder("<table>");
		rows.forEach((k, v) -> out.append("<tr><td>").append(escape(k)).append("</td><td>")
			.append(escape(String.valueOf(v))).append("</td></tr>"));
		return out.append("</table>").toString();
	}

	/** Four bars: p50, p90, p99 and max. */
	static String percentileBars(Map<String, Object> entry) {
		String[] labels = { "p50", "p90", "p99", "max" };
		double top = 0;
		for (String label : labels) {
			top = Math.max(top, ((Number) entry.get(label)).doubleValue());
		}
		top = niceCeiling(top);
		int width = 360;
		int height = 200;
		StringBuilder svg = svgStart(width, height);
		for (int i = 0; i < labels.length; i++) {
			double value = ((Number) entry.get(labels[i])).doubleValue();
			double h = top == 0 ? 0 : value / top * (height - 50);
			int x = 40 + i * 80;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%.1f\" width=\"50\" height=\"%.1f\" fill=\"%s\"/>", x, height - 25 - h, h,
					COLOURS[i]));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", x + 10,
					height - 8, labels[i]));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\">%s ms</text>", x,
					height - 30 - h, trim(value)));
		}
		return svg.append("</svg>").toString();
	}

	/** Latency against percentile, with the percentile axis spread so that the tail is visible. */
	static String cdf(List<List<Double>> points) {
		int width = 420;
		int height = 200;
		double top = 0;
		for (List<Double> point : points) {
			top = Math.max(top, point.get(1));
		}
		top = niceCeiling(top);
		StringBuilder svg = svgStart(width, height);
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			double x = 40 + i * (width - 60.0) / Math.max(1, points.size() - 1);
			double y = height - 25 - (top == 0 ? 0 : points.get(i).get(1) / top * (height - 50));
			path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1b6ca8\"/>", x, y));
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">p%s</text>", x - 8,
					height - 8, trim(points.get(i).get(0))));
		}
		svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1b6ca8\" stroke-width=\"2\"/>");
		svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" font-size=\"11\">%s ms</text>", trim(top)));
		return svg.append("</svg>").toString();
	}

	/** A bar per slot of a time series. */
	static String bars(String title, int[] series, String unit) {
		int width = 720;
		int height = 180;
		StringBuilder svg = new StringBuilder("<h3>").append(escape(title)).append("</h3>");
		if (series == null || series.length == 0) {
			return svg.append("<p>none</p>").toString();
		}
		int top = 1;
		for (int v : series) {
			top = Math.max(top, v);
		}
		svg.append(svgStart(width, height));
		double slot = (width - 50.0) / series.length;
		for (int i = 0; i < series.length; i++) {
			double h = series[i] * (height - 40.0) / top;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"#1b6ca8\"/>", 40 + i * slot,
					height - 20 - h, Math.max(0.5, slot * 0.9), h));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" font-size=\"11\">%d</text>", top));
		svg.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"%d\" font-size=\"11\">0 to %d slots of %s</text>",
				height - 4, series.length, unit));
		return svg.append("</svg>").toString();
	}

	private static StringBuilder svgStart(int width, int height) {
		return new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
						+ "<line x1=\"35\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
				width, height, width, height, height - 22, width - 5, height - 22));
	}

	private static double niceCeiling(double value) {
		if (value <= 0) {
			return 0;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String trim(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
