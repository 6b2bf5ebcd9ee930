package vn.quizfest.server.bank;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.questionbank.QuestionBank;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionInUseException;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;

/** Question banks: the shared ones and those of the caller's organisation. */
@RestController
@RequestMapping("/api/banks")
@PreAuthorize("hasRole('HOST')")
@Tag(name = "Question banks", description = "Named groups of questions, owned by an organisation or shared with all")
class BanksController {

	static final int MAX_NAME = 200;

	record NewBank(@NotBlank(message = "bank.name.required") @Size(max = MAX_NAME, message = "field.too-long") String name,
			@Nullable Boolean shared, @Nullable Long organisationId) {

		boolean isShared() {
			return Boolean.TRUE.equals(shared);
		}
	}

	/** Left out, {@code shared} stays as it is. */
	record BankChange(@NotBlank(message = "bank.name.required") @Size(max = MAX_NAME, message = "field.too-long") String name,
			@Nullable Boolean shared) {
	}

	/** A bank as the caller sees it: {@code writable} says whether the caller may change it. */
	record BankView(long id, String name, @Nullable Long ownerOrganisationId, boolean shared, long questionCount,
			boolean writable, Instant createdAt) {
	}

	private final QuestionBanks banks;

	private final BankAccess access;

	BanksController(QuestionBanks banks, BankAccess access) {
		this.banks = banks;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "The banks the caller can see", description = "Shared banks first, then by name. ADMIN sees all banks.")
	List<BankView> list(@AuthenticationPrincipal OrganiserPrincipal who) {
		return access.visibleBanks(who).stream().map(bank -> view(who, bank)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One bank")
	BankView get(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		return view(who, access.readableBank(who, id));
	}

	@PostMapping
	@PreAuthorize("hasRole('ORGANISER')")
	@Operation(summary = "Create a bank", description = "An ORGANISER creates banks of their own organisation. "
			+ "Only an ADMIN creates shared banks or banks of another organisation (organisationId).")
	ResponseEntity<BankView> create(@Valid @RequestBody NewBank request, @AuthenticationPrincipal OrganiserPrincipal who) {
		Long owner = access.ownerOfNewBank(who, request.isShared(), request.organisationId());
		long id;
		try {
			id = banks.create(request.name().trim(), owner, request.isShared());
		}
		catch (DataIntegrityViolationException ex) {
			// The only constraint a valid name can break is the owner's foreign key.
			throw new ApiException(HttpStatus.NOT_FOUND, "organisation.not-found", owner);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(view(who, access.readableBank(who, id)));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ORGANISER')")
	@Operation(summary = "Rename a bank or change whether it is shared", description = "Sharing is for ADMIN only.")
	BankView update(@PathVariable long id, @Valid @RequestBody BankChange change,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		QuestionBank bank = access.writableBank(who, id);
		boolean shared = change.shared() == null ? bank.shared() : change.shared();
		access.requireMayShare(who, bank, shared);
		banks.update(id, change.name().trim(), shared);
		return view(who, access.readableBank(who, id));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Delete a bank with all its questions",
			description = "Refused (409) while a quiz uses one of its questions.")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		access.writableBank(who, id);
		try {
			banks.delete(id);
		}
		catch (QuestionInUseException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "bank.in-use", QuestionsController.ids(ex.quizIds()));
		}
		return ResponseEntity.noContent().build();
	}

	private BankView view(OrganiserPrincipal who, QuestionBank bank) {
		return new BankView(bank.id(), bank.name(), bank.ownerOrganisationId(), bank.shared(), bank.questionCount(),
				access.canWrite(who, bank), bank.createdAt());
	}
}
