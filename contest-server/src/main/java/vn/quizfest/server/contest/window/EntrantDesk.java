package vn.quizfest.server.contest.window;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.quizfest.server.system.ApiException;

/**
 * Registration: the form checked and normalised, consent recorded, the identity key unique per
 * contest. The same person on another phone gets a fresh token when the details they give match the
 * stored ones; the details change only until the first attempt.
 */
@Service
class EntrantDesk {

	record Registered(Entrant entrant, String token, boolean created) {
	}

	private final EntrantStore entrants;

	private final ContestStore contests;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	EntrantDesk(EntrantStore entrants, ContestStore contests, Clock clock) {
		this.entrants = entrants;
		this.contests = contests;
		this.clock = clock;
	}

	Registered register(Contest contest, Map<String, ?> fields, boolean consent) {
		if (!consent) {
			throw ContestProblem.invalid("entrant.invalid", List.of(new EntrantForm.Problem("consent", "consent.required")));
		}
		if (contest.identityErasedAt() != null) {
			throw new ApiException(HttpStatus.CONFLICT, "contest.ended");
		}
		long now = clock.millis();
		EntrantForm.Checked checked = EntrantForm.check(contest.form(), fields,
				code -> contests.unitExists(contest.id(), code), ContestTime.year(now));
		if (!checked.valid()) {
			throw ContestProblem.invalid("entrant.invalid", checked.problems());
		}
		Map<String, String> values = checked.values();
		String identity = values.get(contest.identityKey().field());
		String consentHash = sha256(contest.consentPurpose() + "\n" + contest.consentRetention() + "\n"
				+ contest.consentController());
		for (int tries = 0; tries < 2; tries++) {
			Optional<Entrant> existing = entrants.byIdentity(contest.id(), identity);
			if (existing.isPresent()) {
				Entrant entrant = existing.get();
				if (!samePerson(contest, entrant, values)) {
					throw new ApiException(HttpStatus.CONFLICT, "entrant.identity-taken");
				}
				if (!sameDetails(entrant, values)) {
					if (entrant.locked() || !entrants.updateUnlocked(entrant.id(), values, now, consentHash)) {
						throw new ApiException(HttpStatus.CONFLICT, "entrant.locked");
					}
					entrant = entrants.byId(entrant.id()).orElseThrow();
				}
				return new Registered(entrant, issueToken(entrant.id(), now), false);
			}
			try {
				long id = entrants.create(contest.id(), identity, values, now, consentHash);
				return new Registered(entrants.byId(id).orElseThrow(), issueToken(id, now), true);
			}
			catch (DuplicateKeyException ex) {
				// The same identity registered from another phone at the same moment: compare with that one.
			}
		}
		throw new ApiException(HttpStatus.CONFLICT, "entrant.identity-taken");
	}

	/** Same person: the name (NFC, any case), year of birth and phone agree wherever the form collects them. */
	static boolean samePerson(Contest contest, Entrant stored, Map<String, String> given) {
		if (contest.asks(EntrantForm.FULL_NAME) && !equalName(stored.fullName(), given.get(EntrantForm.FULL_NAME))) {
			return false;
		}
		if (contest.asks(EntrantForm.BIRTH_YEAR)
				&& !Objects.equals(stored.birthYear() == null ? null : stored.birthYear().toString(),
						given.get(EntrantForm.BIRTH_YEAR))) {
			return false;
		}
		return !contest.asks(EntrantForm.PHONE) || Objects.equals(stored.phone(), given.get(EntrantForm.PHONE));
	}

	private static boolean equalName(@org.jspecify.annotations.Nullable String a, @org.jspecify.annotations.Nullable String b) {
		if (a == null || b == null) {
			return a == null && b == null;
		}
		return IdentityChecks.name(a).toLowerCase(Locale.ROOT).equals(IdentityChecks.name(b).toLowerCase(Locale.ROOT));
	}

	private static boolean sameDetails(Entrant stored, Map<String, String> given) {
		Map<String, Object> current = stored.fields(false);
		for (String field : EntrantForm.FIELDS) {
			Object value = current.get(field);
			if (!Objects.equals(value == null ? null : value.toString(), given.get(field))) {
				return false;
			}
		}
		return true;
	}

	private String issueToken(long entrantId, long now) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		String hash = sha256(token);
		entrants.addToken(entrantId, hash, now);
		// The phone's next request (the start) then finds its token known here.
		remember(hash, entrantId, now);
		return token;
	}

	/** The entrant holding this token, or 401. */
	Entrant byToken(Contest contest, String token) {
		return entrants.byToken(sha256(token))
			.filter(e -> e.contestId() == contest.id())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "entrant.token.invalid"));
	}

	Entrant byToken(String token) {
		return entrants.byToken(sha256(token))
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "entrant.token.invalid"));
	}

	/** Tokens this node has seen, kept at most this many (then forgotten all at once and read again). */
	static final int CACHED_TOKENS = 50_000;

	/** How long a seen token is trusted without reading the database again (a deleted token ends by then). */
	static final long TOKEN_TRUST_MILLIS = 10 * 60_000L;

	private record KnownToken(long entrantId, long until) {
	}

	private final Map<String, KnownToken> knownTokens = new ConcurrentHashMap<>();

	/**
	 * The entrant a token names, for the requests of an attempt (view, save, prediction, submit), which
	 * need only the id: an entrant's token never moves to another entrant, so a node keeps what it read
	 * and an answer save costs no join of the token and entrant tables. Tokens are deleted only by the
	 * retention job, which calls {@link #forgetTokens()} on its node; other nodes trust a token at most
	 * {@link #TOKEN_TRUST_MILLIS} longer, and the attempt it reaches is erased by then anyway.
	 */
	long entrantId(String token) {
		String hash = sha256(token);
		long now = clock.millis();
		KnownToken known = knownTokens.get(hash);
		if (known != null && now < known.until()) {
			return known.entrantId();
		}
		Entrant entrant = entrants.byToken(hash)
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "entrant.token.invalid"));
		remember(hash, entrant.id(), now);
		return entrant.id();
	}

	private void remember(String hash, long entrantId, long now) {
		if (knownTokens.size() >= CACHED_TOKENS) {
			knownTokens.clear();
		}
		knownTokens.put(hash, new KnownToken(entrantId, now + TOKEN_TRUST_MILLIS));
	}

	/** The entrant id of a token this node has seen and still trusts, or -1 (nothing is read). */
	long knownEntrantId(String token) {
		KnownToken known = knownTokens.get(sha256(token));
		return known != null && clock.millis() < known.until() ? known.entrantId() : -1;
	}

	/** Forgets every token this node has seen (after tokens were deleted). */
	void forgetTokens() {
		knownTokens.clear();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
