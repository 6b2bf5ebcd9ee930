package vn.quizfest.server.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.system.ApiException;

/**
 * A QR code of any text, for organisers (the console's host-controls link). A POST, not a GET: that link
 * carries the host token, which must not end up in a query string, a server log or a browser history.
 */
@RestController
class QrController {

	static final int MAX_CHARACTERS = 1000;

	record QrRequest(@Nullable String text) {
	}

	@PostMapping("/api/qr")
	ResponseEntity<byte[]> qr(@RequestBody QrRequest request) {
		String text = request.text();
		int length = text == null ? 0 : text.codePointCount(0, text.length());
		if (text == null || text.isBlank() || length > MAX_CHARACTERS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "qr.text.invalid", MAX_CHARACTERS);
		}
		byte[] svg;
		try {
			svg = QrSvg.of(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "qr.text.invalid", MAX_CHARACTERS);
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.valueOf(QrSvg.CONTENT_TYPE))
			.body(svg);
	}
}
