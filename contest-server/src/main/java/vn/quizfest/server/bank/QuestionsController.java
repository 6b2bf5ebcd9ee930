package vn.quizfest.server.bank;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Page;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionQuery;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Topic;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;

/** Questions in the banks the caller can see: search, read, write, review. */
@RestController
@RequestMapping("/api/questions")
@PreAuthorize("hasRole('HOST')")
@Tag(name = "Questions", description = "One language version of a question per item; versions share a translation group")
class QuestionsController {

	static final int MAX_QUERY = 200;

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int DEFAULT_TIME_LIMIT = 20;

	/** The answer key as clients send it; lists may be left out. Option indexes count from 0. */
	record AnswerInput(@Nullable List<Integer> correct, @Nullable List<String> accepted, @Nullable Double value,
			@Nullable Double tolerance) {

		AnswerKey key() {
			return new AnswerKey(correct == null ? List.of() : correct, accepted == null ? List.of() : accepted, value,
					tolerance);
		}
	}

	/**
	 * A question as clients send it. Left out: language Vietnamese, time limit 20 s, standard points,
	 * difficulty 1, status draft, a new translation group. {@code version} is required to update.
	 */
	record QuestionInput(@NotNull(message = "question.bank.required") Long bankId, @Nullable String translationGroup,
			@Nullable Language language, @NotNull(message = "question.type.required") QuestionType type,
			@Nullable String text, @Nullable List<String> options, @Nullable AnswerInput answer,
			@Nullable String explanation, @Nullable Integer timeLimitSeconds, @Nullable Points points,
			@Nullable Integer difficulty, @NotNull(message = "question.topic.required") Topic topic,
			@Nullable List<String> tags, @Nullable String imageUrl, @Nullable String source,
			@Nullable QuestionStatus status,
			@Nullable @Size(max = 64, message = "field.too-long") String externalKey, @Nullable Integer version) {

		Question toQuestion(@Nullable Long id, String group, @Nullable String author, int currentVersion) {
			return new Question(id, bankId, group, language == null ? Language.VI : language, type,
					text == null ? "" : text.strip(), options == null ? List.of() : options.stream().map(QuestionsController::strip).toList(),
					answer == null ? new AnswerKey(List.of(), List.of(), null, null) : answer.key(), blankToNull(explanation),
					timeLimitSeconds == null ? DEFAULT_TIME_LIMIT : timeLimitSeconds, points == null ? Points.STANDARD : points,
					difficulty == null ? 1 : difficulty, topic, tags == null ? List.of() : tags.stream().map(QuestionsController::strip).toList(),
					blankToNull(imageUrl), blankToNull(source), status == null ? QuestionStatus.DRAFT : status, author,
					blankToNull(externalKey), null, null, version == null ? currentVersion : version);
		}
	}

	record StatusChange(@NotNull(message = "question.status.required") QuestionStatus status, @Nullable Integer version) {
	}

	private final Questions questions;

	private final BankAccess access;

