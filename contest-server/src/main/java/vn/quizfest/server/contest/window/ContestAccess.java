package vn.quizfest.server.contest.window;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.account.Role;
import vn.quizfest.server.bank.BankAccess;
import vn.quizfest.server.system.ApiException;

/**
 * Who may run a contest and see its entrants' details: ORGANISER and ADMIN of the contest's own
 * organisation, and any ADMIN. A HOST and other organisations get 403, never an identity field.
 */
@Component
class ContestAccess {

	private final ContestStore contests;

	ContestAccess(ContestStore contests) {
		this.contests = contests;
	}

	static boolean mayRun(OrganiserPrincipal who, long organisationId) {
		if (who.role() == Role.ADMIN) {
			return true;
		}
		return BankAccess.atLeast(who, Role.ORGANISER) && who.organisationId() != null
				&& who.organisationId() == organisationId;
	}

	Contest contest(OrganiserPrincipal who, long contestId) {
		Contest contest = contests.contest(contestId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "contest.not-found", contestId));
		if (!mayRun(who, contest.organisationId())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "contest.forbidden");
		}
		return contest;
	}

	Round round(Contest contest, long roundId) {
		return contests.round(roundId)
			.filter(r -> r.contestId() == contest.id())
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "round.not-found", roundId));
	}

	/** The organisation a new contest belongs to: the caller's own; an ADMIN may name another. */
	static long organisationOfNew(OrganiserPrincipal who, @Nullable Long requested) {
		if (who.role() == Role.ADMIN && requested != null) {
			return requested;
		}
		if (who.organisationId() == null) {
			throw new ApiException(HttpStatus.FORBIDDEN, "contest.no-organisation");
		}
		if (requested != null && requested.longValue() != who.organisationId()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "contest.forbidden");
		}
		if (!BankAccess.atLeast(who, Role.ORGANISER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "contest.forbidden");
		}
		return who.organisationId();
	}
}
