package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

	@TempDir
	Path out;

	@Test
	void percentilesComeFromTheHistogramInMilliseconds() {
		Histogram histogram = new Histogram(3_600_000_000L, 3);
		for (int i = 1; i <= 1000; i++) {
			histogram.recordValue(i * 1000L); // 1 ms .. 1000 ms
		}
		Map<String, Object> p = Summary.percentiles(histogram);
		assertThat(p.get("count")).isEqualTo(1000L);
		assertThat((double) p.get("p50")).isBetween(499.0, 501.0);
		assertThat((double) p.get("p90")).isBetween(899.0, 901.0);
		assertThat((double) p.get("p99")).isBetween(989.0, 991.0);
		assertThat((double) p.get("max")).isBetween(999.0, 1001.0);
	}

	@Test
	void writesJsonAndASelfContainedHtmlReport() throws Exception {
		Metrics metrics = new Metrics(60);
		for (int i = 0; i < 500; i++) {
			metrics.recordNanos(Metrics.ACK, (i % 50 + 1) * 1_000_000L);
			metrics.joinedNow();
			metrics.answerSentNow();
		}
		metrics.count("errors", "BAD_PIN");
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("run", new LinkedHashMap<>(Map.of("players", 500)));
		doc.put("joins", new LinkedHashMap<>(Map.of("joined", 500, "perSecond", metrics.joinTimeline())));
		Map<String, Object> latency = new LinkedHashMap<>();
		metrics.histograms().forEach((name, h) -> {
			Map<String, Object> entry = Summary.percentiles(h);
			entry.put("what", Metrics.DESCRIPTIONS.get(name) + " <&>");
			latency.put(name, entry);
		});
		doc.put("latencyMs", latency);
		doc.put("answers", new LinkedHashMap<>(Map.of("sent", 500, "sentPerTenthSecond", metrics.answerTimeline())));
		doc.put("lostAnswers", Map.of("lost", 0));
		doc.put("connections", Map.of());
		doc.put("errors", Map.of("players", metrics.counts("errors")));
		doc.put("memory", Map.of());
		doc.put("serverMetrics", Map.of("after", Map.of("quiz_joins_total", 500.0)));
		Summary summary = new Summary(doc, new ArrayList<>(List.of("error frames: {BAD_PIN=1}")));

		Main.write(summary, out);

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
		assertThat(json.path("latencyMs").path("ack").path("count").asLong()).isEqualTo(500);
		assertThat(json.path("latencyMs").path("ack").path("p99").asDouble()).isBetween(49.0, 51.0);
		assertThat(json.path("verdict").path("ok").asBoolean()).isFalse();
		assertThat(json.path("joins").path("perSecond").get(0).asInt()).isEqualTo(500);
		String html = Files.readString(out.resolve("report.html"));
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<svg", "p99", "error frames: {BAD_PIN=1}", "Players joined per second", "&lt;&amp;&gt;")
			.doesNotContain("<script", "http://cdn", "https://");
		assertThat(metrics.busiestAnswerWindow(20)).isEqualTo(500);
	}

	@Test
	void theBenchmarkTableHasOneRowPerRunInModeAndSizeOrder() throws Exception {
		String summary = """
				{"joins":{"joined":%d,"secondsToAllJoined":1.5},"latencyMs":{"fanout.question":{"p50":1.0,"p90":2.0,"p99":3.0,"max":4.0}},
				 "answers":{"busiest2sWindow":7},"lostAnswers":{"lost":0},"connections":{"unexpectedCloses":{"1006":2}},
				 "memory":{"rssPerPlayerKb":30.5,"heapPerPlayerKb":20.1}}""";
		for (String run : List.of("embedded-10000", "embedded-1000", "cluster-5000")) {
			Path dir = Files.createDirectories(out.resolve(run));
			Files.writeString(dir.resolve("summary.json"), summary.formatted(Integer.parseInt(run.split("-")[1])));
			Files.writeString(dir.resolve("uptime.txt"), "== x:  21:00 up 2:00,  0 user,  load average: 1.25, 1.0, 0.5\n");
		}

		String[] rows = BenchTable.table(out).split("\n");

		assertThat(rows).hasSize(5);
		assertThat(rows[2]).startsWith("| cluster-5000 | 5000 | 1.5 | 1.0 / 2.0 / 3.0 / 4.0 |").contains("| 2 | 30.5 | 20.1 | 1.25 |");
		assertThat(rows[3]).startsWith("| embedded-1000 |");
		assertThat(rows[4]).startsWith("| embedded-10000 |");
	}

	@Test
	void answersAimRightOrWrongByTheKeyEvenWhenOptionsAreShuffled() {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode question = json.readTree("""
				{"type":"ORDERING","options":["a","b","c"],"answer":{"correct":[0,1,2]}}""");
		AnswerBook book = new AnswerBook(List.of(AnswerBook.Key.of(question)));
		JsonNode open = json.readTree("""
				{"type":"open","q":0,"qtype":"ORDERING","options":["c","a","b"]}""");
		assertThat(book.answerFields(0, open, true, 0.3)).isEqualTo("\"order\":[1, 2, 0]");
		assertThat(book.answerFields(0, open, false, 0.3)).isEqualTo("\"order\":[0, 2, 1]");

		JsonNode single = json.readTree("""
				{"type":"SINGLE_CHOICE","options":["x","y","z"],"answer":{"correct":[1]}}""");
		AnswerBook singles = new AnswerBook(List.of(AnswerBook.Key.of(single)));
		JsonNode shown = json.readTree("""
				{"type":"open","q":0,"qtype":"SINGLE_CHOICE","options":["x","y","z"]}""");
		assertThat(singles.answerFields(0, shown, true, 0.9)).isEqualTo("\"choice\":1");
		for (double pick : new double[] { 0, 0.49, 0.5, 0.99 }) {
			assertThat(singles.answerFields(0, shown, false, pick)).isIn("\"choice\":0", "\"choice\":2");
		}
	}
}
