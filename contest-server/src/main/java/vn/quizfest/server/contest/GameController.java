package vn.quizfest.server.contest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
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
import vn.quizfest.questionbank.Quiz;
import vn.quizfest.questionbank.Quizzes;
import vn.quizfest.server.account.OrganiserPrincipal;
import vn.quizfest.server.bank.BankAccess;
import vn.quizfest.server.bank.GameSettingsRequest;
import vn.quizfest.server.bank.QuizSettingsJson;
import vn.quizfest.server.game.GameSettings;
import vn.quizfest.server.game.Phase;
import vn.quizfest.server.leaderboard.Leaderboard;
import vn.quizfest.server.live.LiveGame;
import vn.quizfest.server.results.GamePage;
import vn.quizfest.server.results.GameResults;
import vn.quizfest.server.results.Games;
import vn.quizfest.server.results.StoredGame;
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

	private final Leaderboard leaderboard;

	private final BankAccess access;

	private final Quizzes quizzes;

	private final Games stored;

	private final QuizSettingsJson settingsJson;

	private final GameUnits units;

	GameController(LiveGames games, Games stored, Leaderboard leaderboard, BankAccess access, Quizzes quizzes,
			QuizSettingsJson settingsJson, GameUnits units) {
		this.games = games;
		this.units = units;
		this.settingsJson = settingsJson;
		this.stored = stored;
		this.leaderboard = leaderboard;
		this.access = access;
		this.quizzes = quizzes;
	}

	record NewGameRequest(@NotBlank(message = "game.title.required") @Size(max = 200, message = "field.too-long") String title,
			@Nullable @Size(max = MAX_QUESTIONS, message = "game.questions.too-many") List<Long> questionIds,
			@Nullable Long quizId,
			@Nullable @Pattern(regexp = "vi|en") String language, @Nullable @Valid GameSettingsRequest settings) {
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
		// The game plays either a saved quiz or the listed questions, in order; both must be visible to the caller.
		List<Question> chosen = new ArrayList<>();
		GameSettingsRequest quizSettings = null;
		if (request.quizId() != null) {
			Quiz quiz = access.readableQuiz(organiser, request.quizId());
			chosen.addAll(quizzes.quizQuestions(request.quizId()));
			quizSettings = settingsJson.read(quiz.settingsJson());
		}
		else if (request.questionIds() != null) {
			for (Long id : request.questionIds()) {
				if (id == null) {
					throw new ApiException(HttpStatus.BAD_REQUEST, "game.questions.required");
				}
				chosen.add(access.readableQuestion(organiser, id));
			}
		}
		if (chosen.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.questions.required");
		}
		if (chosen.size() > MAX_QUESTIONS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.questions.too-many", MAX_QUESTIONS);
		}
		GameSettings settings = request.settings() != null ? request.settings().resolve()
				: quizSettings == null ? GameSettings.defaults() : quizSettings.resolve();
		if (settings.format() == vn.quizfest.server.game.GameFormatKind.BUZZER) {
			// The buzzer rounds must take exactly the game's questions: checked before anything is stored.
			try {
				settings.buzzerOrDefaults().checkCovers(chosen.size());
			}
			catch (IllegalArgumentException ex) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "game.settings.invalid", ex.getMessage());
			}
		}
		// Team play by unit: units from the organisation's contest tree when the settings name a contest.
		GameSettingsRequest named = request.settings() != null ? request.settings() : quizSettings;
		settings = units.withContestUnits(settings, named == null ? null : named.teams(), organiser);
		LiveGames.CreatedGame created;
		try {
			created = games.create(new LiveGames.NewGame(request.title().strip(), chosen, settings,
					request.language() == null ? "vi" : request.language(), request.quizId(),
					organiser.organisationId(), organiser.id()));
		}
		catch (IllegalArgumentException ex) {
			// Settings that do not fit the chosen questions (Rung chuông vàng: a rescue question past the end).
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.settings.invalid", ex.getMessage());
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new GameCreated(created.id(), created.pin(), created.hostToken(), created.questionCount(),
					"/join/" + created.pin(), "/ws/play", "/ws/host"));
	}

	@GetMapping("/api/games/{id}")
	GameView get(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		LiveGame live = visibleLiveGame(id, organiser);
		return live.read(game -> new GameView(game.id(), live.pin(), live.title(), game.phase(), game.paused(),
				game.questionCount(), game.currentQuestion().map(q -> q.index()).orElse(-1), game.activePlayerCount()));
	}

	/**
	 * Ends a game from the console without its host token: any organiser of the game's organisation
	 * (HOST and above) may, so a game left behind on another laptop does not stay "in progress". Works
	 * on any node of a cluster (relayed to the node that holds the game) and for a game whose node is
	 * gone (the stored game is marked ended; its results stay).
	 */
	@PostMapping("/api/games/{id}/end")
	ResponseEntity<Void> end(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser)
			throws InterruptedException {
		StoredGame game = stored.findById(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		requireVisible(game, organiser, id);
		games.endByOrganiser(id);
		return ResponseEntity.noContent().build();
	}

	/** The live leaderboard as the leaderboard store holds it (Redis in cluster mode). */
	@GetMapping("/api/games/{id}/leaderboard")
	Map<String, Object> leaderboard(@PathVariable String id, @RequestParam(defaultValue = "10") int top,
			@AuthenticationPrincipal OrganiserPrincipal organiser) {
		LiveGame live = visibleLiveGame(id, organiser);
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

	/**
	 * Games of the caller's organisation (all games for an ADMIN), newest first; the games an organiser
	 * hid only with {@code includeHidden=true}.
	 */
	@GetMapping("/api/games")
	GamePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(defaultValue = "false") boolean includeHidden,
			@AuthenticationPrincipal OrganiserPrincipal organiser) {
		Long organisation = BankAccess.isAdmin(organiser) ? null : organiser.organisationId();
		if (organisation == null && !BankAccess.isAdmin(organiser)) {
			return new GamePage(List.of(), page, size, 0);
		}
		return stored.listForOrganisation(organisation, Math.max(0, page), Math.max(1, Math.min(size, 200)),
				includeHidden);
	}

	/**
	 * Hides a game from the console's lists of games in progress and results (a game left behind, a
	 * rehearsal); its results stay and {@code unhide} brings it back. Any organiser of its organisation.
	 */
	@PostMapping("/api/games/{id}/hide")
	ResponseEntity<Void> hide(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		return setHidden(id, true, organiser);
	}

	@PostMapping("/api/games/{id}/unhide")
	ResponseEntity<Void> unhide(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		return setHidden(id, false, organiser);
	}

	private ResponseEntity<Void> setHidden(String id, boolean hidden, OrganiserPrincipal organiser) {
		StoredGame game = stored.findById(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		requireVisible(game, organiser, id);
		stored.setHidden(id, hidden);
		return ResponseEntity.noContent().build();
	}

	/** Stored results: every player's score, rank and correct count; per question the answers and their spread. */
	@GetMapping("/api/games/{id}/results")
	GameResults results(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		GameResults results = stored.results(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		requireVisible(results.game(), organiser, id);
		return results;
	}

	/** One stored answer, as the load simulator and audits compare it with what players were acknowledged. */
	record StoredAnswer(int q, int player, boolean correct, int points, long ms, long receivedAt) {
	}

	record StoredAnswers(String game, int count, List<StoredAnswer> answers) {
	}

	/**
	 * Every answer stored for a game, by question, then player (written behind the game, so answers of
	 * the question that just closed may take a moment to appear).
	 */
	@GetMapping("/api/games/{id}/answers")
	StoredAnswers answers(@PathVariable String id, @AuthenticationPrincipal OrganiserPrincipal organiser) {
		StoredGame game = stored.findById(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		requireVisible(game, organiser, id);
		List<StoredAnswer> answers = stored.answers(id)
			.stream()
			.map(a -> new StoredAnswer(a.position(), a.player(), a.correct(), a.points(), a.responseMillis(),
					a.receivedAt()))
			.toList();
		return new StoredAnswers(id, answers.size(), answers);
	}

	private LiveGame visibleLiveGame(String id, OrganiserPrincipal organiser) {
		LiveGame live = games.byId(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id));
		requireVisible(stored.findById(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id)),
				organiser, id);
		return live;
	}

	/** Other organisations' games are reported as not found, so their ids reveal nothing. */
	static void requireVisible(StoredGame game, OrganiserPrincipal organiser, String id) {
		Long owner = game.game().ownerOrganisationId();
		if (!BankAccess.isAdmin(organiser) && (owner == null || !owner.equals(organiser.organisationId()))) {
			throw new ApiException(HttpStatus.NOT_FOUND, "game.not-found", id);
		}
	}
}
