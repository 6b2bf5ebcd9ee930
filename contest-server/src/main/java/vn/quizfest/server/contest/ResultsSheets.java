package vn.quizfest.server.contest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.quizfest.questionbank.CsvWriter;
import vn.quizfest.server.results.GameResults;
import vn.quizfest.server.results.GameResults.PlayerResult;
import vn.quizfest.server.results.GameResults.QuestionResult;
import vn.quizfest.server.system.Messages;

/**
 * A game's results as files for organisers: a workbook with a players sheet and a questions sheet, and
 * the players table as CSV for any spreadsheet. Headings in the caller's language. Nicknames are what
 * players typed: a text that a spreadsheet could take for a formula gets a leading apostrophe.
 */
@Component
class ResultsSheets {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String CSV = "text/csv;charset=UTF-8";

	private static final byte[] BOM = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };

	/** Rows kept in memory while the workbook streams the rest to disk: a big contest has 20,000 players. */
	private static final int ROWS_IN_MEMORY = 200;

	private final Messages messages;

	ResultsSheets(Messages messages) {
		this.messages = messages;
	}

	/** Text a spreadsheet would read as a formula (or that starts with a tab or CR) is kept as text. */
	static String safe(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	byte[] xlsx(GameResults results, Locale locale) {
		var out = new ByteArrayOutputStream();
		SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
		try {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			CellStyle tenths = workbook.createCellStyle();
			tenths.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
			GameResults.BuzzerResults buzzer = results.buzzer();
			if (buzzer != null) {
				// Buzzer rounds: the contestants' tens and the audience's thousands are two rankings, two sheets.
				writeContestants(workbook.createSheet(messages.get(locale, "results.sheet.contestants")), buzzer, locale,
						header);
				writePlayers(workbook.createSheet(messages.get(locale, "results.sheet.audience")), audienceOnly(results),
						locale, header, tenths);
			}
			else {
				writePlayers(workbook.createSheet(messages.get(locale, "results.sheet.players")), results, locale, header,
						tenths);
			}
			writeQuestions(workbook.createSheet(messages.get(locale, "results.sheet.questions")), results, locale, header,
					tenths);
			if (teamPlay(results)) {
				writeUnits(workbook.createSheet(messages.get(locale, "results.sheet.units")), results, locale, header,
						tenths);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
		}
		return out.toByteArray();
	}

	/**
	 * The players table through the one CSV writer of every export ({@link CsvWriter}): safe for both
	 * list separators, no cell a formula.
	 */
	byte[] csv(GameResults results, Locale locale) {
		GameResults.BuzzerResults buzzer = results.buzzer();
		if (buzzer != null) {
			return buzzerCsv(results, buzzer, locale);
		}
		NumberFormat decimal = NumberFormat.getNumberInstance(locale);
		decimal.setMinimumFractionDigits(1);
		decimal.setMaximumFractionDigits(1);
		decimal.setGroupingUsed(false);
		var out = new ByteArrayOutputStream();
		boolean teams = teamPlay(results);
		boolean floor = hasFloor(results);
		List<String> headings = new ArrayList<>(playerHeadings(locale, teams));
		if (floor) {
			headings.addAll(floorHeadings(locale));
		}
		boolean unitFloor = unitFloor(results);
		if (unitFloor) {
			headings.addAll(unitFloorHeadings(locale));
		}
		CsvWriter csv = CsvWriter.onto(out).record(headings);
		for (PlayerResult player : results.players()) {
			Double seconds = correctSeconds(player);
			List<Object> cells = new ArrayList<>(Arrays.asList(player.rank(), player.nickname(), player.score(),
					player.correctCount(), player.answered(), seconds == null ? null : decimal.format(seconds)));
			if (teams) {
				cells.add(player.unitName());
			}
			if (floor) {
				GameResults.Floor fate = player.floor();
				cells.addAll(fate == null ? Arrays.asList(null, null, null, null, null)
						: Arrays.asList(fate.badge(), fate.name(), fate.fellAt() == null ? null : fate.fellAt() + 1,
								fate.rescues(), goldenBell(fate, locale)));
			}
			if (unitFloor) {
				cells.addAll(unitFloorCells(results, player.unitId(), locale));
			}
			csv.record(cells);
		}
		csv.flush();
		return out.toByteArray();
	}

	private List<String> playerHeadings(Locale locale, boolean teams) {
		List<String> headings = new ArrayList<>(List.of(messages.get(locale, "results.column.rank"),
				messages.get(locale, "results.column.nickname"), messages.get(locale, "results.column.score"),
				messages.get(locale, "results.column.correct"), messages.get(locale, "results.column.answered"),
				messages.get(locale, "results.column.correct-seconds")));
		if (teams) {
			headings.add(messages.get(locale, "results.column.unit"));
		}
		return headings;
	}

	/** Team play by unit: a game whose players played for units gets a unit column and a units sheet. */
	private static boolean teamPlay(GameResults results) {
		return !results.units().isEmpty() || results.players().stream().anyMatch(p -> p.unitId() != null);
	}

	private void writeUnits(Sheet sheet, GameResults results, Locale locale, CellStyle header, CellStyle tenths) {
		boolean unitFloor = unitFloor(results);
		List<String> headings = new ArrayList<>(List.of(messages.get(locale, "results.column.rank"),
				messages.get(locale, "results.column.unit-id"), messages.get(locale, "results.column.unit"),
				messages.get(locale, "results.column.unit-score"), messages.get(locale, "results.column.unit-members")));
		if (unitFloor) {
			headings.addAll(unitFloorHeadings(locale));
		}
		headings(sheet, headings, header, unitFloor ? new int[] { 8, 14, 32, 16, 16, 18, 20 } : new int[] { 8, 14, 32, 16, 16 });
		int rowNumber = 1;
		for (GameResults.UnitResult unit : results.units()) {
			Row row = sheet.createRow(rowNumber++);
			if (unit.rank() != null) {
				row.createCell(0).setCellValue(unit.rank());
			}
			row.createCell(1).setCellValue(safe(unit.unitId()));
			row.createCell(2).setCellValue(safe(unit.unitName()));
			number(row, 3, unit.score(), tenths);
			row.createCell(4).setCellValue(unit.members());
			if (unitFloor && unit.survivors() != null) {
				row.createCell(5).setCellValue(unit.survivors());
				if (Boolean.TRUE.equals(unit.goldenBell())) {
					row.createCell(6).setCellValue(messages.get(locale, "results.golden-bell.yes"));
				}
			}
		}
	}

	// ---- Rung chuông vàng by unit: each unit's survivors and the winning unit ----

	private static boolean unitFloor(GameResults results) {
		return results.units().stream().anyMatch(unit -> unit.survivors() != null);
	}

	private List<String> unitFloorHeadings(Locale locale) {
		return List.of(messages.get(locale, "results.column.unit-survivors"),
				messages.get(locale, "results.column.unit-golden-bell"));
	}

	/** In the players' CSV: the player's unit's survivors and whether that unit won. */
	private List<Object> unitFloorCells(GameResults results, @Nullable String unitId, Locale locale) {
		for (GameResults.UnitResult unit : results.units()) {
			if (unit.unitId().equals(unitId)) {
				return Arrays.asList(unit.survivors(),
						Boolean.TRUE.equals(unit.goldenBell()) ? messages.get(locale, "results.golden-bell.yes") : null);
			}
		}
		return Arrays.asList(null, null);
	}

	// ---- Rung chuông vàng: the floor columns, only in exports of that format ----

	private static boolean hasFloor(GameResults results) {
		return results.players().stream().anyMatch(player -> player.floor() != null);
	}

	private List<String> floorHeadings(Locale locale) {
		return List.of(messages.get(locale, "results.column.badge"), messages.get(locale, "results.column.badge-name"),
				messages.get(locale, "results.column.fell-at"), messages.get(locale, "results.column.rescues"),
				messages.get(locale, "results.column.golden-bell"));
	}

	private @Nullable String goldenBell(GameResults.Floor fate, Locale locale) {
		return fate.goldenBell() ? messages.get(locale, "results.golden-bell.yes") : null;
	}

	private void writeFloor(Row row, int from, GameResults.@Nullable Floor fate, Locale locale) {
		if (fate == null) {
			return;
		}
		row.createCell(from).setCellValue(safe(fate.badge()));
		if (fate.name() != null) {
			row.createCell(from + 1).setCellValue(safe(fate.name()));
		}
		if (fate.fellAt() != null) {
			row.createCell(from + 2).setCellValue(fate.fellAt() + 1);
		}
		row.createCell(from + 3).setCellValue(fate.rescues());
		String bell = goldenBell(fate, locale);
		if (bell != null) {
			row.createCell(from + 4).setCellValue(bell);
		}
	}

	private void writePlayers(Sheet sheet, GameResults results, Locale locale, CellStyle header, CellStyle tenths) {
		boolean teams = teamPlay(results);
		boolean floor = hasFloor(results);
		List<String> headings = new ArrayList<>(playerHeadings(locale, teams));
		List<Integer> widths = new ArrayList<>(List.of(8, 28, 12, 14, 16, 24));
		if (teams) {
			widths.add(28);
		}
		if (floor) {
			headings.addAll(floorHeadings(locale));
			widths.addAll(List.of(14, 28, 16, 16, 18));
		}
		headings(sheet, headings, header, widths.stream().mapToInt(Integer::intValue).toArray());
		int rowNumber = 1;
		for (PlayerResult player : results.players()) {
			Row row = sheet.createRow(rowNumber++);
			if (player.rank() != null) {
				row.createCell(0).setCellValue(player.rank());
			}
			row.createCell(1).setCellValue(safe(player.nickname()));
			row.createCell(2).setCellValue(player.score());
			row.createCell(3).setCellValue(player.correctCount());
			row.createCell(4).setCellValue(player.answered());
			number(row, 5, correctSeconds(player), tenths);
			if (teams && player.unitName() != null) {
				row.createCell(6).setCellValue(safe(player.unitName()));
			}
			if (floor) {
				writeFloor(row, teams ? 7 : 6, player.floor(), locale);
			}
		}
	}

	private void writeQuestions(Sheet sheet, GameResults results, Locale locale, CellStyle header, CellStyle tenths) {
		int optionColumns = results.questions().stream().mapToInt(q -> q.options().size()).max().orElse(0);
		List<String> headings = new ArrayList<>(List.of(messages.get(locale, "results.column.number"),
				messages.get(locale, "results.column.text"), messages.get(locale, "results.column.type"),
				messages.get(locale, "results.column.skipped"), messages.get(locale, "results.column.question-answered"),
				messages.get(locale, "results.column.question-correct"), messages.get(locale, "results.column.percent-correct"),
				messages.get(locale, "results.column.average-seconds")));
		int[] widths = new int[headings.size() + optionColumns];
		System.arraycopy(new int[] { 8, 60, 18, 12, 14, 14, 14, 20 }, 0, widths, 0, headings.size());
		for (int i = 0; i < optionColumns; i++) {
			headings.add(messages.get(locale, "results.column.option", letter(i)));
			widths[8 + i] = 32;
		}
		headings(sheet, headings, header, widths);
		int rowNumber = 1;
		for (QuestionResult question : results.questions()) {
			Row row = sheet.createRow(rowNumber++);
			boolean poll = "POLL".equals(question.questionType());
			row.createCell(0).setCellValue(question.position() + 1);
			row.createCell(1).setCellValue(safe(question.text()));
			row.createCell(2).setCellValue(messages.get(locale, "question.type." + question.questionType()));
			row.createCell(3).setCellValue(messages.get(locale, question.skipped() ? "results.yes" : "results.no"));
			row.createCell(4).setCellValue(question.answered());
			if (!poll) {
				row.createCell(5).setCellValue(question.correct());
				number(row, 6, question.answered() == 0 ? null : 100.0 * question.correct() / question.answered(), tenths);
			}
			number(row, 7, question.averageResponseMillis() == null ? null : question.averageResponseMillis() / 1000.0,
					tenths);
			for (int i = 0; i < question.options().size(); i++) {
				row.createCell(8 + i).setCellValue(option(question, i));
			}
		}
	}

	/** "✓ A: Bộ Công an — 12": the letter, the option, how many picked it; a tick on the right ones. */
	private static String option(QuestionResult question, int index) {
		String text = letter(index) + ": " + question.options().get(index);
		if (index < question.distribution().size()) {
			text += " — " + question.distribution().get(index);
		}
		return safe((question.correctOptions().contains(index) ? "✓ " : "") + text);
	}

	private static String letter(int index) {
		return index < 26 ? String.valueOf((char) ('A' + index)) : Integer.toString(index + 1);
	}

	private static void headings(Sheet sheet, List<String> headings, CellStyle style, int[] widths) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < headings.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headings.get(i));
			cell.setCellStyle(style);
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	private static void number(Row row, int column, @Nullable Double value, CellStyle style) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(Math.round(value * 10) / 10.0);
			cell.setCellStyle(style);
		}
	}

	/** Mean response time of the correct answers in seconds, one decimal; null without a correct answer. */
	static @Nullable Double correctSeconds(PlayerResult player) {
		return player.correctCount() == 0 ? null : Math.round(player.correctMillis() / (double) player.correctCount() / 100.0) / 10.0;
	}

	// ---- Buzzer rounds: the contestants apart from the audience, only in exports of that format ----

	/** The same results with the audience as the players: their own ranking, without the contestants. */
	private static GameResults audienceOnly(GameResults results) {
		GameResults.BuzzerResults buzzer = results.buzzer();
		return new GameResults(results.game(), buzzer == null ? results.players() : buzzer.audience(),
				results.questions(), results.units());
	}

	private List<String> stageHeadings(Locale locale) {
		return List.of(messages.get(locale, "results.column.seat"), messages.get(locale, "results.column.warmup"),
				messages.get(locale, "results.column.acceleration"), messages.get(locale, "results.column.finish"),
				messages.get(locale, "results.column.presses"), messages.get(locale, "results.column.right"),
				messages.get(locale, "results.column.wrong"), messages.get(locale, "results.column.steals"),
				messages.get(locale, "results.column.steals-right"), messages.get(locale, "results.column.star"));
	}

	/** Seat, points per round, presses, right, wrong, steals, steals right, the star's question (from 1). */
	private static List<Object> stageCells(GameResults.ContestantResult c) {
		return Arrays.asList(c.seat(), c.warmup(), c.acceleration(), c.finish(), c.presses(), c.right(), c.wrong(),
				c.steals(), c.stealsRight(), c.starAt() == null ? null : c.starAt() + 1);
	}

	private void writeContestants(Sheet sheet, GameResults.BuzzerResults buzzer, Locale locale, CellStyle header) {
		List<String> headings = new ArrayList<>(List.of(messages.get(locale, "results.column.rank"),
				messages.get(locale, "results.column.nickname"), messages.get(locale, "results.column.score")));
		headings.addAll(stageHeadings(locale));
		headings(sheet, headings, header, new int[] { 8, 28, 10, 8, 12, 12, 12, 16, 16, 16, 18, 18, 18 });
		int rowNumber = 1;
		for (GameResults.ContestantResult c : buzzer.contestants()) {
			Row row = sheet.createRow(rowNumber++);
			row.createCell(0).setCellValue(c.rank());
			row.createCell(1).setCellValue(safe(c.nickname()));
			row.createCell(2).setCellValue(c.score());
			List<Object> cells = stageCells(c);
			for (int i = 0; i < cells.size(); i++) {
				if (cells.get(i) instanceof Number number) {
					row.createCell(3 + i).setCellValue(number.doubleValue());
				}
			}
		}
	}

	/**
	 * One table for any spreadsheet: a role column, the contestants first in their ranking (score and the
	 * stage columns; the classic answer columns empty), then the audience in theirs (the classic columns;
	 * the stage columns empty).
	 */
	private byte[] buzzerCsv(GameResults results, GameResults.BuzzerResults buzzer, Locale locale) {
		NumberFormat decimal = NumberFormat.getNumberInstance(locale);
		decimal.setMinimumFractionDigits(1);
		decimal.setMaximumFractionDigits(1);
		decimal.setGroupingUsed(false);
		boolean teams = teamPlay(results);
		List<String> headings = new ArrayList<>();
		headings.add(messages.get(locale, "results.column.role"));
		headings.addAll(playerHeadings(locale, teams));
		List<String> stage = stageHeadings(locale);
		headings.addAll(stage);
		var out = new ByteArrayOutputStream();
		CsvWriter csv = CsvWriter.onto(out).record(headings);
		String contestant = messages.get(locale, "results.role.contestant");
		String watching = messages.get(locale, "results.role.audience");
		java.util.Map<Integer, PlayerResult> players = new java.util.HashMap<>();
		results.players().forEach(p -> players.put(p.player(), p));
		for (GameResults.ContestantResult c : buzzer.contestants()) {
			List<Object> cells = new ArrayList<>(Arrays.asList(contestant, c.rank(), c.nickname(), c.score(), null, null,
					null));
			if (teams) {
				PlayerResult p = players.get(c.player());
				cells.add(p == null ? null : p.unitName());
			}
			cells.addAll(stageCells(c));
			csv.record(cells);
		}
		for (PlayerResult player : buzzer.audience()) {
			Double seconds = correctSeconds(player);
			List<Object> cells = new ArrayList<>(Arrays.asList(watching, player.rank(), player.nickname(), player.score(),
					player.correctCount(), player.answered(), seconds == null ? null : decimal.format(seconds)));
			if (teams) {
				cells.add(player.unitName());
			}
			cells.addAll(java.util.Collections.nCopies(stage.size(), null));
			csv.record(cells);
		}
		csv.flush();
		return out.toByteArray();
	}
}
