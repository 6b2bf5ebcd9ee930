package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.SeedBank;

/**
 * A question with four options fits a small phone without scrolling: the question, the four tiles
 * and, for multiple select, the send button, at 360 x 640 and 320 x 568, with the seed bank's longest
 * choice question in each language (text and options counted together).
 */
class PlayerPhoneFitBrowserTest extends PlayerBrowserSupport {

	static final List<Question> SEED = new SeedBank(null, null, JsonMapper.builder().build(), null).read(0);

	/** The seed bank's longest four-option choice question in this language. */
	static Question longest(Language language) {
		return SEED.stream()
			.filter(q -> q.language() == language && q.options().size() == 4)
			.filter(q -> q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_SELECT)
			.max(Comparator.comparingInt(q -> q.text().length() + q.options().stream().mapToInt(String::length).sum()))
			.orElseThrow();
	}

	@Test
	void fourOptionsAndTheSendButtonFitA360x640And320x568PhoneWithTheLongestQuestion() {
		long bank = bank();
		List<Question> quiz = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Language language : Language.values()) {
			Question seed = longest(language);
			quiz.add(question(bank, QuestionType.SINGLE_CHOICE, seed.text(), seed.options(), AnswerKey.options(List.of(0)), 60));
			quiz.add(question(bank, QuestionType.MULTIPLE_SELECT, seed.text(), seed.options(), AnswerKey.options(List.of(0, 1)),
					60));
			names.add(seed.externalKey() + " single choice");
			names.add(seed.externalKey() + " multiple select");
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("previewSeconds", 0);
		settings.put("openLeadMillis", 0);
		Game game = hostGame(quiz, settings);
		Page normal = phoneOf(360, 640);
		Page small = phoneOf(320, 568);
		joinByPin(normal, base(), game.pin(), "Lan");
		onScreen(normal, "lobby");
		joinByPin(small, base(), game.pin(), "Minh");
		onScreen(small, "lobby");

		game.command("start");
		for (int q = 0; q < quiz.size(); q++) {
			if (q > 0) {
				game.command("skip");
			}
			for (Page page : List.of(normal, small)) {
				onScreen(page, "open");
				expect(page.locator(".counter")).hasText("Câu " + (q + 1) + "/" + quiz.size());
				String name = names.get(q) + " at " + page.viewportSize().width + "x" + page.viewportSize().height;
				expect(page.locator("button.tile")).hasCount(4);
				List<String> outside = outsideTheWindow(page, quiz.get(q).type() == QuestionType.MULTIPLE_SELECT);
				page.screenshot(new Page.ScreenshotOptions()
					.setPath(SCREENSHOTS.resolve("fit-" + (q + 1) + "-" + page.viewportSize().width + ".png")));
				assertThat(outside).as("%s: parts outside the window without scrolling", name).isEmpty();
				checkPhoneLayout(page, name);
			}
		}
	}

	Page phoneOf(int width, int height) {
		BrowserContext context = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setLocale("vi-VN"));
		context.setDefaultTimeout(15_000);
		track(context);
		return context.newPage();
	}

	/** The question, the four tiles and (multiple select) the send button that lie outside the window at scroll 0. */
	@SuppressWarnings("unchecked")
	static List<String> outsideTheWindow(Page page, boolean withSend) {
		return (List<String>) page.evaluate("""
				(withSend) => {
				  window.scrollTo(0, 0);
				  const parts = [document.querySelector('h1.question-text'), ...document.querySelectorAll('button.tile')];
				  if (withSend) parts.push(document.querySelector('.send'));
				  return parts.map((e, i) => {
				    if (!e) return 'missing part ' + i;
				    const r = e.getBoundingClientRect();
				    const inside = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;
				    return inside ? null : (e.className || e.tagName) + ' ' + e.textContent.slice(0, 30) + ' at ' + Math.round(r.top)
				      + '..' + Math.round(r.bottom) + ' of ' + window.innerHeight;
				  }).filter((x) => x).concat(withSend && parts.every((e) => e)
				    && parts[parts.length - 1].getBoundingClientRect().top < parts[parts.length - 2].getBoundingClientRect().bottom
				    ? ['the send button covers option D'] : []);
				}""", withSend);
	}
}
