package vn.quizfest.server.contest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.results.GameResults;
import vn.quizfest.server.results.Games;
import vn.quizfest.server.system.ApiException;
import vn.quizfest.server.system.Messages;

/** A game's stored results as a workbook or a CSV file, for the same organisers who may read them. */
@RestController
@PreAuthorize("hasRole('HOST')")
class ResultsExportController {

	private final Games games;

	private final ResultsSheets sheets;

	private final Messages messages;

	ResultsExportController(Games games, ResultsSheets sheets, Messages messages) {
		this.games = games;
		this.sheets = sheets;
		this.messages = messages;
	}

	@GetMapping("/api/games/{id}/results.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		GameResults results = visible(id, organiser);
		Locale locale = LocaleContextHolder.getLocale();
		return file(sheets.xlsx(results, locale), ResultsSheets.XLSX, fileName(results, locale, "xlsx"));
	}

	@GetMapping("/api/games/{id}/results.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		GameResults results = visible(id, organiser);
		Locale locale = LocaleContextHolder.getLocale();
		return file(sheets.csv(results, locale), ResultsSheets.CSV, fileName(results, locale, "csv"));
	}

	private GameResults visible(String id, OrganiserPrincipal organiser) {
		GameResults results = games.results(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		GameController.requireVisible(results.game(), organiser, id);
		return results;
	}

	private String fileName(GameResults results, Locale locale, String extension) {
		return messages.get(locale, "results.filename", results.game().game().pin()) + "." + extension;
	}

	/** An attachment whose name survives every browser: an ASCII fallback and the UTF-8 name (RFC 5987). */
	private static ResponseEntity<byte[]> file(byte[] bytes, String contentType, String fileName) {
		String ascii = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9._-]", "_");
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
			.contentLength(bytes.length)
			.body(bytes);
	}
}
