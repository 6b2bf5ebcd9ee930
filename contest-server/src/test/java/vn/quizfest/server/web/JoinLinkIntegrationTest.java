package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.ApiClient;
import vn.quizfest.server.system.Messages;

/**
 * The join link and its QR code as the big screen gets them over real HTTP, and QR codes of any text for
 * logged-in organisers. Each QR code is scanned back with ZXing.
 */
class JoinLinkIntegrationTest extends PlayerPageServer {

	final HttpClient client = HttpClient.newHttpClient();

	@Autowired
	Messages messages;

	@Autowired
	Environment environment;

	@Test
	void theStartMessageNamesTheAddressTheJoinLinksUseOrThePublicUrl() {
		String joinBase = JoinLinksTest.links(null, JoinLinksTest.LAPTOP)
			.base(JoinLinksTest.request("http", "localhost", port))
			.url();
		String plain = new StartupAnnouncement(environment, messages, new JoinLinkSettings(null),
				new LanAddress(() -> JoinLinksTest.LAPTOP)).text();
		assertThat(plain).contains("Người chơi: " + joinBase + "/").contains("Players: " + joinBase + "/")
			.contains("Organisers: " + joinBase + "/admin/")
			.as("only the address the QR codes use, not the Docker bridge")
			.doesNotContain("172.17.0.1");

		String withPublicUrl = new StartupAnnouncement(environment, messages, new JoinLinkSettings("https://thi.example.gov.vn"),
				new LanAddress(() -> JoinLinksTest.LAPTOP)).text();
		assertThat(withPublicUrl).contains("Người chơi: https://thi.example.gov.vn/")
			.contains("Players: https://thi.example.gov.vn/")
			.doesNotContain("Người chơi: http://")
			.contains("Ban tổ chức: http://localhost:" + port + "/admin/");
	}

	final JsonMapper json = JsonMapper.builder().build();

	HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Site-local IPv4 addresses of this machine's interfaces that are up, read here independently of the server. */
	static List<String> lanAddresses() throws Exception {
		List<String> addresses = new ArrayList<>();
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (nic.isUp() && !nic.isLoopback()) {
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
						addresses.add(address.getHostAddress());
					}
				}
			}
		}
		return addresses;
	}

	@Test
	void theBigScreenGetsAJoinLinkPhonesCanOpenAndItsQrCode() throws Exception {
		Game game = hostGame(singleChoiceQuiz(1, 30), Map.of("previewSeconds", 0));

		HttpResponse<byte[]> found = get("/api/pins/" + game.pin());
		JsonNode body = json.readTree(found.body());
		String joinUrl = body.path("joinUrl").asString();
		String joinHost = body.path("joinHost").asString();

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(body.path("title").asString()).isEqualTo(GAME_TITLE);
		assertThat(joinUrl).isEqualTo("http://" + joinHost + "/join/" + game.pin());
		List<String> lan = lanAddresses();
		if (lan.isEmpty()) {
			// This machine has no local network address: the browser's own address is all there is.
			assertThat(joinHost).isEqualTo("127.0.0.1:" + port);
		}
		else {
			// The console was opened on 127.0.0.1; phones get this machine's network address instead.
			assertThat(lan).contains(joinHost.substring(0, joinHost.lastIndexOf(':')));
			assertThat(joinHost).endsWith(":" + port);
		}

		HttpResponse<byte[]> qr = get("/api/pins/" + game.pin() + "/qr.svg");
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
		assertThat(qr.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(qr.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
		assertThat(QrDecoding.decode(qr.body())).isEqualTo(joinUrl);
	}

	@Test
	void aQrCodeOfAnUnknownOrMistypedPinIsAProblem() throws Exception {
		Game game = hostGame(singleChoiceQuiz(1, 30), Map.of("previewSeconds", 0));
		String unknownPin = String.format("%06d", (Integer.parseInt(game.pin()) + 500_000) % 1_000_000);

		HttpResponse<byte[]> unknown = get("/api/pins/" + unknownPin + "/qr.svg", "Accept", "image/svg+xml,image/*");
		HttpResponse<byte[]> mistyped = get("/api/pins/12ab56/qr.svg", "Accept-Language", "en");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json.readTree(unknown.body()).path("code").asString()).isEqualTo("pin.unknown");
		assertThat(mistyped.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(mistyped.body());
		assertThat(problem.path("code").asString()).isEqualTo("pin.invalid");
		assertThat(problem.path("detail").asString()).isEqualTo("A PIN is exactly 6 digits.");
	}

	@Test
	void organisersGetAQrCodeOfAnyTextWithoutPuttingItInTheAddress() throws Exception {
		ApiClient organiser = admin();
		String hostLink = "http://192.168.1.20:" + port + "/admin/host.html#game=01m8505er1pbcrq7dfa1w2dm68"
				+ "&token=Whb5PZarxNbdFU2k5wZ62R8LNrG3D8Am&title=" + "Hội thi Bình dân học vụ số xã Tân Hòa, ".repeat(12);

		HttpResponse<String> qr = organiser.post("/api/qr", Map.of("text", hostLink)).raw();

		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
		assertThat(qr.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(QrDecoding.decode(qr.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(hostLink);
	}

	@Test
	void aQrTextThatIsEmptyTooLongOrMissingIsRefused() {
		ApiClient organiser = admin();

		for (Object text : new Object[] { "", "   ", "a".repeat(1001), "ữ".repeat(1000) }) {
			ApiClient.Response refused = organiser.post("/api/qr", Map.of("text", text));
			assertThat(refused.status()).as("%.20s", text).isEqualTo(400);
			assertThat(refused.body().path("code").asString()).isEqualTo("qr.text.invalid");
			assertThat(refused.body().path("detail").asString())
				.isEqualTo("Nội dung mã QR phải có từ 1 đến 1.000 ký tự và đủ ngắn để tạo được mã QR.");
		}
		ApiClient.Response missing = organiser.post("/api/qr", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().path("code").asString()).isEqualTo("qr.text.invalid");
		ApiClient.Response malformed = organiser.postRaw("/api/qr", "{\"text\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().path("code").asString()).isEqualTo("request.malformed");
		assertThat(organiser.post("/api/qr", Map.of("text", "a".repeat(1000))).status()).isEqualTo(200);
	}

	@Test
	void aQrCodeOfAnyTextNeedsALoginAndTheCsrfToken() {
		ApiClient anonymous = new ApiClient(port);
		anonymous.get("/api/auth/csrf");
		ApiClient.Response notLoggedIn = anonymous.post("/api/qr", Map.of("text", "http://example.vn"));
		ApiClient organiser = admin();
		ApiClient.Response withoutCsrf = organiser.withoutCsrf().post("/api/qr", Map.of("text", "http://example.vn"));

		assertThat(notLoggedIn.status()).isEqualTo(401);
		assertThat(notLoggedIn.body().path("code").asString()).isEqualTo("login.required");
		assertThat(withoutCsrf.status()).isEqualTo(403);
		assertThat(withoutCsrf.body().path("code").asString()).isEqualTo("csrf.invalid");
	}

	/** A contest's public link and its QR code follow the join links' address rule (the LAN address for a loopback console). */
	@Test
	void theContestLinkAndItsQrCodeUseTheAddressOfTheJoinLinks() throws Exception {
		Game game = hostGame(singleChoiceQuiz(1, 30), Map.of("previewSeconds", 0));
		String joinUrl = json.readTree(get("/api/pins/" + game.pin()).body()).path("joinUrl").asString();
		String phoneBase = joinUrl.substring(0, joinUrl.indexOf("/join/"));
		ApiClient admin = admin();
		String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
		long organisation = admin.post("/api/organisations", Map.of("name", "Sở KH&CN " + suffix, "kind", "PROVINCE"))
			.body()
			.path("id")
			.asLong();
		String password = "Mật khẩu thử " + suffix;
		assertThat(admin.post("/api/users", Map.of("username", "btc." + suffix, "displayName", "Ban tổ chức", "role",
				"ORGANISER", "organisationId", organisation, "password", password)).status()).isEqualTo(201);
		ApiClient organiser = new ApiClient(port);
		assertThat(organiser.login("btc." + suffix, password).status()).isEqualTo(200);
		ApiClient.Response created = organiser.post("/api/contests", Map.of("title", "Cuộc thi đường dẫn " + suffix,
				"rulesText", "Thể lệ", "form", java.util.List.of(Map.of("field", "fullName", "required", true),
						Map.of("field", "cccd", "required", true)),
				"identityKey", "CCCD", "consent", Map.of("purpose", "Trao giải", "retention", "90 ngày"), "retentionDays", 90));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		long id = created.body().path("id").asLong();
		String expected = phoneBase + "/c/" + created.body().path("slug").asString();

		assertThat(created.body().path("publicUrl").asString()).isEqualTo(expected);
		assertThat(organiser.get("/api/contests/" + id).body().path("publicUrl").asString()).isEqualTo(expected);
		byte[] qr = organiser.download("/api/contests/" + id + "/qr.svg").body();
		assertThat(QrDecoding.decode(qr)).isEqualTo(expected);
	}
}
