package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;

/**
 * What a new organiser meets first: a clean first load (no request refused, nothing in the browser's
 * console, an icon and a home-screen manifest), the PIN written one way, the phone-controls link to
 * copy, four-digit years, "1 player" in English, and a scoring choice whose text fits its box.
 */
class AdminFirstUseBrowserTest extends AdminConsoleSupport {

	/** Every refused request and every console error of a page, expected ones (401, 404) included. */
	static List<String> everyProblem(Page page) {
		List<String> problems = new CopyOnWriteArrayList<>();
		page.onResponse(response -> {
			if (response.status() >= 400) {
				problems.add(response.status() + " " + response.url());
			}
		});
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type()) || "warning".equals(message.type())) {
				problems.add("console " + message.type() + ": " + message.text());
			}
		});
		return problems;
	}

	@Test
	void theFirstLoadOfTheConsoleThePhoneControlsAndThePlayerPageRefuseNothingAndLogNothing() {
		JsonNode game = oneQuestionGame();
		Page laptop = laptop();
		List<String> console = everyProblem(laptop);
		laptop.navigate(base() + "/admin/");
		onConsole(laptop, "/login");
		expect(laptop.locator("#username")).isVisible();
		laptop.waitForLoadState();

		Page phone = hostPhone();
		List<String> controls = everyProblem(phone);
		phone.navigate(base() + "/admin/#/control/" + game.path("id").asString() + "?t=" + game.path("hostToken").asString());
		onConsole(phone, "/control/:id");
		expect(phone.locator("#ctl-connection")).hasText("Đã kết nối");
		String pin = game.path("pin").asString();
		expect(phone.locator(".control-pin")).hasText("PIN " + pin.substring(0, 3) + " " + pin.substring(3));

		Page player = hostPhone();
		List<String> play = everyProblem(player);
		player.navigate(base() + "/");
		expect(player.locator("#pin")).isVisible();
		player.waitForLoadState();

		assertThat(console).as("console first load").isEmpty();
		assertThat(controls).as("phone controls").isEmpty();
		assertThat(play).as("player page").isEmpty();
		// The icon links point at files that are there.
		assertThat(laptop.locator("link[rel=icon]").count()).isPositive();
		assertThat(player.locator("link[rel=manifest]").getAttribute("href")).isEqualTo("/manifest.webmanifest");
	}

	@Test
	void theIconAndTheHomeScreenManifestAreServed() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> ico = http.send(HttpRequest.newBuilder(URI.create(base() + "/favicon.ico")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(ico.statusCode()).isEqualTo(200);
		assertThat(ico.body()).startsWith(0, 0, 1, 0);
		HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(base() + "/manifest.webmanifest")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(manifest.statusCode()).isEqualTo(200);
		JsonNode icons = JsonMapper.builder().build().readTree(manifest.body()).path("icons");
		assertThat(icons).extracting(icon -> icon.path("sizes").asString()).contains("192x192", "512x512");
		for (JsonNode icon : icons) {
			HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base() + icon.path("src").asString())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(png.statusCode()).as(icon.toString()).isEqualTo(200);
			assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
		}
	}

	@Test
	void thePinIsWrittenOneWayAndThePhoneControlsLinkCanBeCopied() {
		JsonNode game = oneQuestionGame();
		String id = game.path("id").asString();
		String pin = game.path("pin").asString();
		String grouped = pin.substring(0, 3) + " " + pin.substring(3);
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/games/" + id + "/run?t=" + game.path("hostToken").asString());
		onConsole(laptop, "/games/:id/run");
		expect(laptop.locator("#run-pin")).hasText(grouped);
		laptop.locator("#show-control-qr").click();
		expect(laptop.locator("#control-qr-img")).isVisible();
		String link = laptop.locator("#control-link").inputValue();
		assertThat(link).isEqualTo(base() + "/admin/#/control/" + id + "?t=" + game.path("hostToken").asString());
		laptop.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
		laptop.locator("#copy-control-link").click();
		expect(laptop.locator(".toast")).containsText("Đã sao chép đường dẫn điều khiển.");
		assertThat(laptop.evaluate("navigator.clipboard.readText()")).isEqualTo(link);

		laptop.locator("[data-nav=host]").click();
		onConsole(laptop, "/host");
		expect(laptop.locator(".live-list li[data-game='" + id + "'] .badge").first()).hasText("PIN " + grouped);
	}

	@Test
	void datesHaveFourDigitYearsAndOnePlayerIsSingularInEnglish() {
		JsonNode game = oneQuestionGame();
		socketPlayer(game.path("pin").asString(), "Lan");
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/results");
		onConsole(laptop, "/results");
		String row = laptop.locator("tr", new Page.LocatorOptions().setHasText(game.path("pin").asString().substring(3)))
			.first().innerText();
		assertThat(row).containsPattern("\\b\\d{2}/\\d{2}/20\\d{2}\\b").doesNotContainPattern("\\b\\d{1,2}/\\d{1,2}/\\d{2}\\b(?!\\d)");

		laptop.locator("#lang-switch").click();
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		expect(laptop.locator(".live-list li[data-game='" + game.path("id").asString() + "']")).containsText("1 player ·");
	}

	@Test
	void theScoringChoiceShowsItsWholeTextInBothLanguages() {
		Page laptop = laptop();
		logIn(laptop);
		for (String language : List.of("vi", "en")) {
			if (language.equals("en")) {
				laptop.locator("#lang-switch").click();
			}
			laptop.navigate(base() + "/admin/#/host");
			onConsole(laptop, "/host");
			laptop.locator("#create-settings").evaluate("details => { details.open = true; }");
			laptop.locator("#setting-scoring").scrollIntoViewIfNeeded();
			Object fits = laptop.evaluate("""
					() => {
					  const select = document.querySelector('#setting-scoring');
					  const style = getComputedStyle(select);
					  const context = document.createElement('canvas').getContext('2d');
					  context.font = style.font;
					  // room for the text: the box less its padding and the drop-down arrow (about 24 px)
					  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
					  return [...select.options].every((option) => context.measureText(option.text).width <= room);
					}""");
			assertThat(fits).as("scoring options fit (%s)", language).isEqualTo(true);
		}
	}

	@Test
	void theCreateFormShowsItsButtonWithoutScrollingAndItsSettingsInOneLine() {
		for (int i = 0; i < 6; i++) {
			oneQuestionGame();
		}
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		expect(laptop.locator(".live-list li")).not().hasCount(0);
		viewportScreenshot(laptop, "host-41-create-first-screen");
		AxeCheck.assertNoViolations(laptop, "host-41-create-first-screen");
		expect(laptop.locator("#create-submit")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
		expect(laptop.locator("#create-settings")).not().hasAttribute("open", "");
		expect(laptop.locator("#settings-summary")).containsText("20.000");
		expect(laptop.locator("#settings-summary")).containsText("Theo tốc độ trả lời");
		// The format is chosen in the first screen too (one selector, the classic game by default) ...
		expect(laptop.locator("#game-format")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
		expect(laptop.locator("#format-hosted")).isChecked();
		laptop.locator("#create-settings summary").click();
		// ... and the folded settings hold the chosen format's groups: the classic ones and team play
		// (another format's rules appear only when it is chosen: AdminCreateFormatBrowserTest).
		expect(laptop.locator("#create-settings legend")).hasText(new String[] { "Nhịp trò chơi",
				"Tính điểm và bảng xếp hạng", "Người chơi", "Thi theo đơn vị" });
		adminScreenshot(laptop, "host-42-create-settings-open");
		AxeCheck.assertNoViolations(laptop, "host-42-create-settings-open");
	}

	@Test
	void pickingQuestionsOneByOneListsTheGamesLanguageAtOnceAndSaysWhichLanguage() {
		long bank = bank();
		questions.add(question(bank, vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE, "Câu tiếng Việt để chọn?",
				List.of("Có", "Không"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)), 20));
		vn.quizfest.questionbank.Question vi = question(bank, vn.quizfest.questionbank.QuestionType.SINGLE_CHOICE,
				"An English question to pick?", List.of("Yes", "No"), vn.quizfest.questionbank.AnswerKey.options(List.of(0)), 20);
		questions.add(new vn.quizfest.questionbank.Question(null, bank, java.util.UUID.randomUUID().toString(),
				vn.quizfest.questionbank.Language.EN, vi.type(), vi.text(), vi.options(), vi.answer(), vi.explanation(),
				vi.timeLimitSeconds(), vi.points(), vi.difficulty(), vi.topic(), List.of(), null, null, vi.status(), "test", null,
				null, null, 0));
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		laptop.locator("input[name=source][value=questions]").check();
		// the first page without a search, Vietnamese only, each marked
		expect(laptop.locator(".found li").first()).isVisible();
		expect(laptop.locator(".found li .badge").first()).hasText("Tiếng Việt");
		assertThat(laptop.locator(".found li .badge").allInnerTexts()).containsOnly("Tiếng Việt");
		laptop.locator("#game-language").selectOption("en");
		expect(laptop.locator(".found li", new Page.LocatorOptions().setHasText("An English question to pick?"))).hasCount(1);
		assertThat(laptop.locator(".found li .badge").allInnerTexts()).containsOnly("Tiếng Anh");
	}

	@Test
	void anOrganiserEndsAGameLeftOnAnotherLaptopWithoutItsHostCodeAndItsResultsStay() {
		JsonNode game = oneQuestionGame();
		String id = game.path("id").asString();
		socketPlayer(game.path("pin").asString(), "Lan");
		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/host");
		onConsole(laptop, "/host");
		var row = laptop.locator(".live-list li[data-game='" + id + "']");
		expect(row).containsText("Mã điều khiển không có trên máy này");
		row.locator("[data-end]").click();
		expect(row).containsText("Kết quả vẫn được giữ.");
		row.locator("[data-end-confirm]").click();
		expect(laptop.locator(".toast")).containsText("Đã kết thúc trò chơi.");
		expect(laptop.locator(".live-list li[data-game='" + id + "']")).hasCount(0);

		ApiClient organiser = admin();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode results = organiser.get("/api/games/" + id + "/results").body();
			assertThat(results.path("game").path("game").path("status").asString()).isEqualTo("ENDED");
			assertThat(results.path("players")).extracting(p -> p.path("nickname").asString()).containsExactly("Lan");
		});
		assertThat(organiser.post("/api/games/" + id + "/end", Map.of()).status()).as("ending again").isIn(204, 404);
	}

	/** A game of one single-choice question created over REST, not yet hosted. */
	JsonNode oneQuestionGame() {
		long question = questions.add(singleChoiceQuiz(1, 20).get(0));
		ApiClient.Response created = admin().post("/api/games", Map.of("title", GAME_TITLE, "questionIds", List.of(question)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}
}
