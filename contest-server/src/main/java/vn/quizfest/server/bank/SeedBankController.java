package vn.quizfest.server.bank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.questionbank.SeedBank;
import vn.quizfest.server.system.ApiException;

/**
 * Loads the seed bank on an administrator's request: the way a cluster database gets it, since no
 * node loads it on its own there. Calling it again changes nothing.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class SeedBankController {

	/** The seed bank's id, its questions per language, and whether this request created it. */
	record SeedBankLoad(long bankId, int vietnamese, int english, boolean created) {
	}

	private final SeedBank seedBank;

	SeedBankController(SeedBank seedBank) {
		this.seedBank = seedBank;
	}

	@PostMapping("/api/admin/seed-bank")
	ResponseEntity<SeedBankLoad> load() {
		SeedBank.Loaded loaded;
		try {
			loaded = seedBank.loadIfMissing();
		}
		catch (SeedBank.InvalidSeedException ex) {
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "seed-bank.invalid", ex.file(), ex.key(), ex.code());
		}
		return ResponseEntity.status(loaded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new SeedBankLoad(loaded.bankId(), loaded.vietnamese(), loaded.english(), loaded.created()));
	}
}
