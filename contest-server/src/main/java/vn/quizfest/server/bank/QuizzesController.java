package vn.quizfest.server.bank;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionDraw;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Quiz;
import vn.quizfest.questionbank.Quizzes;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;

/** Quizzes of the caller's organisation, and random draws of questions by quotas. */
@RestController
@RequestMapping("/api/quizzes")
@PreAuthorize("hasRole('HOST')")
@Tag(name = "Quizzes", description = "Ordered lists of questions that games are created from")
class QuizzesController {

	static final int MAX_QUESTIONS = 200;

	static final int MAX_QUOTAS = 30;

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 2000;

	record QuizInput(@NotBlank(message = "quiz.title.required") @Size(max = MAX_TITLE, message = "field.too-long") String title,
			@Nullable @Size(max = MAX_DESCRIPTION, message = "field.too-long") String description,
			@Nullable Language language, @Nullable List<Long> questionIds, @Nullable Integer version,
			@Nullable @Valid GameSettingsRequest settings) {
	}

	/** A quiz with its questions in playing order and the game settings it sets (absent when none). */
	record QuizView(long id, @Nullable Long ownerOrganisationId, String title, @Nullable String description,
			Language language, @Nullable Long createdBy, Instant createdAt, Instant updatedAt, int version,
			@Nullable GameSettingsRequest settings, List<Question> questions) {
	}

	/** A quiz in a list: its question ids only. */
	record QuizSummary(long id, @Nullable Long ownerOrganisationId, String title, @Nullable String description,
			Language language, Instant updatedAt, int version, int questionCount, List<Long> questionIds,
			@Nullable GameSettingsRequest settings) {
	}

	record QuotaInput(@Nullable Set<Topic> topics,
			@Nullable @Min(value = 1, message = "question.difficulty.range") @Max(value = 3, message = "question.difficulty.range") Integer difficulty,
			@NotNull(message = "draw.count.range") @Min(value = 1, message = "draw.count.range") @Max(value = MAX_QUESTIONS, message = "draw.count.range") Integer count) {
	}

	record SaveAs(@NotBlank(message = "quiz.title.required") @Size(max = MAX_TITLE, message = "field.too-long") String title,
			@Nullable @Size(max = MAX_DESCRIPTION, message = "field.too-long") String description) {
	}

	/**
	 * Quotas over topic and difficulty, from the published questions in {@code language} of the given
	 * banks (all visible banks when left out). Without a seed the server picks one and returns it.
	 */
	record DrawRequest(@Nullable Language language,
			@NotEmpty(message = "draw.quotas.required") @Size(max = MAX_QUOTAS, message = "draw.quotas.too-many") List<@Valid QuotaInput> quotas,
			@Nullable Long seed, @Nullable Set<Long> bankIds, @Nullable @Valid SaveAs saveAs) {
	}

	record DrawResult(long seed, Language language, List<Question> questions, @Nullable Long quizId) {
	}

	private static final SecureRandom SEEDS = new SecureRandom();

	private final Quizzes quizzes;

	private final Questions questions;

	private final BankAccess access;

	private final QuizSettingsJson settingsJson;

