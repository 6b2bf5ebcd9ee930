package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * What happens on its own, with the server's clock moved forward: rounds open and close at their
 * times (once, even when several nodes try), and identity details of non-winners are erased after the
 * retention period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quizfest.admin.initial-password=" + ContestFixture.ADMIN_PASSWORD,
				"quizfest.contests.jobs-enabled=false",
				"spring.datasource.url=jdbc:h2:mem:contest-jobs;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"quizfest.questions.load-seed-bank=false" })
@Import(ContestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContestJobsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ContestClock clock;

	@Autowired
	ContestJobs jobs;

	@Autowired
	RoundClosing closing;

	@Autowired
	JdbcClient jdbc;

	ContestFixture fixture;

	@BeforeAll
	void setUp() {
		fixture = ContestFixture.create(port, "Sở KH&CN tỉnh Hải Phòng", 4);
	}

	/** Moves the server's clock; the organiser logs in again, as the session has an absolute lifetime. */
	void advance(Duration duration) {
		clock.advance(duration);
		fixture.organiserLogsInAgain();
	}

	record Setup(long contestId, String slug, long roundId) {
	}

	Setup contest(String title, int retentionDays, Instant opensAt, Instant closesAt) {
		Map<String, Object> request = new java.util.HashMap<>(ContestFixture.contest(title, "CCCD"));
		request.put("retentionDays", retentionDays);
		ApiClient.Response created = fixture.organiser.post("/api/contests", request);
		long contestId = ContestFixture.created(created);
		fixture.organiser.put("/api/contests/" + contestId + "/units", ContestFixture.units(2));
		long roundId = ContestFixture.created(fixture.organiser.post("/api/contests/" + contestId + "/rounds",
				fixture.round("Vòng 1", opensAt, closesAt, 2, 300, Map.of("kind", "BEST_OF", "maxAttempts", 2))));
		return new Setup(contestId, created.body().path("slug").asString(), roundId);
	}

	String state(Setup setup) {
		return fixture.organiser.get("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId()).body().path("state").asString();
	}

	EntrantClient entrant(Setup setup, String name, int n) {
		EntrantClient phone = new EntrantClient(port);
		EntrantClient.Response r = phone.post("/api/public/contests/" + setup.slug() + "/entrants",
				ContestFixture.registration(name, 1990, ContestFixture.cccd(n), "X1"));
		assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
		return phone.token(r.body().path("token").asString());
	}

	/** Starts an attempt, answers {@code right} questions right, submits. */
	long play(Setup setup, EntrantClient phone, int right) {
		JsonNode attempt = phone.post("/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts", null).body();
		long id = attempt.path("attemptId").asLong();
		int k = 0;
		for (JsonNode q : attempt.path("questions")) {
			phone.put("/api/public/attempts/" + id + "/answers/" + q.path("index").asInt(),
					Map.of("choice", ContestRoundContract.option(q, k++ < right)));
		}
		assertThat(phone.post("/api/public/attempts/" + id + "/submit", null).status()).isEqualTo(200);
		return id;
	}

	@Test
	void aRoundOpensAtItsTimeAndClosesAfterItsEndOnItsOwn() {
		Instant now = clock.instant();
		Setup setup = contest("Tự mở, tự đóng", 30, now.plus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS));
		EntrantClient phone = entrant(setup, "Mai Văn Tự", 1);
		String start = "/api/public/contests/" + setup.slug() + "/rounds/" + setup.roundId() + "/attempts";
		assertThat(phone.post(start, null).code()).isEqualTo("round.not-open");
		jobs.runOnce();
		assertThat(state(setup)).isEqualTo("SCHEDULED");

		advance(Duration.ofHours(1));
		jobs.runOnce();
		assertThat(state(setup)).isEqualTo("OPEN");
		// BEST_OF 2: two attempts, the better one counts; a third is refused.
		play(setup, phone, 1);
		long better = play(setup, phone, 4);
		assertThat(phone.post(start, null).code()).isEqualTo("attempt.limit-reached");

		advance(Duration.ofHours(2));
		jobs.runOnce();
		assertThat(state(setup)).as("closes only after the grace").isEqualTo("OPEN");
		advance(Duration.ofMinutes(1));
		jobs.runOnce();
		assertThat(state(setup)).isEqualTo("CLOSED");
		JsonNode ranking = fixture.organiser.get("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/ranking").body();
		assertThat(ranking.path("total").asLong()).isEqualTo(1);
		assertThat(ranking.path("rows").get(0).path("attemptId").asLong()).isEqualTo(better);
		assertThat(ranking.path("rows").get(0).path("score").asInt()).isEqualTo(40);
	}

	@Test
	void whenSeveralNodesTryToCloseARoundOnlyOneDoes() throws Exception {
		Instant now = clock.instant();
		Setup setup = contest("Đóng một lần", 30, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));
		jobs.runOnce();
		assertThat(state(setup)).isEqualTo("OPEN");
		play(setup, entrant(setup, "Lý Thị Một", 2), 3);
		advance(Duration.ofHours(2));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<RoundClosing.Summary>> nodes = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				nodes.add(() -> closing.closeIfDue(setup.roundId()));
			}
			int closedBy = 0;
			for (Future<RoundClosing.Summary> f : pool.invokeAll(nodes, 2, TimeUnit.MINUTES)) {
				closedBy += f.get() == null ? 0 : 1;
			}
			assertThat(closedBy).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(state(setup)).isEqualTo("CLOSED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM contest_result WHERE round_id = ?").param(setup.roundId()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void identityDetailsOfNonWinnersAreErasedAfterTheRetentionPeriod() {
		Instant now = clock.instant();
		Setup setup = contest("Lưu dữ liệu 10 ngày", 10, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));
		jobs.runOnce();
		// Seven entrants: six prizes (1 + 2 + 3), the worst one wins nothing.
		List<EntrantClient> phones = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			EntrantClient phone = entrant(setup, "Người thứ " + i, 500 + i);
			play(setup, phone, i == 6 ? 0 : 4);
			phones.add(phone);
		}
		ApiClient.Response closed = fixture.organiser.post("/api/contests/" + setup.contestId() + "/rounds/" + setup.roundId() + "/close", Map.of());
		assertThat(closed.body().path("winners").asLong()).isEqualTo(6);

		advance(Duration.ofDays(9));
		jobs.runOnce();
		assertThat(names(setup)).as("within the retention period").hasSize(7);

		advance(Duration.ofDays(1).plusMinutes(1));
		jobs.runOnce();
		List<String> kept = names(setup);
		assertThat(kept).hasSize(6).doesNotContain("Người thứ 6");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM contest_entrant WHERE contest_id = ? AND cccd IS NULL AND phone IS NULL "
				+ "AND birth_year IS NULL AND erased_at IS NOT NULL").param(setup.contestId()).query(Long.class).single()).isEqualTo(1);
		// Counts stay true: the row and its unit remain.
		assertThat(fixture.organiser.get("/api/contests/" + setup.contestId() + "/reports/overview").body().path("entrants").asLong())
			.isEqualTo(7);
		JsonNode contest = fixture.organiser.get("/api/contests/" + setup.contestId()).body();
		assertThat(contest.path("identityErasedAt").isNull()).isFalse();
		// The erased entrant's token no longer works; new registrations are refused.
		assertThat(phones.get(6).get("/api/public/contests/" + setup.slug() + "/me").status()).isEqualTo(401);
		EntrantClient.Response again = new EntrantClient(port).post("/api/public/contests/" + setup.slug() + "/entrants",
				ContestFixture.registration("Người mới", 1990, ContestFixture.cccd(9_000), "X1"));
		assertThat(again.code()).isEqualTo("contest.ended");
	}

	List<String> names(Setup setup) {
		return jdbc.sql("SELECT full_name FROM contest_entrant WHERE contest_id = ? AND full_name IS NOT NULL")
			.param(setup.contestId())
			.query(String.class)
			.list();
	}
}
