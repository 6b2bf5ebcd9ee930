package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import vn.quizfest.server.game.Game;
import vn.quizfest.server.game.GameEvent;
import vn.quizfest.server.game.GameEvent.FloorChanged;
import vn.quizfest.server.game.GameEvent.BuzzerBoardChanged;
import vn.quizfest.server.game.GameEvent.GameEnded;
import vn.quizfest.server.game.GameEvent.GoldenBellAwarded;
import vn.quizfest.server.game.GameEvent.GamePaused;
import vn.quizfest.server.game.GameEvent.GameResumed;
import vn.quizfest.server.game.GameEvent.LeaderboardShown;
import vn.quizfest.server.game.GameEvent.LobbyLocked;
import vn.quizfest.server.game.GameEvent.PlayerDisconnected;
import vn.quizfest.server.game.GameEvent.PlayerJoined;
import vn.quizfest.server.game.GameEvent.PlayerKicked;
import vn.quizfest.server.game.GameEvent.PlayerReconnected;
import vn.quizfest.server.game.GameEvent.PodiumShown;
import vn.quizfest.server.game.GameEvent.QuestionClosed;
import vn.quizfest.server.game.GameEvent.QuestionOpened;
import vn.quizfest.server.game.GameEvent.QuestionPreviewed;
import vn.quizfest.server.game.GameEvent.QuestionSkipped;
import vn.quizfest.server.game.GameEvent.UnitsRanked;
import vn.quizfest.server.game.UnitStanding;
import vn.quizfest.server.game.Outcome;
import vn.quizfest.server.game.Player;
import vn.quizfest.server.game.Standing;
import vn.quizfest.server.game.format.buzzer.BuzzerFormat;
import vn.quizfest.server.game.format.buzzer.ContestantTally;
import vn.quizfest.server.game.format.elimination.EliminationFormat;
import vn.quizfest.server.game.format.elimination.PlayerFate;
import vn.quizfest.server.results.ResultRecord;
import vn.quizfest.server.results.ResultsWriter;

/**
 * The listener that turns a game's events into result records for the batch writer. Records go
 * through the game's outbox, behind the frames of the same event, so the players hear first and the
 * records keep the order of the events.
 */
final class ResultsRecorder implements GameEvent.Listener {

	private final Game game;

	private final ResultsWriter results;

	private final Frames frames;

	private final Executor outbox;

	/** Team play by unit: the units' final standings, told just before the podium; under the game's lock. */
	private List<ResultRecord.FinalUnit> finalUnits = List.of();

	ResultsRecorder(Game game, ResultsWriter results, Frames frames, Executor outbox) {
		this.game = game;
		this.results = results;
		this.frames = frames;
		this.outbox = outbox;
	}

	private void submit(ResultRecord record) {
		outbox.execute(() -> results.submit(record));
	}

	@Override
	public void playerJoined(PlayerJoined event, long now) {
		Player p = event.player();
		submit(new ResultRecord.PlayerJoined(game.id(), p.number(), p.nickname(), p.joinedAt(),
				p.unit() == null ? null : p.unit().id(), p.unit() == null ? null : p.unit().name()));
	}

	@Override
	public void playerKicked(PlayerKicked event, long now) {
		submit(new ResultRecord.PlayerKicked(game.id(), event.player().number()));
	}

	@Override
	public void playerDisconnected(PlayerDisconnected event, long now) {
		// Connections are not results: a player who drops keeps every answer given.
	}

	@Override
	public void playerReconnected(PlayerReconnected event, long now) {
		// As above.
	}

	@Override
	public void questionPreviewed(QuestionPreviewed event, long now) {
		if (event.question().index() == 0) {
			submit(new ResultRecord.StatusChanged(game.id(), "RUNNING", now));
		}
	}

	@Override
	public void lobbyLocked(LobbyLocked event, long now) {
		// Who may join is no result.
	}

	@Override
	public void questionOpened(QuestionOpened event, long now) {
		// The answers are recorded when the question closes, graded.
	}

	@Override
	public void questionClosed(QuestionClosed closed, long now) {
		// The stored receive time is the one the ack carried: for an answer in the open lead it is before
		// the open (its response time is 0), so it cannot be rebuilt from the response time.
		String gameId = game.id();
		int position = closed.question().index();
		outbox.execute(() -> {
			for (Outcome outcome : closed.outcomes().values()) {
				if (outcome.answered() && outcome.submission() != null) {
					results.submit(new ResultRecord.AnswerScored(gameId, position, outcome.player(),
							frames.submission(outcome.submission()), outcome.correct(), outcome.credit(),
							outcome.points(), outcome.streak(), outcome.responseMillis(),
							outcome.receivedAt()));
				}
			}
		});
	}

