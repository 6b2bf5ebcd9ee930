package vn.quizfest.server.bank;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBank;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Quiz;
import vn.quizfest.questionbank.Quizzes;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.account.Role;
import vn.quizfest.server.system.ApiException;

/**
 * The one place that decides who may see and change which bank, question and quiz.
 *
 * <ul>
 * <li>An ADMIN sees and changes everything.</li>
 * <li>Everyone else sees the shared banks and the banks of their own organisation, and the quizzes
 * of their own organisation.</li>
 * <li>An ORGANISER changes the banks and quizzes of their own organisation; a shared bank only an
 * ADMIN changes. A HOST changes nothing.</li>
 * </ul>
 * What a caller may not see is reported as not found, so other organisations' ids reveal nothing.
 */
@Component
public class BankAccess {

	private final QuestionBanks banks;

	private final Questions questions;

	private final Quizzes quizzes;

	BankAccess(QuestionBanks banks, Questions questions, Quizzes quizzes) {
		this.banks = banks;
		this.questions = questions;
		this.quizzes = quizzes;
	}

	public static boolean atLeast(OrganiserPrincipal who, Role role) {
		// Roles are declared from the most to the least powerful.
		return who.role().ordinal() <= role.ordinal();
	}

	public static boolean isAdmin(OrganiserPrincipal who) {
		return who.role() == Role.ADMIN;
	}

	boolean canRead(OrganiserPrincipal who, QuestionBank bank) {
		return isAdmin(who) || bank.shared()
				|| who.organisationId() != null && who.organisationId().equals(bank.ownerOrganisationId());
	}

	boolean canWrite(OrganiserPrincipal who, QuestionBank bank) {
		if (isAdmin(who)) {
			return true;
		}
		return atLeast(who, Role.ORGANISER) && !bank.shared() && who.organisationId() != null
				&& who.organisationId().equals(bank.ownerOrganisationId());
	}

	List<QuestionBank> visibleBanks(OrganiserPrincipal who) {
		return isAdmin(who) ? banks.findAll() : banks.findSharedOrOwnedBy(who.organisationId());
	}

	Set<Long> visibleBankIds(OrganiserPrincipal who) {
		return visibleBanks(who).stream().map(QuestionBank::id).collect(Collectors.toSet());
	}

	/** The bank, when the caller may see it; otherwise not found. */
	public QuestionBank readableBank(OrganiserPrincipal who, long bankId) {
		return banks.findById(bankId)
			.filter(bank -> canRead(who, bank))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "bank.not-found", bankId));
	}

	/** The bank, when the caller may change it; not found or forbidden otherwise. */
	QuestionBank writableBank(OrganiserPrincipal who, long bankId) {
		QuestionBank bank = readableBank(who, bankId);
		if (!canWrite(who, bank)) {
			throw new ApiException(HttpStatus.FORBIDDEN, bank.shared() ? "bank.shared.admin-only" : "bank.read-only");
		}
		return bank;
	}

	/** The question, when the caller may see its bank; otherwise not found. */
	public Question readableQuestion(OrganiserPrincipal who, long questionId) {
		return questions.findById(questionId)
			.filter(question -> banks.findById(question.bankId()).map(bank -> canRead(who, bank)).orElse(false))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "question.not-found", questionId));
	}

	/** The question, when the caller may change its bank. */
	Question writableQuestion(OrganiserPrincipal who, long questionId) {
		Question question = readableQuestion(who, questionId);
		writableBank(who, question.bankId());
		return question;
	}

	boolean canRead(OrganiserPrincipal who, Quiz quiz) {
		return isAdmin(who) || who.organisationId() != null && who.organisationId().equals(quiz.ownerOrganisationId());
	}

	List<Quiz> visibleQuizzes(OrganiserPrincipal who) {
		if (isAdmin(who)) {
			return quizzes.findAll();
		}
		return who.organisationId() == null ? List.of() : quizzes.findByOwner(who.organisationId());
	}

	public Quiz readableQuiz(OrganiserPrincipal who, long quizId) {
		return quizzes.findById(quizId)
			.filter(quiz -> canRead(who, quiz))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "quiz.not-found", quizId));
	}

	Quiz writableQuiz(OrganiserPrincipal who, long quizId) {
		Quiz quiz = readableQuiz(who, quizId);
		requireWriter(who);
		return quiz;
	}

	/** Writing needs an ORGANISER (or ADMIN); method security says so too, this guards calls made in code. */
	void requireWriter(OrganiserPrincipal who) {
		if (!atLeast(who, Role.ORGANISER)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "access.denied");
		}
	}

	/**
	 * The organisation a new bank belongs to. An ORGANISER creates banks of their own organisation only,
	 * never shared ones; an ADMIN may name any organisation (or none) and share.
	 */
	@Nullable Long ownerOfNewBank(OrganiserPrincipal who, boolean shared, @Nullable Long organisationId) {
		if (isAdmin(who)) {
			return organisationId != null ? organisationId : who.organisationId();
		}
		requireWriter(who);
		if (shared) {
			throw new ApiException(HttpStatus.FORBIDDEN, "bank.shared.admin-only");
		}
		if (who.organisationId() == null) {
			throw new ApiException(HttpStatus.FORBIDDEN, "bank.no-organisation");
		}
		if (organisationId != null && !organisationId.equals(who.organisationId())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "access.denied");
		}
		return who.organisationId();
	}

	/** Sharing a bank, or taking its sharing back, is for an ADMIN. */
	void requireMayShare(OrganiserPrincipal who, QuestionBank bank, boolean shared) {
		if (shared != bank.shared() && !isAdmin(who)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "bank.shared.admin-only");
		}
	}
}
