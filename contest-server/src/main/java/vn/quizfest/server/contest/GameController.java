package vn.quizfest.server.contest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.game.ScoringMode;
import vn.quizfest.server.leaderboard.Leaderboard;
import vn.quizfest.server.live.LiveGame;
import vn.quizfest.server.live.LiveGames;
import vn.quizfest.server.system.ApiException;

/**
 * Creating and watching live games. Creating one snapshots its questions and returns the PIN for
 * players and, once, the host token for the host's WebSocket (docs/protocol.md).
 */
@RestController
@PreAuthorize("hasRole('HOST')")
class GameController {

	static final int MAX_QUESTIONS = 200;

	private final LiveGames games;

	private final Questions questions;

	private final Leaderboard leaderboard;

	GameController(LiveGames games, Questions questions, Leaderboard leaderboard) {
		this.games = games;
		this.questions = questions;
		this.leaderboard = leaderboard;
	}

	/** Game settings as the API takes them; every field is optional and falls back to the default. */
	record Settings(@Nullable @Min(0) @Max(60) Integer previewSeconds, @Nullable ScoringMode scoring,
			@Nullable Boolean streaks, @Nullable @Min(1) @Max(50) Integer leaderboardSize, @Nullable Boolean autoAdvance,
			@Nullable @Min(1) @Max(120) Integer resultSeconds, @Nullable @Min(1) @Max(120) Integer leaderboardSeconds,
			@Nullable Boolean typeAnswerIgnoresDiacritics, @Nullable @Min(0) @Max(5000) Integer openLeadMillis,
			@Nullable @Min(1) @Max(GameSettings.MAX_PLAYERS_LIMIT) Integer maxPlayers) {

		GameSettings resolve() {
			GameSettings d = GameSettings.defaults();
			return new GameSettings(or(previewSeconds, d.previewSeconds()), scoring == null ? d.scoring() : scoring,
					or(streaks, d.streaks()), or(leaderboardSize, d.leaderboardSize()), or(autoAdvance, d.autoAdvance()),
					or(resultSeconds, d.resultSeconds()), or(leaderboardSeconds, d.leaderboardSeconds()),
					or(typeAnswerIgnoresDiacritics, d.typeAnswerIgnoresDiacritics()),
					or(openLeadMillis, d.openLeadMillis()), or(maxPlayers, d.maxPlayers()));
		}

		private static <T> T or(@Nullable T value, T fallback) {
			return value == null ? fallback : value;
		}
	}

	record NewGameRequest(@NotBlank(message = "game.title.required") @Size(max = 200, message = "field.too-long") String title,
			@Nullable @Size(max = MAX_QUESTIONS, message = "game.questions.too-many") List<Long> questionIds,
			@Nullable @Pattern(regexp = "vi|en") String language, @Nullable @Valid Settings settings) {
	}

	record GameCreated(String id, String pin, String hostToken, int questionCount, String joinUrl, String playerSocket,
			String hostSocket) {
	}

	record GameView(String id, String pin, String title, Phase phase, boolean paused, int questionCount,
			int currentQuestion, int players) {
	}

	@PostMapping("/api/games")
	ResponseEntity<GameCreated> create(@Valid @RequestBody NewGameRequest request,
			@AuthenticationPrincipal OrganiserPrincipal organiser) {
		List<Long> ids = request.questionIds() == null ? List.of() : request.questionIds();
		if (ids.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.questions.required");
		}
		List<Question> chosen = new ArrayList<>(ids.size());
		for (Long id : ids) {
			chosen.add(questions.findById(id)
				.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "game.question.not-found", id)));
		}
		GameSettings settings;
		try {
			settings = request.settings() == null ? GameSettings.defaults() : request.settings().resolve();
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.settings.invalid", ex.getMessage());
		}
		LiveGames.CreatedGame created = games.create(new LiveGames.NewGame(request.title().strip(), chosen, settings,
				request.language() == null ? "vi" : request.language(), null, organiser.organisationId(),
				organiser.id()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new GameCreated(created.id(), created.pin(), created.hostToken(), created.questionCount(),
					"/join/" + created.pin(), "/ws/play", "/ws/host"));
	}

	@GetMapping("/api/games/{id}")
	GameView get(@PathVariable String id) {
		LiveGame live = games.byId(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		return live.read(game -> new GameView(game.id(), live.pin(), live.title(), game.phase(), game.paused(),
				game.questionCount(), game.currentQuestion().map(q -> q.index()).orElse(-1), game.activePlayerCount()));
	}

	/** The live leaderboard as the leaderboard store holds it (Redis in cluster mode). */
	@GetMapping("/api/games/{id}/leaderboard")
	Map<String, Object> leaderboard(@PathVariable String id, @RequestParam(defaultValue = "10") int top) {
		LiveGame live = games.byId(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		int count = Math.max(1, Math.min(top, 100));
		var standings = leaderboard.top(live.id(), count);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Leaderboard.Standing standing : standings) {
			String nickname = live.read(game -> game.player(standing.player()).map(p -> p.nickname()).orElse(""));
			rows.add(Map.of("rank", standing.rank(), "player", standing.player(), "nickname", nickname, "score",
					standing.score()));
		}
		return Map.of("game", live.id(), "players", leaderboard.size(live.id()), "top", rows);
	}
}
