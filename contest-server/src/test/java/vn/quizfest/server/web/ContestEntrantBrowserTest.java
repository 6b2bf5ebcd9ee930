package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * An entrant on a phone at the contest's public link, against the real server and its public API:
 * registering (with bad input first), answering, a reload in the middle (same question, the
 * countdown never above the time really left), 10 seconds offline with answers made meanwhile that
 * reach the server when the network is back, another phone with the same identity, English,
 * submitting; and a round whose time runs out, which the server submits, with the right answers
 * shown once the round is closed.
 */
class ContestEntrantBrowserTest extends ContestPageSupport {

	/** Slack for the page's 250 ms clock tick and the clock-sync error on one machine. */
	static final long COUNTDOWN_SLACK_MILLIS = 400;

	static final String NAME = "Nguyễn Thị Hoa";

	static final String CCCD = "066185000123";

	static final LocatorAssertions.HasAttributeOptions LONG_WAIT = new LocatorAssertions.HasAttributeOptions().setTimeout(40_000);

	@Test
	void anEntrantRegistersAnswersReloadsGoesOfflineSwitchesPhoneAndSubmits() throws Exception {
		Contest contest = openContest(600, false);
		addRound(contest.organiser(), contest.id(), "Tuần 2", OffsetDateTime.now(VIETNAM).plusDays(8), 600, false);
		Page page = phone();
		List<String> loaded = new CopyOnWriteArrayList<>();
		page.onRequest(request -> loaded.add(URI.create(request.url()).getPath()));
		page.navigate(base() + "/c/" + contest.slug());
		onScreen(page, "landing");
		expect(page.locator("h1")).hasText("Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Đắk Lắk 2026");
		expect(page.locator(".round-open .round-state")).containsText("Đang mở, đóng lúc");
		expect(page.locator(".round-scheduled .round-state")).containsText("Mở lúc");
		expect(page.locator(".round-scheduled button")).hasCount(0);
		expect(page.locator(".rules")).containsText("5 câu hỏi trắc nghiệm");
		assertThat(page.evaluate("() => document.activeElement.tagName")).isEqualTo("H1");
		shot(page, "01-landing");
		AxeCheck.assertNoViolations(page, "01-landing");

		page.locator("button[data-round]").click();
		onScreen(page, "form");
		expect(page.locator("#consent-text")).containsText("Sở Khoa học và Công nghệ tỉnh Đắk Lắk");
		expect(page.locator("#consent-text")).containsText("12 tháng sau khi cuộc thi kết thúc.");
		// Bad input: each field says what is wrong, on the phone, before anything is sent.
		page.locator("#f-fullName").fill(Normalizer.normalize("  Nguyễn   Thị Hoa ", Normalizer.Form.NFD));
		page.locator("#f-birthYear").fill("85");
		page.locator("#f-cccd").fill("12345");
		page.locator("#f-phone").fill("0123456789");
		page.locator("#f-email").fill("hoa@");
		page.locator("form button[type=submit]").click();
		expect(page.locator("#e-birthYear")).hasText("Năm sinh phải là bốn chữ số, từ 1900 đến năm nay.");
		expect(page.locator("#e-cccd")).hasText("Số Căn cước phải gồm đúng 12 chữ số.");
		expect(page.locator("#e-phone")).containsText("số di động Việt Nam gồm 10 chữ số");
		expect(page.locator("#e-email")).hasText("Địa chỉ thư điện tử chưa đúng.");
		expect(page.locator("#e-unitCode")).hasText("Vui lòng điền mục này.");
		expect(page.locator("#e-consent")).hasText("Bạn cần đồng ý để tham gia cuộc thi.");
		expect(page.locator("#f-cccd")).hasAttribute("aria-invalid", "true");
		assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("f-birthYear");
		expect(page.locator("#e-fullName")).isEmpty();
		shot(page, "02-form-errors");
		AxeCheck.assertNoViolations(page, "02-form-errors");

		page.locator("#f-birthYear").fill("1985");
		page.locator("#f-cccd").fill("999 185 000 123");
		page.locator("form button[type=submit]").click();
		expect(page.locator("#e-cccd")).hasText("Ba chữ số đầu của số Căn cước không phải mã tỉnh, thành phố nào.");

		// A unit the server does not know (a list changed since the page loaded): the server's own
		// message is shown under the field.
		page.locator("#f-cccd").fill("066 185 000 123");
		page.locator("#f-phone").fill("+84 912 345 678");
		page.locator("#f-email").fill("");
		page.locator("#f-unitCode").evaluate("(select) => { select.appendChild(new Option('Xã đã sáp nhập', 'GONE')); }");
		page.locator("#f-unitCode").selectOption("GONE");
		page.locator("#f-consent").check();
		page.locator("form button[type=submit]").click();
		expect(page.locator("#e-unitCode")).not().isEmpty();
		expect(page.locator("#e-cccd")).isEmpty();
		onScreen(page, "form");
		expect(page.locator("#f-cccd")).hasValue("066 185 000 123");

		page.locator("#f-unitCode").selectOption("24124");
		page.locator("#f-unitCode-1").selectOption("TH-HP");
		if (!page.locator("#f-consent").isChecked()) {
			page.locator("#f-consent").check();
		}
		page.locator("form button[type=submit]").click();
		// Registered; the clock starts only with "start".
		onScreen(page, "start");
		expect(page.locator("h1")).hasText("Tuần 1");
		expect(page.locator(".lead")).hasText("5 câu hỏi, 10 phút");
		assertThat(stored(page, contest.slug()).path("attemptId").isMissingNode()).isTrue();
		shot(page, "03-start");
		AxeCheck.assertNoViolations(page, "03-start");
		page.locator("button[data-begin]").click();
		onScreen(page, "question");
		expect(page.locator(".counter")).hasText("Câu 1/5");
		JsonNode saved = stored(page, contest.slug());
		String token = saved.path("token").asString();
		String attemptId = saved.path("attemptId").asString();
		assertThat(token).isNotBlank();
		assertThat(attemptId).isNotBlank();
		JsonNode attempt = attemptOnServer(token, attemptId);
		assertThat(attempt.path("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(attempt.path("questions")).hasSize(5);
		assertThat(attempt.toString()).as("no answer key while the round is open").doesNotContain("\"correct\"");
		long deadline = OffsetDateTime.parse(attempt.path("deadline").asString()).toInstant().toEpochMilli();
		assertCountdownAtMostTimeLeft(page, deadline);
		shot(page, "04-question-1");
		AxeCheck.assertNoViolations(page, "04-question-1");

		// Question 1 and 2 (multiple select) answered and saved at once.
		answerRight(page);
		expect(page.locator("#save")).hasAttribute("data-state", "saved");
		assertThat(savedChoices(attemptOnServer(token, attemptId), 0)).isEqualTo(rightIds(attempt, 0));
		page.locator("button[data-next]").click();
		expect(page.locator(".counter")).hasText("Câu 2/5");
		answerRight(page);
		expect(page.locator("#save")).hasAttribute("data-state", "saved");
		assertThat(savedChoices(attemptOnServer(token, attemptId), 1)).containsExactlyInAnyOrderElementsOf(rightIds(attempt, 1));
		shot(page, "05-question-2");
		AxeCheck.assertNoViolations(page, "05-question-2");

		// A reload: the same question, its choices, and only the time really left.
		page.reload();
		onScreen(page, "question");
		expect(page.locator(".counter")).hasText("Câu 2/5");
		for (String text : RIGHT.get(questionText(page))) {
			expect(tile(page, text)).hasAttribute("aria-pressed", "true");
		}
		assertCountdownAtMostTimeLeft(page, deadline);
		expect(page.locator(".progress-text")).hasText("Đã trả lời 2/5 câu");

		// Offline for 10 seconds: the answers stay on the phone and reach the server afterwards.
		long offlineAt = System.currentTimeMillis();
		page.context().setOffline(true);
		page.locator("button[data-next]").click();
		expect(page.locator(".counter")).hasText("Câu 3/5");
		answerRight(page);
		expect(page.locator("#save")).hasAttribute("data-state", "offline");
		expect(page.locator("#save-text")).containsText("giữ trên máy");
		page.locator("button[data-next]").click();
		answerRight(page);
		expect(page.locator(".jump-done")).hasCount(4);
		JsonNode whileOffline = attemptOnServer(token, attemptId);
		assertThat(savedChoices(whileOffline, 2)).as("not on the server yet").isEmpty();
		assertThat(savedChoices(whileOffline, 3)).isEmpty();
		shot(page, "06-offline");
		AxeCheck.assertNoViolations(page, "06-offline");
		// The scenario itself is 10 s without a network, so this wait is the point, not a synchronisation.
		page.waitForTimeout(Math.max(0, 10_000 - (System.currentTimeMillis() - offlineAt)));
		expect(page.locator("#save")).hasAttribute("data-state", "offline");
		page.context().setOffline(false);
		expect(page.locator("#save")).hasAttribute("data-state", "saved", LONG_WAIT);
		JsonNode back = attemptOnServer(token, attemptId);
		assertThat(savedChoices(back, 2)).isEqualTo(rightIds(attempt, 2));
		assertThat(savedChoices(back, 3)).isEqualTo(rightIds(attempt, 3));

		// Another phone, in English: the same identity gets the same attempt with the same time left.
		Page second = phone();
		second.navigate(base() + "/c/" + contest.slug());
		onScreen(second, "landing");
		second.locator("#lang").click();
		expect(second.locator("h2").first()).hasText("Rounds");
		expect(second.locator("html")).hasAttribute("lang", "en");
		second.reload();
		onScreen(second, "landing");
		expect(second.locator("button[data-round]")).hasText("Start");
		second.locator("button[data-round]").click();
		onScreen(second, "form");
		second.locator("#f-fullName").fill(NAME);
		second.locator("#f-birthYear").fill("1985");
		second.locator("#f-cccd").fill(CCCD);
		second.locator("#f-phone").fill("0912345678");
		second.locator("#f-unitCode").selectOption("24124");
		second.locator("#f-unitCode-1").selectOption("TH-HP");
		second.locator("#f-consent").check();
		shot(second, "07-form-english");
		AxeCheck.assertNoViolations(second, "07-form-english");
		second.locator("form button[type=submit]").click();
		onScreen(second, "question");
		expect(second.locator(".counter")).hasText("Question 1/5");
		assertThat(stored(second, contest.slug()).path("attemptId").asString()).isEqualTo(attemptId);
		expect(second.locator(".jump-done")).hasCount(4);
		assertCountdownAtMostTimeLeft(second, deadline);
		second.locator(".jump-button").nth(4).click();
		expect(second.locator(".counter")).hasText("Question 5/5");
		answerRight(second);
		expect(second.locator("#save")).hasAttribute("data-state", "saved");
		second.locator("button[data-next]").click();
		onScreen(second, "prediction");
		second.locator("#prediction").fill("abc");
		second.getByText("Save and submit").click();
		expect(second.locator("#prediction-error")).hasText("Enter a whole number from 0 to 1,000,000,000.");
		onScreen(second, "prediction");
		second.locator("#prediction").fill("1234");
		shot(second, "08-prediction");
		AxeCheck.assertNoViolations(second, "08-prediction");
		second.getByText("Save and submit").click();
		onScreen(second, "confirm");
		expect(second.locator(".lead")).hasText("You answered 5 of 5 questions.");
		// Submitted without a network: the phone keeps it and submits when the network is back.
		second.context().setOffline(true);
		second.locator("button[data-confirm]").click();
		onScreen(second, "submitting");
		expect(second.locator(".lead")).containsText("will be submitted when the network is back");
		shot(second, "09-submit-offline");
		AxeCheck.assertNoViolations(second, "09-submit-offline");
		assertThat(attemptOnServer(token, attemptId).path("state").asString()).isEqualTo("IN_PROGRESS");
		second.context().setOffline(false);
		onScreen(second, "result", 40_000);
		expect(second.locator(".final-score")).hasText("50/50 points");
		expect(second.locator(".review-later")).isVisible();
		expect(second.locator(".deadline-note")).hasCount(0);
		shot(second, "10-result");
		AxeCheck.assertNoViolations(second, "10-result");

		JsonNode submitted = attemptOnServer(token, attemptId);
		assertThat(submitted.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.path("result").path("score").asInt()).isEqualTo(50);
		assertThat(submitted.path("prediction").path("value").asLong()).isEqualTo(1234);
		assertThat(submitted.has("review")).as("no review while the round is open").isFalse();

		// The first phone learns it too, and finds the result after a reload.
		page.reload();
		onScreen(page, "result");
		expect(page.locator(".final-score")).hasText("50/50 điểm");
		// Back at the contest: the phone remembers who registered (the name as the server keeps it:
		// composed, single spaces), the round's one attempt is used, its result is one tap away.
		page.getByText("Về trang cuộc thi").click();
		onScreen(page, "landing");
		expect(page.locator(".registered")).containsText("Bạn đã đăng ký: " + NAME);
		expect(page.locator(".round-open .round-done")).hasText("Bạn đã dùng hết lượt thi của vòng này.");
		expect(page.locator(".round-open button[data-round]")).hasCount(0);
		page.locator("button[data-attempt]").click();
		onScreen(page, "result");

		Set<String> files = ContestPageIntegrationTest.pageFiles();
		assertThat(loaded.stream().filter(path -> !path.startsWith("/api/") && !path.startsWith("/c/")).distinct())
			.as("the weight test counts every file the page loads").allMatch(files::contains);
	}

	@Test
	void theServerSubmitsAtTheDeadlineAndTheAnswersShowOnceTheRoundIsClosed() {
		Contest contest = openContest(30, true);
		Page page = phone();
		page.navigate(base() + "/c/" + contest.slug());
		onScreen(page, "landing");
		page.locator("button[data-round]").click();
		onScreen(page, "form");
		page.locator("#f-fullName").fill("Trần Văn Bình");
		page.locator("#f-birthYear").fill("1990");
		page.locator("#f-cccd").fill("066190000456");
		page.locator("#f-phone").fill("0987654321");
		page.locator("#f-unitCode").selectOption("24123");
		page.locator("#f-consent").check();
		page.locator("form button[type=submit]").click();
		onScreen(page, "start");
		page.locator("button[data-begin]").click();
		onScreen(page, "question");
		answerRight(page);
		expect(page.locator("#save")).hasAttribute("data-state", "saved");
		page.locator("button[data-next]").click();
		// A wrong choice on question 2, then nothing more: the deadline passes.
		answerWrong(page);
		expect(page.locator("#save")).hasAttribute("data-state", "saved");

		onScreen(page, "result", 40_000);
		expect(page.locator(".deadline-note")).hasText("Bài của bạn đã được máy chủ nộp khi hết giờ, với các câu trả lời đã lưu.");
		expect(page.locator(".final-score")).hasText("10/50 điểm");
		shot(page, "11-submitted-at-deadline");
		AxeCheck.assertNoViolations(page, "11-submitted-at-deadline");
		JsonNode saved = stored(page, contest.slug());
		JsonNode attempt = attemptOnServer(saved.path("token").asString(), saved.path("attemptId").asString());
		assertThat(attempt.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(attempt.path("result").path("score").asInt()).isEqualTo(10);

		var closed = contest.organiser().post("/api/contests/" + contest.id() + "/rounds/" + contest.roundId() + "/close", java.util.Map.of());
		assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
		page.getByText("Về trang cuộc thi").click();
		onScreen(page, "landing");
		expect(page.locator(".round-state")).hasText("Đã đóng");
		page.locator("button[data-attempt]").click();
		onScreen(page, "result");
		expect(page.locator(".review-item")).hasCount(5);
		expect(page.locator(".review-item[data-right=true]")).hasCount(1);
		expect(page.locator(".review-correct").first()).isVisible();
		shot(page, "12-review-after-close");
		AxeCheck.assertNoViolations(page, "12-review-after-close");
	}

	static void onScreen(Page page, String screen, double timeoutMillis) {
		expect(page.locator("#screen")).hasAttribute("data-screen", screen,
				new LocatorAssertions.HasAttributeOptions().setTimeout(timeoutMillis));
	}

	static String questionText(Page page) {
		return page.locator("h1").textContent().strip();
	}

	/** Taps the right options of the question on screen. */
	static void answerRight(Page page) {
		String text = questionText(page);
		List<String> right = RIGHT.get(text);
		assertThat(right).as("a known question: " + text).isNotNull();
		for (String option : right) {
			Locator tile = tile(page, option);
			tile.click();
			expect(tile).hasAttribute("aria-pressed", "true");
		}
	}

	/** Taps one wrong option of the question on screen. */
	static void answerWrong(Page page) {
		List<String> right = RIGHT.get(questionText(page));
		Locator tiles = page.locator("button.tile");
		for (int i = 0; i < tiles.count(); i++) {
			if (!right.contains(tiles.nth(i).locator(".tile-text").textContent())) {
				tiles.nth(i).click();
				expect(tiles.nth(i)).hasAttribute("aria-pressed", "true");
				return;
			}
		}
		throw new AssertionError("no wrong option");
	}

	static List<String> rightIds(JsonNode attempt, int index) {
		for (JsonNode question : attempt.path("questions")) {
			if (question.path("index").asInt() == index) {
				return optionIds(attempt, index, RIGHT.get(question.path("text").asString()));
			}
		}
		throw new AssertionError("no question " + index);
	}

	/** The countdown on screen is never above the time really left on the server's deadline. */
	static void assertCountdownAtMostTimeLeft(Page page, long deadline) {
		expect(page.locator("#timer")).isVisible();
		long shown = Long.parseLong(page.locator("#timer").getAttribute("data-left-ms"));
		long realLeft = deadline - System.currentTimeMillis();
		assertThat(shown).as("countdown %d ms, really left %d ms", shown, realLeft)
			.isLessThanOrEqualTo(realLeft + COUNTDOWN_SLACK_MILLIS)
			.isGreaterThan(realLeft - 3_000);
		String text = page.locator("#timer").textContent();
		String[] parts = text.split(":");
		long seconds = Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]);
		assertThat(seconds * 1000).as("countdown text " + text).isLessThanOrEqualTo(realLeft + COUNTDOWN_SLACK_MILLIS);
	}
}