	QuizzesController(Quizzes quizzes, Questions questions, BankAccess access, QuizSettingsJson settingsJson) {
		this.quizzes = quizzes;
		this.settingsJson = settingsJson;
		this.questions = questions;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "The quizzes of the caller's organisation", description = "Newest first; ADMIN sees all.")
	List<QuizSummary> list(@AuthenticationPrincipal OrganiserPrincipal who) {
		return access.visibleQuizzes(who).stream().map(this::summary).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One quiz with its questions in playing order")
	QuizView get(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		return view(access.readableQuiz(who, id));
	}

	@PostMapping
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Create a quiz", description = "Questions must be in the quiz's language and in banks the caller can see. "
			+ "Settings (optional) are the defaults of every game made from the quiz, checked as POST /api/games checks them.")
	ResponseEntity<QuizView> create(@Valid @RequestBody QuizInput input, @AuthenticationPrincipal OrganiserPrincipal who) {
		Language language = input.language() == null ? Language.VI : input.language();
		List<Long> ids = input.questionIds() == null ? List.of() : input.questionIds();
		checkQuestions(who, language, ids);
		String settings = settingsJson.write(input.settings());
		long id = quizzes.create(who.organisationId(), input.title().strip(), blankToNull(input.description()), language,
				who.id(), ids, settings);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(quizzes.findById(id).orElseThrow()));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Change a quiz's title, description, game settings and question list",
			description = "Send the version you read; 409 when someone changed it since. The language cannot change. "
					+ "Without questionIds or settings those stay as they are; settings {} clears them.")
	QuizView update(@PathVariable long id, @Valid @RequestBody QuizInput input, @AuthenticationPrincipal OrganiserPrincipal who) {
		if (input.version() == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "quiz.version.required");
		}
		Quiz quiz = access.writableQuiz(who, id);
		List<Long> ids = input.questionIds() == null ? quiz.questionIds() : input.questionIds();
		if (!ids.equals(quiz.questionIds())) {
			checkQuestions(who, quiz.language(), ids);
		}
		String settings = input.settings() == null ? quiz.settingsJson() : settingsJson.write(input.settings());
		quizzes.update(id, input.title().strip(), blankToNull(input.description()), settings, ids, input.version());
		return view(quizzes.findById(id).orElseThrow());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Delete a quiz", description = "Its questions stay in their banks; games already created keep their copy.")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		access.writableQuiz(who, id);
		quizzes.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/draw")
	@Transactional
	@Operation(summary = "Draw random questions by quotas, and optionally save them as a quiz",
			description = "The same seed over the same bank content gives the same questions in the same order. "
					+ "Saving (saveAs) needs ORGANISER.")
	ResponseEntity<DrawResult> draw(@Valid @RequestBody DrawRequest request, @AuthenticationPrincipal OrganiserPrincipal who) {
		int total = request.quotas().stream().mapToInt(QuotaInput::count).sum();
		if (total > MAX_QUESTIONS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "draw.total.too-many", MAX_QUESTIONS);
		}
		if (request.saveAs() != null) {
			access.requireWriter(who);
		}
		Set<Long> banks = request.bankIds() == null || request.bankIds().isEmpty() ? access.visibleBankIds(who)
				: request.bankIds().stream().map(bankId -> access.readableBank(who, bankId).id()).collect(Collectors.toSet());
		Language language = request.language() == null ? Language.VI : request.language();
		long seed = request.seed() != null ? request.seed() : SEEDS.nextLong();
		List<QuestionDraw.Quota> quotas = request.quotas()
			.stream()
			.map(q -> new QuestionDraw.Quota(q.topics() == null ? Set.of() : q.topics(), q.difficulty(), q.count()))
			.toList();
		List<Question> drawn = QuestionDraw.draw(questions.findPublished(banks, language), language, quotas, seed);
		Long quizId = null;
		if (request.saveAs() != null) {
			quizId = quizzes.create(who.organisationId(), request.saveAs().title().strip(),
					blankToNull(request.saveAs().description()), language, who.id(), drawn.stream().map(Question::id).toList());
		}
		return ResponseEntity.status(quizId == null ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new DrawResult(seed, language, drawn, quizId));
	}

	/** Every question exists, is seen by the caller, is in the quiz's language and appears once. */
	private void checkQuestions(OrganiserPrincipal who, Language language, List<Long> ids) {
		if (ids.size() > MAX_QUESTIONS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "quiz.questions.too-many", MAX_QUESTIONS);
		}
		Set<Long> seen = new HashSet<>();
		for (Long id : ids) {
			if (id == null) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid");
			}
			if (!seen.add(id)) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "quiz.question.duplicate", id);
			}
		}
		Map<Long, Question> found = questions.findByIds(ids)
			.stream()
			.collect(Collectors.toMap(Question::id, Function.identity()));
		Set<Long> visible = access.visibleBankIds(who);
		for (Long id : ids) {
			Question question = found.get(id);
			if (question == null || !visible.contains(question.bankId())) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "quiz.question.unavailable", id);
			}
			if (question.language() != language) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "quiz.question.language", id, language.code());
			}
		}
	}

	private QuizView view(Quiz quiz) {
		return new QuizView(quiz.id(), quiz.ownerOrganisationId(), quiz.title(), quiz.description(), quiz.language(),
				quiz.createdBy(), quiz.createdAt(), quiz.updatedAt(), quiz.version(), settingsJson.read(quiz.settingsJson()),
				quizzes.quizQuestions(quiz.id()));
	}

	private QuizSummary summary(Quiz quiz) {
		return new QuizSummary(quiz.id(), quiz.ownerOrganisationId(), quiz.title(), quiz.description(), quiz.language(),
				quiz.updatedAt(), quiz.version(), quiz.questionIds().size(), quiz.questionIds(),
				settingsJson.read(quiz.settingsJson()));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
