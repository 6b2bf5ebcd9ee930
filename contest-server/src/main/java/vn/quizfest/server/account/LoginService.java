package vn.quizfest.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import vn.quizfest.server.system.ApiException;

/**
 * Checks organiser credentials. After {@code maxFailedAttempts} wrong passwords in a row an account
 * is locked for {@code lockout}; an address with too many failures is refused for a while.
 */
@Service
class LoginService {

	// Compared against when the username is unknown, so both cases take the same time.
	private final String unknownUserHash;

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final LoginSettings settings;

	private final AddressThrottle addresses;

	private final Clock clock;

	LoginService(UserAccounts accounts, PasswordEncoder encoder, LoginSettings settings, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
		this.addresses = new AddressThrottle(settings.maxFailuresPerAddress(), settings.addressWindow(), clock);
		this.unknownUserHash = encoder.encode(Passwords.generate());
	}

	/** Checks the credentials and returns the account they belong to. */
	UserAccount login(String username, String password, String clientAddress) {
		Duration addressWait = addresses.waitTime(clientAddress);
		if (!addressWait.isZero()) {
			throw ApiException.tooManyRequests(addressWait, "login.too-many-attempts");
		}
		Optional<UserAccounts.Credentials> found = accounts.findCredentials(username);
		if (found.isEmpty()) {
			encoder.matches(password, unknownUserHash);
			addresses.recordFailure(clientAddress);
			throw new ApiException(HttpStatus.UNAUTHORIZED, "login.bad-credentials");
		}
		UserAccounts.Credentials credentials = found.get();
		UserAccount account = credentials.account();
		Instant now = clock.instant();
		if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
			throw ApiException.tooManyRequests(Duration.between(now, account.lockedUntil()), "login.locked",
					minutesLeft(Duration.between(now, account.lockedUntil())));
		}
		if (!encoder.matches(password, credentials.passwordHash())) {
			addresses.recordFailure(clientAddress);
			int failures = accounts.recordFailure(account.id(), settings.maxFailedAttempts(),
					now.plus(settings.lockout()));
			if (failures >= settings.maxFailedAttempts()) {
				throw ApiException.tooManyRequests(settings.lockout(), "login.locked",
						minutesLeft(settings.lockout()));
			}
			throw new ApiException(HttpStatus.UNAUTHORIZED, "login.bad-credentials");
		}
		if (!account.enabled()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "login.disabled");
		}
		accounts.recordSuccess(account.id());
		// recordSuccess cleared any expired lock; report the account as it now is.
		return new UserAccount(account.id(), account.username(), account.displayName(), account.role(),
				account.organisationId(), account.enabled(), null, account.createdAt());
	}

	static Authentication authenticated(UserAccount account) {
		return UsernamePasswordAuthenticationToken.authenticated(new OrganiserPrincipal(account.id(),
				account.username(), account.role(), account.organisationId()), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
	}

	private static long minutesLeft(Duration duration) {
		return Math.max(1, (duration.toSeconds() + 59) / 60);
	}
}
