package vn.quizfest.server.contest.window;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;
import vn.quizfest.server.web.JoinLinks;
import vn.quizfest.server.web.QrSvg;

/** Files around a contest: the unit list template and its import, and the public link as a QR code. */
@RestController
@RequestMapping("/api/contests")
@PreAuthorize("hasRole('ORGANISER')")
@Tag(name = "Contests", description = "Province-wide self-paced contests (docs/contests.md)")
class ContestFilesController {

	/** A problem of one row of an imported unit list; {@code row} counts from 1 like the spreadsheet's. */
	record RowProblem(int row, String field, String code, String message) {
	}

	record UnitImport(boolean dryRun, int rows, int units, List<RowProblem> errors, List<ContestStore.UnitRow> imported) {
	}

	static final int MAX_ROWS = ContestAdmin.MAX_UNITS;

	private final ContestAccess access;

	private final ContestAdmin admin;

	private final Messages messages;

	private final JoinLinks links;

	ContestFilesController(ContestAccess access, ContestAdmin admin, Messages messages, JoinLinks links) {
		this.access = access;
		this.admin = admin;
		this.messages = messages;
		this.links = links;
	}

	@GetMapping("/{id}/qr.svg")
	@Operation(summary = "The contest's public link as a QR code")
	ResponseEntity<byte[]> qr(@PathVariable long id, @AuthenticationPrincipal OrganiserPrincipal who,
			HttpServletRequest request) {
		Contest contest = access.contest(who, id);
		String base = links.phoneBase(request);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.valueOf(QrSvg.CONTENT_TYPE))
			.body(QrSvg.of(base + "/c/" + contest.slug()));
	}

	@GetMapping("/units-template.xlsx")
	@Operation(summary = "The unit list template: code, name, parent code, population; with example rows")
	ResponseEntity<byte[]> template() {
		Locale locale = LocaleContextHolder.getLocale();
		List<List<@Nullable Object>> examples = List.of(Arrays.asList("66", "Tỉnh Đắk Lắk", null, null),
				Arrays.asList("66001", "Phường Buôn Ma Thuột", "66", 120000),
				Arrays.asList("66002", "Xã Ea Kao", "66", 25000),
				Arrays.asList("66001-THCS1", "Trường THCS Nguyễn Du", "66001", 900));
		ContestSheets.Table table = new ContestSheets.Table(messages.get(locale, "contest.units.sheet"), headings(locale),
				new int[] { 16, 36, 18, 14 }, sink -> examples.forEach(sink));
		var out = new ByteArrayOutputStream();
		ContestSheets.xlsx(table, out);
		String name = messages.get(locale, "contest.units.template-file") + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(ContestSheets.XLSX))
			.body(out.toByteArray());
	}

	private List<String> headings(Locale locale) {
		return List.of(messages.get(locale, "contest.units.column.code"), messages.get(locale, "contest.units.column.name"),
				messages.get(locale, "contest.units.column.parentCode"),
				messages.get(locale, "contest.units.column.population"));
	}

	@PostMapping("/{id}/units/import")
	@Operation(summary = "Import the unit list from the XLSX template; dryRun=true only checks",
			description = "Rows with problems are listed with their row number; nothing is imported while there is one")
	UnitImport importUnits(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun, @AuthenticationPrincipal OrganiserPrincipal who) {
		Contest contest = access.contest(who, id);
		List<ContestAdmin.UnitRequest> units = new ArrayList<>();
		List<Integer> rowNumbers = new ArrayList<>();
		List<RowProblem> errors = new ArrayList<>();
		try (InputStream in = file.getInputStream(); Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
			if (sheet == null) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "contest.units.file.invalid");
			}
			DataFormatter format = new DataFormatter(Locale.ROOT);
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue; // the headings
				}
				String code = text(format, row.getCell(0));
				String name = text(format, row.getCell(1));
				String parent = text(format, row.getCell(2));
				String population = text(format, row.getCell(3));
				if (code == null && name == null && parent == null && population == null) {
					continue;
				}
				if (units.size() >= MAX_ROWS) {
					throw ContestProblem.invalid("units.invalid", List.of(new EntrantForm.Problem("file", "units.too-many")));
				}
				Long people = null;
				if (population != null) {
					try {
						people = Long.valueOf(population.replace(".", "").replace(",", "").replace(" ", ""));
					}
					catch (NumberFormatException ex) {
						errors.add(problem(row.getRowNum() + 1, "population", "unit.population.invalid"));
					}
				}
				units.add(new ContestAdmin.UnitRequest(code, name, parent, people));
				rowNumbers.add(row.getRowNum() + 1);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException || ex instanceof ContestProblem) {
				throw (RuntimeException) ex;
			}
			throw new ApiException(HttpStatus.BAD_REQUEST, "contest.units.file.invalid");
		}
		errors.addAll(check(units, rowNumbers));
		if (!errors.isEmpty() || dryRun) {
			return new UnitImport(dryRun, units.size(), errors.isEmpty() ? units.size() : 0, errors, List.of());
		}
		List<ContestStore.UnitRow> imported = admin.replaceUnits(contest, units);
		return new UnitImport(false, units.size(), imported.size(), List.of(), imported);
	}

	/** The same rules as the JSON replace, reported by spreadsheet row. */
	private List<RowProblem> check(List<ContestAdmin.UnitRequest> units, List<Integer> rowNumbers) {
		List<RowProblem> problems = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (ContestAdmin.UnitRequest u : units) {
			if (u.code() != null) {
				codes.add(u.code().strip());
			}
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < units.size(); i++) {
			ContestAdmin.UnitRequest u = units.get(i);
			int row = rowNumbers.get(i);
			if (u.code() == null) {
				problems.add(problem(row, "code", "field.required"));
			}
			else if (u.code().length() > 40) {
				problems.add(problem(row, "code", "field.too-long"));
			}
			else if (!seen.add(u.code().strip())) {
				problems.add(problem(row, "code", "unit.code.duplicate"));
			}
			if (u.name() == null) {
				problems.add(problem(row, "name", "field.required"));
			}
			else if (u.name().length() > ContestAdmin.MAX_TITLE) {
				problems.add(problem(row, "name", "field.too-long"));
			}
			if (u.parentCode() != null && !codes.contains(u.parentCode().strip())) {
				problems.add(problem(row, "parentCode", "unit.parent.unknown"));
			}
			if (u.population() != null && u.population() < 0) {
				problems.add(problem(row, "population", "unit.population.invalid"));
			}
		}
		return problems;
	}

	private RowProblem problem(int row, String field, String code) {
		return new RowProblem(row, field, code, messages.get(code, field));
	}

	private static @Nullable String text(DataFormatter format, @Nullable Cell cell) {
		if (cell == null) {
			return null;
		}
		String text = cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
				? Long.toString((long) cell.getNumericCellValue()) : format.formatCellValue(cell);
		text = text.strip();
		return text.isEmpty() ? null : text;
	}
}
