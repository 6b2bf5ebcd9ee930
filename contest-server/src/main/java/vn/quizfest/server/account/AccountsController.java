package vn.quizfest.server.account;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.system.ApiException;

/** Organisations and organiser accounts; only an ADMIN manages them. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AccountsController {

	record NewOrganisation(@NotBlank(message = "organisation.name.required") @Size(max = 200, message = "field.too-long") String name,
			@NotNull(message = "organisation.kind.required") OrganisationKind kind, @Nullable Long parentId) {
	}

	record NewUser(
			@NotBlank(message = "user.username.required") @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
					message = "user.username.pattern") String username,
			@NotBlank(message = "user.display-name.required") @Size(max = 100, message = "field.too-long") String displayName,
			@NotNull(message = "user.role.required") Role role, @Nullable Long organisationId,
			@Nullable @Size(max = 200, message = "field.too-long") String password) {
	}

	record UserChange(@NotBlank(message = "user.display-name.required") @Size(max = 100, message = "field.too-long") String displayName,
			@NotNull(message = "user.role.required") Role role, @Nullable Long organisationId, boolean enabled) {
	}

	/** A new account, with its password shown this once when the server generated it. */
	record CreatedUser(UserAccount account, @Nullable String generatedPassword) {
	}

	record PasswordReset(String generatedPassword) {
	}

	private final Organisations organisations;

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	AccountsController(Organisations organisations, UserAccounts accounts, PasswordEncoder encoder) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.encoder = encoder;
	}

	@GetMapping("/api/organisations")
	List<Organisation> organisations() {
		return organisations.findAll();
	}

	@PostMapping("/api/organisations")
	ResponseEntity<Organisation> createOrganisation(@Valid @RequestBody NewOrganisation request) {
		if (request.parentId() != null) {
			requireOrganisation(request.parentId());
		}
		long id = organisations.create(request.name().trim(), request.kind(), request.parentId());
		return ResponseEntity.status(HttpStatus.CREATED).body(requireOrganisation(id));
	}

	@GetMapping("/api/users")
	List<UserAccount> users() {
		return accounts.findAll();
	}

	@PostMapping("/api/users")
	@Transactional
	ResponseEntity<CreatedUser> createUser(@Valid @RequestBody NewUser request) {
		if (request.organisationId() != null) {
			requireOrganisation(request.organisationId());
		}
		String generated = request.password() == null || request.password().isBlank() ? Passwords.generate() : null;
		String password = generated != null ? generated : request.password();
		Passwords.check(password, request.username());
		long id;
		try {
			id = accounts.create(request.username(), request.displayName().trim(), encoder.encode(password),
					request.role(), request.organisationId());
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "user.username.taken", request.username());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedUser(requireUser(id), generated));
	}

	@PutMapping("/api/users/{id}")
	UserAccount updateUser(@PathVariable long id, @Valid @RequestBody UserChange change,
			@AuthenticationPrincipal OrganiserPrincipal admin) {
		UserAccount target = requireUser(id);
		if (change.organisationId() != null) {
			requireOrganisation(change.organisationId());
		}
		// An admin cannot lock themselves out of administration, nor give their own account a role or
		// an enabled flag it does not have now (the session's role is the account's current one: see
		// AccountSessions).
		if (id == admin.id() && (!change.enabled() || change.role() != Role.ADMIN)) {
			throw new ApiException(HttpStatus.CONFLICT, "user.self-demotion");
		}
		if (id == admin.id() && (change.role() != target.role() || change.enabled() != target.enabled())) {
			throw new ApiException(HttpStatus.CONFLICT, "user.self-change");
		}
		accounts.update(id, change.displayName().trim(), change.role(), change.organisationId(), change.enabled());
		return requireUser(id);
	}

	@PostMapping("/api/users/{id}/password-reset")
	PasswordReset resetPassword(@PathVariable long id) {
		requireUser(id);
		String generated = Passwords.generate();
		// Ends every session of the account, the resetting admin's own when it resets itself.
		accounts.changePassword(id, encoder.encode(generated));
		return new PasswordReset(generated);
	}

	private Organisation requireOrganisation(long id) {
		return organisations.findById(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "organisation.not-found", id));
	}

	private UserAccount requireUser(long id) {
		return accounts.findById(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "user.not-found", id));
	}
}
