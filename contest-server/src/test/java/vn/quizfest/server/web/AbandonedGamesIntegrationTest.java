package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.quizfest.questionbank.Language;
import vn.quizfest.server.results.GameRow;
import vn.quizfest.server.results.Games;
import vn.quizfest.server.ApiClient;

/**
 * Games left behind: an organiser of the game's organisation hides one from the lists (and shows it
 * again), or ends one that no server holds any more (its server stopped); results stay. Other
 * organisations and anonymous callers get nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbandonedGamesIntegrationTest extends PlayerPageServer {

	@Autowired
	Games games;

	long organisation;

	ApiClient host;

	ApiClient stranger;

	@BeforeAll
	void accounts() {
		ApiClient admin = admin();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		organisation = admin.post("/api/organisations", Map.of("name", "Xã Tân Hòa " + suffix, "kind", "COMMUNE"))
			.body()
			.path("id")
			.asLong();
		long other = admin.post("/api/organisations", Map.of("name", "Xã Ea Kao " + suffix, "kind", "COMMUNE"))
			.body()
			.path("id")
			.asLong();
		host = account("gv.hoa." + suffix, "HOST", organisation);
		stranger = account("gv.nam." + suffix, "ORGANISER", other);
	}

	private ApiClient account(String username, String role, long organisationId) {
		ApiClient.Response created = admin().post("/api/users",
				Map.of("username", username, "displayName", username, "role", role, "organisationId", organisationId));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		ApiClient client = new ApiClient(port);
		assertThat(client.login(username, created.body().path("generatedPassword").asString()).status()).isEqualTo(200);
		return client;
	}

	/** A stored game of the organisation that no server holds (as after its server stopped). */
	private String storedGame(String status) {
		String id = ("01abandoned" + UUID.randomUUID().toString().replace("-", "")).substring(0, 26);
		String pin = Integer.toString(100_000 + (int) (Math.random() * 900_000));
		games.create(new GameRow(id, pin, "Trò chơi bỏ dở " + id.substring(20), null, organisation, null, "0".repeat(64),
				"{}", Language.VI, status, 1), List.of());
		return id;
	}

	private static List<String> listed(ApiClient client, String query) {
		JsonNode page = client.get("/api/games?size=200" + query).body();
		List<String> ids = new java.util.ArrayList<>();
		for (JsonNode g : page.path("games")) {
			ids.add(g.path("game").path("id").asString() + (g.path("hidden").asBoolean() ? ":hidden" : ""));
		}
		return ids;
	}

	@Test
	void anOrganiserHidesAGameFromTheListsAndShowsItAgainWithItsResultsKept() {
		String id = storedGame("RUNNING");
		assertThat(listed(host, "")).contains(id);

		assertThat(host.post("/api/games/" + id + "/hide", Map.of()).status()).isEqualTo(204);

		assertThat(listed(host, "")).doesNotContain(id).doesNotContain(id + ":hidden");
		assertThat(listed(host, "&includeHidden=true")).contains(id + ":hidden");
		assertThat(host.get("/api/games/" + id + "/results").status()).as("results stay").isEqualTo(200);

		assertThat(host.post("/api/games/" + id + "/unhide", Map.of()).status()).isEqualTo(204);
		assertThat(listed(host, "")).contains(id);
		assertThat(listed(host, "&includeHidden=true")).contains(id).doesNotContain(id + ":hidden");
	}

	@Test
	void anotherOrganisationAnUnknownGameAndAnAnonymousCallerCannotHideOrEnd() {
		String id = storedGame("LOBBY");
		for (String action : List.of("hide", "unhide", "end")) {
			ApiClient.Response other = stranger.post("/api/games/" + id + "/" + action, Map.of());
			assertThat(other.status()).as(action).isEqualTo(404);
			assertThat(other.body().path("code").asString()).isEqualTo("game.not-found");
			ApiClient.Response unknown = host.post("/api/games/01notagame0000000000000000/" + action, Map.of());
			assertThat(unknown.status()).as(action).isEqualTo(404);
			assertThat(unknown.body().path("code").asString()).isEqualTo("game.not-found");
			ApiClient anonymous = new ApiClient(port);
			anonymous.get("/api/auth/csrf");
			ApiClient.Response notLoggedIn = anonymous.post("/api/games/" + id + "/" + action, Map.of());
			assertThat(notLoggedIn.status()).as(action).isEqualTo(401);
			assertThat(notLoggedIn.body().path("code").asString()).isEqualTo("login.required");
		}
		assertThat(listed(host, "")).as("nothing changed").contains(id);
		assertThat(games.findById(id).orElseThrow().endedAt()).isNull();
	}

	@Test
	void aGameNoServerHoldsAnyMoreIsEndedInTheStoreAndEndingItAgainIsHarmless() {
		String id = storedGame("RUNNING");

		assertThat(host.post("/api/games/" + id + "/end", Map.of()).status()).isEqualTo(204);

		var ended = games.findById(id).orElseThrow();
		assertThat(ended.game().status()).isEqualTo("ENDED");
		assertThat(ended.endedAt()).isNotNull();
		assertThat(host.get("/api/games/" + id + "/results").status()).isEqualTo(200);
		assertThat(host.post("/api/games/" + id + "/end", Map.of()).status()).as("again").isEqualTo(204);
		assertThat(games.findById(id).orElseThrow().endedAt()).isEqualTo(ended.endedAt());
	}
}
