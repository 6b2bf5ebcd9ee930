package vn.quizfest.server.contest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.quizfest.server.game.TeamSettings;
import vn.quizfest.server.system.ApiException;

/**
 * Team play by unit: reads the organiser's list of who plays for which unit (XLSX or CSV, first row
 * headings, column 1 the nickname or player number, column 2 the unit id) into the {@code assignments}
 * of the game settings. Nothing is stored here: the console puts the answer in the create form.
 */
@RestController
@PreAuthorize("hasRole('HOST')")
class TeamListController {

	record Assignments(int rows, Map<String, String> assignments) {
	}

	@PostMapping("/api/games/teams/assignments")
	Assignments read(@RequestParam("file") MultipartFile file) {
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.list-unreadable", ex.getMessage());
		}
		List<String[]> rows = isZip(bytes) ? xlsx(bytes) : csv(bytes);
		Map<String, String> assignments = new LinkedHashMap<>();
		for (int i = 1; i < rows.size(); i++) {
			String[] row = rows.get(i);
			String who = row.length > 0 ? row[0].strip() : "";
			String unit = row.length > 1 ? row[1].strip() : "";
			if (who.isEmpty() && unit.isEmpty()) {
				continue;
			}
			if (who.isEmpty() || unit.isEmpty()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.list-unreadable",
						"row " + (i + 1) + ": two columns");
			}
			assignments.put(who, unit);
			if (assignments.size() > TeamSettings.MAX_ASSIGNMENTS) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.list-unreadable",
						"more than " + TeamSettings.MAX_ASSIGNMENTS + " rows");
			}
		}
		if (assignments.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.list-empty");
		}
		return new Assignments(assignments.size(), assignments);
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	private static List<String[]> xlsx(byte[] bytes) {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = new ByteArrayInputStream(bytes); Workbook workbook = WorkbookFactory.create(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				return rows;
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter(Locale.ROOT);
			for (Row row : sheet) {
				while (rows.size() < row.getRowNum()) {
					rows.add(new String[0]);
				}
				rows.add(new String[] { text(format, row.getCell(0)), text(format, row.getCell(1)) });
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.teams.list-unreadable", "XLSX");
		}
	}

	private static String text(DataFormatter format, @Nullable Cell cell) {
		return cell == null ? "" : format.formatCellValue(cell);
	}

	/** Comma or semicolon separated (a spreadsheet saved in Vietnamese settings uses semicolons), quotes allowed. */
	static List<String[]> csv(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<String[]> rows = new ArrayList<>();
		for (String line : text.split("\r?\n", -1)) {
			char separator = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						cell.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == separator) {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else {
					cell.append(c);
				}
			}
			cells.add(cell.toString());
			rows.add(cells.toArray(String[]::new));
		}
		return rows;
	}
}
