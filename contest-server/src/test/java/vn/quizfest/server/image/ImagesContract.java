package vn.quizfest.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.quizfest.server.ApiClient;

/**
 * Question images over real HTTP on every database: upload, the same file again, serving to phones
 * without an account, and every bad upload refused with a problem and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImagesContract {

	static final String ADMIN_PASSWORD = "images-admin-password";

	static final int MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	ApiClient organiser;

	ApiClient host;

	long organisationId;

	@BeforeAll
	void accounts() {
		admin = new ApiClient(port);
		assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response organisation = admin.post("/api/organisations",
				Map.of("name", "Trung tâm Chuyển đổi số xã Tân Hòa", "kind", "COMMUNE"));
		assertThat(organisation.status()).isEqualTo(201);
		organisationId = organisation.body().path("id").asLong();
		organiser = account("ORGANISER");
		host = account("HOST");
	}

	ApiClient account(String role) {
		String username = "images" + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/users", Map.of("username", username, "displayName",
				"Nguyễn Thị Hoa", "role", role, "organisationId", organisationId));
		ApiClient client = new ApiClient(port);
		assertThat(client.login(username, created.body().path("generatedPassword").asString()).status()).isEqualTo(200);
		return client;
	}

	static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

	long storedImages() {
		return jdbc.sql("SELECT COUNT(*) FROM question_image").query(Long.class).single();
	}

	@Test
	void anUploadedImageIsServedToPhonesWithoutAnAccountAndKeptOnce() throws Exception {
		byte[] png = TestImages.drawn("png", 64, 48);
		String id = sha256(png);

		ApiClient.Response first = organiser.postFile("/api/images", "file", "cờ-đỏ.png", "application/octet-stream", png);
		ApiClient.Response again = organiser.postFile("/api/images", "file", "copy.png", "image/png", png);
		HttpResponse<byte[]> served = new ApiClient(port).download("/api/images/" + id);

		assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
		assertThat(first.body().path("id").asString()).isEqualTo(id);
		assertThat(first.body().path("url").asString()).isEqualTo("/api/images/" + id);
		assertThat(first.body().path("contentType").asString()).isEqualTo("image/png");
		assertThat(first.body().path("bytes").asInt()).isEqualTo(png.length);
		assertThat(first.body().path("width").asInt()).isEqualTo(64);
		assertThat(first.body().path("height").asInt()).isEqualTo(48);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(png);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(served.headers().allValues("X-Content-Type-Options")).hasSize(1);
		var row = jdbc.sql("SELECT organisation_id, created_at FROM question_image WHERE id = ?").param(id).query().singleRow();
		assertThat(((Number) row.get("organisation_id")).longValue()).isEqualTo(organisationId);
		assertThat(((Timestamp) row.get("created_at")).toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
	}

	@Test
	void jpegGifAndWebpAreTakenByTheirBytesWhateverTheBrowserSaid() throws Exception {
		byte[][] files = { TestImages.drawn("jpg", 300, 200), TestImages.drawn("gif", 20, 10),
				TestImages.webpExtended(1280, 720) };
		String[] types = { "image/jpeg", "image/gif", "image/webp" };
		int[][] sizes = { { 300, 200 }, { 20, 10 }, { 1280, 720 } };
		for (int i = 0; i < files.length; i++) {
			ApiClient.Response uploaded = organiser.postFile("/api/images", "file", "anh.png", "image/png", files[i]);
			assertThat(uploaded.status()).as(types[i]).isIn(200, 201);
			assertThat(uploaded.body().path("contentType").asString()).isEqualTo(types[i]);
			assertThat(uploaded.body().path("width").asInt()).isEqualTo(sizes[i][0]);
			assertThat(uploaded.body().path("height").asInt()).isEqualTo(sizes[i][1]);
			HttpResponse<byte[]> served = new ApiClient(port).download(uploaded.body().path("url").asString());
			assertThat(served.headers().firstValue("Content-Type")).hasValue(types[i]);
			assertThat(served.body()).isEqualTo(files[i]);
		}
	}

	@Test
	void anImageOfExactlyTheLimitIsTaken() throws Exception {
		byte[] limit = TestImages.pngOfSize(2 * MB);
		limit[100] = 7;

		ApiClient.Response uploaded = organiser.postFile("/api/images", "file", "lon.png", "image/png", limit);

		assertThat(uploaded.status()).as(uploaded.raw().body()).isIn(200, 201);
		assertThat(uploaded.body().path("bytes").asInt()).isEqualTo(2 * MB);
		assertThat(uploaded.body().path("width").isNull()).as("no IHDR, no size").isTrue();
		assertThat(new ApiClient(port).download("/api/images/" + sha256(limit)).body()).isEqualTo(limit);
	}

	@Test
	void whatIsNoImageIsRefusedAndNothingIsStored() {
		long before = storedImages();
		ApiClient.Response svg = organiser.postFile("/api/images", "file", "logo.svg", "image/svg+xml",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes());
		ApiClient.Response pdf = organiser.language("en").postFile("/api/images", "file", "de-thi.png", "image/png",
				"%PDF-1.7\n".getBytes());
		organiser.language("vi");
		ApiClient.Response empty = organiser.postFile("/api/images", "file", "rong.png", "image/png", new byte[0]);
		ApiClient.Response noFile = organiser.postFile("/api/images", "image", "anh.png", "image/png",
				TestImages.drawn("png", 5, 5));
		ApiClient.Response json = organiser.post("/api/images", Map.of("file", "anh.png"));

		assertThat(svg.status()).isEqualTo(415);
		assertThat(svg.body().path("code").asString()).isEqualTo("image.unsupported");
		assertThat(svg.body().path("detail").asString()).isEqualTo("Chỉ nhận ảnh PNG, JPEG, GIF hoặc WebP.");
		assertThat(pdf.status()).isEqualTo(415);
		assertThat(pdf.body().path("detail").asString()).isEqualTo("Only PNG, JPEG, GIF or WebP images are accepted.");
		for (ApiClient.Response nothing : new ApiClient.Response[] { empty, noFile, json }) {
			assertThat(nothing.status()).as(nothing.raw().body()).isEqualTo(400);
			assertThat(nothing.body().path("code").asString()).isEqualTo("image.empty");
		}
		assertThat(storedImages()).isEqualTo(before);
	}

	@Test
	void anImageOverTheLimitOrOverTheUploadLimitIsAClearProblem() {
		long before = storedImages();

		ApiClient.Response overImageLimit = organiser.postFile("/api/images", "file", "anh.png", "image/png",
				TestImages.pngOfSize(2 * MB + MB / 2));
		ApiClient.Response overUploadLimit = organiser.language("en").postFile("/api/images", "file", "anh.png",
				"image/png", TestImages.pngOfSize(5 * MB + MB / 2));
		organiser.language("vi");

		assertThat(overImageLimit.status()).isEqualTo(413);
		assertThat(overImageLimit.body().path("code").asString()).isEqualTo("image.too-large");
		assertThat(overImageLimit.body().path("detail").asString())
			.isEqualTo("Ảnh quá lớn (tối đa 2 MB). Hãy thu nhỏ ảnh rồi tải lên lại.");
		assertThat(overUploadLimit.status()).isEqualTo(413);
		assertThat(overUploadLimit.header("Content-Type")).startsWith("application/problem+json");
		assertThat(overUploadLimit.body().path("code").asString()).isEqualTo("image.too-large");
		assertThat(overUploadLimit.body().path("detail").asString())
			.isEqualTo("The image is too large (at most 2 MB). Make it smaller and upload it again.");
		assertThat(storedImages()).isEqualTo(before);
	}

	/** A PNG whose header says width x height: 296 KB can unpack to 10 GB, the header is all that counts. */
	static byte[] pngHeader(int width, int height) {
		byte[] data = TestImages.pngOfSize(1024);
		byte[] chunk = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		System.arraycopy(chunk, 0, data, 8, chunk.length);
		java.nio.ByteBuffer.wrap(data, 16, 8).putInt(width).putInt(height);
		return data;
	}

	@Test
	void anImageOverThePixelBudgetIsRefusedInBothLanguagesAndNotStored() {
		long before = storedImages();

		ApiClient.Response bomb = organiser.postFile("/api/images", "file", "bom.png", "image/png",
				pngHeader(50_000, 50_000));
		ApiClient.Response justOver = organiser.language("en").postFile("/api/images", "file", "rong.png", "image/png",
				pngHeader(4001, 4000));
		organiser.language("vi");
		long afterRefusals = storedImages();
		ApiClient.Response atTheBudget = organiser.postFile("/api/images", "file", "vua.png", "image/png",
				pngHeader(4000, 4000));

		assertThat(bomb.status()).isEqualTo(400);
		assertThat(bomb.body().path("code").asString()).isEqualTo("image.too-many-pixels");
		assertThat(bomb.body().path("detail").asString())
			.isEqualTo("Ảnh có quá nhiều điểm ảnh (50.000 × 50.000; tối đa 16 triệu điểm ảnh). "
					+ "Hãy giảm kích thước ảnh rồi tải lên lại.");
		assertThat(justOver.status()).isEqualTo(400);
		assertThat(justOver.body().path("detail").asString())
			.isEqualTo("The image has too many pixels (4,001 × 4,000; at most 16 million). Make it smaller and upload it again.");
		assertThat(afterRefusals).isEqualTo(before);
		assertThat(atTheBudget.status()).isEqualTo(201);
		assertThat(atTheBudget.body().path("width").asInt()).isEqualTo(4000);
	}

	@Test
	void uploadingNeedsAnOrganiserAndTheCsrfToken() {
		byte[] png = TestImages.drawn("png", 7, 7);
		ApiClient anonymous = new ApiClient(port);
		anonymous.get("/api/auth/csrf");

		ApiClient.Response byHost = host.postFile("/api/images", "file", "a.png", "image/png", png);
		ApiClient.Response byNobody = anonymous.postFile("/api/images", "file", "a.png", "image/png", png);
		ApiClient.Response withoutCsrf = account("ORGANISER").withoutCsrf()
			.postFile("/api/images", "file", "a.png", "image/png", png);

		assertThat(byHost.status()).isEqualTo(403);
		assertThat(byHost.body().path("code").asString()).isEqualTo("access.denied");
		assertThat(byNobody.status()).isEqualTo(401);
		assertThat(byNobody.body().path("code").asString()).isEqualTo("login.required");
		assertThat(withoutCsrf.status()).isEqualTo(403);
		assertThat(withoutCsrf.body().path("code").asString()).isEqualTo("csrf.invalid");
		assertThat(admin.postFile("/api/images", "file", "a.png", "image/png", png).status()).isIn(200, 201);
	}

	@Test
	void anUnknownOrMalformedIdIsNotFound() {
		ApiClient phone = new ApiClient(port);
		for (String id : new String[] { "ab".repeat(32), "AB".repeat(32), "abc", "ab".repeat(33), "ab".repeat(32) + ".png", "g".repeat(64) }) {
			ApiClient.Response missing = phone.get("/api/images/" + id);
			assertThat(missing.status()).as(id).isEqualTo(404);
			assertThat(missing.body().path("code").asString()).as(id).isEqualTo("image.not-found");
			assertThat(missing.body().path("detail").asString()).isEqualTo("Không tìm thấy ảnh.");
		}
	}
}
