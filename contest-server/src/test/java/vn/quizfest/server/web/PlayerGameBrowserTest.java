package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.server.TestSocket;

/**
 * A whole game on a phone: PIN, nickname, lobby, every question type answered through the page,
 * the result of each (right or wrong, points checked against the server's leaderboard), the
 * leaderboard, the podium with the final rank and the end. A second player on a plain socket
 * answers everything right, so the phone's player finishes second. One screenshot per screen.
 */
class PlayerGameBrowserTest extends PlayerBrowserSupport {

	static final String NICKNAME = "Bà Năm Hồng";

	List<Question> everyType() {
		long bankId = bank();
		return List.of(
				question(bankId, QuestionType.SINGLE_CHOICE, "Số điện thoại khẩn cấp của Công an là số nào?",
						List.of("113", "114", "115", "116"), AnswerKey.options(List.of(0)), 30),
				question(bankId, QuestionType.MULTIPLE_SELECT, "Những việc nào giúp bảo vệ tài khoản ngân hàng?",
						List.of("Bật xác thực sinh trắc học", "Cho người lạ mượn điện thoại", "Không chia sẻ mã OTP",
								"Dùng mật khẩu 123456"),
						AnswerKey.options(List.of(0, 2)), 30),
				question(bankId, QuestionType.TRUE_FALSE, "Nhân viên ngân hàng có thể hỏi mã OTP của bạn qua điện thoại.",
						List.of("Đúng", "Sai"), AnswerKey.options(List.of(1)), 30),
				question(bankId, QuestionType.TYPE_ANSWER, "Ứng dụng định danh điện tử quốc gia tên là gì?", List.of(),
						new AnswerKey(List.of(), List.of("VNeID"), null, null), 30),
				question(bankId, QuestionType.ORDERING, "Sắp xếp các bước nộp hồ sơ trên Cổng Dịch vụ công:",
						List.of("Đăng nhập bằng VNeID", "Chọn thủ tục", "Điền tờ khai", "Nộp và theo dõi"),
						AnswerKey.options(List.of(0, 1, 2, 3)), 30),
				question(bankId, QuestionType.NUMERIC, "Số định danh cá nhân có bao nhiêu chữ số?", List.of(),
						new AnswerKey(List.of(), List.of(), 12.0, 0.0), 30),
				question(bankId, QuestionType.POLL, "Bạn đã dùng VNeID để làm thủ tục chưa?", List.of("Rồi", "Chưa"),
						new AnswerKey(List.of(), List.of(), null, null), 30));
	}

