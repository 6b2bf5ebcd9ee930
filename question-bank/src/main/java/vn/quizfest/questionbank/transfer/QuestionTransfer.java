package vn.quizfest.questionbank.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.TextNormalizer;

/**
 * Imports questions into a bank from a file, and exports questions to a file, in the formats of
 * {@link QuestionFormat}.
 *
 * <p>An import reads the whole file first (at most {@link ImportOptions#maxBytes()}, counted while
 * reading), checks every row with the shared {@link vn.quizfest.questionbank.QuestionValidator} and
 * reports each problem by row and column. A file that cannot be read at all (empty, too large, not
 * the chosen format, a zip bomb, formulas, missing columns, wrong encoding) is reported as a whole
 * and nothing is written. If any row is invalid nothing is written either, unless the options ask for
 * the valid rows only. The questions are written in one transaction.
 *
 * <p>Duplicates are not errors: a row whose text, compared with {@link TextNormalizer#fold} (case,
 * diacritics and spacing ignored), matches a question of the same language already in the bank, or
 * an earlier row of the file, is reported in {@link ImportReport#duplicates()} and not imported again.
 * The other language versions of that row's key are still imported.
 *
 * <p>Rows sharing a key (the spreadsheets' key column, the JSON file's translation group) become
 * language versions of one question. Each import gives them a new translation group id: group ids
 * are unique across the database, so the same file can be imported into several banks. A key that
 * is not a group id is also kept as the question's external key.
 *
 * <p>Text is normalised to NFC on import, so Vietnamese typed with combining marks (macOS, some
 * keyboards) is stored like Vietnamese typed anywhere else.
 */
public class QuestionTransfer {

	private static final Logger log = LoggerFactory.getLogger(QuestionTransfer.class);

	private final Questions questions;

	private final TransactionOperations transactions;

	private final JsonQuestions json = new JsonQuestions();

	public QuestionTransfer(Questions questions, TransactionOperations transactions) {
		this.questions = questions;
		this.transactions = transactions;
	}

	/**
	 * Imports the questions of a file into a bank (which must exist). Never throws for a bad file:
	 * the report carries a file-level issue (row 0) and {@code written} is {@code false}.
	 */
	public ImportReport importInto(long bankId, QuestionFormat format, InputStream in, ImportOptions options) {
		Parsed parsed;
		try {
			parsed = parse(format, in, options);
		}
		catch (ImportFailure failure) {
			return ImportReport.rejected(format, failure.issues());
		}
		ImportReport report = transactions.execute(status -> store(bankId, format, parsed, options));
		if (report == null) {
			throw new IllegalStateException("The import transaction returned no report");
		}
		return report;
	}

	/** Reads and checks a file as an import would, without a bank: writes nothing. */
	public ImportReport check(QuestionFormat format, InputStream in, ImportOptions options) {
		try {
			Parsed parsed = parse(format, in, options);
			Assessment assessment = assess(parsed.candidates(), Map.of());
			return new ImportReport(format, parsed.candidates().size(), 0, assessment.errors(), assessment.duplicates(),
					false);
		}
		catch (ImportFailure failure) {
			return ImportReport.rejected(format, failure.issues());
		}
	}

	/** Writes the questions in the given format, with Vietnamese headings and labels. */
	public ExportReport export(List<Question> questions, QuestionFormat format, OutputStream out) {
		return export(questions, format, out, Catalog.VIETNAMESE);
	}

	/**
	 * Writes the questions in the given format; spreadsheet headings and labels in the given language
	 * (Vietnamese unless English). Kahoot's sheet leaves out the questions it cannot hold and says so in
	 * the report. The stream is not closed.
	 */
	public ExportReport export(List<Question> questions, QuestionFormat format, OutputStream out, Locale locale) {
		Locale supported = Catalog.supported(locale);
		switch (format) {
			case XLSX -> TemplateWorkbook.write(questions, supported, out);
			case CSV -> {
				List<String> keys = TemplateRows.keys(questions);
				List<List<@org.jspecify.annotations.Nullable Object>> rows = new ArrayList<>();
				for (int i = 0; i < questions.size(); i++) {
					rows.add(TemplateRows.cells(questions.get(i), keys.get(i), supported));
				}
				CsvFile.write(TemplateRows.headings(supported), rows, out);
			}
			case JSON -> json.write(questions, out);
			case KAHOOT_XLSX -> {
				return KahootSheet.write(questions, out, supported);
			}
		}
		return new ExportReport(format, questions.size(), List.of());
	}

	/**
	 * Writes the downloadable XLSX template in the user's language: the heading row, two example rows,
	 * an instructions sheet explaining every column, and drop-down lists for the columns with fixed values.
	 */
	public void writeTemplate(OutputStream out, Locale locale) {
		TemplateWorkbook.writeTemplate(locale, out);
	}

