package vn.quizfest.server.account;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.system.ApiException;

/**
 * Session login for the console and API clients. A client first fetches a CSRF token, then sends it
 * in the {@code X-XSRF-TOKEN} header with every state-changing request, login included.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	record LoginRequest(@NotBlank(message = "login.username.required") @Size(max = 64, message = "field.too-long") String username,
			@NotBlank(message = "login.password.required") @Size(max = 256, message = "field.too-long") String password) {
	}

	record LoginResponse(UserAccount account, String csrfToken) {
	}

	record PasswordChange(@NotBlank(message = "password.current.required") @Size(max = 256, message = "field.too-long") String currentPassword,
			@NotBlank(message = "password.new.required") @Size(max = 200, message = "field.too-long") String newPassword) {
	}

	private final LoginService logins;

	private final Clock clock;

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final SecurityContextRepository contexts;

	private final CsrfTokenRepository csrfTokens;

	AuthController(LoginService logins, UserAccounts accounts, PasswordEncoder encoder,
			SecurityContextRepository contexts, CsrfTokenRepository csrfTokens, Clock clock) {
		this.logins = logins;
		this.clock = clock;
		this.accounts = accounts;
		this.encoder = encoder;
		this.contexts = contexts;
		this.csrfTokens = csrfTokens;
	}

	/** The CSRF token for this client; the same value is also set in the XSRF-TOKEN cookie. */
	@GetMapping("/csrf")
	Map<String, String> csrf(HttpServletRequest request) {
		DeferredCsrfToken deferred = (DeferredCsrfToken) request.getAttribute(DeferredCsrfToken.class.getName());
		CsrfToken token = deferred.get();
		return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
	}

	@PostMapping("/login")
	LoginResponse login(@Valid @RequestBody LoginRequest login, HttpServletRequest request,
			HttpServletResponse response) {
		LoginService.Login checked = logins.login(login.username(), login.password(), request.getRemoteAddr());
		UserAccount account = checked.account();
		Authentication authentication = LoginService.authenticated(account);
		// A new session id and a new CSRF token after login: nothing fixed before login stays valid.
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		AccountSessions.stamp(request, checked.securityStamp(), true, clock);
		CsrfToken fresh = csrfTokens.generateToken(request);
		csrfTokens.saveToken(fresh, request, response);
		return new LoginResponse(account, fresh.getToken());
	}

	@GetMapping("/me")
	UserAccount me(@AuthenticationPrincipal OrganiserPrincipal principal) {
		return current(principal);
	}

	@PutMapping("/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal OrganiserPrincipal principal,
			@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
		UserAccounts.Credentials credentials = accounts.findCredentials(principal.username())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "login.required"));
		logins.checkCurrentPassword(credentials, change.currentPassword(), request.getRemoteAddr());
		Passwords.check(change.newPassword(), principal.username());
		long stamp = accounts.changePassword(principal.id(), encoder.encode(change.newPassword()));
		// Every other session of the account ends; this one, which knew the old password, goes on.
		AccountSessions.stamp(request, stamp, false, clock);
		return ResponseEntity.noContent().build();
	}

	private UserAccount current(OrganiserPrincipal principal) {
		return accounts.findById(principal.id())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "login.required"));
	}
}
