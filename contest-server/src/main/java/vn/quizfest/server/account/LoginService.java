package vn.quizfest.server.account;

import java.time.Duration;
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
 * Checks organiser credentials. Failures slow the username and the client address down with a growing
 * back-off ({@link LoginFailures}); a known and an unknown username get the same answers in the same
 * time. A hash from an older encoder is replaced on a successful login.
 */
@Service
class LoginService {

	/** A checked login: the account and the security stamp its session starts with. */
	record Login(UserAccount account, long securityStamp) {
	}

	// Compared against when the username is unknown, so both cases take the same time.
	private final String unknownUserHash;

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final LoginFailures failures;

	LoginService(UserAccounts accounts, PasswordEncoder encoder, LoginFailures failures) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.failures = failures;
		this.unknownUserHash = encoder.encode(Passwords.generate());
	}

	/** Checks the credentials and returns the account they belong to. */
	Login login(String username, String password, String clientAddress) {
		refuseWhileBackingOff(username, clientAddress);
		Optional<UserAccounts.Credentials> found = accounts.findCredentials(username);
		if (found.isEmpty()) {
			encoder.matches(password, unknownUserHash);
			failures.recordFailure(username, clientAddress);
			throw new ApiException(HttpStatus.UNAUTHORIZED, "login.bad-credentials");
		}
		UserAccounts.Credentials credentials = found.get();
		UserAccount account = credentials.account();
		if (!encoder.matches(password, credentials.passwordHash())) {
			failures.recordFailure(username, clientAddress);
			throw new ApiException(HttpStatus.UNAUTHORIZED, "login.bad-credentials");
		}
		failures.recordSuccess(username);
		if (!account.enabled()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "login.disabled");
		}
		if (encoder.upgradeEncoding(credentials.passwordHash())) {
			accounts.upgradeHash(account.id(), credentials.passwordHash(), encoder.encode(password));
		}
		return new Login(new UserAccount(account.id(), account.username(), account.displayName(), account.role(),
				account.organisationId(), account.enabled(), account.createdAt()), credentials.securityStamp());
	}

	/**
	 * Checks the current password of a signed-in account before a change, throttled like a login: a
	 * stolen session cannot guess it without limit.
	 */
	void checkCurrentPassword(UserAccounts.Credentials credentials, String password, String clientAddress) {
		String username = credentials.account().username();
		refuseWhileBackingOff(username, clientAddress);
		if (!encoder.matches(password, credentials.passwordHash())) {
			failures.recordFailure(username, clientAddress);
			throw new ApiException(HttpStatus.BAD_REQUEST, "password.current.wrong");
		}
	}

	private void refuseWhileBackingOff(String username, String clientAddress) {
		Duration wait = failures.waitTime(username, clientAddress);
		if (!wait.isZero()) {
			throw ApiException.tooManyRequests(wait, "login.backoff", Math.max(1, (wait.toMillis() + 999) / 1000));
		}
	}

	static Authentication authenticated(UserAccount account) {
		return UsernamePasswordAuthenticationToken.authenticated(new OrganiserPrincipal(account.id(),
				account.username(), account.role(), account.organisationId()), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
	}
}
