package vn.quizfest.server.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.live.LiveGames;
import vn.quizfest.server.live.LiveGames.PinLookup;
import vn.quizfest.server.system.ApiException;

/**
 * Tells the player page whether a PIN belongs to a game that still takes players, before the player types
 * a nickname, and gives the big screen the join link and its QR code. Public: a PIN is what the room sees
 * on the big screen, and the answer names only the title.
 */
@RestController
class PinLookupController {

	private static final Pattern PIN = Pattern.compile("\\d{6}");

	private final LiveGames games;

	private final JoinLinks links;

	PinLookupController(LiveGames games, JoinLinks links) {
		this.games = games;
		this.links = links;
	}

	/**
	 * @param joinUrl the absolute address phones open
	 * @param joinHost that address without its scheme, to read out on the big screen
	 */
	record PinView(String pin, String title, boolean joinable, String joinUrl, String joinHost) {
	}

	@GetMapping("/api/pins/{pin}")
	ResponseEntity<PinView> lookup(@PathVariable String pin, HttpServletRequest request) {
		PinLookup found = find(pin);
		JoinLinks.Base base = links.base(request);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new PinView(found.pin(), found.title(), found.joinable(), base.join(found.pin()), base.host()));
	}

	/** The join link as a QR code for the big screen and printed posters. */
	@GetMapping("/api/pins/{pin}/qr.svg")
	ResponseEntity<byte[]> qr(@PathVariable String pin, HttpServletRequest request) {
		PinLookup found = find(pin);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.valueOf(QrSvg.CONTENT_TYPE))
			.body(QrSvg.of(links.base(request).join(found.pin())));
	}

	private PinLookup find(String pin) {
		if (!PIN.matcher(pin).matches()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "pin.invalid");
		}
		return games.lookup(pin).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "pin.unknown"));
	}
}
