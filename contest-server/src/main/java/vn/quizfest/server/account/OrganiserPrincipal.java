package vn.quizfest.server.account;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** Who is logged in, as kept in the session. */
public record OrganiserPrincipal(long id, String username, Role role, @Nullable Long organisationId)
		implements Serializable {

	@Override
	public String toString() {
		return username;
	}
}