	@Test
	void aPlayerJoinsByPinAnswersEveryQuestionTypeAndSeesResultsLeaderboardAndPodium() {
		List<Question> quiz = everyType();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("previewSeconds", 2);
		settings.put("openLeadMillis", 50);
		Game game = hostGame(quiz, settings);
		Page page = phone();

		page.navigate(base() + "/");
		onScreen(page, "pin");
		expect(page.locator("h1")).hasText("Vào trò chơi");
		expect(page.locator("html")).hasAttribute("lang", "vi");
		screenshot(page, "01-pin");
		AxeCheck.assertNoViolations(page, "01-pin");
		page.locator("#pin").fill("12345");
		page.locator("form button[type=submit]").click();
		expect(page.locator("#pin-error")).hasText("Mã PIN gồm đúng 6 chữ số (0–9).");
		screenshot(page, "02-pin-invalid");
		AxeCheck.assertNoViolations(page, "02-pin-invalid");
		page.locator("#pin").fill(game.pin());
		page.locator("form button[type=submit]").click();
		onScreen(page, "nick");
		expect(page.locator(".pin-chip")).hasText("Mã PIN: " + game.pin().substring(0, 3) + " " + game.pin().substring(3));
		page.locator("#nickname").fill(NICKNAME);
		screenshot(page, "03-nickname");
		AxeCheck.assertNoViolations(page, "03-nickname");
		page.locator("form button[type=submit]").click();
		onScreen(page, "lobby");
		expect(page.locator(".big-name")).hasText(NICKNAME);
		expect(page.locator(".count")).hasText("1 người chơi đã vào");
		TestSocket minh = socketPlayer(game.pin(), "Minh");
		expect(page.locator(".count")).hasText("2 người chơi đã vào");
		screenshot(page, "04-lobby");
		AxeCheck.assertNoViolations(page, "04-lobby");

		game.command("start");
		onScreen(page, "preview");
		expect(page.locator("h1")).hasText(quiz.get(0).text());
		screenshot(page, "05-preview");
		AxeCheck.assertNoViolations(page, "05-preview");

		int expectedScore = 0;
		for (int q = 0; q < quiz.size(); q++) {
			Question question = quiz.get(q);
			if (q > 0) {
				game.command("next");
			}
			JsonNode open = game.host().next("open");
			List<String> shown = new ArrayList<>();
			open.path("options").forEach(option -> shown.add(option.asString()));
			onScreen(page, "open");
			expect(page.locator(".counter")).hasText("Câu " + (q + 1) + "/" + quiz.size());
			expect(page.locator("h1")).hasText(question.text());
			boolean right = answerOnThePhone(page, question, shown, q);
			onScreen(page, "answered");
			expect(page.locator("h1")).hasText("Đã nhận câu trả lời!");
			if (q == 0) {
				screenshot(page, "07-answered");
				AxeCheck.assertNoViolations(page, "07-answered");
			}
			minh.next("open");
			minh.send(rightAnswer(question, shown, q));
			game.host().next("closed");

			onScreen(page, "result");
			String kind = question.type() == QuestionType.POLL ? "poll" : right ? "correct" : "wrong";
			expect(page.locator(".result-banner")).hasAttribute("data-result", kind);
			if (question.explanation() != null) {
				expect(page.locator(".explanation")).containsText(question.explanation());
			}
			JsonNode standing = game.standing(NICKNAME);
			if (!"poll".equals(kind)) {
				int points = Integer.parseInt(page.locator(".points").getAttribute("data-points"));
				if (right) {
					assertThat(points).as("points for question %d", q).isBetween(500, 1600);
				}
				else {
					assertThat(points).isZero();
				}
				expectedScore += points;
			}
			expect(page.locator("#score")).hasAttribute("data-score", String.valueOf(expectedScore));
			assertThat(standing.path("score").asInt()).as("the server's score after question %d", q).isEqualTo(expectedScore);
			if (q == 0) {
				screenshot(page, "08-result-correct");
				AxeCheck.assertNoViolations(page, "08-result-correct");
			}
			if (question.type() == QuestionType.TRUE_FALSE) {
				expect(page.locator("h1")).hasText("Chưa đúng");
				screenshot(page, "12-result-wrong");
				AxeCheck.assertNoViolations(page, "12-result-wrong");
			}
			if (question.type() == QuestionType.POLL) {
				screenshot(page, "16-result-poll");
				AxeCheck.assertNoViolations(page, "16-result-poll");
			}

			game.command("next");
			game.host().next("leaderboard");
			onScreen(page, "leaderboard");
			expect(page.locator(".board-row.me")).containsText(NICKNAME);
			expect(page.locator(".you-line")).containsText("hạng " + standing.path("rank").asInt());
			if (q == 0) {
				screenshot(page, "09-leaderboard");
				AxeCheck.assertNoViolations(page, "09-leaderboard");
			}
		}

		game.command("next");
		game.host().next("podium");
		onScreen(page, "podium");
		expect(page.locator(".final")).hasAttribute("data-rank", "2");
		expect(page.locator(".final-rank")).hasText("Bạn xếp hạng 2");
		expect(page.locator(".podium-step.place-1")).containsText("Minh");
		expect(page.locator(".podium-step.me")).containsText(NICKNAME);
		screenshot(page, "17-podium");
		AxeCheck.assertNoViolations(page, "17-podium");

		game.command("next");
		game.host().next("ended");
		onScreen(page, "ended");
		expect(page.locator("h1")).hasText("Trò chơi đã kết thúc");
		expect(page.locator(".final")).hasAttribute("data-rank", "2");
		assertThat(page.evaluate("() => localStorage.getItem('quizfest.player.session')"))
			.as("the session is cleared after the end").isNull();
		screenshot(page, "18-ended");
		AxeCheck.assertNoViolations(page, "18-ended");
		page.locator("button.primary").click();
		onScreen(page, "pin");
	}

