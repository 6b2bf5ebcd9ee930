package vn.quizfest.server.web;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import vn.quizfest.server.ApiClient;

/**
 * A join address phones cannot open (here a public URL set to localhost, as an operator might): the
 * run screen and the presenter say so and how to fix it; with a reachable address they say nothing
 * (the other console tests, whose join links carry this machine's network address).
 */
@TestPropertySource(properties = "quizfest.public-url=http://localhost:8080")
class AdminLoopbackJoinBrowserTest extends AdminConsoleSupport {

	@Test
	void theRunScreenAndThePresenterWarnWhenPhonesCannotReachTheJoinAddress() {
		long question = questions.add(singleChoiceQuiz(1, 20).get(0));
		ApiClient.Response created = admin().post("/api/games", Map.of("title", GAME_TITLE, "questionIds", List.of(question)));
		JsonNode game = created.body();
		String id = game.path("id").asString();
		String token = game.path("hostToken").asString();

		Page laptop = laptop();
		logIn(laptop);
		laptop.navigate(base() + "/admin/#/games/" + id + "/run?t=" + token);
		onConsole(laptop, "/games/:id/run");
		expect(laptop.locator("#join-link")).hasText("http://localhost:8080/join/" + game.path("pin").asString());
		expect(laptop.locator("#loopback-warning")).containsText("QUIZFEST_PUBLIC_URL");
		expect(laptop.locator("#loopback-warning")).containsText("địa chỉ mạng của máy");

		Page presenter = projector();
		presenter.navigate(base() + "/admin/#/present/" + id + "?t=" + token);
		onConsole(presenter, "/present/:id");
		expect(presenter.locator("#join-how")).containsText("localhost:8080");
		expect(presenter.locator("#loopback-warning")).containsText("QUIZFEST_PUBLIC_URL");
		viewportScreenshot(presenter, "host-40-present-loopback-warning");
		AxeCheck.assertNoViolations(presenter, "host-40-present-loopback-warning");
	}
}