	private Parsed parse(QuestionFormat format, InputStream in, ImportOptions options) {
		byte[] bytes = readAtMost(in, options.maxBytes());
		try {
			return switch (format) {
				case XLSX -> TemplateRows.read(XlsxReader.read(bytes), options);
				case KAHOOT_XLSX -> KahootSheet.read(XlsxReader.read(bytes), options);
				case CSV -> TemplateRows.read(CsvFile.read(bytes), options);
				case JSON -> json.read(bytes, options);
			};
		}
		catch (ImportFailure failure) {
			throw failure;
		}
		catch (RuntimeException ex) {
			// A file no check foresaw (a library's own exception): still a report, never an error page.
			log.warn("Unreadable {} file of {} bytes", format, bytes.length, ex);
			throw ImportFailure.of("import.file.unreadable");
		}
	}

	/** The whole upload, counted while reading: a declared length may lie. */
	private static byte[] readAtMost(InputStream in, long maxBytes) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				total += read;
				if (total > maxBytes) {
					throw ImportFailure.of("import.file.too-large",
							new BigDecimal(maxBytes / (1024.0 * 1024.0), new MathContext(2)).stripTrailingZeros());
				}
				bytes.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			throw ImportFailure.of("import.file.unreadable");
		}
		if (total == 0) {
			throw ImportFailure.of("import.file.empty");
		}
		return bytes.toByteArray();
	}

	private ImportReport store(long bankId, QuestionFormat format, Parsed parsed, ImportOptions options) {
		Assessment assessment = assess(parsed.candidates(), questions.normalizedTexts(bankId));
		int rowsRead = parsed.candidates().size();
		if (!assessment.errors().isEmpty() && !options.validRowsOnly()) {
			return new ImportReport(format, rowsRead, 0, assessment.errors(), assessment.duplicates(), false);
		}
		Map<String, String> groups = new HashMap<>();
		for (Candidate candidate : assessment.accepted()) {
			String group = candidate.groupKey() == null ? UUID.randomUUID().toString()
					: groups.computeIfAbsent(candidate.groupKey(), key -> UUID.randomUUID().toString());
			Question q = candidate.question();
			questions.add(new Question(null, bankId, group, q.language(), q.type(), q.text(), q.options(), q.answer(),
					q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), q.tags(), q.imageUrl(),
					q.source(), q.status(), q.author(), q.externalKey(), null, null, 0));
		}
		return new ImportReport(format, rowsRead, assessment.accepted().size(), assessment.errors(),
				assessment.duplicates(), true);
	}

	private record Assessment(List<Candidate> accepted, List<ImportIssue> errors, List<ImportIssue> duplicates) {
	}

	/**
	 * Sorts the rows into the ones to write, errors and duplicates. A duplicate is checked before the
	 * key: the same question twice under one key is harmless, two different ones are an error.
	 */
	private static Assessment assess(List<Candidate> candidates, Map<Language, Set<String>> inBank) {
		List<Candidate> accepted = new ArrayList<>();
		List<ImportIssue> errors = new ArrayList<>();
		List<ImportIssue> duplicates = new ArrayList<>();
		Map<Language, Map<String, Integer>> seen = new EnumMap<>(Language.class);
		Map<String, Integer> keyRows = new HashMap<>();
		for (Candidate candidate : candidates) {
			if (!candidate.valid()) {
				errors.addAll(candidate.issues());
				continue;
			}
			Question question = candidate.question();
			String folded = TextNormalizer.fold(question.text());
			Integer earlier = seen.computeIfAbsent(question.language(), language -> new HashMap<>()).get(folded);
			if (inBank.getOrDefault(question.language(), Set.of()).contains(folded)) {
				duplicates.add(ImportIssue.of(candidate.row(), candidate.textColumn(), "import.duplicate.in-bank"));
				continue;
			}
			if (earlier != null) {
				duplicates.add(ImportIssue.of(candidate.row(), candidate.textColumn(), "import.duplicate.in-file", earlier));
				continue;
			}
			if (candidate.groupKey() != null) {
				String key = candidate.groupKey() + '\u0000' + question.language().code();
				Integer keyRow = keyRows.putIfAbsent(key, candidate.row());
				if (keyRow != null) {
					errors.add(ImportIssue.of(candidate.row(), candidate.keyColumn(), "import.key.language-repeated", candidate.groupKey(),
							question.language().code(), keyRow));
					continue;
				}
			}
			seen.get(question.language()).put(folded, candidate.row());
			accepted.add(candidate);
		}
		errors.sort(Comparator.comparingInt(ImportIssue::row));
		return new Assessment(accepted, errors, duplicates);
	}
}
