package vn.quizfest.server.bank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.quizfest.questionbank.QuestionBank;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.transfer.ExportReport;
import vn.quizfest.questionbank.transfer.ImportIssue;
import vn.quizfest.questionbank.transfer.ImportOptions;
import vn.quizfest.questionbank.transfer.ImportReport;
import vn.quizfest.questionbank.transfer.QuestionFormat;
import vn.quizfest.questionbank.transfer.QuestionTransfer;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;
import vn.quizfest.server.system.Problems;

/** Question files: the XLSX template, importing a file into a bank, exporting a bank to a file. */
@RestController
@PreAuthorize("hasRole('HOST')")
@Tag(name = "Question files", description = "Import and export of questions as XLSX (own template or Kahoot's), CSV or JSON")
class QuestionFilesController {

	/** One problem of an imported file, worded in the caller's language, with where it is. */
	record IssueView(int row, @Nullable String column, String code, String message) {
	}

	/**
	 * What an import did or, for a dry run, would do: {@code imported} counts the questions stored
	 * (for a dry run, the ones that would be), {@code written} whether anything was stored.
	 */
	record ImportResult(QuestionFormat format, boolean dryRun, int rowsRead, int imported, boolean written,
			List<IssueView> errors, List<IssueView> duplicates) {
	}

	private final QuestionTransfer transfer;

	private final Questions questions;

	private final BankAccess access;

	private final Messages messages;

	private final Problems problems;

	private final TransactionTemplate transactions;

	private final long maxBytes;

	QuestionFilesController(QuestionTransfer transfer, Questions questions, BankAccess access, Messages messages,
			Problems problems, TransactionTemplate transactions,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
		this.transfer = transfer;
		this.questions = questions;
		this.access = access;
		this.messages = messages;
		this.problems = problems;
		this.transactions = transactions;
		this.maxBytes = maxFileSize.toBytes();
	}

	@GetMapping("/api/questions/template.xlsx")
	@Operation(summary = "The XLSX template for importing questions",
			description = "Headings, two examples, an instructions sheet and drop-down lists, in the caller's language.")
	ResponseEntity<byte[]> template() {
		var out = new ByteArrayOutputStream();
		transfer.writeTemplate(out, LocaleContextHolder.getLocale());
		return file(out.toByteArray(), QuestionFormat.XLSX.contentType(), messages.get("bank.template.filename"));
	}

	@PostMapping(path = "/api/banks/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ORGANISER')")
	@Operation(summary = "Import a file of questions into a bank",
			description = "Every row is checked first; with any invalid row nothing is written (422), unless validOnly. "
					+ "dryRun checks everything, duplicates in the bank included, and writes nothing. "
					+ "Each problem names its row and column. Rows already in the bank are reported as duplicates.")
	ResponseEntity<?> importFile(@PathVariable long id,
			@Parameter(description = "xlsx (default for .xlsx), kahoot, csv or json; by default from the file name")
			@RequestParam(required = false) @Nullable String format,
			@Parameter(description = "import the valid rows even when others are invalid")
			@RequestParam(defaultValue = "false") boolean validOnly,
			@Parameter(description = "check only, write nothing") @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam("file") MultipartFile file, @AuthenticationPrincipal OrganiserPrincipal who) throws IOException {
		access.writableBank(who, id);
		QuestionFormat chosen = format(format, file.getOriginalFilename());
		ImportOptions options = ImportOptions.defaults()
			.withValidRowsOnly(validOnly)
			.withMaxBytes(maxBytes)
			.withAuthor(who.username());
		ImportReport report;
		try (InputStream in = file.getInputStream()) {
			// A dry run imports for real inside a transaction that is then rolled back: it sees exactly what
			// an import would, duplicates already in the bank included.
			report = transactions.execute(status -> {
				ImportReport done = transfer.importInto(id, chosen, in, options);
				if (dryRun) {
					status.setRollbackOnly();
				}
				return done;
			});
		}
		if (report == null) {
			throw new IllegalStateException("The import returned no report");
		}
		List<IssueView> errors = report.errors().stream().map(this::view).toList();
		List<IssueView> duplicates = report.duplicates().stream().map(this::view).toList();
		boolean written = report.written() && !dryRun;
		if (!report.written()) {
			ProblemDetail problem = problems.of(LocaleContextHolder.getLocale(), HttpStatus.UNPROCESSABLE_CONTENT,
					"import.rejected", errors.size());
			problem.setProperty("format", report.format());
			problem.setProperty("rowsRead", report.rowsRead());
			problem.setProperty("errors", errors);
			problem.setProperty("duplicates", duplicates);
			return ResponseEntity.unprocessableContent().body(problem);
		}
		return ResponseEntity.ok(new ImportResult(report.format(), dryRun, report.rowsRead(), report.imported(), written,
				errors, duplicates));
	}

	@GetMapping("/api/banks/{id}/export")
	@Operation(summary = "Export every question of a bank",
			description = "Spreadsheet headings in the caller's language. Kahoot's sheet leaves out what Kahoot cannot "
					+ "play; the X-QuizFest-Skipped header counts those.")
	ResponseEntity<byte[]> export(@PathVariable long id,
			@Parameter(description = "xlsx (default), kahoot, csv or json") @RequestParam(defaultValue = "xlsx") String format,
			@AuthenticationPrincipal OrganiserPrincipal who) {
		QuestionBank bank = access.readableBank(who, id);
		QuestionFormat chosen = QuestionsController.parse("format", format, QuestionFormat::fromName);
		var out = new ByteArrayOutputStream();
		ExportReport report = transfer.export(questions.findByBank(id), chosen, out, LocaleContextHolder.getLocale());
		ResponseEntity<byte[]> response = file(out.toByteArray(), chosen.contentType(),
				fileName(bank.name()) + "." + chosen.extension());
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header("X-QuizFest-Skipped", Integer.toString(report.skipped().size()))
			.body(response.getBody());
	}

	private IssueView view(ImportIssue issue) {
		return new IssueView(issue.row(), issue.column(), issue.code(), messages.get(issue.code(), issue.args().toArray()));
	}

	/** The format asked for, or the one the file name's extension implies. */
	private static QuestionFormat format(@Nullable String format, @Nullable String fileName) {
		if (format != null && !format.isBlank()) {
			return QuestionsController.parse("format", format, QuestionFormat::fromName);
		}
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		return QuestionsController.parse("format", dot < 0 ? "" : name.substring(dot + 1), QuestionFormat::fromName);
	}

	/** A bank name as a file name: what file systems refuse is replaced, Vietnamese letters are kept. */
	static String fileName(String name) {
		String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		return safe.isEmpty() ? "questions" : safe;
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, String contentType, String fileName) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(contentType));
		headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
		headers.setContentLength(bytes.length);
		return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
	}
}