	QuestionsController(Questions questions, BankAccess access) {
		this.questions = questions;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Search questions",
			description = "Every word of q must appear in the text, with or without Vietnamese diacritics. "
					+ "Results are in id order; size is at most 100.")
	Page<Question> search(@Parameter(description = "words to find in the text") @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "a topic, e.g. VNEID") @RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable String tag,
			@Parameter(description = "1 (easy) to 3 (hard)") @RequestParam(required = false) @Nullable String difficulty,
			@Parameter(description = "draft, reviewed or published") @RequestParam(required = false) @Nullable String status,
			@Parameter(description = "vi or en") @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String bankId,
			@Parameter(description = "from 0") @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) String size, @AuthenticationPrincipal OrganiserPrincipal who) {
		if (q != null && q.length() > MAX_QUERY) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "search.text.too-long", MAX_QUERY);
		}
		Set<Long> banks = bankId == null || bankId.isBlank() ? access.visibleBankIds(who)
				: Set.of(access.readableBank(who, parse("bankId", bankId, Long::parseLong)).id());
		Integer level = difficulty == null || difficulty.isBlank() ? null : parse("difficulty", difficulty, Integer::parseInt);
		QuestionQuery query = QuestionQuery.inBanks(banks)
			.withText(q)
			.withTopic(parseEnum("topic", topic, Topic::valueOf))
			.withTag(tag)
			.withDifficulty(level)
			.withStatus(parseEnum("status", status, QuestionStatus::valueOf))
			.withLanguage(parseEnum("lang", lang, Language::valueOf));
		return questions.search(query, Math.max(0, parse("page", page, Integer::parseInt)),
				parse("size", size, Integer::parseInt));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One question")
	Question get(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		return access.readableQuestion(who, id);
	}

	@GetMapping("/{id}/translations")
	@Operation(summary = "Every language version of a question")
	List<Question> translations(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		Question question = access.readableQuestion(who, id);
		Set<Long> visible = access.visibleBankIds(who);
		return questions.findByTranslationGroup(question.translationGroup())
			.stream()
			.filter(version -> visible.contains(version.bankId()))
			.toList();
	}

	@PostMapping
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Create a question", description = "Give translationGroup to add a language version of an existing question.")
	ResponseEntity<Question> create(@Valid @RequestBody QuestionInput input, @AuthenticationPrincipal OrganiserPrincipal who) {
		access.writableBank(who, input.bankId());
		String group = input.translationGroup() == null || input.translationGroup().isBlank() ? UUID.randomUUID().toString()
				: input.translationGroup().trim();
		if (input.translationGroup() != null && !input.translationGroup().isBlank()) {
			requireOwnGroup(who, group);
		}
		Question question = input.toQuestion(null, group, who.username(), 0);
		long id;
		try {
			id = questions.add(question);
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "question.translation.exists", question.language().code());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(questions.findById(id).orElseThrow());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Change a question", description = "Send the version you read; 409 when someone changed it since.")
	Question update(@PathVariable long id, @Valid @RequestBody QuestionInput input,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		if (input.version() == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "question.version.required");
		}
		Question current = access.writableQuestion(who, id);
		if (input.bankId() != current.bankId()) {
			access.writableBank(who, input.bankId());
		}
		String group = input.translationGroup() == null || input.translationGroup().isBlank() ? current.translationGroup()
				: input.translationGroup().trim();
		if (!group.equals(current.translationGroup())) {
			requireOwnGroup(who, group);
		}
		try {
			return questions.update(input.toQuestion(id, group, current.author(), current.version()));
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "question.translation.exists",
					(input.language() == null ? Language.VI : input.language()).code());
		}
	}

	@PostMapping("/{id}/status")
	@PreAuthorize("hasRole('ORGANISER')")
	@Operation(summary = "Move a question to draft, reviewed or published", description = "Only published questions are drawn into games.")
	Question changeStatus(@PathVariable long id, @Valid @RequestBody StatusChange change,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		access.writableQuestion(who, id);
		return questions.changeStatus(id, change.status(), change.version());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ORGANISER')")
	@Transactional
	@Operation(summary = "Delete a question", description = "Refused (409) while a quiz lists it.")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who) {
		access.writableQuestion(who, id);
		questions.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Joining a translation group needs write access to the banks of its other versions. */
	private void requireOwnGroup(OrganiserPrincipal who, String group) {
		for (Question version : questions.findByTranslationGroup(group)) {
			access.writableBank(who, version.bankId());
		}
	}

	static <T> T parse(String name, String value, Function<String, T> parser) {
		try {
			return parser.apply(value.trim());
		}
		catch (RuntimeException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "request.parameter.invalid", name);
		}
	}

	static <E> @Nullable E parseEnum(String name, @Nullable String value, Function<String, E> valueOf) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return parse(name, value.toUpperCase(Locale.ROOT), valueOf);
	}

	/** Quiz ids for a message: "3, 7". */
	static String ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private static String strip(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
