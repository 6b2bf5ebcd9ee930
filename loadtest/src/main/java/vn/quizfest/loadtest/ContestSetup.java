package vn.quizfest.loadtest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Creates a contest for a run or a benchmark through the organiser API (docs/contests.md). */
final class ContestSetup {

	private ContestSetup() {
	}

	/**
	 * A new contest: CCCD as the identity key, the unit list, one open round drawn from the visible
	 * banks, open since {@code opensAgoSeconds} and closing {@code closesInSeconds} from now.
	 */
	static ContestSimulator.Target create(ServerApi api, UnitSpread spread, int questions, int timeLimitSeconds,
			long opensAgoSeconds, long closesInSeconds) {
		String suffix = Long.toString(System.currentTimeMillis(), 36);
		Map<String, Object> contest = new LinkedHashMap<>();
		contest.put("slug", "thu-tai-" + suffix);
		contest.put("title", "Thử tải cuộc thi trực tuyến " + suffix);
		contest.put("rulesText", "Cuộc thi do công cụ thử tải tạo ra.");
		contest.put("form", List.of(field("fullName"), field("birthYear"), field("cccd"), field("phone"),
				field("unitCode")));
		contest.put("identityKey", "CCCD");
		contest.put("consent", Map.of("purpose", "Tổ chức cuộc thi và trao giải.", "retention",
				"Xoá sau 365 ngày, trừ người đoạt giải.", "controller", "Sở Khoa học và Công nghệ (thử tải)"));
		contest.put("retentionDays", 365);
		JsonNode created;
		try {
			created = api.call("POST", "/api/contests", contest, 201);
		}
		catch (ServerApi.ApiFailure ex) {
			if (!ex.getMessage().contains("contest.no-organisation")) {
				throw ex;
			}
			// An administrator belongs to no organisation: the contest goes to a test organisation.
			contest.put("organisationId", organisation(api));
			created = api.call("POST", "/api/contests", contest, 201);
		}
		String id = created.path("id").asString();
		String slug = created.path("slug").asString(contest.get("slug").toString());
		api.call("PUT", "/api/contests/" + id + "/units", spread.json(), 200);
		List<Long> banks = new ArrayList<>();
		JsonNode listed = api.call("GET", "/api/banks", null, 200);
		JsonNode items = listed.has("items") ? listed.path("items") : listed;
		items.forEach(bank -> {
			if (bank.path("questionCount").asInt(1) > 0) {
				banks.add(bank.path("id").asLong());
			}
		});
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("bankIds", banks);
		plan.put("language", "vi");
		plan.put("quotas", List.of(Map.of("topics", List.of(), "count", questions)));
		plan.put("pointsPerQuestion", 10);
		plan.put("timeLimitSeconds", timeLimitSeconds);
		plan.put("shuffleOptions", true);
		plan.put("shuffleQuestions", true);
		Map<String, Object> round = new LinkedHashMap<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
		round.put("name", "Tuần 1");
		round.put("opensAt", now.minusSeconds(opensAgoSeconds).toString());
		round.put("closesAt", now.plusSeconds(closesInSeconds).toString());
		round.put("plan", plan);
		round.put("attemptPolicy", Map.of("kind", "ONE_PER_ROUND", "maxAttempts", 1));
		round.put("predictionKind", "PERFECT_SCORES");
		round.put("tieBreak", List.of("SCORE", "PREDICTION", "TIME_USED", "SUBMITTED_AT"));
		round.put("prizes", List.of(Map.of("name", "Giải Nhất", "count", 1, "unitPoints", 10),
				Map.of("name", "Giải Nhì", "count", 2, "unitPoints", 8),
				Map.of("name", "Giải Ba", "count", 3, "unitPoints", 6),
				Map.of("name", "Giải Khuyến khích", "count", 5, "unitPoints", 0)));
		round.put("showAnswersAfterClose", true);
		JsonNode createdRound = api.call("POST", "/api/contests/" + id + "/rounds", round, 201);
		String roundId = createdRound.path("id").asString();
		try {
			api.call("POST", "/api/contests/" + id + "/rounds/" + roundId + "/open", null, 200);
		}
		catch (ServerApi.ApiFailure ex) {
			// A round that opens in the past is opened by the server's own job too; when the job wins, the
			// explicit open is refused (or, seen on MariaDB, fails on the snapshot's lock): wait for OPEN.
			waitUntilOpen(api, "/api/contests/" + id + "/rounds/" + roundId, ex);
		}
		return new ContestSimulator.Target(id, slug, roundId);
	}

	private static void waitUntilOpen(ServerApi api, String path, ServerApi.ApiFailure failure) {
		long until = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < until) {
			if ("OPEN".equals(api.call("GET", path, null, 200).path("state").asString())) {
				return;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw failure;
	}

	/** The id of the organisation "Sở Khoa học và Công nghệ (thử tải)", created when there is none (ADMIN only). */
	private static long organisation(ServerApi api) {
		String name = "Sở Khoa học và Công nghệ (thử tải)";
		for (JsonNode organisation : api.call("GET", "/api/organisations", null, 200)) {
			if (name.equals(organisation.path("name").asString())) {
				return organisation.path("id").asLong();
			}
		}
		return api.call("POST", "/api/organisations", Map.of("name", name, "kind", "PROVINCE"), 201).path("id").asLong();
	}

	private static Map<String, Object> field(String name) {
		return Map.of("field", name, "required", true);
	}

}
