package vn.quizfest.server.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request see the account as it is now, in the database shared by all nodes: a session
 * ends when its account is gone or disabled, when the account's security stamp moved on (role change,
 * password change or reset, disabling: see {@link UserAccounts#update}), or when it is older than the
 * absolute lifetime. A changed organisation is taken over into the session. Works alike for sessions
 * in memory and in Redis, since nothing but the stamp and the login time is trusted from the session.
 */
class AccountSessions extends OncePerRequestFilter {

	static final String STAMP = AccountSessions.class.getName() + ".stamp";

	static final String LOGGED_IN_AT = AccountSessions.class.getName() + ".loggedInAt";

	private final UserAccounts accounts;

	private final SecurityContextRepository contexts;

	private final SessionSettings settings;

	private final Clock clock;

	AccountSessions(UserAccounts accounts, SecurityContextRepository contexts, SessionSettings settings,
			Clock clock) {
		this.accounts = accounts;
		this.contexts = contexts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Marks the session of a fresh login (or of the account's own password change) as current. */
	static void stamp(HttpServletRequest request, long securityStamp, boolean freshLogin, Clock clock) {
		HttpSession session = request.getSession();
		session.setAttribute(STAMP, securityStamp);
		if (freshLogin || session.getAttribute(LOGGED_IN_AT) == null) {
			session.setAttribute(LOGGED_IN_AT, clock.millis());
		}
	}

	/**
	 * Only the API needs an account; pages and their modules are public, so an organiser's page load
	 * costs no session read and no database query per file.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OrganiserPrincipal principal) {
			check(principal, request, response);
		}
		chain.doFilter(request, response);
	}

	private void check(OrganiserPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		Object stamp = session.getAttribute(STAMP);
		Object loggedInAt = session.getAttribute(LOGGED_IN_AT);
		var current = accounts.findCurrent(principal.id());
		boolean valid = current.isPresent() && current.get().account().enabled() && stamp instanceof Long s
				&& s == current.get().securityStamp() && loggedInAt instanceof Long at
				&& Instant.ofEpochMilli(at).plus(settings.absoluteLifetime()).isAfter(clock.instant());
		if (!valid) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			return;
		}
		UserAccount account = current.get().account();
		if (account.role() != principal.role() || !java.util.Objects.equals(account.organisationId(),
				principal.organisationId())) {
			// Only the organisation can change without a new stamp; the role is kept in step all the same.
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(LoginService.authenticated(account));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
		}
	}
}