	/** Answers through the page: right, except the true/false question. Returns whether it is right. */
	boolean answerOnThePhone(Page page, Question question, List<String> shown, int q) {
		switch (question.type()) {
			case SINGLE_CHOICE -> {
				expect(tile(page, "113")).isEnabled();
				screenshot(page, "06-single-choice");
				AxeCheck.assertNoViolations(page, "06-single-choice");
				tile(page, "113").click();
				return true;
			}
			case MULTIPLE_SELECT -> {
				expect(page.locator("button.send")).isDisabled();
				tile(page, "Bật xác thực").click();
				tile(page, "Cho người lạ").click();
				tile(page, "Cho người lạ").click();
				tile(page, "Không chia sẻ").click();
				expect(tile(page, "Bật xác thực")).hasAttribute("aria-pressed", "true");
				expect(tile(page, "Cho người lạ")).hasAttribute("aria-pressed", "false");
				screenshot(page, "10-multiple-select");
				AxeCheck.assertNoViolations(page, "10-multiple-select");
				page.locator("button.send").click();
				return true;
			}
			case TRUE_FALSE -> {
				tile(page, "Đúng").click();
				return false;
			}
			case TYPE_ANSWER -> {
				page.locator("button.send").click();
				expect(page.locator(".field-error")).hasText("Hãy gõ câu trả lời trước khi gửi.");
				page.locator("#answer-text").fill("vneid");
				screenshot(page, "11-type-answer");
				AxeCheck.assertNoViolations(page, "11-type-answer");
				page.locator("button.send").click();
				return true;
			}
			case ORDERING -> {
				// Tap a wrong first item and take it back, then tap 0, 1, 3, 2 and move "Điền tờ khai" up.
				tile(page, "Nộp và theo dõi").click();
				page.locator("button.secondary").first().click();
				for (String item : List.of("Đăng nhập bằng VNeID", "Chọn thủ tục", "Nộp và theo dõi", "Điền tờ khai")) {
					tile(page, item).click();
				}
				expect(page.locator("button.send")).isEnabled();
				page.getByLabel("Đưa “Điền tờ khai” lên trên").click();
				expect(page.locator(".order-item .order-text")).hasText(new String[] { "Đăng nhập bằng VNeID",
						"Chọn thủ tục", "Điền tờ khai", "Nộp và theo dõi" });
				screenshot(page, "13-ordering");
				AxeCheck.assertNoViolations(page, "13-ordering");
				page.locator("button.send").click();
				return true;
			}
			case NUMERIC -> {
				page.locator("#answer-number").fill("mười hai");
				page.locator("button.send").click();
				expect(page.locator(".field-error")).hasText("Hãy nhập một con số, ví dụ 12 hoặc 3,5.");
				page.locator("#answer-number").fill("12");
				screenshot(page, "14-numeric");
				AxeCheck.assertNoViolations(page, "14-numeric");
				page.locator("button.send").click();
				return true;
			}
			case POLL -> {
				screenshot(page, "15-poll");
				AxeCheck.assertNoViolations(page, "15-poll");
				tile(page, "Rồi").click();
				return true;
			}
			default -> throw new AssertionError(question.type());
		}
	}

	static Map<String, Object> rightAnswer(Question question, List<String> shown, int q) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", "answer");
		frame.put("q", q);
		switch (question.type()) {
			case SINGLE_CHOICE, TRUE_FALSE, POLL -> frame.put("choice",
					question.type() == QuestionType.POLL ? 0 : question.answer().correct().get(0));
			case MULTIPLE_SELECT -> frame.put("choices", question.answer().correct());
			case ORDERING -> frame.put("order",
					question.answer().correct().stream().map(i -> shown.indexOf(question.options().get(i))).toList());
			case TYPE_ANSWER -> frame.put("text", question.answer().accepted().get(0));
			case NUMERIC -> frame.put("value", question.answer().value());
			default -> throw new AssertionError(question.type());
		}
		return frame;
	}
}
