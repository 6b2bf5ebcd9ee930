package vn.quizfest.server.contest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.quizfest.server.bank.GameSettingsRequest.NumberEntry;
import vn.quizfest.server.game.Unit;
import vn.quizfest.server.game.format.elimination.EliminationSettings;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;

/**
 * Rung chuông vàng: reads the organiser's list of numbers (số báo danh) from a spreadsheet, first
 * column the number, second the name, a heading row first. Two more columns are optional, as an
 * organiser's sheet of a school's classes has them: the third the unit (team play by unit: the id of
 * the class or commune the number plays for), the fourth a mark ("x", "dự bị") for a substitute, who
 * waits off the floor until the unit falls below the set number of players. Nothing is stored: the
 * console puts the list into the new game's settings. Rows with problems come back with their row number.
 */
@RestController
class NumberListController {

	/** A problem of one row; {@code row} counts from 1 like the spreadsheet's. */
	record RowProblem(int row, String field, String code, String message) {
	}

	/** @param reserves the numbers marked as substitutes, in the sheet's order (the order they come on) */
	record NumberList(int rows, List<NumberEntry> numbers, List<RowProblem> errors, List<String> reserves) {
	}

	/** A fourth-column value that says "not a substitute" (an empty cell says it too). */
	private static final Set<String> NOT_RESERVE = Set.of("0", "no", "n", "false", "không", "khong", "k");

	private static final int MAX_NAME = 200;

	private final Messages messages;

	NumberListController(Messages messages) {
		this.messages = messages;
	}

	@PostMapping("/api/games/numbers")
	@Operation(summary = "Read a list of numbers (số báo danh) and names from XLSX for a Rung chuông vàng game")
	NumberList read(@RequestParam("file") MultipartFile file) {
		List<NumberEntry> numbers = new ArrayList<>();
		List<RowProblem> errors = new ArrayList<>();
		List<String> reserves = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int rows = 0;
		try (InputStream in = file.getInputStream(); Workbook workbook = WorkbookFactory.create(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "game.numbers.file.invalid");
			}
			Sheet sheet = workbook.getSheetAt(0);
			// The cell's own format keeps a number's leading zeros ("007" shown as 007 stays 007).
			DataFormatter format = new DataFormatter(Locale.ROOT);
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue; // the headings
				}
				String number = text(format, row.getCell(0));
				String name = text(format, row.getCell(1));
				String unit = text(format, row.getCell(2));
				String reserveMark = text(format, row.getCell(3));
				if (number == null && name == null && unit == null && reserveMark == null) {
					continue;
				}
				rows++;
				if (rows > EliminationSettings.MAX_NUMBERS) {
					throw new ApiException(HttpStatus.BAD_REQUEST, "game.numbers.too-many",
							EliminationSettings.MAX_NUMBERS);
				}
				int at = row.getRowNum() + 1;
				if (number == null) {
					errors.add(problem(at, "number", "game.number.required"));
				}
				else if (number.length() > EliminationSettings.MAX_NUMBER_LENGTH) {
					errors.add(problem(at, "number", "game.number.too-long", EliminationSettings.MAX_NUMBER_LENGTH));
				}
				else if (!seen.add(EliminationSettings.Badge.key(number))) {
					errors.add(problem(at, "number", "game.number.duplicate", number));
				}
				if (name != null && name.length() > MAX_NAME) {
					errors.add(problem(at, "name", "game.number.name-too-long", MAX_NAME));
				}
				if (unit != null && unit.length() > Unit.MAX_ID_LENGTH) {
					errors.add(problem(at, "unit", "game.number.unit-too-long", Unit.MAX_ID_LENGTH));
				}
				numbers.add(new NumberEntry(number, name, unit));
				if (number != null && reserveMark != null && !NOT_RESERVE.contains(reserveMark.toLowerCase(Locale.ROOT))) {
					reserves.add(number);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.numbers.file.invalid");
		}
		if (rows == 0) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.numbers.empty");
		}
		return new NumberList(rows, errors.isEmpty() ? numbers : List.of(), errors,
				errors.isEmpty() ? reserves : List.of());
	}

	private RowProblem problem(int row, String field, String code, Object... args) {
		return new RowProblem(row, field, code, messages.get(code, args));
	}

	private static @Nullable String text(DataFormatter format, @Nullable Cell cell) {
		if (cell == null) {
			return null;
		}
		String text = format.formatCellValue(cell).strip();
		return text.isEmpty() ? null : text;
	}
}
