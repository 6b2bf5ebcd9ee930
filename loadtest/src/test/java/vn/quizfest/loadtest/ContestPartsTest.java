package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContestPartsTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path out;

	@Test
	void madeUpIdentitiesAreValidUniqueAndOnlyTheAskedFields() {
		List<String> form = List.of("fullName", "birthYear", "cccd", "phone", "unitCode");
		Set<Object> cccds = new HashSet<>();
		Set<Object> phones = new HashSet<>();
		for (int i = 0; i < 5_000; i++) {
			Map<String, Object> fields = Entrant.fields(i, 42, form, "X001");
			assertThat(fields.keySet()).containsExactlyElementsOf(form);
			String cccd = (String) fields.get("cccd");
			assertThat(cccd).matches("(001|031|066|079|083|060)[0-3][0-9]{8}");
			String phone = (String) fields.get("phone");
			assertThat(phone).matches("0[35789][0-9]{8}");
			cccds.add(cccd);
			phones.add(phone);
			int year = (int) fields.get("birthYear");
			assertThat(cccd.substring(4, 6)).isEqualTo(String.format("%02d", year % 100));
		}
		assertThat(cccds).hasSize(5_000);
		assertThat(phones).hasSize(5_000);
		assertThat(Entrant.fields(3, 42, List.of("fullName", "email"), null)).containsOnlyKeys("fullName", "email");
		String name = (String) Entrant.fields(5, 42, form, "X001").get("fullName");
		assertThat(name).isEqualTo(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC));
	}

	@Test
	void answersCompareByTheirChoicesWhateverTheOrder() {
		assertThat(Entrant.normalise(json.readTree("{\"choice\":17}"))).isEqualTo("c:17");
		assertThat(Entrant.normalise(json.readTree("{\"choice\":\"a7\"}"))).isEqualTo("c:a7");
		assertThat(Entrant.normalise(json.readTree("{\"choices\":[3,1]}")))
			.isEqualTo(Entrant.normalise(json.readTree("{\"choices\":[1,3]}")));
		assertThat(Entrant.normalise(json.readTree("{\"choices\":[4]}"))).isEqualTo("c:4");
		assertThat(Entrant.normalise(null)).isNull();
		assertThat(Entrant.normaliseKey(json.readTree("[9]"))).isEqualTo("c:9");
		assertThat(Entrant.normaliseKey(json.readTree("[9,2]")))
			.isEqualTo(Entrant.normalise(json.readTree("{\"choices\":[2,9]}")));
	}

	@Test
	void aChoiceIsOneOfTheShownOptions() {
		JsonNode single = json.readTree("""
				{"index":0,"type":"SINGLE_CHOICE","options":[{"id":11,"text":"a"},{"id":12,"text":"b"},{"id":13,"text":"c"}]}""");
		Set<String> picked = new HashSet<>();
		for (double u = 0; u < 1; u += 0.05) {
			Map<String, Object> body = Entrant.choice(single, u);
			picked.add(Entrant.normalise(json.valueToTree(body)));
		}
		assertThat(picked).containsExactlyInAnyOrder("c:11", "c:12", "c:13");
		JsonNode multi = json.readTree("""
				{"index":1,"type":"MULTIPLE_SELECT","options":[{"id":1},{"id":2},{"id":3},{"id":4}]}""");
		for (double u = 0; u < 1; u += 0.07) {
			JsonNode body = json.valueToTree(Entrant.choice(multi, u));
			assertThat(body.path("choices").size()).isBetween(1, 2);
		}
		assertThat(Entrant.choice(json.readTree("{\"type\":\"SINGLE_CHOICE\",\"options\":[]}"), 0.5)).isNull();
	}

	@Test
	void theUnitSpreadIsRepeatableUnevenAndCoversTheCommunes() {
		UnitSpread spread = new UnitSpread(100, 42);
		UnitSpread again = new UnitSpread(100, 42);
		assertThat(spread.json()).isEqualTo(again.json());
		List<Map<String, Object>> units = spread.json();
		assertThat(units).hasSize(101);
		assertThat(units.get(0).get("parentCode")).isNull();
		assertThat(units.subList(1, 101)).allSatisfy(u -> assertThat(u.get("parentCode")).isEqualTo(UnitSpread.PROVINCE));
		Map<String, Integer> counts = new HashMap<>();
		Dice dice = new Dice(1);
		for (int i = 0; i < 100_000; i++) {
			counts.merge(spread.pick(dice.roll(i, 0, 1)).code(), 1, Integer::sum);
		}
		assertThat(counts).hasSize(100);
		int most = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
		int least = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
		// 1/rank^0.8 over 100 communes: the busiest brings about 40 times the quietest.
		assertThat(most).isGreaterThan(20 * least);
		assertThat(spread.pick(0).code()).isNotNull();
		assertThat(spread.pick(0.999999).code()).isNotNull();
	}

	@Test
	void ratesAreTheMeanFromTheFirstEventAndTheBusiestWindow() {
		int[] perSecond = { 0, 0, 10, 20, 30, 40, 0 };
		Map<String, Object> rates = ContestMetrics.rates(perSecond, 2);
		assertThat(rates.get("total")).isEqualTo(100L);
		assertThat(rates.get("meanPerSecond")).isEqualTo(20.0);
		assertThat(rates.get("busiest2sPerSecond")).isEqualTo(35.0);
		assertThat(ContestMetrics.rates(new int[0], 10).get("meanPerSecond")).isEqualTo(0.0);
		assertThat(ContestMetrics.rates(new int[] { 5 }, 10).get("busiest10sPerSecond")).isEqualTo(5.0);
	}

	@Test
	void requestKindsHideTheIds() {
		assertThat(PublicClient.kind("/api/public/attempts/01HXYZ9/answers/3"))
			.isEqualTo("/api/public/attempts/{}/answers/{}");
		assertThat(PublicClient.kind("/api/public/contests/thu-tai-abc/rounds/5/attempts"))
			.isEqualTo("/api/public/contests/{}/rounds/{}/attempts");
	}

	@Test
	void pagesAreCountedWhateverTheirShape() {
		assertThat(ContestAudit.total(json.readTree("{\"items\":[],\"total\":12}"))).isEqualTo(12);
		assertThat(ContestAudit.total(json.readTree("{\"content\":[],\"totalElements\":7}"))).isEqualTo(7);
		assertThat(ContestAudit.total(json.readTree("[1,2,3]"))).isEqualTo(3);
		assertThat(ContestAudit.total(json.readTree("{\"x\":1}"))).isEqualTo(-1);
	}

	@Test
	void theContestReportHasRatesLatencyAndTheAudit() throws Exception {
		ContestMetrics metrics = new ContestMetrics(60);
		for (int i = 0; i < 300; i++) {
			metrics.recordNanos("save", (i % 30 + 1) * 1_000_000L);
			metrics.savedNow();
		}
		metrics.recordNanos("start", 5_000_000L);
		metrics.startedNow();
		metrics.count("errors", "save: 409 attempt.closed");
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("run", new LinkedHashMap<>(Map.of("mode", "contest", "entrants", 300)));
		doc.put("entrants", new LinkedHashMap<>(Map.of("submitted", 299)));
		Map<String, Object> starts = ContestMetrics.rates(metrics.startTimeline(), 10);
		starts.put("perSecond", metrics.startTimeline());
		Map<String, Object> saves = ContestMetrics.rates(metrics.saveTimeline(), 10);
		saves.put("perSecond", metrics.saveTimeline());
		doc.put("rates", Map.of("attemptStarts", starts, "answerSaves", saves));
		Map<String, Object> latency = new LinkedHashMap<>();
		metrics.histograms().forEach((name, h) -> {
			Map<String, Object> entry = Summary.percentiles(h);
			entry.put("what", ContestMetrics.REQUESTS.get(name));
			latency.put(name, entry);
		});
		doc.put("latencyMs", latency);
		doc.put("errors", Map.of("byRequestAndCode", metrics.counts("errors")));
		doc.put("audit", Map.of("lost", 0, "acknowledged", 300));
		doc.put("phase", Map.of());
		doc.put("memory", Map.of());
		doc.put("serverMetrics", Map.of("after", Map.of("process_cpu_usage", 0.5)));
		Summary summary = new Summary(doc, new ArrayList<>(List.of("unexpected replies: {save: 409 attempt.closed=1}")));

		Main.write(summary, out);

		JsonNode written = json.readTree(Files.readString(out.resolve("summary.json")));
		assertThat(written.path("latencyMs").path("save").path("count").asLong()).isEqualTo(300);
		assertThat(written.path("latencyMs").path("save").path("p99").asDouble()).isBetween(29.0, 31.0);
		assertThat(written.path("rates").path("answerSaves").path("total").asLong()).isEqualTo(300);
		assertThat(written.path("verdict").path("ok").asBoolean()).isFalse();
		String html = Files.readString(out.resolve("report.html"));
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("online contest", "Answer saves per second", "Attempt starts per second", "<svg",
					"save one answer", "409 attempt.closed")
			.doesNotContain("<script", "https://");
	}
}
