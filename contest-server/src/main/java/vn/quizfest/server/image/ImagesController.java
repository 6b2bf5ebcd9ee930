package vn.quizfest.server.image;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Problems;

/**
 * Question images: organisers upload PNG, JPEG, GIF or WebP files; anyone loads them by id (players'
 * phones show them with the question, and the pages' Content-Security-Policy allows images from this
 * server only). A question points at its image with {@code imageUrl: "/api/images/<id>"}.
 */
@RestController
@Tag(name = "Question images", description = "Images shown with questions: upload, then put the url in imageUrl")
class ImagesController {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

	private final Images images;

	private final Problems problems;

	private final long maxBytes;

	private final long maxPixels;

	ImagesController(Images images, Problems problems, ImageSettings settings) {
		this.images = images;
		this.problems = problems;
		this.maxBytes = settings.maxBytes().toBytes();
		this.maxPixels = settings.maxPixels();
	}

	/** A stored image; {@code width} and {@code height} are null when the header does not say them. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ImageView(String id, String url, String contentType, int bytes, @Nullable Integer width,
			@Nullable Integer height) {

		static ImageView of(Images.StoredImage image) {
			return new ImageView(image.id(), "/api/images/" + image.id(), image.contentType(), image.bytes(), image.width(),
					image.height());
		}
	}

	@PostMapping("/api/images")
	@PreAuthorize("hasRole('ORGANISER')")
	@Operation(summary = "Upload a question image",
			description = "Multipart field file: PNG, JPEG, GIF or WebP (told by the bytes), at most quizfest.images.max-bytes. "
					+ "201 when stored, 200 when the same file (same SHA-256) already was; 400 image.empty, "
					+ "400 image.too-many-pixels (over quizfest.images.max-pixels), 413 image.too-large, "
					+ "415 image.unsupported.")
	ResponseEntity<ImageView> upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal OrganiserPrincipal who) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "image.empty");
		}
		if (file.getSize() > maxBytes) {
			throw tooLarge();
		}
		byte[] data = file.getBytes();
		ImageFormat format = ImageFormat.detect(data)
			.orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "image.unsupported"));
		ImageFormat.Size size = format.size(data);
		if (size != null && (long) size.width() * size.height() > maxPixels) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "image.too-many-pixels", size.width(), size.height(),
					maxPixels / 1_000_000.0);
		}
		String id = HexFormat.of().formatHex(sha256(data));
		boolean created = images.add(new Images.NewImage(id, format, data, size, who.organisationId(), who.id()));
		ImageView view = ImageView.of(images.find(id).orElseThrow());
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping("/api/images/{id}")
	@Operation(summary = "A question image", description = "Public: players' phones load it. Cached for a year; "
			+ "404 image.not-found.")
	ResponseEntity<byte[]> image(@PathVariable String id) {
		Optional<Images.ImageData> found = ID.matcher(id).matches() ? images.data(id) : Optional.empty();
		Images.ImageData image = found.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "image.not-found"));
		// The id is the hash of the bytes: what is served under it never changes.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_LENGTH, Integer.toString(image.data().length))
			.body(image.data());
	}

	/**
	 * An upload over the multipart limit is refused while its parts are read, before the method above runs;
	 * it gets the same answer as one over this endpoint's own limit.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> overMultipartLimit(MaxUploadSizeExceededException ex) {
		ApiException tooLarge = tooLarge();
		return ResponseEntity.status(tooLarge.status())
			.body(problems.of(LocaleContextHolder.getLocale(), tooLarge.status(), tooLarge.code(), tooLarge.args()));
	}

	private ApiException tooLarge() {
		BigDecimal megabytes = new BigDecimal(maxBytes / (1024.0 * 1024.0), new MathContext(2)).stripTrailingZeros();
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "image.too-large", megabytes);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
