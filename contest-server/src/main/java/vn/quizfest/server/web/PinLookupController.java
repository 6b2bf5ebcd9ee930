package vn.quizfest.server.web;

import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.live.LiveGames;
import vn.quizfest.server.live.LiveGames.PinLookup;
import vn.quizfest.server.system.ApiException;

/**
 * Tells the player page whether a PIN belongs to a game that still takes players, before the player types
 * a nickname. Public: a PIN is what the room sees on the big screen, and the answer names only the title.
 */
@RestController
class PinLookupController {

	private static final Pattern PIN = Pattern.compile("\\d{6}");

	private final LiveGames games;

	PinLookupController(LiveGames games) {
		this.games = games;
	}

	@GetMapping("/api/pins/{pin}")
	ResponseEntity<PinLookup> lookup(@PathVariable String pin) {
		if (!PIN.matcher(pin).matches()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "pin.invalid");
		}
		PinLookup found = games.lookup(pin).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "pin.unknown"));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found);
	}
}