	@Override
	public void questionSkipped(QuestionSkipped event, long now) {
		submit(new ResultRecord.QuestionSkipped(game.id(), event.question().index()));
	}

	@Override
	public void leaderboardShown(LeaderboardShown event, long now) {
		// Shown standings are the ones recorded at the close.
	}

	@Override
	public void gamePaused(GamePaused event, long now) {
		// A pause changes no result.
	}

	@Override
	public void gameResumed(GameResumed event, long now) {
		// As above.
	}

	@Override
	public void podiumShown(PodiumShown podium, long now) {
		List<Standing> standings = podium.standings();
		String gameId = game.id();
		List<ResultRecord.FinalUnit> units = finalUnits;
		outbox.execute(() -> {
			List<ResultRecord.FinalStanding> finals = new ArrayList<>(standings.size());
			for (Standing s : standings) {
				finals.add(new ResultRecord.FinalStanding(s.player(), s.score(), s.rank(), s.correctCount(),
						s.correctMillis()));
			}
			results.submit(new ResultRecord.GameFinished(gameId, now, finals, units));
		});
	}

	@Override
	public void gameEnded(GameEnded ended, long now) {
		submit(new ResultRecord.StatusChanged(game.id(), "ENDED", now));
	}

	// ---- Team play by unit ----

	@Override
	public void unitsRanked(UnitsRanked ranked, long now) {
		if (!ranked.last()) {
			return; // the standings after each question are frames, not results
		}
		List<ResultRecord.FinalUnit> units = new ArrayList<>(ranked.standings().size());
		for (UnitStanding standing : ranked.standings()) {
			units.add(new ResultRecord.FinalUnit(standing.unit().id(), standing.unit().name(),
					standing.ranked() ? standing.rank() : null, units.size() + 1, standing.score(), standing.members()));
		}
		finalUnits = units;
	}

	// ---- Rung chuông vàng (game/format/elimination) ----

	@Override
	public void floorChanged(FloorChanged event, long now) {
		// Where each player ends is recorded once, with the bell: the moves in between are in the answers.
	}

	/** Every player's number, the question of the last fall, the rescues and the bell, in one record. */
	@Override
	public void goldenBellAwarded(GoldenBellAwarded bell, long now) {
		if (!(game.format() instanceof EliminationFormat format)) {
			return;
		}
		Set<Integer> winners = new HashSet<>(bell.winners());
		List<ResultRecord.FloorFate> fates = new ArrayList<>();
		for (PlayerFate fate : format.grid()) {
			fates.add(new ResultRecord.FloorFate(fate.player(), fate.badge(), fate.name(), fate.fellAt(),
					fate.rescues(), winners.contains(fate.player())));
		}
		submit(new ResultRecord.FloorFates(game.id(), fates));
		// Team play by unit: the units' standings (told just before) gain their survivors and the winner.
		if (!bell.units().isEmpty()) {
			java.util.Map<String, Integer> remaining = new java.util.HashMap<>();
			bell.units().forEach(count -> remaining.put(count.unit().id(), count.remaining()));
			List<ResultRecord.FinalUnit> units = new ArrayList<>(finalUnits.size());
			for (ResultRecord.FinalUnit unit : finalUnits) {
				units.add(unit.onFloor(remaining.getOrDefault(unit.unitId(), 0),
						bell.unit() != null && bell.unit().id().equals(unit.unitId())));
			}
			finalUnits = units;
		}
	}

	// ---- buzzer format (Olympia-style rounds) ----

	/** The contestants' figures last handed to the writer; under the game's lock. */
	private List<ResultRecord.StageSeat> stageWritten = List.of();

	/**
	 * Every change of the stage (seats, presses, judgements, a skip that undoes a question) rewrites the
	 * contestants' figures when they differ from the last written: at most 8 rows, a few times a
	 * question, so results read during the game are current and the contestants stay apart from the
	 * audience, whose points are in the answers and the final standings.
	 */
	@Override
	public void buzzerBoardChanged(BuzzerBoardChanged event, long now) {
		if (!(game.format() instanceof BuzzerFormat format)) {
			return;
		}
		List<ResultRecord.StageSeat> stage = new ArrayList<>();
		for (ContestantTally t : format.stageStandings()) {
			stage.add(new ResultRecord.StageSeat(t.player(), t.seat(), t.rank(), t.score(), t.warmup(),
					t.acceleration(), t.finish(), t.presses(), t.right(), t.wrong(), t.steals(), t.stealsRight(),
					t.starAt()));
		}
		if (stage.equals(stageWritten)) {
			return;
		}
		stageWritten = List.copyOf(stage);
		submit(new ResultRecord.StageScores(game.id(), stage));
	}
}
