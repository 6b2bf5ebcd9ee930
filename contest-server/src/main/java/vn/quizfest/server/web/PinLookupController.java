package vn.quizfest.server.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.limits.AddressLimits;
import vn.quizfest.server.limits.Limit;
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

	private final AddressLimits limits;

	PinLookupController(LiveGames games, JoinLinks links, AddressLimits limits) {
		this.games = games;
		this.links = links;
		this.limits = limits;
	}

	/**
	 * @param joinUrl the absolute address phones open
	 * @param joinHost that address without its scheme, to read out on the big screen
	 * @param format the game's live format, so the phone knows what it joins (absent when another node holds it)
	 * @param joinWith {@code NUMBER} when the player joins with a number from the organiser's list (số báo
	 *        danh) instead of a nickname (absent when another node holds the game)
	 */
	record PinView(String pin, String title, boolean joinable, String joinUrl, String joinHost,
			List<vn.quizfest.server.game.Unit> units, boolean unitsAssigned,
			vn.quizfest.server.game.@Nullable GameFormatKind format, LiveGames.@Nullable JoinWith joinWith) {
	}

	@GetMapping("/api/pins/{pin}")
	ResponseEntity<PinView> lookup(@PathVariable String pin, HttpServletRequest request) {
		PinLookup found = find(pin, request);
		JoinLinks.Base base = links.base(request);
		LiveGames.JoinShape shape = games.joinShape(found.pin()).orElse(null);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new PinView(found.pin(), found.title(), found.joinable(), base.join(found.pin()), base.host(),
					found.units(), found.unitsAssigned(), shape == null ? null : shape.format(),
					shape == null ? null : shape.joinWith()));
	}

	/** The join link as a QR code for the big screen and printed posters. */
	@GetMapping("/api/pins/{pin}/qr.svg")
	ResponseEntity<byte[]> qr(@PathVariable String pin, HttpServletRequest request) {
		PinLookup found = find(pin, request);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.valueOf(QrSvg.CONTENT_TYPE))
			.body(QrSvg.of(links.base(request).join(found.pin())));
	}

	/**
	 * Unknown PINs count against the caller's address, together with failed joins on the player
	 * socket; past the limit every lookup is refused, a right PIN too, so a sweep learns nothing while
	 * it waits. Malformed PINs are refused first and count too: they cost a guess like any other.
	 */
	private PinLookup find(String pin, HttpServletRequest request) {
		String address = request.getRemoteAddr();
		AddressLimits.Verdict verdict = limits.check(Limit.PIN_MISSES, address);
		if (!verdict.allowed()) {
			throw ApiException.tooManyRequests(verdict.retryAfter(), "pin.too-many-attempts", verdict.retryAfterSeconds());
		}
		if (!PIN.matcher(pin).matches()) {
			limits.take(Limit.PIN_MISSES, address);
			throw new ApiException(HttpStatus.BAD_REQUEST, "pin.invalid");
		}
		return games.lookup(pin).orElseThrow(() -> {
			limits.take(Limit.PIN_MISSES, address);
			return new ApiException(HttpStatus.NOT_FOUND, "pin.unknown");
		});
	}
}
