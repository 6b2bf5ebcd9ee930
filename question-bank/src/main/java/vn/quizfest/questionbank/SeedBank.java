package vn.quizfest.questionbank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed bank: published questions on every topic of the movement, in Vietnamese and mostly also
 * in English, shipped as JSON files under {@code questionbank/seed/}, one array per topic (format in
 * docs/operations.md, "Seed bank"). An empty embedded database receives it on start; a cluster loads it once on an
 * administrator's request. Every entry passes {@link QuestionValidator}, or nothing is loaded.
 */
public class SeedBank {

	public static final String BANK_NAME = "QuizFest – Ngân hàng câu hỏi Bình dân học vụ số";

	static final String LOCATION = "classpath*:questionbank/seed/*.json";

	static final String AUTHOR = "QuizFest";

	// Concurrent loads (several nodes starting at once) collide on the stable translation groups;
	// the loser rolls back and looks again.
	private static final int ATTEMPTS = 5;

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final int MAX_KEY = 64;

	private static final Logger log = LoggerFactory.getLogger(SeedBank.class);

	/** What a load found or did: the seed bank, its question rows per language, and whether this call created it. */
	public record Loaded(long bankId, int vietnamese, int english, boolean created) {
	}

	/** A seed entry that cannot be loaded: the file, the entry's key and the violation code. */
	public static final class InvalidSeedException extends IllegalStateException {

		private final String file;

		private final String key;

		private final String code;

		InvalidSeedException(String file, String key, String code, String detail, @Nullable Throwable cause) {
			super("Seed bank entry " + key + " in " + file + " is invalid: " + code + " (" + detail + ")", cause);
			this.file = file;
			this.key = key;
			this.code = code;
		}

		public String file() {
			return file;
		}

		public String key() {
			return key;
		}

		public String code() {
			return code;
		}
	}

	/** One seed file and its questions (a row per language version). */
	record SeedFile(String name, List<Question> questions) {
	}

	private final QuestionBanks banks;

	private final Questions questions;

	private final JsonMapper json;

	private final TransactionOperations transactions;

	private final String location;

	public SeedBank(QuestionBanks banks, Questions questions, JsonMapper json, TransactionOperations transactions) {
		this(banks, questions, json, transactions, LOCATION);
	}

	SeedBank(QuestionBanks banks, Questions questions, JsonMapper json, TransactionOperations transactions,
			String location) {
		this.banks = banks;
		this.questions = questions;
		this.json = json;
		this.transactions = transactions;
		this.location = location;
	}

	/**
	 * Loads the seed bank when the database holds no question at all (the embedded default on its
	 * first start). Returns what was loaded, or nothing when the database already had questions.
	 */
	public Optional<Loaded> loadIfEmpty() {
		List<Question> seed = read(0);
		Loaded loaded = retrying(() -> transactions.execute(status -> questions.count() > 0 ? null : store(seed)));
		return Optional.ofNullable(loaded);
	}

	/**
	 * Loads the seed bank unless a shared bank of that name exists; safe to call again and from
	 * several nodes at once. Returns the bank's counts either way.
	 */
	public Loaded loadIfMissing() {
		List<Question> seed = read(0);
		Loaded loaded = retrying(() -> transactions.execute(status -> banks.findSharedByName(BANK_NAME)
			.map(id -> new Loaded(id, (int) questions.countInBank(id, Language.VI),
					(int) questions.countInBank(id, Language.EN), false))
			.orElseGet(() -> store(seed))));
		return Objects.requireNonNull(loaded);
	}

	/** Every seed question as it would be stored in the given bank; throws on the first invalid entry. */
	public List<Question> read(long bankId) {
		return files().stream()
			.flatMap(file -> file.questions().stream())
			.map(question -> bankId == question.bankId() ? question : inBank(question, bankId))
			.toList();
	}

	/** The seed files in name order, each parsed and validated. Keys must be unique across files. */
	List<SeedFile> files() {
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(location);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the seed bank files at " + location, ex);
		}
		Arrays.sort(resources, Comparator.comparing((Resource r) -> Objects.requireNonNullElse(r.getFilename(), ""))
			.thenComparing(Resource::getDescription));
		Map<String, String> fileOfKey = new HashMap<>();
		List<SeedFile> files = new ArrayList<>();
		for (Resource resource : resources) {
			String name = Objects.requireNonNullElse(resource.getFilename(), resource.getDescription());
			List<Question> fileQuestions = new ArrayList<>();
			for (SeedEntry entry : parse(resource, name)) {
				String key = entry.key() == null ? "?" : entry.key();
				String earlier = fileOfKey.putIfAbsent(key, name);
				if (earlier != null) {
					throw new InvalidSeedException(name, key, "seed.key.duplicate", "also in " + earlier, null);
				}
				fileQuestions.addAll(questions(name, entry));
			}
			files.add(new SeedFile(name, List.copyOf(fileQuestions)));
		}
		return List.copyOf(files);
	}

	private List<SeedEntry> parse(Resource resource, String name) {
		try (InputStream in = resource.getInputStream()) {
			SeedEntry[] entries = json.readerFor(SeedEntry[].class)
				.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(in);
			return entries == null ? List.of() : Arrays.asList(entries);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the seed bank file " + resource.getDescription(), ex);
		}
		catch (JacksonException ex) {
			throw new InvalidSeedException(name, "-", "seed.json.invalid", ex.getOriginalMessage(), ex);
		}
	}

	/** The language versions of one entry, after the format's own rules and the validator's. */
	private static List<Question> questions(String file, SeedEntry entry) {
		String key = entry.key();
		if (key == null || key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
			throw new InvalidSeedException(file, String.valueOf(key), "seed.key.invalid",
					"lower-case kebab case, at most " + MAX_KEY + " characters", null);
		}
		if (entry.type() == null || entry.topic() == null || entry.points() == null || entry.difficulty() == null
				|| entry.timeLimitSeconds() == null || entry.vi() == null) {
			throw new InvalidSeedException(file, key, "seed.field.missing",
					"type, topic, difficulty, timeLimitSeconds, points and vi are required", null);
		}
		QuestionType type = entry.type();
		List<Integer> correct = entry.correct() == null ? List.of() : entry.correct();
		if ((type == QuestionType.TYPE_ANSWER || type == QuestionType.NUMERIC) && !correct.isEmpty()) {
			throw new InvalidSeedException(file, key, "seed.correct.not-allowed", "only for option questions", null);
		}
		if (type != QuestionType.NUMERIC && (entry.value() != null || entry.tolerance() != null)) {
			throw new InvalidSeedException(file, key, "seed.value.not-allowed", "only for NUMERIC", null);
		}
		String group = UUID.nameUUIDFromBytes(("quizfest-seed:" + key).getBytes(StandardCharsets.UTF_8)).toString();
		List<Question> versions = new ArrayList<>();
		versions.add(version(file, entry, group, Language.VI, entry.vi(), correct));
		if (entry.en() != null) {
			if (size(entry.en().options()) != size(entry.vi().options())) {
				throw new InvalidSeedException(file, key, "seed.en.options", "the English version needs "
						+ size(entry.vi().options()) + " options, like the Vietnamese one", null);
			}
			versions.add(version(file, entry, group, Language.EN, entry.en(), correct));
		}
		return versions;
	}

	private static Question version(String file, SeedEntry entry, String group, Language language, SeedText text,
			List<Integer> correct) {
		QuestionType type = Objects.requireNonNull(entry.type());
		List<String> accepted = text.accepted() == null ? List.of() : text.accepted();
		if (type != QuestionType.TYPE_ANSWER && !accepted.isEmpty()) {
			throw new InvalidSeedException(file, entry.key() + " (" + language.code() + ")", "seed.accepted.not-allowed",
					"only for TYPE_ANSWER", null);
		}
		AnswerKey answer = switch (type) {
			case TYPE_ANSWER -> new AnswerKey(List.of(), accepted, null, null);
			// A missing tolerance means the exact value.
			case NUMERIC -> new AnswerKey(List.of(), List.of(), entry.value(),
					entry.tolerance() == null ? 0.0 : entry.tolerance());
			default -> AnswerKey.options(correct);
		};
		Question question = new Question(null, 0, group, language, type, Objects.requireNonNullElse(text.text(), ""),
				text.options() == null ? List.of() : text.options(), answer, text.explanation(),
				Objects.requireNonNull(entry.timeLimitSeconds()), Objects.requireNonNull(entry.points()),
				Objects.requireNonNull(entry.difficulty()), Objects.requireNonNull(entry.topic()),
				entry.tags() == null ? List.of() : entry.tags(), null, entry.source(), QuestionStatus.PUBLISHED, AUTHOR,
				entry.key(), null, null, 0);
		List<QuestionValidator.Violation> violations = QuestionValidator.validate(question);
		if (!violations.isEmpty()) {
			QuestionValidator.Violation first = violations.get(0);
			throw new InvalidSeedException(file, entry.key() + " (" + language.code() + ")", first.code(),
					"field " + first.field() + ", all: " + violations, null);
		}
		return question;
	}

	private Loaded store(List<Question> seed) {
		long bankId = banks.create(BANK_NAME, null, true);
		int vietnamese = 0;
		int english = 0;
		for (Question question : seed) {
			questions.add(inBank(question, bankId));
			if (question.language() == Language.VI) {
				vietnamese++;
			}
			else {
				english++;
			}
		}
		log.info("Loaded the seed bank \"{}\" (id {}): {} Vietnamese and {} English questions", BANK_NAME, bankId,
				vietnamese, english);
		return new Loaded(bankId, vietnamese, english, true);
	}

	private static <T> T retrying(Supplier<T> attempt) {
		for (int i = 1;; i++) {
			try {
				return attempt.get();
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				if (i == ATTEMPTS) {
					throw ex;
				}
				log.info("The seed bank was being loaded concurrently ({}); looking again", ex.getClass().getSimpleName());
			}
		}
	}

	private static Question inBank(Question q, long bankId) {
		return new Question(q.id(), bankId, q.translationGroup(), q.language(), q.type(), q.text(), q.options(),
				q.answer(), q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), q.tags(),
				q.imageUrl(), q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt(),
				q.version());
	}

	private static int size(@Nullable List<String> list) {
		return list == null ? 0 : list.size();
	}

	/** One language version in a seed file; {@code accepted} only for type-answer questions. */
	record SeedText(@Nullable String text, @Nullable List<String> options, @Nullable String explanation,
			@Nullable List<String> accepted) {
	}

	/** One entry of a seed file: the shared facts and the language versions. */
	record SeedEntry(@Nullable String key, @Nullable QuestionType type, @Nullable Topic topic,
			@Nullable Integer difficulty, @Nullable Integer timeLimitSeconds, @Nullable Points points,
			@Nullable List<Integer> correct, @Nullable Double value, @Nullable Double tolerance,
			@Nullable List<String> tags, @Nullable String source, @Nullable SeedText vi, @Nullable SeedText en) {
	}
}
